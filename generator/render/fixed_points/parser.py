"""One statement of the language `fixed_points` reads, parsed, with the spaces
between its tokens checked against black's `whitespace()`."""

from __future__ import annotations

from collections.abc import Callable

from generator.render.fixed_points.lexicon import (
    ATOM_KEYWORDS,
    KEYWORDS,
    Refused,
    Token,
    closing_index,
)


class Parser:
    """A statement of the language, parsed, with each token's space before it checked
    (`whitespace()`) where it stands on the row of the token before it. Records the
    statement's kind."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        # Each token's text, then one that matches no text: `at` reads one list.
        self.texts = [token.text for token in tokens] + [""]
        self.index = 0
        self.kind = ""
        self.one_tuples: set[int] = set()  # where the one-tuples' closing parentheses are
        self.subscripts = 0  # subscripts open
        self.wrapped = False  # an assignment's value is one token in parentheses
        # An assignment's value is a call of a name in parentheses: where they open.
        self.wrapped_call_at = 0
        self.wrapped_annotation_at = 0  # where an annotation's own parentheses close
        # Where parameters' annotations in parentheses of their own open (`splits.py`
        # decides whether black keeps them).
        self.wrapped_parameters: set[int] = set()

    # reading

    def peek(self, offset: int = 0) -> Token | None:
        index = self.index + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def at(self, text: str) -> bool:
        """Whether the next token is the operator or name `text` (no string's or number's
        text is one)."""
        return self.texts[self.index] == text

    def take(self, space: int | None) -> Token:
        """The next token, its space before it checked: `space` columns, or any where
        it starts a row."""
        if self.index >= len(self.tokens):
            raise Refused
        token = self.tokens[self.index]
        if self.index and space is not None:
            before = self.tokens[self.index - 1]
            if before.end_row == token.row and token.space_before != space:
                raise Refused
        self.index += 1
        return token

    def expect(self, text: str, space: int | None) -> None:
        if not self.at(text):
            raise Refused
        self.take(space)

    def name(self, space: int | None) -> str:
        token = self.peek()
        if token is None or token.kind != "name" or token.text in KEYWORDS:
            raise Refused
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
                    raise Refused  # black removes empty class parentheses
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
                    raise Refused  # `should_split_funcdef_with_rhs`
                self.expression(1)
            self.expect(":", 0)
        elif first.text == "return":
            self.kind = "return"
            self.take(None)
            if self.peek() is not None:
                self.value(1)
        elif first.text == "raise":
            self.kind = "raise"  # on one row: `check_exploded` knows no split of it
            self.take(None)
            self.expression(1)
        elif first.text == "pass":
            self.kind = "pass"
            self.take(None)
        elif first.text == "if":
            # `if NAME:` (`if TYPE_CHECKING:`), `if NAME is [not] OPERAND:` (a
            # deprecated argument given) or `if NAME [not] in OPERAND:`: the condition in
            # parentheses black keeps invisible, as it fits (a row too long is refused
            # with the others).
            self.kind = "if"
            self.take(None)
            self.name(1)
            if self.at("is"):
                self.take(1)
                if self.at("not"):
                    self.take(1)
                self.operand(1)
            elif self.at("in") or self.at("not"):
                if self.at("not"):
                    self.take(1)
                self.expect("in", 1)
                self.operand(1)
            self.expect(":", 0)
        elif first.text == "else":
            self.kind = "else"
            self.take(None)
            self.expect(":", 0)
        elif first.text in ("from", "import"):
            self.kind = "import"
            self.import_statement()
        elif first.kind == "name" and first.text not in KEYWORDS:
            self.assignment_or_call()
        else:
            raise Refused
        if self.peek() is not None:
            raise Refused

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
        if not self.at("(") and not self.at("["):
            raise Refused
        self.trailers()
        if self.at("=") and self.texts[self.index - 1] == "]":
            # An item assigned (`globals()[name] = value`): on one row, as
            # `check_exploded` knows no split of it.
            self.kind = "item assignment"
            self.take(1)
            self.value(1)
        elif self.texts[self.index - 1] != ")":
            raise Refused  # a statement that is neither a call nor an assignment

    def wrapped_annotation(self) -> bool:
        """An annotation in parentheses of its own (`x: (\n    A | B\n) = None`), read
        without them when they close before the `=` or the end; `is_wrapped_annotation`
        decides whether black keeps them."""
        if not self.at("("):
            return False
        closing = closing_index(self.tokens, self.index)
        after = self.tokens[closing + 1] if closing + 1 < len(self.tokens) else None
        if after is not None and after.text != "=":
            return False
        self.take(1)
        self.expression(None)
        self.expect(")", None)
        self.wrapped_annotation_at = self.index - 1
        return True

    def wrapped_value(self) -> bool:
        """An assignment's value of one token, or a call of a name, in parentheses
        (`x = (\n    None\n)`, `x = (\n    wrapper(a)\n)`), read without them;
        `is_wrapped_value` and `check_wrapped_call` decide whether black keeps them."""
        if self.wrapped_call():
            return True
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

    def wrapped_call(self) -> bool:
        """`(` / `NAME(...)` / `)` closing the statement, the call read as an operand."""
        start = self.index
        tokens = self.tokens
        if not self.at("(") or closing_index(tokens, start) != len(tokens) - 1:
            return False
        callee = tokens[start + 1] if start + 1 < len(tokens) else None
        if callee is None or callee.kind != "name" or callee.text in KEYWORDS:
            return False
        call = start + 2
        if call >= len(tokens) or tokens[call].text != "(":
            return False
        if closing_index(tokens, call) != len(tokens) - 2:
            return False
        self.take(1)
        self.take(None)  # the callee starts a row
        self.call_trailer()
        self.take(None)  # the closing parenthesis starts a row
        self.wrapped_call_at = start
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
                raise Refused  # black drops the parentheses of a one-line import
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
                raise Refused
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
            if self.at("("):
                self.wrapped_parameters.add(self.index)
                self.take(1)
                self.expression(None)
                self.expect(")", None)
            else:
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
            raise Refused
        if token.kind == "op" and token.text == "-":
            self.take(space)
            number = self.peek()
            if number is None or number.kind != "number":
                raise Refused
            self.take(0)
            return
        if token.kind in ("number", "string"):
            self.take(space)
            nxt = self.peek()
            if nxt is not None and nxt.kind == "op" and nxt.text in (".", "(", "["):
                raise Refused
            return
        if token.kind == "name":
            if token.text in KEYWORDS and token.text not in ATOM_KEYWORDS:
                raise Refused
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
                raise Refused  # parentheses around one value
            if count == -1:
                self.one_tuples.add(self.index - 1)
            self.reject_trailer()
            return
        if token.kind == "op" and token.text == "{":
            self.take(space)
            self.sequence("}", self.dict_item)
            self.reject_trailer()
            return
        raise Refused  # parentheses black might remove or add, and everything else

    def reject_trailer(self) -> None:
        if self.at(".") or self.at("(") or self.at("["):
            raise Refused

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
                    raise Refused  # a one-element subscript's comma is not magic
            else:
                return
