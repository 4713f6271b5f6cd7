"""Long lines of generated code split the way black splits them, before black sees them.

black's output is the generated code, but the less of the rendered text black has to
re-split, the less work it does. Templates write the constructs below on one line and
pass them through the `lay_out` filter, which marks each line longer than black's limit;
once the module's imports are settled (they may shorten a line: `_Literal` becomes
`Literal`), `laid_out` splits each marked line that is still too long as black would, at
its last bracket:

- a collection literal (`responses={...}`, `X.clientgen_variants = (...)`): one item per
  line, with a trailing comma;
- a call or a class's bases (`pagination=Pagination(...)`, `warn(...)`, `class X(...):`,
  a dict entry's `"region": ServerVariable(...)`): the arguments on one line under it if
  they fit there, else one per line with a trailing comma;
- a type alias that is a union of names: the union in parentheses, on one line if it
  fits, else one name per line;
- an assignment whose first line would still be too long split at its value's bracket
  (`self.long_name = wrapper(`): the value in parentheses, split in its turn;
- a parameter of a signature (`name: Annotation = DEFAULT,`) or a field (`name: Annotation`,
  `name: Annotation = None`): a union ending in a name (`Literal[...] | NotGiven`) in
  parentheses, one member per line if it does not fit, each member split at its bracket;
  an annotation ending in a subscript split there; a field's value in parentheses where
  the line up to it fits;
- a subscript (`X: TypeAlias = Annotated[...]`), and the first line of a call of one
  (`_GET_ENDPOINT = Endpoint[models.Long](`), split at the subscript's bracket;
- the last line of a signature (`) -> SyncPage[models.Long, models.Item]:`), its return
  annotation split at its subscript's bracket, the items on one line if they fit, else
  one per line with a trailing comma;
- a signature of `self` alone (`def long_resource_name(self) -> LongResourceName:`):
  `self` on a line of its own, with a trailing comma;
- an import (`from x.resources.long_name import LongName`): its names in parentheses,
  one per line with a trailing comma.

An item that is still too long is split the same way. Any other line is left to black:
a template passes only its own code lines through the filter, never a docstring.
`tests/formatting/test_prerendered.py` checks that black leaves the seeds' rendered
modules as they are.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache

LINE_LENGTH = 100  # black's line length for generated code (formatting.py's mode)
_INDENT = "    "
# `name=value,`, `"key": value,` or `value,`: one argument of a call, or one entry of a
# dict, that is already one per line.
_ARGUMENT = re.compile(r'(?P<head>(\w+=|"(?:[^"\\]|\\.)*": )?)(?P<value>.*)(?P<tail>,)')
# `name: annotation,` or `name: annotation = default,`: one parameter of a signature.
_PARAMETER = re.compile(r"\w+: .*,")
# `NAME = Generic[T](`: the first line of a call already one argument per line.
_GENERIC_CALL = re.compile(r"(?P<head>\w+ = \w+\[)(?P<slice>.+)(?P<tail>\]\()")
# `def name(self) -> X:`, a method of no other parameter (a resource's property).
_SELF_SIGNATURE = re.compile(r"(?P<head>(?:async )?def \w+)\(self\)(?P<tail> -> [\w.]+:)")
# What `lay_out` appends to a line for `laid_out` to split (a comment: the code is valid
# in between, and the import pass ignores it).
MARK = "  # clientgen: lay out"


def lay_out(text: str) -> str:
    """`text` with each line longer than black's limit marked for `laid_out`."""
    return "\n".join(line + MARK if len(line) > LINE_LENGTH else line for line in text.split("\n"))


def laid_out(text: str) -> str:
    """`text` with each marked line unmarked, and split the way black splits it."""
    if MARK not in text:
        return text
    lines = text.split("\n")
    return "\n".join(
        _line(line.removesuffix(MARK)) if line.endswith(MARK) else line for line in lines
    )


