"""Strings black leaves as they are: quotes, escapes, and docstrings."""

from __future__ import annotations

import re

from generator.render.fixed_points.lexicon import LINE_LENGTH, Refused, Statement

# A `\u`, `\U`, `\x` or `\N{}` escape with hex digits black would lowercase (or a name it
# would uppercase), after an odd number of backslashes.
_ESCAPE = re.compile(
    r"(\\+)(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[a-zA-Z0-9 \-]{2,}\})"
)


# A single quote after an odd number of backslashes (`escaped_new_quote` in
# `normalize_string_quotes`).
_ESCAPED_SINGLE_QUOTE = re.compile(r"(?<!\\)\\(?:\\\\)*'")


def check_string_statement(statement: Statement) -> None:
    token = statement.tokens[0]
    if token.text.startswith("f"):
        raise Refused  # not a docstring to black (`is_docstring`), unlike the rules here
    check_string(token.text)
    if statement.first_in_block:  # black's `is_docstring`
        _check_docstring(token.text, statement.depth)


def check_string(literal: str) -> None:
    """`normalize_string_prefix`, `normalize_string_quotes` and
    `normalize_unicode_escape_sequences` leave a plain double-quoted string alone when no
    quote is escaped in it and no escape holds an uppercase hex digit; and an f-string as
    the lexicon reads one (no quote or backslash inside)."""
    if literal.startswith('f"'):
        return
    if not literal.startswith('"'):
        raise Refused
    if _ESCAPED_SINGLE_QUOTE.search(literal):
        raise Refused  # an escape black removes
    if not literal.startswith('"""') and '\\"' in literal:
        raise Refused
    for match in _ESCAPE.finditer(literal):
        if len(match.group(1)) % 2:
            body = match.group(2)
            expected = body if body[0] == "N" else body[0] + body[1:].lower()
            if body[0] == "N":
                expected = "N" + body[1:].upper()
            if body != expected:
                raise Refused


def _check_docstring(literal: str, depth: int) -> None:
    """`LineGenerator.visit_STRING` for a docstring: what it writes must be the text."""
    if not literal.startswith('"""') or re.search(r"\\\s*\n", literal):
        raise Refused
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
            raise Refused
    elif body:
        docstring = " "
    lines = docstring.splitlines()
    last_line_length = len(lines[-1]) if docstring and not docstring.endswith("\n") else 0
    if len(lines) > 1 and last_line_length + 3 > LINE_LENGTH:
        raise Refused  # black may move the closing quotes
    if '"""' + docstring + '"""' != literal:
        raise Refused


def _fixed_multiline(docstring: str, prefix: str) -> str:
    """`fix_multiline_docstring` for text without tabs or other line breaks."""
    if "\r" in docstring or "\t" in docstring or "\f" in docstring or "\v" in docstring:
        raise Refused
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
