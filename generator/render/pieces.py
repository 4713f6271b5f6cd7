"""A rendered module as top-level pieces that black can format one at a time.

black formats each top-level statement on its own: what a statement becomes does not
depend on its neighbours, except for the blank lines between them, which black's
`EmptyLineTracker` decides from the last line of one statement, the first line of the
next and the blank lines the input had there. So a module can be cut into its top-level
statements, each formatted apart (in parallel, and cached: editing one schema reformats
one class), and joined with the blank lines black would have put between them.

The rules below are black's (`EmptyLineTracker._maybe_empty_lines` and
`_maybe_empty_lines_for_class_or_def`, black 26) for the statements our templates
produce, at module level. Anything else makes the module unsafe to cut, and it is
formatted whole: comments between statements (black moves them with what follows),
but for a block of them at column 0 right above a statement (it joins that statement's
piece: `_may_follow_comments`), decorators, a compound statement holding a class or
function (it changes the lines after it), form feeds, `# fmt:` directives, two
statements on one line, `\\r` line ends, a `global` statement at module level, and text
that does not compile or defines a name twice (the whole-module path reports those).
A string statement after the first (an attribute docstring) stays in the piece before it:
alone, black would take it for a module docstring. After a class or an import (but the
first statement) the module is formatted whole: the joined piece is a statement, but
black's blank lines before it are the class's or import's.

A class is cut in its turn, into parts: the class up to and including its first method,
then each further method, given to black inside a stand-in `class _:` so that it is
formatted at its depth. black puts one blank line between two methods of a class; what
would make it do otherwise (a comment or a statement between or after the methods, a
one-line `def ...: ...` before the next) leaves the class whole. This matters for speed
as well as for the cache: black formats a text twice when the first pass changed it, so
a long line in one method costs one method's second pass, not the class's.
`tests/formatting/` checks the joined result against black on whole modules.
"""

from __future__ import annotations

import ast
import enum
import re
from dataclasses import dataclass

from generator.render.module_checks import defined_twice


class Kind(enum.Enum):
    """What black's blank-line rules need to know of a top-level statement."""

    DOCSTRING = "docstring"  # the module docstring, always the first piece
    IMPORT = "import"
    DEFINITION = "definition"  # class or def, without decorators
    STATEMENT = "statement"  # anything else that holds no class or def


