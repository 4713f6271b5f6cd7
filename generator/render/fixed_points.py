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
  `normalize_unicode_escape_sequences`), brackets and the operators `= : , . | -> * **
  - @`. No comment, semicolon, backslash, tab, single-quoted or prefixed string.
- Spaces between tokens: `whitespace()` in `nodes.py`, for the contexts below.
- Statements: classes, functions, decorators, assignments and annotations to a name,
  `return`, calls, imports, `pass`, `if NAME:`, `else:` and string statements; nothing
  black rewraps in parentheses or strips them from (no parentheses but a call's and a
  tuple's, no operator but `|` and a unary minus, no keyword expression or lambda).
- A statement on one row fits in 100 columns and has no magic trailing comma (a
  one-tuple's is not magic), so `transform_line` leaves it as it is.
- A statement over several rows is split at one bracket pair, the split
  `left_hand_split` makes of a `def` at its parameters, or the one `right_hand_split`
  makes at the last bracket of anything else, where black omits the optional
  parentheses of a `return` or an assignment (`can_omit_invisible_parens`: no delimiter
  before the bracket; `_prefer_split_rhs_oop_over_rhs`: no bracket left of the `=`):
  either one element a row, each ending with a comma (the last one magic:
  `delimiter_split`), an element that is too long only where black finds nothing to
  split it at; or the elements on one row, no comma after the last, for a line too
  long for one row. An element may be split in its turn, as the last thing before its
  comma. An assignment too long for one row with a value of one token has the value in
  parentheses on a row of its own (the optional parentheses made visible).
- Docstrings (the first statement of a module, class or function): as `visit_STRING`
  and `fix_multiline_docstring` leave them.
- Blank lines: where `EmptyLineTracker` keeps the ones given, and the number it puts
  where it decides.

Widths are taken as black's only where they are exact (ASCII), else bounded safely.
`tests/formatting/test_fixed_points.py` holds the answers against black's, on the pieces
of whole APIs and on texts built to reach each rule (`make test-pieces` on more APIs);
`formatting.py` uses it only with the black release it was written for.
"""

from __future__ import annotations

import itertools
import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass, field

LINE_LENGTH = 100
# The black release whose rules these are (its major.minor): another one formats all.
BLACK_VERSION = "26.10"

_TOKEN = re.compile(
    r"(?P<space> +)"
    r"|(?P<newline>\n)"
    r'|(?P<string>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""|"(?:[^"\\\n]|\\[^\n])*")'
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<number>\d(?:[\w.]|(?<=e)-)*)"
    r"|(?P<op>->|\*\*|\.\.\.|[-+*/%&|^~<>!=@:.,;]=?|[()\[\]{}])"
    r"|(?P<other>[\s\S])"
)
_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e-?[0-9]+)?")
# A `\u`, `\U`, `\x` or `\N{}` escape with hex digits black would lowercase (or a name it
# would uppercase), after an odd number of backslashes.
_ESCAPE = re.compile(
    r"(\\+)(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[a-zA-Z0-9 \-]{2,}\})"
)
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = frozenset(_OPENING.values())
_ATOM_KEYWORDS = frozenset({"None", "True", "False"})
_KEYWORDS = frozenset(keyword.kwlist)


class _Refused(Exception):
    """The text is outside the language checked here (black decides)."""


@dataclass
class _Token:
    kind: str  # name, number, string, op
    text: str
    row: int
    col: int
    end_row: int
    space_before: int  # spaces between it and the token before it on its row


@dataclass
class _Statement:
    """One logical line: its tokens, the row it starts on, its depth in blocks, and the
    blank lines before it."""

    tokens: list[_Token]
    depth: int
    blank_before: int
    rows: list[int] = field(default_factory=list)  # the rows it spans, in order
    # The first statement of the text or of a block: a string there is a docstring.
    first_in_block: bool = False


def unchanged_by_black(text: str) -> bool:
    """Whether black (26.x, line length 100, target py310) returns `text` as it is; True
    only when that is certain from the rules restated in this module."""
    try:
        lines = text.split("\n")
        statements = _statements(text, lines)
        _check_blank_lines(statements)
        for statement in statements:
            _check_statement(statement, lines)
    except _Refused:
        return False
    return True


# -- tokens and statements -----------------------------------------------------------------


def _tokens(text: str) -> list[_Token]:
    if not text.endswith("\n") or text.endswith("\n\n") or text[:1] in ("", " ", "\n"):
        raise _Refused
    tokens: list[_Token] = []
    row, row_start, space = 0, 0, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "space":
            space = len(value)
            continue
        if kind == "newline":
            tokens.append(_Token("newline", value, row, match.start() - row_start, row, space))
            row += 1
            row_start = match.end()
            space = 0
            continue
        if kind == "other":
            raise _Refused
        assert kind is not None
        col = match.start() - row_start
        end_row = row
        if kind == "string" and "\n" in value:
            end_row = row + value.count("\n")
            row_start = match.start() + value.rindex("\n") + 1
        if kind == "number" and not _NUMBER.fullmatch(value):
            raise _Refused
        if tokens and tokens[-1].kind in ("name", "string") and kind == "string" and not space:
            raise _Refused  # a prefixed string (f"", b"", r"") or two strings touching
        tokens.append(_Token(kind, value, row, col, end_row, space))
        row = end_row
        space = 0
    return tokens


def _statements(text: str, lines: list[str]) -> list[_Statement]:
    """The logical lines, with their depth checked against their indentation (black
    indents four spaces a level), and no trailing spaces nor blank lines in brackets."""
    if any(line != line.rstrip(" ") for line in lines):
        raise _Refused  # trailing spaces (in a string too: refused, not weighed)
    statements: list[_Statement] = []
    current: list[_Token] = []
    depth = 0  # brackets open
    blank = 0
    levels = 0  # blocks open at the current statement
    opens_block = False
    previous: _Token | None = None
    for token in _tokens(text):
        after_newline = previous is not None and previous.kind == "newline"
        previous = token
        if token.kind == "newline":
            if depth:
                if after_newline:
                    raise _Refused  # a blank line inside brackets: black drops it
                continue
            if not current:
                blank += 1
                continue
            indent = current[0].col
            level = indent // 4
            if indent % 4 or level > levels + opens_block or (opens_block and level <= levels):
                raise _Refused
            if not statements and level:
                raise _Refused
            levels = level
            rows = sorted({t.row for t in current} | {t.end_row for t in current})
            first = not statements or opens_block
            statements.append(_Statement(current, level, blank, rows, first))
            last = current[-1]
            opens_block = last.kind == "op" and last.text == ":"
            current, blank = [], 0
            continue
        if token.kind == "op":
            if token.text in _OPENING:
                depth += 1
            elif token.text in _CLOSING:
                depth -= 1
                if depth < 0:
                    raise _Refused
        if not current and token.col != token.space_before:
            raise _Refused  # something before the statement on its row
        current.append(token)
    if current or depth or opens_block:
        raise _Refused
    return statements


# -- blank lines ---------------------------------------------------------------------------


def _check_blank_lines(statements: list[_Statement]) -> None:
    """`EmptyLineTracker._maybe_empty_lines` (and `_maybe_empty_lines_for_class_or_def`),
    outside stub files, for the statements accepted here."""
    defs: list[int] = []  # depths of the classes and functions whose block is open
    previous: _Statement | None = None
    class_docstring_before = False
    for statement in statements:
        blank = statement.blank_before
        depth = statement.depth
        first = statement.tokens[0].text
        is_def = first in ("def", "class", "async")
        is_decorator = first == "@"
        ended_def = False
        while defs and defs[-1] >= depth:
            defs.pop()
            ended_def = True
        if is_def:
            defs.append(depth)
        if previous is None:
            if blank:
                raise _Refused
        elif _opens_block(previous):
            if blank:
                raise _Refused  # the first line of a block
        elif class_docstring_before:
            if blank != 1:
                raise _Refused  # one blank line after a class docstring, always
        elif first == "else":
            if blank:
                raise _Refused  # kept by black, but not weighed here
        elif _is_module_docstring(previous) and not (is_def or is_decorator):
            if blank != 1:
                raise _Refused  # and after a module docstring (`_line_is_module_docstring`)
        elif is_def or is_decorator:
            expected = 1 if depth else 2
            if previous.tokens[0].text == "@":
                expected = 0  # after a decorator
            if blank != expected:
                raise _Refused
        elif ended_def:
            if blank != (1 if depth else 2):
                raise _Refused
        elif _is_import(previous) and not _is_import(statement) and previous.depth == depth:
            if blank != 1:
                raise _Refused  # at least one blank line after imports, at most one here
        elif blank > (1 if depth else 2):
            raise _Refused
        class_docstring_before = (
            previous is not None
            and previous.tokens[0].text == "class"
            and _is_string_statement(statement)
        )
        previous = statement


def _is_module_docstring(statement: _Statement) -> bool:
    return statement.first_in_block and not statement.depth and _is_string_statement(statement)


def _is_import(statement: _Statement) -> bool:
    return statement.tokens[0].text in ("import", "from")


def _opens_block(statement: _Statement) -> bool:
    last = statement.tokens[-1]
    return last.kind == "op" and last.text == ":"


def _is_string_statement(statement: _Statement) -> bool:
    return len(statement.tokens) == 1 and statement.tokens[0].kind == "string"


# -- statements ----------------------------------------------------------------------------


def _check_statement(statement: _Statement, lines: list[str]) -> None:
    tokens = statement.tokens
    indent = 4 * statement.depth
    if _is_string_statement(statement):
        _check_string_statement(statement)
        return
    for token in tokens:
        if token.kind == "string" and token.end_row != token.row:
            raise _Refused  # a string over several lines inside a statement
    parser = _Parser(tokens)
    parser.statement()
    long_rows = {row for row in statement.rows if _width(lines[row]) > LINE_LENGTH}
    if long_rows and len(statement.rows) == 1:
        raise _Refused
    for index, (token, after) in enumerate(itertools.pairwise(tokens)):
        # A magic trailing comma not ending its row: black explodes its brackets (a
        # one-tuple's comma is not magic).
        magic = token.text == "," and after.text in _CLOSING and after.row == token.row
        if magic and index + 1 not in parser.one_tuples:
            raise _Refused
    if parser.wrapped_annotation_at:
        if parser.wrapped or not _is_wrapped_annotation(
            tokens, parser.wrapped_annotation_at, indent, lines, long_rows
        ):
            raise _Refused
    elif parser.wrapped:
        first = tokens[0].row
        head = [t for t in tokens if t.row == first][:-1]
        if not _is_wrapped_value(tokens, head, indent, lines):
            raise _Refused
    elif len(statement.rows) > 1:
        _check_exploded(tokens, indent, parser.kind, lines, long_rows)
    if long_rows:
        raise _Refused


def _width(line: str) -> int:
    """An upper bound of black's `str_width`: no character is wider than two columns."""
    if line.isascii():
        return len(line)
    return sum(1 if ord(c) < 128 else 2 for c in line)


def _check_string_statement(statement: _Statement) -> None:
    token = statement.tokens[0]
    _check_string(token.text)
    if statement.first_in_block:  # black's `is_docstring`
        _check_docstring(token.text, statement.depth)


def _check_string(literal: str) -> None:
    """`normalize_string_prefix`, `normalize_string_quotes` and
    `normalize_unicode_escape_sequences` leave a plain double-quoted string alone when no
    quote is escaped in it and no escape holds an uppercase hex digit."""
    if not literal.startswith('"'):
        raise _Refused
    if "\\'" in literal or (not literal.startswith('"""') and '\\"' in literal):
        raise _Refused
    for match in _ESCAPE.finditer(literal):
        if len(match.group(1)) % 2:
            body = match.group(2)
            expected = body if body[0] == "N" else body[0] + body[1:].lower()
            if body[0] == "N":
                expected = "N" + body[1:].upper()
            if body != expected:
                raise _Refused


def _check_docstring(literal: str, depth: int) -> None:
    """`LineGenerator.visit_STRING` for a docstring: what it writes must be the text."""
    if not literal.startswith('"""') or re.search(r"\\\s*\n", literal):
        raise _Refused
    body = literal[3:-3]
    indent = " " * 4 * depth
    docstring = body.strip()
    if "\n" in body:
        docstring = _fixed_multiline(body, indent)
    if docstring:
        if docstring[0] == '"':
            docstring = " " + docstring
        if docstring[-1] == '"':
            docstring += " "
        if docstring[-1] == "\\":
            raise _Refused
    elif body:
        docstring = " "
    lines = docstring.splitlines()
    last_line_length = len(lines[-1]) if docstring and not docstring.endswith("\n") else 0
    if len(lines) > 1 and last_line_length + 3 > LINE_LENGTH:
        raise _Refused  # black may move the closing quotes
    if '"""' + docstring + '"""' != literal:
        raise _Refused


def _fixed_multiline(docstring: str, prefix: str) -> str:
    """`fix_multiline_docstring` for text without tabs or other line breaks."""
    if "\r" in docstring or "\t" in docstring or "\f" in docstring or "\v" in docstring:
        raise _Refused
    lines = docstring.split("\n")
    indent = min(
        (len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()),
        default=None,
    )
    trimmed = [lines[0].strip()]
    if indent is not None:
        last = len(lines) - 2
        for index, line in enumerate(lines[1:]):
            stripped = line[indent:].rstrip()
            trimmed.append(prefix + stripped if stripped or index == last else "")
    return "\n".join(trimmed)


# -- expressions ---------------------------------------------------------------------------


class _Parser:
    """A statement of the language, parsed, with each token's space before it checked
    (`whitespace()`) where it stands on the row of the token before it. Records the
    statement's kind."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.kind = ""
        self.one_tuples: set[int] = set()  # where the one-tuples' closing parentheses are
        self.subscripts = 0  # subscripts open
        self.wrapped = False  # an assignment's value is one token in parentheses
        self.wrapped_annotation_at = 0  # where an annotation's own parentheses close

    # reading

    def peek(self, offset: int = 0) -> _Token | None:
        index = self.index + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token.kind in ("op", "name") and token.text == text

    def take(self, space: int | None) -> _Token:
        """The next token, its space before it checked: `space` columns, or any where
        it starts a row."""
        if self.index >= len(self.tokens):
            raise _Refused
        token = self.tokens[self.index]
        if self.index and space is not None:
            before = self.tokens[self.index - 1]
            if before.end_row == token.row and token.space_before != space:
                raise _Refused
        self.index += 1
        return token

    def expect(self, text: str, space: int | None) -> None:
        if not self.at(text):
            raise _Refused
        self.take(space)

    def name(self, space: int | None) -> str:
        token = self.peek()
        if token is None or token.kind != "name" or token.text in _KEYWORDS:
            raise _Refused
        self.take(space)
        return token.text

    # statements

    def statement(self) -> None:
        first = self.peek()
        assert first is not None
        if first.text == "@" and first.kind == "op":
            self.kind = "decorator"
            self.take(None)
            self.dotted(0)
            if self.at("("):
                self.call_trailer()
        elif first.text == "class":
            self.kind = "class"
            self.take(None)
            self.name(1)
            if self.at("("):
                self.take(0)
                if self.at(")"):
                    raise _Refused  # black removes empty class parentheses
                self.arguments(")")
            self.expect(":", 0)
        elif first.text in ("def", "async"):
            self.kind = "def"
            self.take(None)
            if first.text == "async":
                self.expect("def", 1)
            self.name(1)
            self.expect("(", 0)
            self.parameters()
            if self.at("->"):
                self.take(1)
                returns = self.peek()
                if returns is not None and returns.kind == "string":
                    raise _Refused  # `should_split_funcdef_with_rhs`
                self.expression(1)
            self.expect(":", 0)
        elif first.text == "return":
            self.kind = "return"
            self.take(None)
            if self.peek() is not None:
                self.value(1)
        elif first.text == "pass":
            self.kind = "pass"
            self.take(None)
        elif first.text == "if":
            # `if NAME:` (`if TYPE_CHECKING:`): the name in parentheses black keeps
            # invisible, as it fits.
            self.kind = "if"
            self.take(None)
            self.name(1)
            self.expect(":", 0)
        elif first.text == "else":
            self.kind = "else"
            self.take(None)
            self.expect(":", 0)
        elif first.text in ("from", "import"):
            self.kind = "import"
            self.import_statement()
        elif first.kind == "name" and first.text not in _KEYWORDS:
            self.assignment_or_call()
        else:
            raise _Refused
        if self.peek() is not None:
            raise _Refused

    def assignment_or_call(self) -> None:
        self.dotted(None)
        if self.at("=") or self.at(":"):
            self.kind = "assignment"
            if self.at(":"):
                self.take(0)
                if not self.wrapped_annotation():
                    self.expression(1)
            if self.at("="):
                self.take(1)
                if self.wrapped_value():
                    return
                self.value(1)
            return
        self.kind = "call"
        if not self.at("("):
            raise _Refused
        self.trailers()

    def wrapped_annotation(self) -> bool:
        """An annotation in parentheses of its own (`x: (\n    A | B\n) = None`), read
        without them when they close before the `=` or the end; `_is_wrapped_annotation`
        decides whether black keeps them."""
        if not self.at("("):
            return False
        depth = 0
        for index in range(self.index, len(self.tokens)):
            token = self.tokens[index]
            if token.kind == "op" and token.text in _OPENING:
                depth += 1
            elif token.kind == "op" and token.text in _CLOSING:
                depth -= 1
                if not depth:
                    after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
                    if after is not None and after.text != "=":
                        return False
                    break
        self.take(1)
        self.expression(None)
        self.expect(")", None)
        self.wrapped_annotation_at = self.index - 1
        return True

    def wrapped_value(self) -> bool:
        """An assignment's value of one token in parentheses (`x = (\n    None\n)`),
        read without them; `_is_wrapped_value` decides whether black keeps them."""
        parts = self.tokens[self.index : self.index + 4]
        if len(parts) != 3 or parts[0].text != "(" or parts[2].text != ")":
            return False
        if parts[1].kind not in ("name", "number", "string"):
            return False
        self.take(1)
        self.take(None)
        self.take(None)
        self.wrapped = True
        return True

    def value(self, space: int) -> None:
        """The value of a `return` or an assignment: `await` is allowed before it."""
        if self.at("await"):
            self.take(space)
            space = 1
        self.expression(space)

    def import_statement(self) -> None:
        if self.at("import"):
            self.take(None)
            self.dotted(1)
            if self.at("as"):
                self.take(1)
                self.name(1)
            return
        self.take(None)  # from
        space = 1
        while self.at("."):
            self.take(space)
            space = 0
        if not self.at("import"):
            self.dotted(space)
        self.expect("import", 1)
        if self.at("("):
            opening = self.take(1)
            after = self.peek()
            if after is None or after.row == opening.row:
                raise _Refused  # black drops the parentheses of a one-line import
            self.sequence(")", self.imported_name)
            return
        self.imported_name(1)
        while self.at(","):
            self.take(0)
            self.imported_name(1)

    def imported_name(self, space: int | None) -> None:
        self.name(space)
        if self.at("as"):
            self.take(1)
            self.name(1)

    def dotted(self, space: int | None) -> None:
        self.name(space)
        while self.at("."):
            self.take(0)
            self.name(0)

    # brackets

    def sequence(self, closing: str, element: Callable[[int | None], None]) -> int:
        """Elements up to `closing` (taken), each read by `element(space)`, comma
        separated, a comma allowed after the last. The count, negative when a comma
        follows the last element."""
        count = 0
        trailing = False
        space: int | None = 0
        while not self.at(closing):
            element(space)
            count += 1
            trailing = self.at(",")
            if trailing:
                self.take(0)
                space = 1
            elif not self.at(closing):
                raise _Refused
        self.take(0)
        return -count if trailing else count

    def arguments(self, closing: str) -> None:
        self.sequence(closing, self.argument)

    def argument(self, space: int | None) -> None:
        token = self.peek()
        nxt = self.peek(1)
        if token is not None and token.text in ("*", "**") and token.kind == "op":
            self.take(space)
            self.expression(0)
        elif (
            token is not None
            and token.kind == "name"
            and nxt is not None
            and nxt.kind == "op"
            and nxt.text == "="
        ):
            self.name(space)
            self.take(0)
            self.expression(0)
        else:
            self.expression(space)

    def parameters(self) -> None:
        self.sequence(")", self.parameter)

    def parameter(self, space: int | None) -> None:
        if self.at("*") or self.at("**"):
            star = self.take(space).text
            if star == "*" and self.at(","):
                return  # keyword-only marker
            self.name(0)
        else:
            self.name(space)
        annotated = False
        if self.at(":"):
            self.take(0)
            self.expression(1)
            annotated = True
        if self.at("="):
            around = 1 if annotated else 0
            self.take(around)
            self.expression(around)

    def call_trailer(self) -> None:
        self.take(0)
        self.arguments(")")

    # expressions

    def expression(self, space: int | None) -> None:
        """A union of operands: `a | b[c] | None`."""
        self.operand(space)
        while self.at("|"):
            self.take(1)
            self.operand(1)

    def operand(self, space: int | None) -> None:
        token = self.peek()
        if token is None:
            raise _Refused
        if token.kind == "op" and token.text == "-":
            self.take(space)
            number = self.peek()
            if number is None or number.kind != "number":
                raise _Refused
            self.take(0)
            return
        if token.kind in ("number", "string"):
            self.take(space)
            nxt = self.peek()
            if nxt is not None and nxt.kind == "op" and nxt.text in (".", "(", "["):
                raise _Refused
            return
        if token.kind == "name":
            if token.text in _KEYWORDS and token.text not in _ATOM_KEYWORDS:
                raise _Refused
            self.take(space)
            self.trailers()
            return
        if token.kind == "op" and token.text == "[":
            self.take(space)
            self.sequence("]", self.expression)
            self.reject_trailer()
            return
        if token.kind == "op" and token.text == "(" and not self.subscripts:
            # A tuple, which black keeps in its parentheses; anything else in
            # parentheses it may strip them from (`normalize_invisible_parens`).
            self.take(space)
            count = self.sequence(")", self.expression)
            if count == 1:
                raise _Refused  # parentheses around one value
            if count == -1:
                self.one_tuples.add(self.index - 1)
            self.reject_trailer()
            return
        if token.kind == "op" and token.text == "{":
            self.take(space)
            self.sequence("}", self.dict_item)
            self.reject_trailer()
            return
        raise _Refused  # parentheses black might remove or add, and everything else

    def reject_trailer(self) -> None:
        if self.at(".") or self.at("(") or self.at("["):
            raise _Refused

    def dict_item(self, space: int | None) -> None:
        self.expression(space)
        self.expect(":", 0)
        self.expression(1)

    def trailers(self) -> None:
        while True:
            if self.at("."):
                self.take(0)
                self.name(0)
            elif self.at("("):
                self.take(0)
                self.arguments(")")
            elif self.at("["):
                self.take(0)
                self.subscripts += 1
                count = self.sequence("]", self.expression)
                self.subscripts -= 1
                if count == -1:
                    raise _Refused  # a one-element subscript's comma is not magic
            else:
                return


# -- exploded statements -------------------------------------------------------------------


def _check_exploded(
    tokens: list[_Token], indent: int, kind: str, lines: list[str], long_rows: set[int]
) -> None:
    """A statement over several rows: black's split of it, element by element."""
    first_row = [t for t in tokens if t.row == tokens[0].row]
    opening = first_row[-1]
    if opening.kind != "op" or opening.text not in _OPENING:
        raise _Refused
    head = first_row[:-1]
    one_row_body = True  # see `_check_body`
    if kind == "def":
        # `left_hand_split`: at the first bracket, the parameters; a body left on one
        # row would get a trailing comma (`_ensure_trailing_comma`).
        if [t.text for t in head][-2:-1] != ["def"] or opening.text != "(":
            raise _Refused
        one_row_body = False
    elif kind == "class":
        if len(head) != 2 or opening.text != "(":
            raise _Refused
    elif kind in ("assignment", "return", "call", "import"):
        # `right_hand_split` at the last bracket. A `return` or an assignment has
        # optional parentheses around its value, omitted when the value has no
        # delimiter outside brackets (`can_omit_invisible_parens`) and no bracket is
        # left of the `=` (`_prefer_split_rhs_oop_over_rhs`); a call statement has none.
        _check_head(head, kind)
        if kind == "import":
            if opening.text != "(":
                raise _Refused
            one_row_body = False  # an import gets a trailing comma too
    else:
        raise _Refused
    opening_index = tokens.index(opening)
    imported = kind == "import"
    end = _check_body(tokens, opening_index, indent, lines, long_rows, one_row_body, imported)
    tail = tokens[end:]
    closing = tail[0]
    if kind == "def" and tail[-1].row != closing.row:
        _check_split_return(tail, indent, lines)
        return
    if closing.col != indent or any(t.row != closing.row for t in tail):
        raise _Refused
    if kind == "def":
        return  # the return annotation was read, and has no magic comma
    rest = [t.text for t in tail[1:]]
    if rest not in ([], [":"]) or (rest == [":"]) != (kind == "class"):
        raise _Refused


def _check_split_return(tail: list[_Token], indent: int, lines: list[str]) -> None:
    """A signature's last line too long for one row, `) -> X[` / the items / `]:`: black
    splits it at the return annotation's optional parentheses, omitted (nothing in `X`
    is a delimiter), at the subscript's bracket; the items stay on one row when they fit
    and hold no trailing comma (`should_split_line`)."""
    texts = [t.text for t in tail]
    if texts[:2] != [")", "->"] or texts[-2:] != ["]", ":"] or tail[0].col != indent:
        raise _Refused
    bracket = texts.index("[") if "[" in texts else -1
    name = tail[2:bracket]
    if bracket < 3 or any(t.row != tail[0].row for t in tail[: bracket + 1]):
        raise _Refused
    if [t.kind for t in name[::2]] != ["name"] * len(name[::2]) or any(
        t.text != "." for t in name[1::2]
    ):
        raise _Refused  # the annotation before the bracket: a dotted name
    items = tail[bracket + 1 : -2]
    closing = tail[-2]
    if not items or items[-1].text == "," or items[0].col != indent + 4:
        raise _Refused
    if any(t.row != items[0].row for t in items) or closing.row == items[0].row:
        raise _Refused
    if closing.col != indent or tail[-1].row != closing.row:
        raise _Refused
    rows = [lines[tail[0].row], lines[items[0].row], lines[closing.row]]
    if not all(row.isascii() for row in rows) or len(rows[0]) + len(rows[1].strip()) + 2 <= (
        LINE_LENGTH
    ):
        raise _Refused  # it would fit on one row: black joins it


def _check_head(head: list[_Token], kind: str) -> None:
    """What precedes the bracket a statement is split at: names and dots outside
    brackets, and no bracket left of an assignment's `=` nor a dot after a bracket."""
    depth = 0
    seen_value = kind in ("call", "import")
    previous: _Token | None = None
    for token in head:
        text = token.text
        if token.kind == "op" and text in _OPENING:
            if not seen_value:
                raise _Refused
            depth += 1
        elif token.kind == "op" and text in _CLOSING:
            depth -= 1
        elif depth == 0:
            if token.kind == "op" and text == "=":
                seen_value = True
            elif token.kind == "op" and text == ".":
                if previous is not None and previous.text in _CLOSING and kind != "call":
                    raise _Refused  # a dot after a bracket is a delimiter
            elif token.kind == "op" and text != ":":
                raise _Refused
            elif token.kind == "name" and text == "return":
                seen_value = True
        previous = token
    if depth:
        raise _Refused


def _is_wrapped_annotation(
    tokens: list[_Token], closing_index: int, indent: int, lines: list[str], long_rows: set[int]
) -> bool:
    """Whether the annotated assignment is black's split of a line too long for one row
    at its annotation's optional parentheses, made visible: `NAME: (`, the annotation,
    `)` with the value if any (`= VALUE`, one token).

    With a value, black first tries the value's parentheses (the split
    `_is_wrapped_value` checks) and prefers the annotation's when the row before the
    value would be too long or holds a magic comma (`_prefer_split_rhs_oop_over_rhs`);
    black keeps the annotation's parentheses only when it cannot omit them
    (`can_omit_invisible_parens`: more than one `|` outside brackets, or one between a
    name first and a name last). The annotation is on one row, or split at its `|`s
    (`delimiter_split`), each operand after the first starting a row with its `|`, an
    operand split in its turn at its last bracket.
    """
    opening = tokens[2]
    if [t.text for t in tokens[:2]] != [tokens[0].text, ":"] or tokens[0].kind != "name":
        return False
    if opening.text != "(" or tokens[3].row == opening.row:
        return False
    body = tokens[3:closing_index]
    closing = tokens[closing_index]
    tail = tokens[closing_index:]
    inner = indent + 4
    if body[0].col != inner or closing.col != indent or any(t.row != closing.row for t in tail):
        return False
    value = [t.text for t in tail[1:]]
    if value and (len(value) != 2 or tail[2].kind not in ("name", "number", "string")):
        return False
    operands: list[list[_Token]] = [[]]
    depth = 0
    for token in body:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == "|":
            operands.append([])
        operands[-1].append(token)
    bars = len(operands) - 1
    if not bars or (bars == 1 and (body[0].kind != "name" or body[-1].kind != "name")):
        return False
    target = lines[opening.row][:-1]  # `NAME: `
    if all(t.row == body[0].row for t in body):
        rows = [lines[opening.row], lines[body[0].row], lines[closing.row]]
        if not all(row.isascii() for row in rows):
            return False
        annotation = lines[body[0].row].strip()
        if value:
            # The row black would write with the value in parentheses, too long.
            return len(target) + len(annotation) + len(" = (") > LINE_LENGTH
        return len(target) + len(annotation) > LINE_LENGTH
    # Split at its `|`s: the joined annotation holds a magic comma, which makes black
    # split it whatever its length (and prefer the annotation's parentheses).
    magic = False
    for number, operand in enumerate(operands):
        first = operand[0]
        before = tokens[tokens.index(first) - 1]
        if first.col != inner or before.end_row == first.row or (number and first.text != "|"):
            return False
        if all(t.row == first.row for t in operand):
            continue
        rest = operand[1:] if number else operand
        bracket = next(
            (i for i, t in enumerate(rest) if t.kind == "op" and t.text in _OPENING), None
        )
        if bracket is None or rest[bracket].row != first.row or not _ends_row(rest, bracket):
            return False
        _check_element_head(rest[:bracket])
        end = _check_body(tokens, tokens.index(rest[bracket]), inner, lines, long_rows, True)
        if tokens[end] is not operand[-1]:
            return False  # something after the operand's closing bracket
        magic = magic or tokens[end - 1].text == ","
    return magic


def _is_wrapped_value(
    tokens: list[_Token], head: list[_Token], indent: int, lines: list[str]
) -> bool:
    """Whether the assignment is black's split of a line too long for one row whose
    value is one token: the value in parentheses on a row of its own (the optional
    parentheses made visible: `_maybe_split_omitting_optional_parens`, when the split
    without them finds no bracket or is not preferred)."""
    if len(tokens) != len(head) + 3 or [t.text for t in head][-1:] != ["="]:
        return False
    opening, value, closing = tokens[len(head) :]
    if value.kind == "name" and value.text in _KEYWORDS and value.text not in _ATOM_KEYWORDS:
        raise _Refused
    if value.col != indent + 4 or closing.col != indent or closing.text != ")":
        raise _Refused
    if len({opening.row, value.row, closing.row}) != 3:
        raise _Refused
    groups = 0  # bracket pairs left of the `=`, outermost
    depth = 0
    for token in head:
        if token.kind == "op" and token.text in _OPENING:
            groups += depth == 0
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
    head_row = lines[opening.row]
    joined = head_row[:-1] + value.text
    # With a bracket left of the `=`, the split there is tried first and kept unless the
    # head fits in one column less (`_prefer_split_rhs_oop_over_rhs`).
    if groups > 1 or not joined.isascii() or len(head_row) > LINE_LENGTH - groups:
        raise _Refused  # another split may be preferred, or the widths are not exact
    if len(joined) <= LINE_LENGTH:
        raise _Refused  # it fits: black joins it
    return True


def _check_body(
    tokens: list[_Token],
    opening_index: int,
    indent: int,
    lines: list[str],
    long_rows: set[int],
    one_row: bool,
    imported: bool = False,
) -> int:
    """The inside of the bracket at `opening_index`, which ends its row; the index of
    the closing bracket, which starts a row at `indent`.

    Either each element on rows of its own at `indent + 4`, ending with a comma (the
    last one magic: `delimiter_split`); an element may end with a bracket split in its
    turn, closed by a row of its closing bracket and a comma. Or, where `one_row`, the
    elements on one row with no comma after the last: black's split of a line too
    long for one row, whose inside fits (`should_split_line` is false for a call's or
    a subscript's brackets without a trailing comma).
    """
    opening = tokens[opening_index]
    is_tuple = opening.text == "(" and not imported and not _is_trailer(tokens, opening_index)
    closing_text = _OPENING[opening.text]
    index = opening_index + 1
    inner = indent + 4
    if tokens[index].col != inner:
        raise _Refused
    body_row = [t for t in tokens[index:] if t.row == tokens[index].row]
    after = tokens[index + len(body_row)]
    if body_row[-1].text != "," and after.text == closing_text and after.col == indent:
        if not one_row or opening.text == "{" or not _is_trailer(tokens, opening_index):
            raise _Refused  # displays explode whole (`should_split_line`)
        joined = [lines[t.row].strip() for t in (opening, body_row[0], after)]
        if not all(part.isascii() for part in joined) or indent + sum(map(len, joined)) <= (
            LINE_LENGTH
        ):
            raise _Refused  # it would fit on one row: black joins it
        return index + len(body_row)
    count = 0
    while True:
        token = tokens[index]
        if token.kind == "op" and token.text == closing_text and token.col == indent:
            break
        if token.col != inner or token.row == tokens[index - 1].end_row:
            raise _Refused
        # One element: its tokens up to a comma at its own depth, ending a row.
        depth = 0
        start = index
        while True:
            token = tokens[index]
            if token.kind == "op" and token.text in _OPENING:
                if _ends_row(tokens, index):
                    if depth:
                        raise _Refused
                    _check_element_head(tokens[start:index])
                    index = _check_body(tokens, index, inner, lines, long_rows, True)
                    index += 1
                    comma = tokens[index] if index < len(tokens) else None
                    if comma is None or comma.text != "," or not _ends_row(tokens, index):
                        raise _Refused
                    index += 1
                    break
                depth += 1
            elif token.kind == "op" and token.text in _CLOSING:
                depth -= 1
                if depth < 0:
                    raise _Refused
            elif token.kind == "op" and token.text == "," and not depth:
                if not _ends_row(tokens, index):
                    raise _Refused
                if token.row in long_rows and _unsplittable(tokens[start:index]):
                    long_rows.discard(token.row)
                index += 1
                break
            elif _ends_row(tokens, index):
                raise _Refused  # an element without its comma, or split otherwise
            index += 1
        count += 1
    if opening.text == "[" and count < 2 and _is_trailer(tokens, opening_index):
        raise _Refused  # a one-element subscript's comma is not magic
    if is_tuple and count < 2:
        raise _Refused  # nor is a one-tuple's
    return index


def _unsplittable(element: list[_Token]) -> bool:
    """Whether an element on a row of its own has nothing black could split it at (no
    bracket, no delimiter: `delimiter_split`, `right_hand_split`), so that black leaves
    it too long rather than change it."""
    if element[0].row != element[-1].row:
        return False
    for token in element:
        if token.kind == "op" and token.text not in (".", "=", ":", "-"):
            return False
        if token.kind == "name" and token.text in _KEYWORDS and token.text not in _ATOM_KEYWORDS:
            return False
    return True


def _ends_row(tokens: list[_Token], index: int) -> bool:
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    return nxt is None or nxt.row != tokens[index].end_row


def _is_trailer(tokens: list[_Token], opening_index: int) -> bool:
    """Whether the bracket is a call's or a subscript's (or a class's bases), not a
    display."""
    before = tokens[opening_index - 1] if opening_index else None
    return before is not None and (
        (before.kind == "name" and before.text not in _KEYWORDS)
        or (before.kind == "op" and before.text in _CLOSING)
    )


def _check_element_head(head: list[_Token]) -> None:
    """What precedes an element's own split bracket: no delimiter black would split
    the element at first (`delimiter_split`), nor another bracket."""
    for token in head:
        if token.kind == "op" and token.text not in (".", "=", ":"):
            raise _Refused
