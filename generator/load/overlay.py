"""OpenAPI Overlay 1.0: patching a vendored document without editing it.

Vendored specs stay byte-for-byte what the vendor published, so fixes live in overlay
files beside them. An action whose target matches nothing is an error, not a no-op:
it usually means the vendor fixed (or moved) what the action patches, and the overlay
must be revisited before it patches something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jsonpath_rfc9535
from jsonpath_rfc9535 import JSONPathError, JSONPathNode, JSONPathQuery

from generator.diagnostics import Diagnostic, GeneratorError, join_pointer
from generator.load.documents import SourceDocument, describe
from generator.load.source_map import SourceMap

_VERSION = re.compile(r"1\.0\.\d+")
_OVERLAY_FIELDS = frozenset({"overlay", "info", "extends", "actions"})
_ACTION_FIELDS = frozenset({"target", "description", "update", "remove"})


@dataclass(frozen=True)
class _Action:
    pointer: str  # of the action within the overlay document
    target: str
    query: JSONPathQuery
    remove: bool
    update: Any


def apply_overlay(document: dict[str, Any], source_map: SourceMap, overlay: SourceDocument) -> None:
    """Apply every action in order, in place; nodes an update adds are located in the overlay."""
    actions = _read_actions(overlay)
    problems: list[Diagnostic] = []
    for action in actions:
        problems.extend(_apply(action, document, source_map, overlay))
    if problems:
        raise GeneratorError(problems)


def _read_actions(overlay: SourceDocument) -> list[_Action]:
    """Check the overlay's shape before touching the document, reporting every problem."""
    doc = overlay.document
    problems: list[Diagnostic] = []

    def problem(pointer: str, message: str) -> None:
        problems.append(Diagnostic(message, overlay.source_map.locate(pointer), pointer))

    version = doc.get("overlay")
    if not (isinstance(version, str) and _VERSION.fullmatch(version)):
        problem("/overlay", f"unsupported overlay version {describe(version)}: expected 1.0.x")
    _check_fields(doc, "", _OVERLAY_FIELDS, problem)
    info = doc.get("info")
    if not isinstance(info, dict):
        problem("/info" if "info" in doc else "", "an overlay needs an info mapping")
    else:
        for field in ("title", "version"):
            if not isinstance(info.get(field), str):
                problem(join_pointer("/info", field), f"info.{field} must be a string")
    if "extends" in doc and not isinstance(doc["extends"], str):
        problem("/extends", "extends must be a string (the URL of the target document)")
    raw_actions = doc.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        problem("/actions" if "actions" in doc else "", "an overlay needs a non-empty actions list")
        raw_actions = []
    actions = []
    for index, raw in enumerate(raw_actions):
        pointer = join_pointer("/actions", index)
        if not isinstance(raw, dict):
            problem(pointer, f"an action must be a mapping, not {describe(raw)}")
            continue
        _check_fields(raw, pointer, _ACTION_FIELDS, problem)
        remove = raw.get("remove", False)
        if not isinstance(remove, bool):
            problem(join_pointer(pointer, "remove"), "remove must be true or false")
        elif not remove and "update" not in raw:
            problem(pointer, "an action needs an update or remove: true")
        target = raw.get("target")
        if not isinstance(target, str):
            problem(
                join_pointer(pointer, "target") if "target" in raw else pointer,
                "an action needs a target, a JSONPath string",
            )
            continue
        try:
            query = jsonpath_rfc9535.compile(target)
        except (JSONPathError, RecursionError) as error:  # the parser recurses on nesting
            message = f"invalid JSONPath {target!r}: {error or type(error).__name__}"
            problem(join_pointer(pointer, "target"), message)
            continue
        actions.append(_Action(pointer, target, query, remove is True, raw.get("update")))
    if problems:
        raise GeneratorError(problems)
    return actions


def _check_fields(
    mapping: dict[str, Any],
    pointer: str,
    known: frozenset[str],
    problem: Callable[[str, str], None],
) -> None:
    for key in mapping:
        if key not in known and not key.startswith("x-"):
            problem(join_pointer(pointer, key), f"unknown field {key!r}")


def _apply(
    action: _Action, document: dict[str, Any], source_map: SourceMap, overlay: SourceDocument
) -> list[Diagnostic]:
    def problem(message: str) -> Diagnostic:
        return Diagnostic(message, overlay.source_map.locate(action.pointer), action.pointer)

    try:
        matches = action.query.find(document)
    except (JSONPathError, RecursionError) as error:
        return [problem(f"cannot evaluate target {action.target!r}: {error}")]
    # Deepest and last first, so removing a node never shifts one still to be removed.
    nodes = sorted(
        {node.location: node for node in matches}.values(),
        key=lambda node: node.location,
        reverse=True,
    )
    if not nodes:
        message = (
            f"target {action.target!r} matches nothing: the vendor may have fixed the defect "
            "this action patches; check the spec and drop or update the action"
        )
        return [problem(message)]
    problems = []
    update_pointer = join_pointer(action.pointer, "update")
    for node in nodes if action.remove else reversed(nodes):
        if action.remove:
            failure = _remove(node, source_map)
        else:
            failure = _update(node, action.update, source_map, overlay.source_map, update_pointer)
        if failure is not None:
            problems.append(problem(failure))
    return problems


def _remove(node: JSONPathNode, source_map: SourceMap) -> str | None:
    if node.parent is None:
        return "remove cannot target the document root"
    container, key = node.parent.value, node.location[-1]
    parent_pointer = join_pointer("", *node.location[:-1])
    if isinstance(container, list) and isinstance(key, int):
        del container[key]
        source_map.remove_array_item(parent_pointer, key)
    elif isinstance(container, dict) and isinstance(key, str):
        del container[key]
        source_map.remove_subtree(join_pointer(parent_pointer, key))
    return None


def _update(
    node: JSONPathNode,
    update: Any,
    source_map: SourceMap,
    overlay_map: SourceMap,
    update_pointer: str,
) -> str | None:
    pointer = join_pointer("", *node.location)
    if isinstance(node.value, list):
        source_map.graft(join_pointer(pointer, len(node.value)), overlay_map, update_pointer)
        node.value.append(_copy(update))
        return None
    if not isinstance(node.value, dict):
        return (
            f"target {pointer or '$'} is {describe(node.value)}; update needs a mapping or a list"
        )
    if not isinstance(update, dict):
        return f"target {pointer or '$'} is a mapping; update must be one, not {describe(update)}"
    _merge(node.value, pointer, update, update_pointer, source_map, overlay_map)
    return None


def _merge(
    target: dict[str, Any],
    pointer: str,
    update: dict[str, Any],
    update_pointer: str,
    source_map: SourceMap,
    overlay_map: SourceMap,
) -> None:
    """Overlay 1.0 update semantics: mappings merge recursively, anything else replaces."""
    for key, value in update.items():
        child, source = join_pointer(pointer, key), join_pointer(update_pointer, key)
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            _merge(target[key], child, value, source, source_map, overlay_map)
        else:
            source_map.remove_subtree(child)
            source_map.graft(child, overlay_map, source)
            target[key] = _copy(value)


def _copy(value: Any) -> Any:
    """A deep copy costing one stack frame per level (`copy.deepcopy` takes two), so that
    every value within the nesting bound can be copied."""
    if isinstance(value, dict):
        mapping = {}
        for key, item in value.items():
            mapping[key] = _copy(item)
        return mapping
    if isinstance(value, list):
        items = []
        for item in value:
            items.append(_copy(item))
        return items
    return value
