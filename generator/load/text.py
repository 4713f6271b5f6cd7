"""Turning file bytes into text, and text offsets into 1-based locations."""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.diagnostics import Diagnostic, GeneratorError, Location


def decode(data: bytes, file: str) -> str:
    """UTF-8 as JSON and OpenAPI require; a byte-order mark is tolerated because editors add it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        col = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        message = f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded"
        raise GeneratorError([Diagnostic(message, Location(file, line, col))]) from None


class Positions:
    """Character offset → line and column; indexed once, as parsers locate every node."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def location(self, index: int) -> Location:
        line = bisect_right(self._line_starts, index)
        return Location(self.file, line, index - self._line_starts[line - 1] + 1)