# A line's split depends on the line alone, and a sync and an async method repeat theirs.
@lru_cache(maxsize=8192)
def _line(line: str) -> str:
    if len(line) <= LINE_LENGTH or not line.isascii():  # ast's offsets count bytes
        return line
    code = line.lstrip(" ")
    indent = line[: len(line) - len(code)]
    if _PARAMETER.fullmatch(code):
        parameter = _parameter(indent, code)
        if parameter is not None:
            return parameter
    generic = _GENERIC_CALL.fullmatch(code)
    if generic is not None:
        inner = indent + _INDENT + generic["slice"]
        if len(inner) <= LINE_LENGTH:  # black splits at the subscript's bracket
            return "\n".join((indent + generic["head"], inner, indent + generic["tail"]))
    argument = _ARGUMENT.fullmatch(code)
    if argument is not None:
        try:
            node = ast.parse(argument["value"], mode="eval").body
        except SyntaxError:
            return line
        head, tail = argument["head"], argument["tail"]
        if isinstance(node, ast.Subscript):
            return _subscript(indent, head, argument["value"], tail) or line
        return _split(indent, head, argument["value"], node, tail) or line
    if code.startswith(") -> ") and code.endswith(":"):
        return _return_annotation(indent, code) or line
    if code.startswith(("def ", "async def ")):
        return _signature_of_self(indent, code) or line
    statement = _statement(code)
    if isinstance(statement, ast.ImportFrom) and code.startswith("from "):
        return _import(indent, code, statement) or line
    if isinstance(statement, ast.AnnAssign):
        annotated = _annotated(indent, code, statement)
        if annotated is not None:
            return annotated
    match statement:
        case ast.Expr(value=ast.Call() as call):
            return _split(indent, "", code, call, "") or line
        case ast.Assign(value=assigned) | ast.AnnAssign(value=assigned) if assigned is not None:
            head, source = code[: assigned.col_offset], code[assigned.col_offset :]
            if _names_union(assigned):
                return _union(indent, head, source)
            if isinstance(assigned, ast.Subscript):
                return _subscript(indent, head, source, "") or line
            split = _split(indent, head, source, assigned, "")
            if split is not None and len(split.split("\n", 1)[0]) > LINE_LENGTH:
                return _parenthesized(indent, head, source, assigned, "") or split
            return split or line
        case ast.ClassDef(name=name, bases=bases, keywords=keywords) if bases or keywords:
            head = f"class {name}"
            if not code.startswith(head + "(") or not code.endswith("):"):
                return line
            header = code[len("class ") : -1]  # `Name(bases)`, read as a call
            bases_node = ast.parse(header, mode="eval").body
            return _split(indent, "", header, bases_node, ":", "class ") or line
    return line


def _return_annotation(indent: str, code: str) -> str | None:
    """`) -> X[a, b]:` split at the subscript's bracket, the items on one line, else one
    per line with a trailing comma (black's right-hand split of a signature's last line,
    its optional parentheses omitted: nothing in `X` it could split at)."""
    annotation = code[len(") -> ") : -1]
    if not re.fullmatch(r"[\w.]+\[.*\]", annotation):
        return None
    split = _subscript(indent, ") -> ", annotation, ":")
    if split is None or any(len(line) > LINE_LENGTH for line in split.split("\n")):
        return None
    return split


def _signature_of_self(indent: str, code: str) -> str | None:
    """`def name(self) -> X:` split as black's `left_hand_split` splits a signature: at its
    parameters, `self` on a line of its own with a trailing comma, where every line fits."""
    match = _SELF_SIGNATURE.fullmatch(code)
    if match is None:
        return None
    lines = [f"{indent}{match['head']}(", f"{indent}{_INDENT}self,", f"{indent}){match['tail']}"]
    return "\n".join(lines) if all(len(line) <= LINE_LENGTH for line in lines) else None


def _import(indent: str, code: str, statement: ast.ImportFrom) -> str | None:
    """`from x import a, b` as black splits it: the names in parentheses, one per line,
    each with a trailing comma."""
    if "(" in code or statement.level or statement.module is None:
        return None
    names = [
        alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
        for alias in statement.names
    ]
    first = f"{indent}from {statement.module} import ("
    if f"from {statement.module} import {', '.join(names)}" != code or len(first) > LINE_LENGTH:
        return None
    rows = [f"{indent}{_INDENT}{name}," for name in names]
    if any(len(row) > LINE_LENGTH for row in rows):
        return None
    return "\n".join((first, *rows, f"{indent})"))


