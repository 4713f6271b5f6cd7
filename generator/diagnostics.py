"""Located diagnostics: every problem the generator reports carries where it comes from.

Errors are values with a location, collected and raised together as one
`GeneratorError`, so that the CLI can print them as `file:line:col: pointer: message`
without a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file; `line` and `col` are 1-based."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, with the input file position and the JSON pointer it concerns."""

    message: str
    location: Location | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.location is not None:
            parts.append(str(self.location))
        if self.pointer is not None:
            parts.append(self.pointer or "/")
        parts.append(self.message)
        return ": ".join(parts)


class GeneratorError(Exception):
    """Raised with every diagnostic found at one stage; the CLI prints them one a line."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def escape_pointer_token(token: str) -> str:
    """Escape one reference token as RFC 6901 requires."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    if len(tokens) == 1:  # the loaders' case, once per node of the document: kept cheap
        token = str(tokens[0])
        if "~" in token or "/" in token:
            token = escape_pointer_token(token)
        return f"{pointer}/{token}"
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)
