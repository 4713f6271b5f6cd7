"""The import block of each generated module, reduced to the names its code uses.

A template writes `{{ imports }}` where its imports go; the module is rendered with a
placeholder there, its text is tokenized, and the placeholder becomes the imports (of
the ones this module kind may need, listed below in their order) whose bound name
occurs in the code. Tokenizing, not searching the text: `_Any` in a docstring or a
comment, `x._Any` as an attribute and `_AnyThing` are not uses, while a name inside a
string that is an expression (the string annotations of a functional TypedDict) is,
since typing evaluates it. A module that cannot be tokenized keeps every import, so
that the compile check reports the real problem against the file.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import names
from generator.model.results import result_wrappers
from generator.model.security import security_classes

# What a template renders in place of its imports (a comment, so it is no code).
PLACEHOLDER = "# clientgen: imports"


@dataclass(frozen=True)
class Import:
    """One import line: `import module as alias`, or `from module import name as alias`.

    `module` may contain `{runtime}` (the runtime package) or `{package}` (the API
    package), filled in when the block is written.
    """

    module: str
    name: str | None = None
    alias: str | None = None

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

    def lines(self, used: set[str], runtime: str, package: str) -> list[str]:
        kept = [n for n in self.names if n in used]
        if not kept:
            return []
        module = self.module.format(runtime=runtime, package=package)
        return [f"from {module} import {', '.join(kept)}"]


Group = tuple[Import | Joined, ...]


def _private(module: str, *imported: str) -> tuple[Import, ...]:
    """`from module import X as _X`, one line each: a spec name can never shadow `_X`."""
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
            "async_to_raw_page_wrapper",
            "async_to_raw_response_wrapper",
            "async_to_streamed_response_wrapper",
            "to_raw_page_wrapper",
            "to_raw_response_wrapper",
            "to_streamed_response_wrapper",
            "Pagination",
            *result_wrappers(),
        ),
        Import(_PACKAGE, names.MODELS_MODULE, names.MODELS_ALIAS),
        Import(_PACKAGE, names.PARAMS_MODULE, names.PARAMS_ALIAS),
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
        Import("typing", "TYPE_CHECKING"),
        *_private("typing", "Annotated", "Any", "Literal", "TypeAlias"),
    ),
    _private("msgspec", "UNSET", "Meta", "UnsetType"),
    (
        *_private(_RUNTIME + "._files", "FileInput"),
        *_private(_RUNTIME + "._models", "RequestModel", "UnionMarker"),
        *_private(_RUNTIME + "._typeddict", "Required", "TypedDict"),
    ),
)


# The templates of modules that get a computed import block, and their candidates.
BY_TEMPLATE: dict[str, tuple[Group, ...]] = {
    "resource.py.jinja": RESOURCE,
    "_client.py.jinja": CLIENT,
    "models.py.jinja": MODELS,
    "params.py.jinja": PARAMS,
}


def with_imports(source: str, groups: Iterable[Group], runtime: str, package: str) -> str:
    """`source` with its placeholder replaced by the imports its code uses."""
    used = used_names(source.replace(PLACEHOLDER, ""))
    block = import_block(groups, used, runtime, package)
    if not block:
        return source.replace(PLACEHOLDER + "\n\n", "").replace(PLACEHOLDER, "")
    return source.replace(PLACEHOLDER, block)


def import_block(groups: Iterable[Group], used: set[str] | None, runtime: str, package: str) -> str:
    """The lines whose name is in `used` (all, for None), groups apart by a blank line."""
    written = []
    for group in groups:
        lines: list[str] = []
        for entry in group:
            if isinstance(entry, Joined):
                everything = set(entry.names) if used is None else used
                lines += entry.lines(everything, runtime, package)
            elif used is None or entry.bound in used:
                lines.append(entry.line(runtime, package))
        if lines:
            written.append("\n".join(lines))
    return "\n\n".join(written)


def used_names(source: str) -> set[str] | None:
    """The names the code refers to; None when it cannot be tokenized (keep every import).

    Attribute names (after a `.`) are not references; names inside a string literal count
    when the whole string is a Python expression, as a string annotation is.
    """
    found: set[str] = set()
    previous = ""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME and previous != ".":
                found.add(token.string)
            elif token.type == tokenize.STRING:
                found |= _names_in_string(token.string)
            if token.type not in _LAYOUT:
                previous = token.string
    except (tokenize.TokenError, SyntaxError):
        return None
    return found


_LAYOUT = frozenset(
    {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
)


def _names_in_string(literal: str) -> set[str]:
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return set()  # an f-string, which generated code does not use for annotations
    if not isinstance(value, str) or "\n" in value:
        return set()  # bytes, or prose: an annotation is one line
    try:
        tree = ast.parse(value, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
