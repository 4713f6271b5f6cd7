"""A module cut again only around what changed since the text last cut at its path.

Editing one schema changes one class of a 27,000-line `models.py`: cutting the whole text
again (`split_module`: parse, compile, the name check, each statement) would cost in
proportion to the module. So how a text was cut is kept (`Cut`, in the module's pieces
entry): each piece's stretch of the text (the blank lines before it and its text) as a
length and a digest, its kind, the blank lines black sees before it and the names it
defines. A new text is compared with it: the longest run of old pieces it starts with, the
longest it ends with, and only the stretch between (the middle) is cut by `split_module`.
Old pieces keep their place in the order (`Layout`: an int is an old piece, taken as it
was), new ones are `Piece`s.

Why the result is what cutting the whole text gives, and the whole-module checks hold:

- The tokenizer is in the same state at each boundary. A run of old pieces is complete
  statements ending with a line end (a stretch that does not end with one, the last piece
  of a text without a final line end, is not taken), so the middle starts at a line's
  start, outside any bracket or string. The middle must parse alone: what would continue
  the statement before it (an indented line, `else:`, `except:`) does not, and the middle
  is cut again with the piece before it. The run at the end starts with a statement at column 0
  that no line of the middle can continue: a middle left open does not parse alone.
- The blank lines before the first piece after the middle are its own (kept in its
  stretch): the middle may not end with a blank line, which would add to them.
- A piece's kind depends on its place only for the module docstring, the first statement;
  a string statement after the first joins the piece before it. So the run at the end
  never holds the old first piece, a middle that starts with a string literal is cut
  again from the piece before it, and a middle after the first piece is cut knowing that
  statements come before it (`split_module(inside=True)`).
- The checks `split_module` makes of the whole text: compiling, and no top-level name
  defined twice. The names of all pieces are checked together here (`Piece.names`, the
  rules of `defined_twice`); the middle is compiled by `split_module`. The old pieces are
  not compiled again: each compiled within the old text, and what compiling one
  statement checks depends on other statements only through `from __future__` imports
  (they must come first, and they change how what follows is parsed and compiled) and a
  module-level `global` (names used before it). The cutter refuses a module-level
  `global`; the future imports must lie in the run of old pieces at the start (so they
  are still first), the middle must not mention `__future__`, and it is parsed and
  compiled under the flags of those imports, as it is in the whole module.

Anything else (no old cut, a middle that does not cut, a name defined twice) is the whole
text cut again by `split_module`, which also leaves to the whole-module path what it
reports: a module that does not compile or defines a name twice is reported as before.
"""

from __future__ import annotations
import __future__

import ast
import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from generator.render.pieces import Kind, Piece, split_module, starts_with_string

# One piece of a module's text: an old piece by its place in the old `Cut`, or a new one.
Layout = list[Piece | int]

_KIND_LETTERS = {
    Kind.DOCSTRING: "D",
    Kind.IMPORT: "I",
    Kind.DEFINITION: "C",
    Kind.STATEMENT: "S",
}
_LETTER_KINDS = {letter: kind for kind, letter in _KIND_LETTERS.items()}
# The first line that is not blank: its indentation and its text.
_FIRST_LINE = re.compile(r"(?:[ \t]*\n)*([ \t]*)([^\n]*)")


@dataclass(frozen=True)
class Cut:
    """How a module's text was cut, piece by piece, and what followed its last piece."""

    spans: list[int]  # characters of each piece's stretch: blank lines before it, its text
    sums: list[str]  # a digest of each stretch
    kinds: list[Kind]
    blanks: list[int]  # `Piece.blank_before`
    names: list[list[str]]  # `Piece.names`
    tail: tuple[int, str]  # the blank lines after the last piece: length and digest
    # How many first pieces hold every `from __future__` import (a piece that mentions
    # `__future__` counts), and the compiler flags of those imports.
    future: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "spans": self.spans,
            "sums": self.sums,
            "kinds": "".join(_KIND_LETTERS[kind] for kind in self.kinds),
            "blanks": "".join(str(blank) for blank in self.blanks),
            "names": self.names,
            "tail": list(self.tail),
            "future": list(self.future),
        }

    @staticmethod
    def from_json(value: Any) -> Cut | None:
        """The cut stored by `to_json`, or None for anything else."""
        try:
            spans, sums, names = value["spans"], value["sums"], value["names"]
            kinds = [_LETTER_KINDS[letter] for letter in value["kinds"]]
            blanks = [int(digit) for digit in value["blanks"]]
            tail_span, tail_sum = value["tail"]
            future_end, future_flags = value["future"]
        except (TypeError, KeyError, ValueError):
            return None
        if not (type(spans) is list and type(sums) is list and type(names) is list):
            return None
        count = len(spans)
        if not (len(sums) == len(kinds) == len(blanks) == len(names) == count):
            return None
        if not all(type(span) is int and span > 0 for span in spans):
            return None
        if not all(type(name) is str for name in sums) or type(tail_sum) is not str:
            return None
        if not all(type(defined) is list for defined in names):
            return None
        if not all(type(name) is str for defined in names for name in defined):
            return None
        if not all(type(n) is int for n in (tail_span, future_end, future_flags)):
            return None
        return Cut(
            spans, sums, kinds, blanks, names, (tail_span, tail_sum), (future_end, future_flags)
        )


