"""The import block of each generated module, reduced to the names its code uses.

A template writes `{{ imports }}` where its imports go; the module is rendered with a
placeholder there, its text is tokenized, and the placeholder becomes the imports (of
the ones this module kind may need, listed below in their order) whose bound name
occurs in the code.

Templates spell every imported name with a leading underscore (`_Literal`, `_NotGiven`),
a name no spec can give. Where the module's code has no other use of the plain name
(`Literal`: no class, field, argument or method of that name), the underscore goes, in
the code and in the import (`from typing import Literal`), so that what users read and
hover is `phone_number: str | NotGiven`; a spec name equal to an imported one keeps the
import aliased in that module alone. Tokenizing, not searching the text: `_Any` in a docstring or a
comment, `x._Any` as an attribute and `_AnyThing` are not uses, while a name inside a
string that is an expression (the string annotations of a functional TypedDict) is,
since typing evaluates it. A module that cannot be tokenized keeps every import, so
that the compile check reports the real problem against the file.

An import marked `type_only` (a resource module's `params`, which only its signatures
name) goes under the module's `if TYPE_CHECKING:`, where the template writes
`TYPE_PLACEHOLDER`, when the module's code names it only in annotations: with
`from __future__ import annotations` nothing evaluates those at run time, so importing
the resource does not import every request type.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import names
from generator.model.results import result_wrappers
from generator.model.security import security_classes
from generator.render import scan
from generator.render.layout import LINE_LENGTH

# What a template renders in place of its imports (a comment, so it is no code).
PLACEHOLDER = "# clientgen: imports"
# Where, in its `if TYPE_CHECKING:` block, a template takes the type-only imports.
TYPE_PLACEHOLDER = "# clientgen: type-only imports"
_FUTURE_ANNOTATIONS = "from __future__ import annotations"


@dataclass(frozen=True)
class Import:
    """One import line: `import module as alias`, or `from module import name as alias`.

    `module` may contain `{runtime}` (the runtime package) or `{package}` (the API
    package), filled in when the block is written.
    """

    module: str
    name: str | None = None
    alias: str | None = None
    type_only: bool = False  # imported for type checkers only where annotations alone use it

    @property
    def bound(self) -> str:
        """The name the line binds in the module, which the code must use to keep it."""
        return self.alias or self.name or self.module.split(".")[0]

    def line(self, runtime: str, package: str) -> str:
        module = self.module.format(runtime=runtime, package=package)
        alias = f" as {self.alias}" if self.alias else ""
        if self.name is None:
            return f"import {module}{alias}"
        return f"from {module} import {self.name}{alias}"


@dataclass(frozen=True)
class Joined:
    """Several names from one module on one line (`from m import A, B`), used ones only."""

    module: str
    names: tuple[str, ...]


Group = tuple[Import | Joined, ...]


def _private(module: str, *imported: str) -> tuple[Import, ...]:
    """`from module import X as _X`, as templates spell it; written `from module import X`
    where the module does not otherwise use `X`."""
    return tuple(Import(module, name, names.private_alias(name)) for name in imported)


_RUNTIME = "{runtime}"
_PACKAGE = "{package}"

RESOURCE: tuple[Group, ...] = (
    (
        Import("builtins", alias="_builtins"),
        Import("datetime", alias="_datetime"),
        Import("warnings", alias="_warnings"),
        *_private("collections.abc", "Mapping"),
        *_private("collections.abc", "Sequence"),
        *_private("functools", "cached_property"),
        *_private("typing", "TYPE_CHECKING", "Annotated", "Any", "Literal"),
    ),
    _private("msgspec", "Meta"),
    (
        Import(_RUNTIME, "NOT_GIVEN"),
        *_private(
            _RUNTIME,
            "Body",
            "Endpoint",
            "FileContent",
            "FileInput",
            "Headers",
            "NotGiven",
            "Query",
            "RawText",
            "RequestOptions",
            "Timeout",
            "async_to_raw_binary_wrapper",
            "async_to_raw_page_wrapper",
            "async_to_raw_response_wrapper",
            "async_to_streamed_binary_wrapper",
            "async_to_streamed_response_wrapper",
            "to_raw_binary_wrapper",
            "to_raw_page_wrapper",
            "to_raw_response_wrapper",
            "to_streamed_binary_wrapper",
            "to_streamed_response_wrapper",
            "Pagination",
            *result_wrappers(),
        ),
        Import(_PACKAGE, names.MODELS_MODULE, names.MODELS_ALIAS),
        Import(_PACKAGE, names.PARAMS_MODULE, names.PARAMS_ALIAS, type_only=True),
        Import(_PACKAGE, names.CHECKS_MODULE),
    ),
)

CLIENT: tuple[Group, ...] = (
    (
        *_private("collections.abc", "Mapping"),
        *_private("functools", "cached_property"),
        *_private("typing", "TYPE_CHECKING", "ClassVar", "Literal"),
    ),
    (Import("httpx"),),
    (
        Joined(_RUNTIME, ("DEFAULT_MAX_RETRIES", "NOT_GIVEN")),
        *_private(
            _RUNTIME,
            *security_classes(),
            "AsyncAPIClient",
            "ClientConfig",
            "NotGiven",
            "ServerVariable",
            "SyncAPIClient",
            "Timeout",
        ),
    ),
)

MODELS: tuple[Group, ...] = (
    (
        Import("datetime", alias="_datetime"),
        Import("typing", "TYPE_CHECKING"),
        *_private("typing", "Any", "TypeAlias"),
    ),
    _private(_RUNTIME + "._models", "ResponseModel", "UnionMarker", "UnknownVariant"),
)

PARAMS: tuple[Group, ...] = (
    (
        Import("datetime", alias="_datetime"),
        *_private("collections.abc", "Mapping"),
        *_private("collections.abc", "Sequence"),
        *_private("typing", "Annotated", "Any", "Literal", "TypeAlias"),
    ),
    _private("msgspec", "Meta"),
    (
        *_private(_RUNTIME + "._files", "FileInput"),
        *_private(_RUNTIME + "._typeddict", "Required", "TypedDict"),
    ),
)

REQUEST_MODELS: tuple[Group, ...] = (
    (
        Import("datetime", alias="_datetime"),
        *_private("collections.abc", "Mapping"),
        *_private("collections.abc", "Sequence"),
        *_private("typing", "TYPE_CHECKING", "Annotated", "Any", "Literal"),
    ),
    _private("msgspec", "UNSET", "Meta", "UnsetType"),
    (
        *_private(_RUNTIME + "._files", "FileInput"),
        *_private(_RUNTIME + "._models", "RequestModel", "UnionMarker"),
    ),
)


# The templates of modules that get a computed import block, and their candidates.
BY_TEMPLATE: dict[str, tuple[Group, ...]] = {
    "resource.py.jinja": RESOURCE,
    "_client.py.jinja": CLIENT,
    "models.py.jinja": MODELS,
    "params.py.jinja": PARAMS,
    "_request_models.py.jinja": REQUEST_MODELS,
}


def with_imports(source: str, groups: Iterable[Group], runtime: str, package: str) -> str:
    """`source` with its placeholder replaced by the imports its code uses, each under its
    own name unless that name is taken in the module."""
    groups = tuple(groups)
    # The placeholder is a comment: left out, no other token moves.
    uses = scan.uses(source.replace(PLACEHOLDER, ""))
    used: set[str] | None = None
    if uses is not None:
        in_code, in_strings, places = uses
        used = in_code | in_strings
        plain = _free_plain_names(groups, used, in_strings)
        source = _renamed(source, plain, places)
        used = (used - plain.keys()) | set(plain.values())
        groups = tuple(
            tuple(_without_alias(entry) if _aliased(entry) in plain else entry for entry in group)
            for group in groups
        )
    groups, for_types = _type_only(groups, used, source)
    source = _with_type_only(source, for_types, runtime, package)
    block = import_block(groups, used, runtime, package)
    if not block:
        return source.replace(PLACEHOLDER + "\n\n", "").replace(PLACEHOLDER, "")
    return source.replace(PLACEHOLDER, block)


def _type_only(
    groups: tuple[Group, ...], used: set[str] | None, source: str
) -> tuple[tuple[Group, ...], list[Import]]:
    """The groups without the type-only imports that only annotations use, and those."""
    if used is None or TYPE_PLACEHOLDER not in source or _FUTURE_ANNOTATIONS not in source:
        return groups, []
    candidates = {
        entry.bound
        for group in groups
        for entry in group
        if isinstance(entry, Import) and entry.type_only and entry.bound in used
    }
    if not candidates:
        return groups, []
    at_run_time = _names_outside_annotations(source)
    if at_run_time is None:
        return groups, []
    moved = candidates - at_run_time
    kept = tuple(
        tuple(e for e in group if not (isinstance(e, Import) and e.bound in moved))
        for group in groups
    )
    for_types = [
        entry
        for group in groups
        for entry in group
        if isinstance(entry, Import) and entry.bound in moved
    ]
    return kept, for_types


def _with_type_only(source: str, for_types: list[Import], runtime: str, package: str) -> str:
    """`source` with its type-only placeholder line replaced by those imports, or removed."""
    lines = source.split("\n")
    out: list[str] = []
    for line in lines:
        if line.strip() != TYPE_PLACEHOLDER:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out += [indent + entry.line(runtime, package) for entry in for_types]
    return "\n".join(out)


def _names_outside_annotations(source: str) -> set[str] | None:
    """The names the code uses other than in annotations; None if it does not parse.

    One walk of the tree that does not enter an annotation (of a parameter, a return or
    an annotated assignment); a parameter's default is code and is entered."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    found: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name):
            found.add(node.id)
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            stack += node.decorator_list
            stack += arguments.defaults
            stack += [d for d in arguments.kw_defaults if d is not None]
            stack += node.body
            continue
        if isinstance(node, ast.AnnAssign):
            stack.append(node.target)
            if node.value is not None:
                stack.append(node.value)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return found