def _item(indent: str, item: str) -> str:
    """One item alone on its line (`value` or `name=value`, no comma after it), its value
    split at its last bracket if the line is too long and the value is one this module
    splits; a keyword's value is never put in parentheses (black does not)."""
    line = indent + item
    if len(line) <= LINE_LENGTH:
        return line
    keyword = re.match(r"\w+=(?!=)", item)
    head = keyword.group() if keyword else ""
    value = item[len(head) :]
    try:
        node = ast.parse(value, mode="eval").body
    except SyntaxError:
        return line
    if isinstance(node, ast.Subscript):
        return _subscript(indent, head, value, "") or line
    return _split(indent, head, value, node, "") or line


def _parenthesized(indent: str, head: str, source: str, node: ast.expr, tail: str) -> str | None:
    """black's split with the value in parentheses (`head(`, the value one level in,
    `)tail`), where it takes it: when every line it gives fits."""
    inner = indent + _INDENT
    value = inner + source
    if len(value) > LINE_LENGTH:
        value = _split(inner, "", source, node, "") or value
    lines = [f"{indent}{head}(", value, f"{indent}){tail}"]
    text = "\n".join(lines)
    return text if all(len(line) <= LINE_LENGTH for line in text.split("\n")) else None


def _parameter(indent: str, code: str) -> str | None:
    """black's split of a signature's parameter `name: annotation[ = default],`."""
    try:
        function = ast.parse(f"def _({code}): pass").body[0]
    except SyntaxError:
        return None
    assert isinstance(function, ast.FunctionDef)
    arguments = function.args.args + function.args.kwonlyargs
    if len(arguments) != 1 or arguments[0].annotation is None:
        return None
    shift = len("def _(")
    annotation = arguments[0].annotation
    start = annotation.col_offset - shift
    end = (annotation.end_col_offset or 0) - shift
    head, source, tail = code[:start], code[start:end], code[end:]
    return _annotation(indent, head, (annotation, source), tail)


def _annotated(indent: str, code: str, statement: ast.AnnAssign) -> str | None:
    """black's split of a field `name: annotation` or `name: annotation = value` whose
    value is one atom (`None`, `UNSET`, a number or a string); None for the others."""
    value = statement.value
    if value is not None and not isinstance(value, ast.Name | ast.Constant):
        return None
    annotation = statement.annotation
    start, end = annotation.col_offset, annotation.end_col_offset or 0
    head, source, tail = code[:start], code[start:end], code[end:]
    if value is not None:
        before_value = indent + code[: value.col_offset]
        if len(before_value) + 1 <= LINE_LENGTH:
            # The value in parentheses, the annotation left on the first line.
            value_text = code[value.col_offset :]
            return "\n".join((before_value + "(", indent + _INDENT + value_text, indent + ")"))
    return _annotation(indent, head, (annotation, source), tail)


def _annotation(indent: str, head: str, annotation: tuple[ast.expr, str], tail: str) -> str | None:
    """An annotation (its node and its text) split as black splits it after `head`: a union
    ending in a name in parentheses, a subscript at its bracket; None for the others."""
    node, source = annotation
    members = _union_members(node, source, node.col_offset)
    if len(members) > 1:
        if members[-1][-1] in ")]}":
            return None  # black may leave out the parentheses here: left to it
        return _in_parentheses(indent, head, source, members, tail)
    if isinstance(node, ast.Subscript) and source.endswith("]"):
        return _subscript(indent, head, source, tail)
    return None


def _in_parentheses(indent: str, head: str, source: str, members: list[str], tail: str) -> str:
    """`head(`, the union on one line or one member per line, then `)tail`."""
    inner = indent + _INDENT
    if len(inner + source) <= LINE_LENGTH:
        body = [inner + source]
    else:
        body = [_member(inner, ("| " if i else ""), member) for i, member in enumerate(members)]
    return "\n".join((f"{indent}{head}(", *body, f"{indent}){tail}"))


