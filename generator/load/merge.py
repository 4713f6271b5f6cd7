"""Fragments of one API → one document.

Some vendors publish an API as several OpenAPI documents, one per page or operation,
each repeating the shared parts (info, servers, security schemes). Mappings merge key
by key; anything else present in two fragments must be identical, since silently
preferring one fragment would hide a vendor inconsistency that changes the client.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, join_pointer
from generator.load.documents import SourceDocument, describe
from generator.load.source_map import SourceMap

# Compared whole rather than merged: fragments of one API describe one version of it.
_WHOLE_AT_TOP = frozenset({"openapi", "info"})


def merge_fragments(fragments: Sequence[SourceDocument]) -> tuple[dict[str, Any], SourceMap]:
    """Merge in the given order; nodes are located in the first fragment that wrote them."""
    first, *others = fragments
    document = first.document
    source_map = SourceMap()
    source_map.add_missing(first.source_map)
    problems: list[Diagnostic] = []
    for fragment in others:
        _merge_mapping(document, fragment.document, "", fragment, source_map, problems)
        source_map.add_missing(fragment.source_map)
    if problems:
        raise GeneratorError(problems)
    return document, source_map


def _merge_mapping(
    into: dict[str, Any],
    other: dict[str, Any],
    pointer: str,
    fragment: SourceDocument,
    merged_map: SourceMap,
    problems: list[Diagnostic],
) -> None:
    for key, value in other.items():
        child = join_pointer(pointer, key)
        if key not in into:
            into[key] = value
        elif (
            isinstance(into[key], dict)
            and isinstance(value, dict)
            and not (pointer == "" and key in _WHOLE_AT_TOP)
        ):
            _merge_mapping(into[key], value, child, fragment, merged_map, problems)
        else:
            difference = first_difference(into[key], value)
            if difference is not None:
                earlier, here = _at(into[key], difference), _at(value, difference)
                where = join_pointer(child, *difference)
                message = (
                    f"fragments disagree: {describe(here)} here, {describe(earlier)} in an "
                    f"earlier fragment; conflicts with {merged_map.locate(where)}"
                )
                problems.append(Diagnostic(message, fragment.source_map.locate(where), where))


def first_difference(a: Any, b: Any) -> tuple[str | int, ...] | None:
    """Tokens from `a` and `b` down to where they first differ as JSON, or None if equal.

    Stricter than Python's `==`, which equates `1`, `1.0` and `True`: fragments must
    repeat shared values identically.
    """
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return ()
        for key in a:
            inner = first_difference(a[key], b[key])
            if inner is not None:
                return (key, *inner)
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return ()
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            inner = first_difference(x, y)
            if inner is not None:
                return (index, *inner)
        return None
    if type(a) is not type(b) or a != b:
        return ()
    return None


def _at(value: Any, tokens: tuple[str | int, ...]) -> Any:
    for token in tokens:
        value = value[token]
    return value