def import_block(groups: Iterable[Group], used: set[str] | None, runtime: str, package: str) -> str:
    """The lines whose name is in `used` (all, for None), groups apart by a blank line;
    names imported from one module without an alias share a line, in the listed order."""
    written = []
    for group in groups:
        lines: list[str] = []
        joined: dict[str, list[str]] = {}  # module → names, for `from module import A, B`
        for entry in group:
            if isinstance(entry, Joined):
                kept = [n for n in entry.names if used is None or n in used]
            elif used is not None and entry.bound not in used:
                continue
            elif entry.name is not None and entry.alias is None:
                kept = [entry.name]
            else:
                lines.append(entry.line(runtime, package))
                continue
            module = entry.module.format(runtime=runtime, package=package)
            if kept and module not in joined:
                joined[module] = []
                lines.append(module)  # replaced below, keeping the line's place
            joined.get(module, []).extend(kept)
        lines = [
            _from_import(line, sorted(joined[line], key=_import_order)) if line in joined else line
            for line in lines
        ]
        if lines:
            written.append("\n".join(lines))
    return "\n\n".join(written)


def _from_import(module: str, imported: list[str]) -> str:
    """`from module import A, B`, or black's parenthesized form, one name per line, where
    the line would be too long."""
    line = f"from {module} import {', '.join(imported)}"
    if len(line) <= LINE_LENGTH:
        return line
    return "\n".join((f"from {module} import (", *(f"    {name}," for name in imported), ")"))


