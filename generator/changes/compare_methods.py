"""Changes to resources and methods: what callers call, pass, get back and catch.

Methods are keyed `resource.method`. A resource that disappears (or appears) is one
change, not one per method. Error bodies are read like responses; an undocumented one
is the decoded JSON (typed `Any`), so documenting one narrows `.body` of the raised
error (compatible) and dropping one breaks code that reads the model's attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.changes.change import Change, breaking, compatible
from generator.changes.compare_types import added_slot, removed_slot, slot_changes, type_changes
from generator.model.results import RESULT_SHAPES

Methods = Mapping[str, Mapping[str, Any]]


def method_changes(client: str, old: Methods, new: Methods) -> list[Change]:
    old_resources, new_resources = _resources(old), _resources(new)
    changes: list[Change] = []
    for resource in sorted(old_resources - new_resources):
        changes.append(breaking(f"{client}.{resource}", "resource removed; calls through it fail"))
    for resource in sorted(new_resources - old_resources):
        methods = ", ".join(
            f"`{key.rsplit('.', 1)[1]}()`" for key in sorted(new) if _resource(key) == resource
        )
        changes.append(compatible(f"{client}.{resource}", f"new resource with {methods}"))
    for key in sorted(set(old) | set(new)):
        if _resource(key) not in old_resources & new_resources:
            continue
        subject = f"{client}.{key}()"
        if key not in new:
            changes.append(breaking(subject, "removed; calls to it fail with AttributeError"))
        elif key not in old:
            changes.append(compatible(subject, f"new method (`{new[key]['route']}`)"))
        else:
            changes += _method(f"{client}.{key}", old[key], new[key])
    return changes


def _method(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    subject = f"{name}()"
    changes: list[Change] = []
    if old["route"] != new["route"]:
        changes.append(compatible(subject, f"now sends `{new['route']}` (was `{old['route']}`)"))
    if new.get("deprecated") and not old.get("deprecated"):
        changes.append(compatible(subject, "deprecated"))
    changes += _arguments(name, old["arguments"], new["arguments"])
    changes += _kind(subject, old["returns"], new["returns"])
    changes += type_changes(subject, "return type", old["returns"], new["returns"], "response")
    for status in sorted(set(old["errors"]) | set(new["errors"])):
        changes += _error(subject, status, old["errors"].get(status), new["errors"].get(status))
    return changes


def _kind(subject: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """A method that starts (or stops) streaming or paging is consumed differently."""
    old_kind, new_kind = old.get("result", "value"), new.get("result", "value")
    if old_kind == new_kind:
        return []
    return [
        breaking(
            subject,
            f"now returns {_described(new_kind)}, was {_described(old_kind)}",
        )
    ]


# A kind as the report names it; one this generator does not know, as recorded.
_DESCRIBED: dict[str, str] = {kind: shape.described for kind, shape in RESULT_SHAPES.items()}


def _described(kind: str) -> str:
    return _DESCRIBED.get(kind, kind)


def _error(
    subject: str, status: str, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None
) -> list[Change]:
    label = f"HTTP {status} error body (`.body` of the error raised)"
    if new is None:
        assert old is not None
        return [
            breaking(subject, f"{label} no longer documented: raw JSON, no longer `{old['type']}`")
        ]
    if old is None:
        return [compatible(subject, f"{label} now documented: `{new['type']}`, was raw JSON")]
    return type_changes(subject, label, old, new, "response")


def _arguments(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    changes: list[Change] = []
    for argument in sorted(set(old) | set(new)):
        subject = f"{name}({argument}=...)"
        if argument not in new:
            changes.append(removed_slot(subject, "request"))
        elif argument not in old:
            changes.append(added_slot(subject, new[argument], "request"))
        else:
            changes += slot_changes(subject, old[argument], new[argument], "request")
    return changes


def _resources(methods: Methods) -> set[str]:
    return {_resource(key) for key in methods}


def _resource(key: str) -> str:
    """`agents.metrics` of `agents.metrics.list`."""
    return key.rsplit(".", 1)[0]
