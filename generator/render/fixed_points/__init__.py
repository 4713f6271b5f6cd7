"""Text that black would give back unchanged, recognised without running black.

Most of what the templates render is black's output already: the pre-layout puts line
breaks and trailing commas where black puts them. black takes about as long to confirm
that as to format raw text (it parses everything, then splits every line it would
split), so on a cold run most of its time goes to pieces it leaves as they are.
`unchanged_by_black(text)` answers True only for text in a narrow language whose
formatting it can check exactly, and False for anything else, which black formats as
before. Its rules restate black's (26.x, in the mode `formatting.py` uses: line length
100, no preview features) for that language, each beside the black function it
restates:

- Tokens: names, numbers black leaves alone (`normalize_numeric_literal`), plain
  double-quoted strings whose quotes and escapes black keeps (`normalize_string_quotes`,
  `normalize_unicode_escape_sequences`), f-strings with no quote or backslash inside
  (black 26 leaves what is inside as it is), brackets and the operators `= : , . | -> * **
  - @`. No comment (but lines of them that start the text, above a statement:
  `_under_comments`), semicolon, backslash, tab, single-quoted or prefixed string.
- Spaces between tokens: `whitespace()` in `nodes.py`, for the contexts below.
- Statements: classes, functions, decorators, assignments and annotations to a name,
  `return`, `raise`, calls, imports, `pass`, `if NAME:`, `if NAME is [not] NAME:` and
  `if NAME [not] in NAME:`, `else:`, string statements and an item assigned on one row
  (`globals()[name] = value`); nothing black rewraps in parentheses or strips them from
  (no parentheses but a call's and a tuple's, no operator but `|` and a unary minus, no
  keyword expression or lambda but those of an `if`).
- A statement on one row fits in 100 columns and has no magic trailing comma (a
  one-tuple's is not magic), so `transform_line` leaves it as it is.
- A statement over several rows is split at one bracket pair, the split
  `left_hand_split` makes of a `def` at its parameters, or the one `right_hand_split`
  makes at the last bracket of anything else, where black omits the optional parentheses
  of a `return` or an assignment (`can_omit_invisible_parens`: no delimiter before the
  bracket; `_prefer_split_rhs_oop_over_rhs`: no bracket left of the `=`): either one
  element a row, each ending with a comma (the last one magic: `delimiter_split`), an
  element that is too long only where black finds nothing to split it at; or the
  elements on one row, no comma after the last, for a line too long for one row (that
  row too long only for one element black cannot split). An element may be split in its
  turn, as the last thing before its comma. An assignment too long for one row with a
  value of one token has the value in parentheses on a row of its own (the optional
  parentheses made visible), and so has one whose value is a call of a name where
  `TARGET = NAME(` alone is too long (the call split in its turn if too long for its
  row). An annotation too long for one row that is a union, of a name or of a parameter,
  in its optional parentheses made visible (`visit_tname` for a parameter), on one row
  or split at its `|`s. A call of a subscript split at its parentheses whose first row
  would be too long, split again at the subscript's bracket (`Endpoint[` / its item /
  `](`).
- Docstrings (the first statement of a module, class or function): as `visit_STRING`
  and `fix_multiline_docstring` leave them.
- Blank lines: where `EmptyLineTracker` keeps the ones given, and the number it puts
  where it decides.

Widths are taken as black's only where they are exact (ASCII), else bounded safely.
`lexicon.py` reads tokens and logical lines, `parser.py` a statement and its spaces,
`strings.py` strings and docstrings, `splits.py` statements over several rows,
`blank_lines.py` the lines between statements; this module puts them together.
`tests/formatting/test_fixed_points.py` holds the answers against black's, on the pieces
of whole APIs and on texts built to reach each rule (`make test-pieces` on more APIs);
`formatting.py` uses it only with the black release it was written for.
"""

from __future__ import annotations

import itertools
import re

from generator.render.fixed_points.blank_lines import check_blank_lines, is_string_statement
from generator.render.fixed_points.lexicon import (
    CLOSING,
    LINE_LENGTH,
    Refused,
    Statement,
    read_statements,
)
from generator.render.fixed_points.parser import Parser
from generator.render.fixed_points.splits import (
    check_exploded,
    check_wrapped_call,
    is_wrapped_annotation,
    is_wrapped_value,
)
from generator.render.fixed_points.strings import check_string, check_string_statement

