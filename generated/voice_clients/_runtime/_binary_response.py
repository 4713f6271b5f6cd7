"""Binary responses: what a method whose success body is audio, a file or other bytes
returns, in the shape Stainless SDKs give it (`.content`, `.read()`, `.iter_bytes()`,
`.write_to_file()`, `.parse()` for the bytes, `.http_response`, `.http_request`,
`.retries_taken`), so callers coming from the vendors' SDKs keep their code. As there, it is
also what `with_raw_response` gives for such a method: it is a raw response already.

The body is already read: `with_streaming_response` is the way to read it as it arrives.
`.response` (also `.http_response`) is an httpx response rebuilt from the body
(`_masking.detached_response`), tied to a copy of the request that was sent with its
credentials masked (`_masking.masked_request`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from os import PathLike
from typing import Any

import httpx
import msgspec


class _BinaryBody:
    __slots__ = ("headers", "response", "retries_taken")

    def __init__(
        self, response: httpx.Response, headers: httpx.Headers, retries_taken: int = 0
    ) -> None:
        self.response: httpx.Response = response
        # As received (the rebuilt response leaves out `Content-Encoding`).
        self.headers: httpx.Headers = headers
        self.retries_taken = retries_taken

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {len(self.content)} bytes>"

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def http_response(self) -> httpx.Response:
        """`response`, by the name Stainless SDKs' raw responses give it."""
        return self.response

    @property
    def http_request(self) -> httpx.Request:
        """The request that was sent, its credentials masked (`[redacted]`)."""
        return self.response.request

    @property
    def url(self) -> httpx.URL:
        """The URL of the request, credentials in its query masked."""
        return self.response.request.url

    @property
    def method(self) -> str:
        return self.response.request.method

    @property
    def http_version(self) -> str:
        return self.response.http_version

    @property
    def elapsed(self) -> timedelta:
        """From sending the request to reading the whole body."""
        try:
            return self.response.elapsed
        except RuntimeError:  # a response built with its content (mock transports) has none
            return timedelta(0)

    @property
    def is_closed(self) -> bool:
        """True: the body is read and the connection released, as Stainless SDKs' binary
        responses and httpx's say once the body is read."""
        return self.response.is_closed

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def encoding(self) -> str:
        """The charset of `Content-Type`, else UTF-8: how `text` decodes the body."""
        return self.response.charset_encoding or "utf-8"

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, errors="replace")


def _json(content: bytes) -> Any:
    return msgspec.json.decode(content)


class BinaryResponse(_BinaryBody):
    """A binary body with its status and headers; `write_to_file` saves it."""

    __slots__ = ()

    def json(self) -> Any:
        """The body parsed as JSON (some servers answer an audio request with a JSON note)."""
        return _json(self.content)

    def parse(self) -> bytes:
        """The body, as the Stainless SDKs' binary responses parse it."""
        return self.content

    def read(self) -> bytes:
        return self.content

    def close(self) -> None:
        """Nothing to release: the connection was released when the body was read."""
        self.response.close()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.response.iter_lines()

    def write_to_file(self, file: str | PathLike[str]) -> int:
        """Write the body to `file`; the number of bytes written."""
        with open(file, "wb") as out:
            return out.write(self.content)


class AsyncBinaryResponse(_BinaryBody):
    """`BinaryResponse` for async clients: `await read()` and `json()`, as in the Stainless
    SDKs' async binary responses, and `async for` over `iter_bytes()`."""

    __slots__ = ()

    async def json(self) -> Any:
        """The body parsed as JSON; see `BinaryResponse.json`."""
        return _json(self.content)

    async def parse(self) -> bytes:
        """The body, as the Stainless SDKs' binary responses parse it."""
        return self.content

    async def read(self) -> bytes:
        return self.content

    async def close(self) -> None:
        """Nothing to release: the connection was released when the body was read."""
        await self.response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for text in self.response.aiter_text(chunk_size):
            yield text

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.response.aiter_lines():
            yield line

    async def write_to_file(self, file: str | PathLike[str]) -> int:
        """Write the body to `file` (the write itself blocks briefly); the bytes written."""
        with open(file, "wb") as out:
            return out.write(self.content)