def _import_order(name: str) -> tuple[int, str]:
    """isort's order within one line: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def _aliased(entry: Import | Joined) -> str | None:
    """The underscored name an entry binds in place of its own (`_Literal`), if it does."""
    if isinstance(entry, Joined) or entry.alias is None:
        return None
    own = entry.name or entry.module
    return entry.alias if entry.alias == names.private_alias(own) else None


def _without_alias(entry: Import | Joined) -> Import | Joined:
    assert isinstance(entry, Import)
    return Import(entry.module, entry.name, type_only=entry.type_only)


def _free_plain_names(
    groups: tuple[Group, ...], used: set[str], in_strings: set[str]
) -> dict[str, str]:
    """Underscored name → its plain name, for each import whose plain name the module's
    code does not otherwise use (a use would be a spec name, which must keep its meaning).
    A name also used inside a string annotation keeps its underscore: rewriting strings
    could change a spec value that merely looks like one."""
    plain: dict[str, str] = {}
    for group in groups:
        for entry in group:
            alias = _aliased(entry)
            if alias is None or alias not in used or alias in in_strings:
                continue
            name = alias.removeprefix("_")
            if name not in used and name not in plain.values():
                plain[alias] = name
    return plain


def _renamed(source: str, plain: dict[str, str], places: list[scan.Place]) -> str:
    """`source` with each underscored name in `plain` spelled plainly (as a name, never as
    an attribute; no string holds one, see `_free_plain_names`); `places` are where its
    underscored names stand, as `scan.uses` found them."""
    if not plain:
        return source
    lines = source.split("\n")  # rows as `scan` counts them: a text's own U+2028 is no row
    for row, start, end, name in reversed(places):
        text = plain.get(name)
        if text is not None:
            line = lines[row - 1]
            lines[row - 1] = line[:start] + text + line[end:]
    return "\n".join(lines)


def used_names(source: str) -> set[str] | None:
    """The names the code refers to; None when it cannot be tokenized (keep every import).

    Attribute names (after a `.`) are not references; names inside a string literal count
    when the whole string is a Python expression, as a string annotation is.
    """
    uses = scan.uses(source)
    return None if uses is None else uses[0] | uses[1]
