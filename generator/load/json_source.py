"""JSON text → data plus the location of every node.

The `json` module gives no positions, and reading JSON as YAML changes its meaning
(`1e10` is a string in YAML 1.1, `"\\ud83d\\ude00"` is rejected by libyaml), so objects
and arrays are walked here while every scalar is decoded by `json` itself, at a known
offset, so numbers, strings and escapes mean exactly what they mean in `json`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, Location, join_pointer
from generator.load.levels import levels
from generator.load.limits import MAX_DEPTH
from generator.load.source_map import SourceMap
from generator.load.text import Positions

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_SCALARS = json.JSONDecoder(parse_constant=_no_constants)


class _Invalid(Exception):
    """A fatal syntax error at a character offset; JSON has no way to resynchronise."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.message = message
        self.index = index


def parse_json(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse one JSON document; duplicate keys are all reported, syntax errors stop parsing.

    A document that `json` reads without a duplicate key, a constant or nesting beyond
    the bound is exactly what the walk below would return (both decode every scalar with
    `json`), so it is read by `json` in C, and the walk that locates every node runs only
    when a location is first asked for: on a problem, or never. Anything else goes
    through the walk at once, which reports it.
    """
    value = _plain(text)
    if value is not None:
        return value, SourceMap(later=lambda: dict(_walk(text, file)[1].items()))
    return _walk(text, file)


class _Duplicate(Exception):
    """A key repeated in one object: the walk reports every one, with both places."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise _Duplicate
    return members


def _plain(text: str) -> Any | None:
    """The document's value if `json` accepts it as the walk would, else None."""
    try:
        value = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constants)
    except (ValueError, RecursionError, _Duplicate):  # JSONDecodeError is a ValueError
        return None
    if not isinstance(value, dict | list):
        return None  # a scalar document is rejected later, located: let the walk read it
    # The walk's bound: a container at depth MAX_DEPTH + 1 (the top level is depth 1).
    for depth, _ in enumerate(levels(value), start=1):
        if depth > MAX_DEPTH:
            return None
    return value


def _walk(text: str, file: str) -> tuple[Any, SourceMap]:
    """Objects and arrays walked here, every node's location recorded."""
    positions = Positions(text, file)
    if not text.strip():
        raise GeneratorError([Diagnostic("the file is empty", Location(file, 1, 1))])
    parser = _Parser(text, positions)
    try:
        start = parser.skip(0)
        value, end = parser.value(start, "", positions.location(start), 1)
        end = parser.skip(end)
        if end != len(text):
            raise _Invalid("extra data after the JSON value", end)
    except _Invalid as error:
        where = positions.location(error.index)
        raise GeneratorError([Diagnostic(f"invalid JSON: {error.message}", where)]) from None
    if parser.problems:
        raise GeneratorError(parser.problems)
    return value, SourceMap(parser.entries)


class _Parser:
    def __init__(self, text: str, positions: Positions) -> None:
        self.text = text
        self.positions = positions
        self.entries: dict[str, Location] = {}
        self.problems: list[Diagnostic] = []

    def skip(self, index: int) -> int:
        match = _WHITESPACE.match(self.text, index)
        assert match is not None  # the pattern also matches the empty string
        return match.end()

    def value(self, index: int, pointer: str, location: Location, depth: int) -> tuple[Any, int]:
        """Parse the value at `index`. Objects and arrays are parsed inline so that nesting
        costs one stack frame per level and the depth bound keeps clear of the recursion limit.
        """
        self.entries[pointer] = location
        opening = self.text[index : index + 1]
        if opening not in ("{", "["):
            return self.scalar(index)
        if depth > MAX_DEPTH:
            raise _Invalid(f"the document nests deeper than {MAX_DEPTH} levels", index)
        closing = "}" if opening == "{" else "]"
        members: dict[str, Any] = {}
        items: list[Any] = []
        index = self.skip(index + 1)
        if not self.text.startswith(closing, index):
            while True:
                if opening == "{":
                    key, key_location, index = self.key(index, pointer, members)
                    child = join_pointer(pointer, key)
                    members[key], index = self.value(index, child, key_location, depth + 1)
                else:
                    child = join_pointer(pointer, len(items))
                    item, index = self.value(index, child, self.where(index), depth + 1)
                    items.append(item)
                index = self.skip(index)
                if not self.text.startswith(",", index):
                    break
                index = self.skip(index + 1)
            if not self.text.startswith(closing, index):
                raise _Invalid(f"expected ',' or '{closing}'", index)
        return (members if opening == "{" else items), index + 1

    def where(self, index: int) -> Location:
        return self.positions.location(index)

    def key(self, index: int, pointer: str, members: dict[str, Any]) -> tuple[str, Location, int]:
        """Read `"key":`; a duplicate is reported and its value still parsed (then discarded
        with the whole document, since any problem fails the load)."""
        if not self.text.startswith('"', index):
            raise _Invalid("expected a string key in double quotes", index)
        location = self.where(index)
        key, index = self.scalar(index)
        if key in members:
            first = self.entries[join_pointer(pointer, key)]
            message = f"duplicate key {key!r}, first defined at {first.line}:{first.col}"
            self.problems.append(Diagnostic(message, location, join_pointer(pointer, key)))
        index = self.skip(index)
        if not self.text.startswith(":", index):
            raise _Invalid("expected ':' after the key", index)
        return key, location, self.skip(index + 1)

    def scalar(self, index: int) -> tuple[Any, int]:
        try:
            return _SCALARS.raw_decode(self.text, index)
        except json.JSONDecodeError as error:  # its messages end in " at", before the position
            raise _Invalid(error.msg.removesuffix(" at"), error.pos) from None
        except ValueError as error:  # NaN, Infinity
            raise _Invalid(str(error), index) from None
