"""Changes to one typed place: an argument, a field, a return type, an error body.

The rule is the direction of the data. Callers send request values, so a request
type may widen and an argument may become optional, but not the reverse. Callers
read response values, so a response type may narrow and a field may become always
present, but not the reverse: a field that may now be missing or None is no longer
guaranteed. Responses decode enums as plain strings, so their values changing breaks
no decoding; it is still reported, since code matching on the values may meet new ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.changes.change import Change, breaking, compatible
from generator.changes.relation import Relation, enum_values, relation
from generator.changes.shapes import Shape, constraints_in, without_constraints
from generator.model.sides import Side

# A typed place as the manifest records it: "type" and "shape", and when they apply
# "constraints", for arguments and fields "required", and when they apply "nullable",
# "default", "position", "deprecated".
Place = Mapping[str, Any]


def type_changes(subject: str, label: str, old: Place, new: Place, side: Side) -> list[Change]:
    """`label` names the typed thing in the reason (`type`, `return type`, …)."""
    found = relation(old["shape"], new["shape"], side)
    if found is Relation.SAME:
        if old["shape"] == new["shape"]:
            return []
        return [compatible(subject, _response_values(label, old, new))]
    old_limits, new_limits = constraints_in(old["shape"]), constraints_in(new["shape"])
    if old_limits != new_limits and without_constraints(old["shape"]) == without_constraints(
        new["shape"]
    ):
        return [_constraint_change(subject, old_limits, new_limits, found)]
    before, after = _spelled(old["type"], old_limits), _spelled(new["type"], new_limits)
    values = _request_values(old["shape"], new["shape"]) if side == "request" else None
    if found is Relation.DIFFERENT:
        return [breaking(subject, f"{label} changed from {before} to {after}")]
    if (found is Relation.WIDER) == (side == "request"):
        word = "widened" if side == "request" else "narrowed"
        return [compatible(subject, values or f"{label} {word} from {before} to {after}")]
    if side == "request":
        reason = values or f"{label} narrowed from {before} to {after}"
        return [breaking(subject, f"{reason}; values accepted before may now be rejected")]
    return [
        breaking(
            subject,
            f"{label} widened from {before} to {after}; it may now hold values "
            "that code written for the old type does not expect",
        )
    ]


def _constraint_change(subject: str, old: Shape, new: Shape, found: Relation) -> Change:
    """Only the constraints changed (request values: responses check none)."""
    change = f"from {_quoted(old)} to {_quoted(new)}"
    if found is Relation.WIDER:
        return compatible(subject, f"constraints loosened {change}")
    word = "tightened" if found is Relation.NARROWER else "changed"
    return breaking(
        subject, f"constraints {word} {change}; values accepted before may now be rejected"
    )


def _spelled(annotation: str, limits: Shape) -> str:
    """A type as the report names it: plain, with its constraints when it has any."""
    return f"`{annotation}`" + (f" ({_quoted(limits)})" if limits is not None else "")


def _quoted(constraints: Shape) -> str:
    return "none" if constraints is None else f"`{_limits(constraints)}`"


def _limits(constraints: Shape) -> str:
    """Constraints as `Meta` keywords (`min_length=1`), nested ones after where they apply."""
    if not isinstance(constraints, dict):
        return "none"
    parts: list[str] = []
    for key, value in constraints.items():
        if key == "items" or key == "values":
            parts.append(f"each of its {key}: {_limits(value)}")
        elif key == "variants" and isinstance(value, list):
            parts.extend(
                f"variant {number}: {_limits(variant)}"
                for number, variant in enumerate(value, start=1)
                if variant
            )
        else:
            parts.append(f"{key}={value!r}")
    return ", ".join(parts) or "none"


def slot_changes(subject: str, old: Place, new: Place, side: Side) -> list[Change]:
    """An argument or field present before and after."""
    changes = _presence(subject, old, new) if side == "request" else _guarantee(subject, old, new)
    changes += type_changes(subject, "type", old, new, side)
    if side == "request" and old.get("default", ...) != new.get("default", ...):
        changes.append(
            compatible(
                subject,
                f"default changed from {_default(old)} to {_default(new)}; "
                "calls that leave it out get the new default",
            )
        )
    if old.get("position") is not None and old.get("position") != new.get("position"):
        where = "no longer positional" if new.get("position") is None else "moved"
        changes.append(breaking(subject, f"{where}; calls that pass it by position break"))
    if new.get("deprecated") and not old.get("deprecated"):
        changes.append(compatible(subject, "deprecated"))
    return changes


def added_slot(subject: str, new: Place, side: Side) -> Change:
    if side == "response":
        return compatible(subject, "new field")
    if new["required"]:
        return breaking(subject, "new and required; existing calls leave it out")
    return compatible(subject, "new and optional")


def removed_slot(subject: str, side: Side) -> Change:
    if side == "response":
        return breaking(subject, "removed; code that reads it fails with AttributeError")
    return breaking(subject, "removed; calls that pass it fail with TypeError")


def _presence(subject: str, old: Place, new: Place) -> list[Change]:
    """A request value must now be given, or may now be None, or the reverse."""
    changes = []
    if new["required"] and not old["required"]:
        changes.append(breaking(subject, "now required; calls that leave it out fail"))
    elif old["required"] and not new["required"]:
        changes.append(compatible(subject, "now optional"))
    if old.get("nullable") and not new.get("nullable"):
        changes.append(breaking(subject, "no longer accepts None"))
    elif new.get("nullable") and not old.get("nullable"):
        changes.append(compatible(subject, "now accepts None"))
    return changes


def _guarantee(subject: str, old: Place, new: Place) -> list[Change]:
    """A response field is guaranteed when it is required and not nullable."""
    was = old["required"] and not old.get("nullable")
    now = new["required"] and not new.get("nullable")
    if was and not now:
        missing = "None" if new["required"] else "missing (None)"
        return [breaking(subject, f"no longer guaranteed: it may be {missing}, code must check")]
    if now and not was:
        return [compatible(subject, "now always present, never None")]
    return []


def _request_values(old: Any, new: Any) -> str | None:
    """`no longer accepts 'a'; now also accepts 'b'` between two request enums."""
    before, after = enum_values(old), enum_values(new)
    if before is None or after is None:
        return None
    parts = []
    if removed := [v for v in before if v not in after]:
        parts.append("no longer accepts " + _values(removed))
    if added := [v for v in after if v not in before]:
        parts.append("now also accepts " + _values(added))
    return "; ".join(parts)


def _response_values(label: str, old: Place, new: Place) -> str:
    """Documented values of a response enum changed; the Python type did not."""
    before, after = enum_values(old["shape"]), enum_values(new["shape"])
    still = f"still decoded as `{new['type']}`"
    prefix = "" if label == "type" else f"{label}: "
    if before is None or after is None:
        if after is not None:
            return f"{prefix}values now documented: {_values(after)} ({still})"
        if before is not None:
            return f"{prefix}values no longer documented ({still})"
        return f"{prefix}documented values changed ({still})"
    parts = []
    if added := [v for v in after if v not in before]:
        parts.append("may now be " + _values(added))
    if removed := [v for v in before if v not in after]:
        parts.append("is no longer " + _values(removed))
    return prefix + "; ".join(parts) + f" ({still}, so decoding does not fail)"


def _values(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _default(place: Place) -> str:
    return repr(place["default"]) if "default" in place else "none"