# The black release whose rules these are (its major.minor): another one formats all.
BLACK_VERSION = "26.10"


def unchanged_by_black(text: str) -> bool:
    """Whether black (26.x, line length 100, target py310) returns `text` as it is; True
    only when that is certain from the rules restated in this module."""
    text = _under_comments(text)
    try:
        lines = text.split("\n")
        statements = read_statements(text, lines)
        check_blank_lines(statements)
        for statement in statements:
            check_statement(statement, lines)
    except (Refused, RecursionError):  # nesting deeper than the parser's recursion
        return False
    except Exception:  # a shape the rules did not foresee: black decides, as for Refused
        return False
    return True


def _under_comments(text: str) -> str:
    """The text after its first lines when they are comments black leaves as they are,
    above a statement black leaves as it is when it starts the text (so the whole is
    left as it is); else the text itself, whose comments the lexicon refuses.

    black gives a comment line `#` and its text after a space, without trailing
    whitespace (`make_comment`), and the first line of a text no blank line before it;
    the statement right under a comment gets none either (`_maybe_empty_lines`: the
    blank lines of its prefix). Only the statement under a comment gets `previous_line`
    from it, and that matters for a class or def (black moves blank lines above the
    comment, `_maybe_empty_lines_for_class_or_def`), a decorator, an import (none, but a
    piece of a module gets comments only above other statements) and a docstring (the
    first statement of the text: it would not be one after a comment in a module). Those
    keep the comments, so they are refused.
    """
    match = _COMMENTS.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if _NOT_UNDER_COMMENTS.match(rest):
        return text
    return rest


# Comment lines black keeps: `#`, a space, and text that ends with no whitespace.
_COMMENTS = re.compile(r"(?:# [^\n]*[^\s]\n)+")
# What a comment's line may not be above: a blank or indented line, another comment, a
# decorator, a class or def, an import, a string, or the text's end.
_NOT_UNDER_COMMENTS = re.compile(
    r"\s|#|@|(?:async|def|class|import|from)\b|[rRbBuUfFtT]{0,2}['\"]|\Z"
)


def check_statement(statement: Statement, lines: list[str]) -> None:
    tokens = statement.tokens
    indent = 4 * statement.depth
    if is_string_statement(statement):
        check_string_statement(statement)
        return
    for token in tokens:
        if token.kind == "string":
            if token.end_row != token.row:
                raise Refused  # a string over several lines inside a statement
            check_string(token.text)
    parser = Parser(tokens)
    parser.statement()
    long_rows = {row for row in statement.rows if _width(lines[row]) > LINE_LENGTH}
    if long_rows and len(statement.rows) == 1:
        raise Refused
    for index, (token, after) in enumerate(itertools.pairwise(tokens)):
        # A magic trailing comma not ending its row: black explodes its brackets (a
        # one-tuple's comma is not magic).
        magic = token.text == "," and after.text in CLOSING and after.row == token.row
        if magic and index + 1 not in parser.one_tuples:
            raise Refused
    if parser.wrapped_annotation_at:
        if parser.wrapped or not is_wrapped_annotation(
            tokens, parser.wrapped_annotation_at, indent, lines, long_rows
        ):
            raise Refused
    elif parser.wrapped:
        first = tokens[0].row
        head = [t for t in tokens if t.row == first][:-1]
        if not is_wrapped_value(tokens, head, indent, lines):
            raise Refused
    elif parser.wrapped_call_at:
        check_wrapped_call(tokens, parser.wrapped_call_at, indent, lines, long_rows)
    elif len(statement.rows) > 1:
        wrapped = parser.wrapped_parameters
        check_exploded(tokens, indent, parser.kind, lines, long_rows, wrapped)
        if wrapped:
            raise Refused  # a parameter's annotation in parentheses black would strip
    elif parser.wrapped_parameters:
        raise Refused
    if long_rows:
        raise Refused


def _width(line: str) -> int:
    """An upper bound of black's `str_width`: no character is wider than two columns."""
    if line.isascii():
        return len(line)
    return sum(1 if ord(c) < 128 else 2 for c in line)