@dataclass(frozen=True)
class Piece:
    text: str
    kind: Kind
    blank_before: int  # blank lines before it in the input, capped at black's 2
    # A class cut in parts: the texts black formats one by one (see `join_parts`); empty
    # when the text is formatted whole.
    parts: tuple[str, ...] = ()
    # Characters of the blank lines before it in the input: with its text, the stretch of
    # the module it takes (`recut.py` compares those with the next text of the module).
    gap: int = 0
    # The top-level names it defines, as `defined_twice` counts them.
    names: tuple[str, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """What black is given for this piece."""
        return self.parts or (self.text,)


# What a method is put in to be formatted at its depth, taken off black's output after.
_STAND_IN = "class _:\n"


# A string literal starting a statement: alone, black would take it for a docstring.
_STRING_START = re.compile(r"[rRbBuUfFtT]{0,2}['\"]")
# The last line of a one-line `def ...: ...`, after which black keeps the input's
# spacing before a class or def (it groups overloads).
_STUB_END = re.compile(r":\s*\.\.\.\s*$")


def split_module(path: str, text: str, future: int = 0, inside: bool = False) -> list[Piece] | None:
    """The module's top-level statements in order, or None if it must be formatted whole.

    For a stretch of a module (`recut.py`): `future`, the compiler flags of the
    `from __future__` imports before it, under which it is parsed and compiled; `inside`,
    whether statements come before it (its first is then no module docstring).
    """
    if "\r" in text or "\f" in text or "fmt:" in text:
        return None
    try:
        if future:
            flags = ast.PyCF_ONLY_AST | future
            tree = compile(text, path, "exec", flags=flags, dont_inherit=True)
        else:
            tree = ast.parse(text, path)
        compile(tree, path, "exec", flags=future, dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    if not tree.body or defined_twice(tree) is not None:
        return None
    lines = text.splitlines(keepends=True)
    pieces: list[Piece] = []
    previous_end = 0  # lines consumed so far
    for index, statement in enumerate(tree.body):
        start = statement.lineno - 1
        end = statement.end_lineno
        if end is None or start < previous_end:
            return None
        gap = lines[previous_end:start]
        comments = _comments_above(gap)
        if comments:
            gap = gap[: len(gap) - comments]
        if any(line.strip() for line in gap):
            return None
        kind = _kind(statement, index + inside)
        if kind is None:
            return None
        if comments and not _may_follow_comments(kind, lines[start], index + inside):
            return None
        piece_text = "".join(lines[start - comments : end])
        if kind is Kind.DOCSTRING and not _one_triple_quoted_string(piece_text):
            return None
        if (index or inside) and _STRING_START.match(piece_text):
            # An attribute docstring: it stays with the statement it documents.
            if not pieces:
                return None  # that statement is before the stretch
            before = pieces[-1]
            if before.kind is not Kind.STATEMENT and (len(pieces) > 1 or inside):
                # Joined, the piece would be a statement: black's blank lines before it
                # are those before a class or an import.
                return None
            text_so_far = before.text + "".join(gap) + piece_text
            pieces[-1] = Piece(
                text_so_far, Kind.STATEMENT, before.blank_before, (), before.gap, before.names
            )
        else:
            parts = _class_parts(statement, lines, start) if kind is Kind.DEFINITION else ()
            gap_chars = sum(map(len, gap))
            names = _names(statement)
            pieces.append(Piece(piece_text, kind, min(len(gap), 2), parts, gap_chars, names))
        previous_end = end
    if any(line.strip() for line in lines[previous_end:]):
        return None
    return pieces


def _comments_above(gap: list[str]) -> int:
    """How many lines at the end of `gap` are comments at column 0: right above a
    statement, with no blank line between, they join its piece."""
    count = 0
    for line in reversed(gap):
        if not line.startswith("#"):
            break
        count += 1
    return count


def _may_follow_comments(kind: Kind, first_line: str, index: int) -> bool:
    """Whether a statement of this kind, first line and place may have comments above it
    in its piece.

    black gives a comment line at module level the blank lines before it that it gives a
    statement there (`_maybe_empty_lines`: capped at two, two after a class or def, at
    least one after an import), and the statement under it none; so a piece that is a
    statement under comments joins the pieces around it as the statement alone would.
    Not so for an import (the line before it is then no import), a class or def (black
    moves blank lines above its comments), the first statement (a docstring's place) and
    a string statement (alone, black would take it for the module docstring).
    """
    return kind is Kind.STATEMENT and index > 0 and not starts_with_string(first_line)


def starts_with_string(line: str) -> bool:
    """Whether a line starts with a string literal: as the first line of a statement after
    the first, it is an attribute docstring."""
    return _STRING_START.match(line) is not None


def _names(statement: ast.stmt) -> tuple[str, ...]:
    """The top-level names a statement defines, as `module_checks.defined_twice` counts
    them (its rules, statement by statement)."""
    if isinstance(statement, ast.ClassDef):
        return (statement.name,)
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return (statement.target.id,)
    if isinstance(statement, ast.Assign):
        return tuple(t.id for t in statement.targets if isinstance(t, ast.Name))
    return ()


def _class_parts(statement: ast.stmt, lines: list[str], start: int) -> tuple[str, ...]:
    """A class's parts for black (the class to its first method, then each method in the
    stand-in class), or none where black's blank lines between them are not sure to be
    one."""
    if not isinstance(statement, ast.ClassDef):
        return ()
    methods = (ast.FunctionDef, ast.AsyncFunctionDef)
    body = statement.body
    first = next((i for i, node in enumerate(body) if isinstance(node, methods)), len(body))
    if len(body) - first < 2 or not all(isinstance(node, methods) for node in body[first:]):
        return ()
    firsts: list[int] = []  # each method's first line (its first decorator's), from 0
    lasts: list[int] = []  # the line after each method's last
    for node in body[first:]:
        if not isinstance(node, methods) or node.end_lineno is None:
            return ()
        firsts.append(min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1)
        lasts.append(node.end_lineno)
    for last, following in zip(lasts[:-1], firsts[1:], strict=True):
        if any(line.strip() for line in lines[last:following]):
            return ()  # a comment between two methods
        if _STUB_END.search(lines[last - 1]):
            return ()  # a one-line `def ...: ...`, after which black keeps the input's spacing
    parts = ["".join(lines[start : lasts[0]])]
    parts += [
        _STAND_IN + "".join(lines[method_start:method_end])
        for method_start, method_end in zip(firsts[1:], lasts[1:], strict=True)
    ]
    return tuple(parts)


# A piece by where its texts lie in its module's text: (start, end, kind, blank lines
# before it, `gap`, `names`, and each part's (start, end), a method's without the
# stand-in). What a process that cut a module sends back instead of the texts, which the
# process that rendered the module has already (`pieces_at`).
PieceSpans = tuple[int, int, Kind, int, int, tuple[str, ...], tuple[tuple[int, int], ...]]


def spans_of(text: str, pieces: list[Piece]) -> list[PieceSpans]:
    """Where the pieces `split_module` cut from `text` lie in it: each piece's stretch
    follows the one before (its blank lines, then its text), and its parts lie in its
    text in order, apart only by blank lines."""
    spans: list[PieceSpans] = []
    at = 0
    for piece in pieces:
        start = at + piece.gap
        end = start + len(piece.text)
        if not text.startswith(piece.text, start):
            raise ValueError("a piece is not where the stretches before it end")
        parts: list[tuple[int, int]] = []
        cursor = start
        for index, part in enumerate(piece.parts):
            body = part.removeprefix(_STAND_IN) if index else part
            found = text.find(body, cursor, end)
            if found < 0 or text[cursor:found].strip():
                raise ValueError("a part is not where the part before it ends")
            parts.append((found, found + len(body)))
            cursor = found + len(body)
        spans.append(
            (start, end, piece.kind, piece.blank_before, piece.gap, piece.names, tuple(parts))
        )
        at = end
    return spans


def pieces_at(text: str, spans: list[PieceSpans]) -> list[Piece]:
    """The pieces whose texts lie in `text` at `spans` (`spans_of`)."""
    pieces: list[Piece] = []
    for start, end, kind, blank_before, gap, names, parts in spans:
        texts = tuple(
            text[a:b] if index == 0 else _STAND_IN + text[a:b] for index, (a, b) in enumerate(parts)
        )
        pieces.append(Piece(text[start:end], kind, blank_before, texts, gap, names))
    return pieces


def join_parts(formatted: list[str]) -> str | None:
    """black's output for a class from its formatted parts (see `Piece.parts`): one blank
    line between methods; None if a method did not come back inside the stand-in."""
    out = [formatted[0]]
    for text in formatted[1:]:
        method = text.removeprefix(_STAND_IN)
        if method == text or not method.strip() or method.startswith("\n"):
            return None
        out += ["\n", method]
    return "".join(out)


def join_pieces(pieces: list[Piece], formatted: list[str]) -> str | None:
    """black's output for the whole module from its formatted pieces, or None if unsure."""
    kinds = [piece.kind for piece in pieces]
    return join_formatted(kinds, [piece.blank_before for piece in pieces], formatted)


def join_formatted(kinds: list[Kind], blanks: list[int], formatted: list[str]) -> str | None:
    """The same from each piece's kind, blank lines before it and formatted text."""
    out: list[str] = []
    for index, (kind, text) in enumerate(zip(kinds, formatted, strict=True)):
        if index:
            blank = _blank_lines(kinds[index - 1], formatted[index - 1], kind, blanks[index])
            if blank is None:
                return None
            out.append("\n" * blank)
        out.append(text)
    return "".join(out)


def _blank_lines(
    previous: Kind, previous_text: str, current: Kind, blank_before: int
) -> int | None:
    """Blank lines black puts between two top-level statements (the first is formatted)."""
    if current is Kind.DEFINITION:
        last_line = previous_text.rstrip("\n").rsplit("\n", 1)[-1]
        if blank_before == 0 and _STUB_END.search(last_line):
            return None
        return 2
    if previous is Kind.DEFINITION:
        return 2
    if previous is Kind.DOCSTRING:
        return 1
    if previous is Kind.IMPORT and current is not Kind.IMPORT:
        return 1
    return blank_before


def _one_triple_quoted_string(text: str) -> bool:
    """black's module-docstring rule wants exactly one string token on the line."""
    stripped = text.strip()
    return stripped.startswith('"""') and stripped.endswith('"""') and stripped.count('"""') == 2


def _kind(statement: ast.stmt, index: int) -> Kind | None:
    match statement:
        case ast.FunctionDef() | ast.AsyncFunctionDef() | ast.ClassDef():
            return None if statement.decorator_list else Kind.DEFINITION
        case ast.Import() | ast.ImportFrom():
            return Kind.IMPORT
        case ast.Expr(value=ast.Constant(value=str())) if index == 0:
            return Kind.DOCSTRING
        case _:
            # A class or def changes black's lines after it; a module-level `global`
            # (the only other scope check between statements) is refused too, so that a
            # module cut again around an edit (`recut.py`) needs no check across pieces.
            refused = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Global)
            if any(isinstance(node, refused) for node in ast.walk(statement)):
                return None
            return Kind.STATEMENT
