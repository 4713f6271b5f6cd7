"""A real HTTP server on 127.0.0.1 for the generated clients, answering from a script."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# (status, headers, body); a float instead stalls that long, then answers 200 with `{}`.
Step = tuple[int, dict[str, str], bytes] | float


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class LocalServer:
    """Answers the n-th request with the n-th step (the last one repeats) and records it."""

    def __init__(self, *script: Step) -> None:
        self.script: Sequence[Step] = script
        self.seen: list[Seen] = []
        self._release = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                index = len(server.seen)
                server.seen.append(
                    Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                step = server.script[min(index, len(server.script) - 1)]
                if isinstance(step, float):
                    server._release.wait(step)
                    step = (200, {}, b"{}")
                status, headers, body = step
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @contextmanager
    def running(self) -> Iterator[LocalServer]:
        thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
        try:
            yield self
        finally:
            self._release.set()
            self._httpd.shutdown()
            self._httpd.server_close()
            thread.join(5)