def cut_module(path: str, text: str, previous: Cut | None) -> Layout | None:
    """The module's pieces, old ones kept where `previous` shows them unchanged; None if
    it must be formatted whole."""
    if previous is not None:
        layout = _around_the_edit(path, text, previous)
        if layout is not None:
            return layout
    pieces = split_module(path, text)
    if pieces is None:
        return None
    whole: Layout = [*pieces]
    return whole


def cut_of(text: str, layout: Layout, previous: Cut | None) -> Cut:
    """How `text` is cut by `layout` (old pieces by their place in `previous`)."""
    spans: list[int] = []
    sums: list[str] = []
    kinds: list[Kind] = []
    blanks: list[int] = []
    names: list[list[str]] = []
    at = 0
    for item in layout:
        if isinstance(item, int):
            assert previous is not None
            spans.append(previous.spans[item])
            sums.append(previous.sums[item])
            kinds.append(previous.kinds[item])
            blanks.append(previous.blanks[item])
            names.append(previous.names[item])
        else:
            span = item.gap + len(item.text)
            spans.append(span)
            sums.append(_sum(text[at : at + span]))
            kinds.append(item.kind)
            blanks.append(item.blank_before)
            names.append(list(item.names))
        at += spans[-1]
    tail = text[at:]
    return Cut(spans, sums, kinds, blanks, names, (len(tail), _sum(tail)), _future(text, spans))


def _around_the_edit(path: str, text: str, previous: Cut) -> Layout | None:
    count = len(previous.spans)
    # The old pieces the text starts with: [0, first), ending at `start`.
    first, start = 0, 0
    while first < count:
        end = start + previous.spans[first]
        if end > len(text) or text[end - 1] != "\n":
            break
        if _sum(text[start:end]) != previous.sums[first]:
            break
        first, start = first + 1, end
    # The old pieces it ends with: [last, count), starting at `end`; never the first piece.
    last, end = count, len(text)
    tail_span, tail_sum = previous.tail
    if tail_span <= end - start and _sum(text[end - tail_span :]) == tail_sum:
        stop = end - tail_span
        while last > max(first, 1):
            begin = stop - previous.spans[last - 1]
            if begin < start or not _clean_start(text, begin, start):
                break
            if _sum(text[begin:stop]) != previous.sums[last - 1]:
                break
            last, stop = last - 1, begin
        if last < count:
            end = stop
    # A middle that starts with an indented line continues the piece before it; one
    # that starts with a string literal is an attribute docstring of that piece.
    while first and _continues(text, start, end):
        first -= 1
        start -= previous.spans[first]
    future_end, flags = previous.future
    if first < future_end:
        return None
    middle = _cut_middle(path, text, start, end, flags)
    if middle is None and first > future_end:
        # The middle may continue the piece before it (`else:`, `except:`).
        first -= 1
        start -= previous.spans[first]
        middle = _cut_middle(path, text, start, end, flags)
    if middle is None:
        return None
    layout: Layout = [*range(first), *middle, *range(last, count)]
    names = [name for i in range(first) for name in previous.names[i]]
    names += [name for piece in middle for name in piece.names]
    names += [name for i in range(last, count) for name in previous.names[i]]
    if len(set(names)) != len(names):
        return None  # the whole-module path reports it
    return layout


def _continues(text: str, start: int, end: int) -> bool:
    """Whether the first line of text[start:end] that is not blank is indented or starts
    with a string literal."""
    line = _FIRST_LINE.match(text, start, end)
    return line is not None and (line[1] != "" or starts_with_string(line[2]))


def _cut_middle(path: str, text: str, start: int, end: int, flags: int) -> list[Piece] | None:
    """The pieces of text[start:end]; none if it is blank up to the text's end (what
    follows the last piece)."""
    middle = text[start:end]
    if "__future__" in middle:
        return None
    if not middle:
        return []
    if not middle.strip():
        return [] if end == len(text) else None
    return split_module(path, middle, flags, inside=start > 0)


def _clean_start(text: str, begin: int, start: int) -> bool:
    """Whether an old piece's stretch at `begin` keeps its blank lines: it follows the
    pieces before the middle, or a line of the middle that is not blank."""
    if begin == start:
        return True
    if text[begin - 1] != "\n":
        return False
    return bool(text[text.rfind("\n", 0, begin - 1) + 1 : begin].strip())


def _future(text: str, spans: list[int]) -> tuple[int, int]:
    """`Cut.future` of a text cut into stretches of these lengths."""
    ends = list(accumulate(spans))
    held: set[int] = set()
    found = text.find("__future__")
    while found != -1:
        held.add(bisect_right(ends, found))
        found = text.find("__future__", found + 1)
    flags = 0
    for index in held:
        if index >= len(spans):
            return len(spans) + 1, 0  # after the last piece: never cut again around an edit
        piece = text[ends[index] - spans[index] : ends[index]]
        try:
            tree = ast.parse(piece)
        except (SyntaxError, ValueError):
            return len(spans) + 1, 0
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                for alias in node.names:
                    feature = getattr(__future__, alias.name, None)
                    if feature is None:
                        return len(spans) + 1, 0
                    flags |= feature.compiler_flag
    return (max(held) + 1 if held else 0), flags


def _sum(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
