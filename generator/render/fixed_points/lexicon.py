"""Tokens and logical lines of a text, as far as `fixed_points` reads Python: anything
else (a comment, a tab, a backslash, a single-quoted or prefixed string, a number black
would respell, indentation that is not four spaces a level) is refused here."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field

LINE_LENGTH = 100  # black's, in the mode `formatting.py` uses

# Spaces match nothing: the search skips them, and a token's space before it is the
# distance from the end of the token before.
_TOKEN = re.compile(
    r"(?P<newline>\n)"
    # A string's characters come in runs between its escapes and lone quotes: matched a
    # run at a time, not one character at a time (the same strings, faster).
    r'|(?P<string>"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""|"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"'
    # An f-string black keeps as it is: no quote or backslash inside, so that no rule
    # of `normalize_string_quotes` applies to it (nor to its expressions).
    r"|f\"[^\"'\\\n]*\")"
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<number>\d(?:[\w.]|(?<=e)-)*)"
    r"|(?P<op>->|\*\*|\.\.\.|[-+*/%&|^~<>!=@:.,;]=?|[()\[\]{}])"
    r"|(?P<other>[^ ])"
)
_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e-?[0-9]+)?")
OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = frozenset(OPENING.values())
ATOM_KEYWORDS = frozenset({"None", "True", "False"})
KEYWORDS = frozenset(keyword.kwlist)


class Refused(Exception):
    """The text is outside the language checked here (black decides)."""


@dataclass(slots=True)
class Token:
    kind: str  # name, number, string, op
    text: str
    row: int
    col: int
    end_row: int
    space_before: int  # spaces between it and the token before it on its row


@dataclass
class Statement:
    """One logical line: its tokens, its depth in blocks, the blank lines before it,
    and the rows it spans."""

    tokens: list[Token]
    depth: int
    blank_before: int
    rows: list[int] = field(default_factory=list)  # the rows it spans, in order
    # The first statement of the text or of a block: a string there is a docstring.
    first_in_block: bool = False


def read_tokens(text: str) -> list[Token]:
    if not text.endswith("\n") or text.endswith("\n\n") or text[:1] in ("", " ", "\n"):
        raise Refused
    tokens: list[Token] = []
    row, row_start = 0, 0
    previous_end = 0  # where the token before ends: only spaces are skipped between
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        space = start - previous_end
        previous_end = end
        if kind == "newline":
            tokens.append(Token("newline", "\n", row, start - row_start, row, space))
            row += 1
            row_start = end
            continue
        if kind == "other":
            raise Refused
        assert kind is not None
        value = match.group()
        col = start - row_start
        end_row = row
        if kind == "string" and "\n" in value:
            end_row = row + value.count("\n")
            row_start = start + value.rindex("\n") + 1
        if kind == "number" and not _NUMBER.fullmatch(value):
            raise Refused
        if tokens and tokens[-1].kind in ("name", "string") and kind == "string" and not space:
            raise Refused  # a prefixed string (f"", b"", r"") or two strings touching
        tokens.append(Token(kind, value, row, col, end_row, space))
        row = end_row
    return tokens


def read_statements(text: str, lines: list[str]) -> list[Statement]:
    """The logical lines, with their depth checked against their indentation (black
    indents four spaces a level), and no trailing spaces nor blank lines in brackets."""
    if any(line != line.rstrip(" ") for line in lines):
        raise Refused  # trailing spaces (in a string too: refused, not weighed)
    statements: list[Statement] = []
    current: list[Token] = []
    depth = 0  # brackets open
    blank = 0
    levels = 0  # blocks open at the current statement
    opens_block = False
    previous: Token | None = None
    for token in read_tokens(text):
        after_newline = previous is not None and previous.kind == "newline"
        previous = token
        if token.kind == "newline":
            if depth:
                if after_newline:
                    raise Refused  # a blank line inside brackets: black drops it
                continue
            if not current:
                blank += 1
                continue
            indent = current[0].col
            level = indent // 4
            if indent % 4 or level > levels + opens_block or (opens_block and level <= levels):
                raise Refused
            if not statements and level:
                raise Refused
            levels = level
            rows = sorted({t.row for t in current} | {t.end_row for t in current})
            first = not statements or opens_block
            statements.append(Statement(current, level, blank, rows, first))
            last = current[-1]
            opens_block = last.kind == "op" and last.text == ":"
            current, blank = [], 0
            continue
        if token.kind == "op":
            if token.text in OPENING:
                depth += 1
            elif token.text in CLOSING:
                depth -= 1
                if depth < 0:
                    raise Refused
        if not current and token.col != token.space_before:
            raise Refused  # something before the statement on its row
        current.append(token)
    if current or depth or opens_block:
        raise Refused
    return statements


def closing_index(tokens: list[Token], opening_index: int) -> int:
    """The index of the bracket closing the one at `opening_index`."""
    depth = 0
    for index in range(opening_index, len(tokens)):
        token = tokens[index]
        if token.kind == "op" and token.text in OPENING:
            depth += 1
        elif token.kind == "op" and token.text in CLOSING:
            depth -= 1
            if not depth:
                return index
    raise Refused
