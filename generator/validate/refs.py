"""Local `$ref` resolution: our own check, and mapping validator paths back to the document.

The library validator resolves references lazily and reports a dangling one as a
resolver traceback, or not at all if nothing reaches it; checking every reference up
front gives one clear, located message per broken reference.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, join_pointer, unescape_pointer_token
from generator.load import LoadedSpec, diagnostic_at

# Keys whose mapping values are keyed by names the API author chose (a property called
# "default", a response called "default"), not by OpenAPI keywords.
_NAME_MAPS = frozenset(
    {
        "paths", "webhooks", "properties", "patternProperties", "schemas", "responses",
        "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links",
        "callbacks", "pathItems", "content", "encoding", "$defs", "definitions",
        "dependentSchemas", "variables", "mapping", "scopes",
    }
)  # fmt: skip
# Keywords whose values are example or literal data, where "$ref" is just a key.
_DATA = frozenset({"example", "default", "enum", "const", "value"})


def check_refs(spec: LoadedSpec) -> list[Diagnostic]:
    """One located diagnostic per `$ref` that does not resolve in the document."""
    problems = []
    for pointer, ref in _references(spec.document):
        message = ref_problem(spec.document, ref)
        if message is not None:
            problems.append(diagnostic_at(spec, join_pointer(pointer, "$ref"), message))
    return problems


def ref_problem(document: dict[str, Any], ref: str) -> str | None:
    """Why `ref` cannot be followed, or None; the one place to extend for external files."""
    if not ref.startswith("#"):
        return f"external $ref not supported yet: {ref!r}"
    fragment = unquote(ref[1:])
    if fragment and not fragment.startswith("/"):
        return f"unsupported $ref {ref!r}: only JSON pointer fragments ('#/...') are supported"
    try:
        resolve(document, fragment)
    except LookupError:
        return f"unresolved $ref {ref!r}"
    return None


def resolve(document: Any, pointer: str) -> Any:
    """The node at an RFC 6901 pointer; LookupError if there is none."""
    node = document
    for token in pointer.split("/")[1:] if pointer else ():
        key = unescape_pointer_token(token)
        if isinstance(node, dict):
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and (key == "0" or key[0] != "0"):
            node = node[int(key)]
        else:
            raise LookupError(pointer)
    return node


def follow(document: dict[str, Any], tokens: Sequence[str | int]) -> str:
    """The pointer of the node a validator reached by walking `tokens` through `$ref`s.

    Validators step through references as if the target were written in place; errors
    are more useful where the offending node is written. A path that leaves the
    document keeps its remaining tokens, and locating falls back to the last real node.
    """
    node: Any = document
    pointer = ""
    followed: set[str] = set()
    index = 0
    while True:
        ref = node.get("$ref") if isinstance(node, dict) else None
        at_end = index == len(tokens)
        if isinstance(ref, str) and ref.startswith("#/") and (at_end or tokens[index] not in node):
            target = unquote(ref[1:])
            if target in followed:
                return pointer
            followed.add(target)
            try:
                node = resolve(document, target)
            except LookupError:
                return pointer
            pointer = target
            continue
        if at_end:
            return pointer
        token = tokens[index]
        try:
            node = resolve(node, join_pointer("", token))
        except LookupError:
            return join_pointer(pointer, *tokens[index:])
        pointer = join_pointer(pointer, token)
        index += 1


def _references(document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(pointer of the object, its `$ref`) in document order, skipping example data.

    Iterative, so that a deeply nested document cannot exhaust the stack here.
    """
    stack: list[tuple[Any, str, bool]] = [(document, "", False)]  # (node, pointer, names?)
    while stack:
        node, pointer, names = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (item, join_pointer(pointer, index), False)
                for index, item in reversed(list(enumerate(node)))
            )
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if not names and isinstance(ref, str):
                yield pointer, ref
            children = []
            for key, child in node.items():
                data = (
                    key in _DATA
                    or key.startswith("x-")
                    or (key == "examples" and isinstance(child, list))
                )
                if names or not data:
                    children.append(
                        (child, join_pointer(pointer, key), not names and key in _NAME_MAPS)
                    )
            stack.extend(reversed(children))
