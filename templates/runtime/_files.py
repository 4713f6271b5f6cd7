"""File uploads: what callers may pass for a binary field or body, and how it is sent.

A file is bytes, a binary file object, or a tuple `(filename, content)` or
`(filename, content, media_type)` like httpx's `files=`. Content is read once, when
the request is built, so that a retry sends the same bytes again.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Any, TypeAlias, cast

if TYPE_CHECKING:
    from collections.abc import AsyncIterable

    # A raw body may also be a path or an async byte iterable (see _uploads); form fields
    # take the other kinds.
    FileContent: TypeAlias = (
        IO[bytes] | bytes | bytearray | memoryview | Path | AsyncIterable[bytes]
    )
    FileInput: TypeAlias = (
        FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
    )
else:
    # msgspec validates request models; files are checked here instead, so any value passes.
    FileContent = Any
    FileInput = Any


def is_file(value: object) -> bool:
    if isinstance(value, bytes | bytearray | memoryview | PurePath) or hasattr(value, "read"):
        return True
    if not isinstance(value, tuple):
        return False
    parts = cast("tuple[object, ...]", value)
    return len(parts) in (2, 3) and is_file(parts[1])


def read_content(value: object) -> bytes:
    """The bytes of a file value (a tuple's content part, if given a tuple)."""
    if isinstance(value, tuple):
        value = cast("tuple[object, ...]", value)[1]
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, memoryview):
        return cast("memoryview[int]", value).tobytes()
    if isinstance(value, PurePath):
        return Path(value).read_bytes()
    read = getattr(value, "read", None)
    if read is None:
        raise TypeError(f"expected bytes or a binary file, got {type(value).__name__}")
    data = read()
    if isinstance(data, str):
        raise TypeError("the file is open in text mode; open it with 'rb'")
    return bytes(data)


def file_part(value: object, default_name: str) -> tuple[str | None, bytes, str | None]:
    """An httpx `files=` entry: (filename, content, media type)."""
    if isinstance(value, tuple):
        # (filename, content) or (filename, content, media type), as `FileInput` says.
        parts = cast("tuple[str | None, object] | tuple[str | None, object, str | None]", value)
        media_type = parts[2] if len(parts) == 3 else None
        return parts[0], read_content(parts), media_type
    name = value.name if isinstance(value, PurePath) else getattr(value, "name", None)
    filename = name.rsplit("/", 1)[-1] if isinstance(name, str) else default_name
    return filename, read_content(value), None
