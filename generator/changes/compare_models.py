"""Changes to the importable models: `models.X` (responses) and `params.X` (requests).

A removed model breaks every import of it; a new one breaks nothing. Fields follow
the rules of `compare_types`, by the side the model is on. Request enums are
`Literal` aliases, so a removed value is rejected before sending; a closed union
accepts (request) or may return (response) one more or one fewer kind of object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.changes.change import Change, breaking, compatible
from generator.changes.compare_types import added_slot, removed_slot, slot_changes, type_changes
from generator.model import names
from generator.model.sides import Side

Models = Mapping[str, Mapping[str, Any]]


def model_changes(old: Models, new: Models) -> list[Change]:
    changes: list[Change] = []
    for key in sorted(set(old) | set(new)):
        side: Side = "request" if names.is_public_param(key) else "response"
        if key not in new:
            changes.append(breaking(key, "removed; imports of it fail"))
        elif key not in old:
            changes.append(compatible(key, f"new {side} {new[key]['kind']}"))
        elif old[key]["kind"] != new[key]["kind"]:
            changes.append(
                breaking(key, f"changed from {_a(old[key]['kind'])} to {_a(new[key]['kind'])}")
            )
        else:
            changes += _same_kind(key, old[key], new[key], side)
    return changes


def _same_kind(
    key: str, old: Mapping[str, Any], new: Mapping[str, Any], side: Side
) -> list[Change]:
    kind = old["kind"]
    if kind == "object":
        return _fields(key, old["fields"], new["fields"], side)
    if kind == "enum":
        return _enum(key, old["values"], new["values"])
    if kind == "union":
        return _union(key, old, new, side)
    return type_changes(key, "aliased type", old, new, side)


def _fields(key: str, old: Mapping[str, Any], new: Mapping[str, Any], side: Side) -> list[Change]:
    changes: list[Change] = []
    for name in sorted(set(old) | set(new)):
        subject = f"{key}.{name}"
        if name not in new:
            changes.append(removed_slot(subject, side))
        elif name not in old:
            changes.append(added_slot(subject, new[name], side))
        else:
            changes += slot_changes(subject, old[name], new[name], side)
    return changes


def _enum(key: str, old: list[Any], new: list[Any]) -> list[Change]:
    """Only request enums are models; response enums decode as their plain kind."""
    changes = [
        breaking(key, f"value {v!r} removed; passing it is now rejected before sending")
        for v in old
        if v not in new
    ]
    changes += [compatible(key, f"new value {v!r}") for v in new if v not in old]
    return changes


def _union(key: str, old: Mapping[str, Any], new: Mapping[str, Any], side: Side) -> list[Change]:
    old_variants, new_variants = old["variants"], new["variants"]
    removed = [c for v, c in _variant_classes(old, side) if v not in new_variants]
    added = [c for v, c in _variant_classes(new, side) if v not in old_variants]
    if side == "request":
        return [
            *(breaking(key, f"no longer accepts a `{v}`") for v in removed),
            *(compatible(key, f"now also accepts a `{v}`") for v in added),
        ]
    return [
        *(compatible(key, f"no longer returned as a `{v}`") for v in removed),
        *(
            compatible(key, f"may now be a `{v}` (decoded as its Unknown variant before)")
            for v in added
        ),
    ]


def _variant_classes(union: Mapping[str, Any], side: Side) -> list[tuple[Any, str]]:
    """Each variant of a union model with the type it is spelled as: a request union
    records its variants' public names (an older manifest did not: `XParam` then)."""
    variants: list[Any] = union["variants"]
    if side == "response":
        return [(v, _name(v)) for v in variants]
    spelled = union.get("types") or [names.param_class(_name(v)) for v in variants]
    return list(zip(variants, spelled, strict=True))


def _name(variant: Any) -> str:
    return variant["ref"] if isinstance(variant, dict) and "ref" in variant else str(variant)


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
