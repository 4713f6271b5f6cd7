"""Blank lines between statements, as black's `EmptyLineTracker` puts them."""

from __future__ import annotations

from generator.render.fixed_points.lexicon import Refused, Statement


def check_blank_lines(statements: list[Statement]) -> None:
    """`EmptyLineTracker._maybe_empty_lines` (and `_maybe_empty_lines_for_class_or_def`),
    outside stub files, for the statements accepted here."""
    defs: list[int] = []  # depths of the classes and functions whose block is open
    previous: Statement | None = None
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
                raise Refused
        elif _opens_block(previous):
            if blank:
                raise Refused  # the first line of a block
        elif class_docstring_before:
            if blank != 1:
                raise Refused  # one blank line after a class docstring, always
        elif first == "else":
            if blank:
                raise Refused  # kept by black, but not weighed here
        elif _is_module_docstring(previous) and not (is_def or is_decorator):
            if blank != 1:
                raise Refused  # and after a module docstring (`_line_is_module_docstring`)
        elif is_def or is_decorator:
            expected = 1 if depth else 2
            if previous.tokens[0].text == "@":
                expected = 0  # after a decorator
            if blank != expected:
                raise Refused
        elif ended_def:
            if blank != (1 if depth else 2):
                raise Refused
        elif _is_import(previous) and not _is_import(statement) and previous.depth == depth:
            if blank != 1:
                raise Refused  # at least one blank line after imports, at most one here
        elif blank > (1 if depth else 2):
            raise Refused
        class_docstring_before = (
            previous is not None
            and previous.tokens[0].text == "class"
            and is_string_statement(statement)
        )
        previous = statement


def _is_module_docstring(statement: Statement) -> bool:
    return statement.first_in_block and not statement.depth and is_string_statement(statement)


def _is_import(statement: Statement) -> bool:
    return statement.tokens[0].text in ("import", "from")


def _opens_block(statement: Statement) -> bool:
    last = statement.tokens[-1]
    return last.kind == "op" and last.text == ":"


def is_string_statement(statement: Statement) -> bool:
    return len(statement.tokens) == 1 and statement.tokens[0].kind == "string"
