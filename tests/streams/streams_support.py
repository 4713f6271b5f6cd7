"""Generating the fixture specs with their settings, and real HTTP servers on 127.0.0.1.

Each server runs a handler function per request in its own thread, so a test can hold
a response open, write it in pieces, or drop the connection half-way.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from generated_package import importable

from generator.load import load_spec_file
from generator.parse.api import build_api
from generator.render.formatting import format_files
from generator.render.renderer import Distribution, render_distribution
from generator.settings import ApiSettings, PaginationScheme, default_api_settings
from generator.validate import validate_spec
from generator.write.tree import write_tree


def build_files(
    spec: dict[str, Any],
    tmp_path: Path,
    package: str,
    *,
    operations: dict[str, str] | None = None,
    pagination: tuple[PaginationScheme, ...] = (),
) -> dict[str, bytes]:
    spec_file = tmp_path / f"{package}.json"
    spec_file.write_text(json.dumps(spec))
    loaded = load_spec_file(spec_file)
    validate_spec(loaded)
    settings: ApiSettings = replace(
        default_api_settings(package), operations=operations or {}, pagination=pagination
    )
    api = build_api(loaded, settings)
    dist = Distribution(package.replace("_", "-"), package, "0.1.0", (api,), flat=True)
    return format_files(render_distribution(dist))


@contextmanager
def generated_with(
    spec: dict[str, Any],
    tmp_path: Path,
    package: str,
    *,
    operations: dict[str, str] | None = None,
    pagination: tuple[PaginationScheme, ...] = (),
) -> Iterator[ModuleType]:
    """The package generated from `spec` with these settings, importable in the block."""
    out = tmp_path / "out"
    files = build_files(spec, tmp_path, package, operations=operations, pagination=pagination)
    write_tree(files, out)
    with importable(out, package) as module:
        yield module


class Exchange:
    """One request as the handler sees it, with helpers to answer."""

    def __init__(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        self.handler = handler
        self.method = handler.command
        parts = urlsplit(handler.path)
        self.path = parts.path
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.headers = handler.headers

    def body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding") == "chunked":
            return b"".join(self.chunks())
        return self.handler.rfile.read(length)

    def chunks(self) -> Iterator[bytes]:
        """The body of a chunked request, chunk by chunk."""
        rfile = self.handler.rfile
        while True:
            size = int(rfile.readline().strip(), 16)
            if size == 0:
                rfile.readline()
                return
            yield rfile.read(size)
            rfile.readline()

    def json(self) -> Any:
        return json.loads(self.body() or b"null")

    def start(self, status: int, headers: dict[str, str]) -> None:
        self.handler.send_response(status)
        for name, value in headers.items():
            self.handler.send_header(name, value)
        self.handler.end_headers()

    def write(self, data: bytes) -> None:
        self.handler.wfile.write(data)
        self.handler.wfile.flush()

    def send_json(self, value: object, status: int = 200) -> None:
        data = json.dumps(value).encode()
        self.start(status, {"Content-Type": "application/json", "Content-Length": str(len(data))})
        self.write(data)


Handler = Callable[[Exchange], None]


class LocalServer:
    """An HTTP/1.1 server on 127.0.0.1 calling `handle` for every request."""

    def __init__(self, handle: Handler) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        outer = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                exchange = Exchange(self)
                outer.requests.append((exchange.method, exchange.path, exchange.query))
                try:
                    handle(exchange)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @contextmanager
    def running(self) -> Iterator[LocalServer]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
            thread.join()
