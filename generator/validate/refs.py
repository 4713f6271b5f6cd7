"""Local `$ref` resolution: our own check, and mapping validator paths back to the document.

The library validator resolves references lazily and reports a dangling one as a
resolver traceback, or not at all if nothing reaches it; checking every reference up
front gives one clear, located message per broken reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, join_pointer
from generator.load import LoadedSpec, diagnostic_at
from generator.load.references import references, resolve

__all__ = ["check_refs", "follow", "ref_problem", "resolve"]


def check_refs(spec: LoadedSpec) -> list[Diagnostic]:
    """One located diagnostic per `$ref` that does not resolve in the document, or that
    starts a chain of references returning to itself with no schema in between (the
    validator would only report a RecursionError at the document root)."""
    problems = []
    for pointer, node in references(spec.document):
        ref = node["$ref"]
        message = ref_problem(spec.document, ref) or _cycle_problem(spec.document, pointer)
        if message is not None:
            problems.append(diagnostic_at(spec, join_pointer(pointer, "$ref"), message))
    return problems


def _cycle_problem(document: dict[str, Any], start: str) -> str | None:
    """The cycle `start` is part of, if following its `$ref`s only meets more `$ref`s."""
    chain = [start]
    node: Any = resolve(document, start)
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and len(node) == 1:
        target = unquote(node["$ref"][1:])
        if not node["$ref"].startswith("#") or ref_problem(document, node["$ref"]):
            return None
        if target in chain:
            if target != start or start != min(chain):
                return None  # reported once, at the cycle's first member in pointer order
            return "$ref cycle with no schema in between: " + " -> ".join([*chain, start])
        chain.append(target)
        node = resolve(document, target)
    return None


def ref_problem(document: dict[str, Any], ref: str) -> str | None:
    """Why `ref` cannot be followed, or None.

    The loader bundles external files into the document and rewrites references to them
    as local ones, reporting precisely any it cannot follow; anything still external here
    did not come through the loader.
    """
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
