"""Long keyword-argument lines laid out as black lays them out, before black sees them.

black's output is the generated code, but the less of the rendered text black has to
re-split, the less work it does. Templates write each argument of a call that is already
one argument per line (an `Endpoint(...)` descriptor, a method's request call) on one
line; `lay_out` re-splits the lines longer than black's limit the way black would:

- a collection literal (`responses={...}`, `parameters=(...)`): one item per line, with a
  trailing comma;
- a call (`pagination=Pagination(...)`, `body=Model(...)`): its arguments on one line
  under it if they fit there, one per line with a trailing comma if not.

Any other line, and any line that is not `name=value,` with such a value, is left to
black. `tests/formatting/test_prerendered.py` checks that black leaves the seeds' rendered
modules as they are.
"""

from __future__ import annotations

import ast
import re

LINE_LENGTH = 100  # black's line length for generated code (formatting.py's mode)
_INDENT = "    "
_ARGUMENT = re.compile(r"^(?P<indent> *)(?P<name>\w+)=(?P<value>.*),$")


def lay_out(text: str) -> str:
    """`text` with each long `name=value,` line split the way black splits it."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    if len(line) <= LINE_LENGTH:
        return line
    match = _ARGUMENT.match(line)
    if match is None:
        return line
    indent, name, value = match["indent"], match["name"], match["value"]
    if not value.isascii() or value[-1] not in ")]}":
        return line  # ast's offsets count bytes; the value must end its own bracket
    try:
        node = ast.parse(value, mode="eval").body
    except SyntaxError:
        return line
    items = _items(node, value)
    if items is None:
        return line
    start = (node.func.end_col_offset or 0) if isinstance(node, ast.Call) else 0
    opening, closing = value[: start + 1], value[-1]
    inner = indent + _INDENT
    head = f"{indent}{name}={opening}"
    tail = f"{indent}{closing},"
    hugged = inner + ", ".join(items)
    if isinstance(node, ast.Call) and len(hugged) <= LINE_LENGTH:
        return "\n".join((head, hugged, tail))
    return "\n".join((head, *(f"{inner}{item}," for item in items), tail))


def _items(node: ast.expr, source: str) -> list[str] | None:
    """The source of each item of a collection literal or argument of a call, or None."""
    match node:
        case ast.Dict(keys=keys, values=values) if None not in keys:
            return [
                source[key.col_offset : value.end_col_offset]
                for key, value in zip(keys, values, strict=True)
                if key is not None
            ]
        case ast.Tuple(elts=elements) | ast.List(elts=elements) if elements:
            return [_segment(element, source) for element in elements]
        case ast.Call(args=arguments, keywords=keywords) if arguments or keywords:
            if any(isinstance(argument, ast.Starred) for argument in arguments):
                return None
            if any(keyword.arg is None for keyword in keywords):
                return None
            return [_segment(argument, source) for argument in arguments] + [
                source[keyword.col_offset : keyword.end_col_offset] for keyword in keywords
            ]
    return None


def _segment(node: ast.expr, source: str) -> str:
    return source[node.col_offset : node.end_col_offset]