def _union_members(node: ast.expr, source: str, start: int) -> list[str]:
    """The members of a union written `A | B | C` (one member: not a union); `start` is
    where `source` starts in the offsets of the parsed nodes."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        right = source[node.right.col_offset - start : (node.right.end_col_offset or 0) - start]
        return [*_union_members(node.left, source, start), right]
    return [source[node.col_offset - start : (node.end_col_offset or 0) - start]]


def _member(indent: str, prefix: str, member: str) -> str:
    """One member of a union on its line, split at its subscript if it is too long."""
    line = indent + prefix + member
    if len(line) <= LINE_LENGTH or not member.endswith("]"):
        return line
    return _subscript(indent, prefix, member, "") or line


def _subscript(indent: str, head: str, source: str, tail: str) -> str | None:
    """`X[a, b]` split at its bracket: the items on one line under it if they fit there,
    else one per line with a trailing comma, as black splits a subscript."""
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(node, ast.Subscript):
        return None
    opening = (node.value.end_col_offset or 0) - node.col_offset
    if source[opening] != "[":
        return None
    inner = indent + _INDENT
    first = f"{indent}{head}{source[: opening + 1]}"
    last = f"{indent}]{tail}"
    items = (
        [_segment(item, source) for item in node.slice.elts]
        if isinstance(node.slice, ast.Tuple) and not source[opening + 1 :].lstrip().startswith("(")
        else [source[opening + 1 : -1]]
    )
    hugged = inner + ", ".join(items)
    if len(hugged) <= LINE_LENGTH:
        return "\n".join((first, hugged, last))
    if len(items) == 1:  # no trailing comma: it would make the one item a tuple
        return "\n".join((first, _item(inner, items[0]), last))
    return "\n".join((first, *(_line(f"{inner}{item},") for item in items), last))


def _statement(code: str) -> ast.stmt | None:
    """The one statement on the line (a class header counts, with a body added)."""
    text = code + " ..." if code.startswith("class ") else code
    try:
        body = ast.parse(text).body
    except SyntaxError:
        return None
    return body[0] if len(body) == 1 else None


def _split(
    indent: str, head: str, source: str, node: ast.expr, tail: str, keyword: str = ""
) -> str | None:
    """black's split of `indent + keyword + head + source + tail` at the last bracket of
    `source` (the value `node`), or None where the value is not one this module splits."""
    items = _items(node, source)
    if items is None or source[-1] not in ")]}":
        return None
    start = (node.func.end_col_offset or 0) - node.col_offset if isinstance(node, ast.Call) else 0
    inner = indent + _INDENT
    first = f"{indent}{keyword}{head}{source[: start + 1]}"
    last = f"{indent}{source[-1]}{tail}"
    hugged = inner + ", ".join(items)
    if isinstance(node, ast.Call) and len(hugged) <= LINE_LENGTH:
        return "\n".join((first, hugged, last))
    if len(items) == 1 and not isinstance(node, ast.Tuple):
        # One item has no comma to split at: black leaves it alone on its line, split in
        # its turn where it can be, and adds no trailing comma (which would then stay).
        return "\n".join((first, _item(inner, items[0]), last))
    return "\n".join((first, *(_line(f"{inner}{item},") for item in items), last))


def _items(node: ast.expr, source: str) -> list[str] | None:
    """The source of each item of a collection literal or argument of a call, or None.

    `source` is the node's own text: offsets in the line are moved to start at the node.
    """
    source = " " * node.col_offset + source
    match node:
        case ast.Dict(keys=keys, values=values) if keys and None not in keys:
            return [
                source[key.col_offset : value.end_col_offset]
                for key, value in zip(keys, values, strict=True)
                if key is not None
            ]
        case ast.Tuple(elts=elements) | ast.List(elts=elements) if elements:
            if not source.lstrip().startswith(("(", "[")):
                return None
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


def _names_union(node: ast.expr) -> bool:
    """`A | B | c.D`: a union of plain names, which black wraps in parentheses."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _names_union(node.left) and _names_union(node.right)
    return isinstance(node, ast.Name | ast.Attribute)


def _union(indent: str, head: str, source: str) -> str:
    inner = indent + _INDENT
    if len(inner + source) <= LINE_LENGTH:
        return "\n".join((f"{indent}{head}(", inner + source, f"{indent})"))
    names = [name.strip() for name in source.split("|")]
    lines = [inner + names[0], *(f"{inner}| {name}" for name in names[1:])]
    return "\n".join((f"{indent}{head}(", *lines, f"{indent})"))


def _segment(node: ast.expr, source: str) -> str:
    return source[node.col_offset : node.end_col_offset]
