"""Real HTTP/1.1 servers on 127.0.0.1 for the tests: one calling a handler function per
request, and one answering from a script.

Each request runs in its own thread, so a handler can hold a response open, write it in
pieces or drop the connection half-way. The server polls for shutdown every 10 ms: the
standard 0.5 s would be paid by every test that starts one.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Seen:
    """One request as it arrived: `path` is the target as sent (with its query)."""

    method: str
    path: str
    headers: dict[str, str]  # names lower-cased


class Exchange:
    """One request as the handler sees it, with helpers to answer."""

    def __init__(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        self.handler = handler
        self.method = handler.command
        parts = urlsplit(handler.path)
        self.path = parts.path
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.headers = handler.headers
        self.index = 0  # how many requests the server had seen before this one

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

    def start(
        self, status: int, headers: dict[str, str], *, content_length: int | None = None
    ) -> None:
        self.handler.send_response(status)
        for name, value in headers.items():
            self.handler.send_header(name, value)
        if content_length is not None:
            self.handler.send_header("Content-Length", str(content_length))
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
    """Calls `handle` for every request and records each one in `seen` before that.

    `release` is set when the server stops, so that a handler stalling on it ends.
    """

    def __init__(self, handle: Handler) -> None:
        self.seen: list[Seen] = []
        self.release = threading.Event()
        outer = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                exchange = Exchange(self)
                exchange.index = len(outer.seen)
                headers = {k.lower(): v for k, v in self.headers.items()}
                outer.seen.append(Seen(self.command, self.path, headers))
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

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """(method, path without the query, query parameters) of each request."""
        found = []
        for seen in self.seen:
            parts = urlsplit(seen.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            found.append((seen.method, parts.path, query))
        return found

    @property
    def paths(self) -> list[str]:
        """The target (path and query) of each request, in order."""
        return [seen.path for seen in self.seen]

    @contextmanager
    def running(self) -> Iterator[LocalServer]:
        thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
        try:
            yield self
        finally:
            self.release.set()
            self._server.shutdown()
            self._server.server_close()
            thread.join(5)


# (status, headers, body); a float instead stalls that long (until the server stops, at
# most), then answers 200 with `{}`: how the tests provoke client timeouts.
Step = tuple[int, dict[str, str], bytes] | float


class ScriptedServer(LocalServer):
    """Answers the n-th request with the n-th step of the script (the last one repeats)."""

    def __init__(self, *script: Step) -> None:
        self.script = script
        super().__init__(self._play)

    def _play(self, exchange: Exchange) -> None:
        exchange.body()
        step = self.script[min(exchange.index, len(self.script) - 1)]
        if isinstance(step, float):
            self.release.wait(step)
            step = (200, {}, b"{}")
        status, headers, body = step
        try:
            exchange.start(status, headers, content_length=len(body))
            exchange.write(body)
        except OSError:
            pass  # the client gave up waiting (timeout tests)
