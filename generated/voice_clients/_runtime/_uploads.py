"""Raw upload bodies sent as a stream: a file is read in chunks while it is sent.

A `pathlib.Path` is opened anew for each attempt and a seekable file is rewound to where
it started, so a retry sends the same bytes again. An async iterable can be sent once
(it cannot be rewound), by the async client only. Anything else is read whole first.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import IO, cast

import httpx

from ._files import read_content

CHUNK_SIZE = 64 * 1024


class UploadStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body both clients can send; `length` is sent as Content-Length if known."""

    def __init__(
        self,
        open_file: Callable[[], IO[bytes]] | None = None,
        source: AsyncIterable[bytes] | None = None,
        *,
        length: int | None = None,
        close_after: bool = True,
    ) -> None:
        self._open = open_file
        self._source = source
        self._close_after = close_after
        self._sent = False
        self.length = length

    def __iter__(self) -> Iterator[bytes]:
        if self._open is None:
            raise TypeError("an async iterable body needs the async client")
        file = self._open()
        try:
            while chunk := file.read(CHUNK_SIZE):
                yield chunk
        finally:
            if self._close_after:
                file.close()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._open is not None:
            for chunk in self:  # small blocking reads between network writes
                yield chunk
            return
        assert self._source is not None
        if self._sent:
            raise RuntimeError("an async iterable body cannot be sent twice (no retries)")
        self._sent = True
        async for chunk in self._source:
            yield bytes(chunk)


def upload_body(value: object) -> bytes | UploadStream:
    """The content of a raw (binary) body: bytes as they are, files and iterables streamed."""
    if isinstance(value, Path):
        path = value
        return UploadStream(lambda: path.open("rb"), length=path.stat().st_size)
    if isinstance(value, AsyncIterable):
        return UploadStream(source=cast("AsyncIterable[bytes]", value))
    read = getattr(value, "read", None)
    if read is not None and _seekable(value):
        file: IO[bytes] = value  # type: ignore[assignment]
        start = file.tell()

        def rewound() -> IO[bytes]:
            file.seek(start)
            return file

        return UploadStream(rewound, length=_remaining(file, start), close_after=False)
    return read_content(value)


def _seekable(value: object) -> bool:
    try:
        return bool(value.seekable())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _remaining(file: IO[bytes], start: int) -> int | None:
    try:
        return os.fstat(file.fileno()).st_size - start
    except (AttributeError, OSError, ValueError):
        pass
    try:
        end = file.seek(0, os.SEEK_END)
        return end - start
    except (OSError, ValueError):
        return None
