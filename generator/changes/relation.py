"""How a new shape relates to the old one: the same, wider, narrower, or different.

"Wider" means every value the old type admits, the new one admits too. Whether that
is safe depends on the direction: callers send request values (wider is safe) and
receive response values (narrower is safe). Responses decode enums as their plain
kind, so on that side two enums of one kind are the same type, whatever their values.
"""

from __future__ import annotations

import enum
import json

from generator.changes.shapes import Shape
from generator.model.sides import Side


class Relation(enum.Enum):
    SAME = "same"
    WIDER = "wider"
    NARROWER = "narrower"
    DIFFERENT = "different"

    def then(self, other: Relation) -> Relation:
        """Both relations at once (e.g. the item type and the nullability of a list)."""
        if self is Relation.SAME or self is other:
            return other
        return self if other is Relation.SAME else Relation.DIFFERENT


_LOWER_BOUNDS = ("min_length", "ge", "gt")
_UPPER_BOUNDS = ("max_length", "le", "lt")
_EXACT = ("pattern", "multiple_of")
_WIDER_SCALARS = {("int", "float")}  # an int is accepted where a float is


def relation(old: Shape, new: Shape, side: Side) -> Relation:
    if old == new:
        return Relation.SAME
    if side == "response" and _kind(old) is not None and _kind(old) == _kind(new):
        return Relation.SAME
    if new == "any":
        return Relation.WIDER
    if old == "any":
        return Relation.NARROWER
    if _has(old, "nullable") or _has(new, "nullable"):
        return _nullable(old, new, side)
    if _has(old, "constrained") or _has(new, "constrained"):
        return _constrained(old, new, side)
    if _has(old, "union") or _has(new, "union"):
        return _members(old, new)
    for container in ("list", "map"):
        if _has(old, container) and _has(new, container):
            assert isinstance(old, dict) and isinstance(new, dict)
            return relation(old[container], new[container], side)
    if _has(old, "enum") or _has(new, "enum"):
        return _values(old, new)
    if isinstance(old, str) and isinstance(new, str):
        if (old, new) in _WIDER_SCALARS:
            return Relation.WIDER
        if (new, old) in _WIDER_SCALARS:
            return Relation.NARROWER
    return Relation.DIFFERENT


def enum_values(shape: Shape) -> list[str | int | float | bool] | None:
    """The values of an enum shape, or None for any other shape."""
    if isinstance(shape, dict) and isinstance(shape.get("enum"), list):
        values = shape["enum"]
        assert isinstance(values, list)
        return [v for v in values if isinstance(v, str | int | float | bool)]
    return None


def _has(shape: Shape, key: str) -> bool:
    return isinstance(shape, dict) and key in shape


def _nullable(old: Shape, new: Shape, side: Side) -> Relation:
    """Admitting `None` widens; the rest is compared inside."""
    old_inner, new_inner = _inside(old, "nullable"), _inside(new, "nullable")
    inner = relation(old_inner, new_inner, side)
    if _has(old, "nullable") == _has(new, "nullable"):
        return inner
    return inner.then(Relation.WIDER if _has(new, "nullable") else Relation.NARROWER)


def _constrained(old: Shape, new: Shape, side: Side) -> Relation:
    """Tighter bounds narrow, looser ones widen; the rest is compared inside."""
    inner = relation(_inside(old, "constrained"), _inside(new, "constrained"), side)
    return inner.then(_constraints(_bounds(old), _bounds(new)))


def _inside(shape: Shape, wrapper: str) -> Shape:
    return shape[wrapper] if isinstance(shape, dict) and wrapper in shape else shape


def _bounds(shape: Shape) -> dict[str, Shape]:
    if not _has(shape, "constrained"):
        return {}
    assert isinstance(shape, dict)
    return {key: value for key, value in shape.items() if key != "constrained"}


def _constraints(old: dict[str, Shape], new: dict[str, Shape]) -> Relation:
    result = Relation.SAME
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in _EXACT:
            step = (
                Relation.NARROWER
                if before is None
                else Relation.WIDER if after is None else Relation.DIFFERENT
            )
        elif before is None or after is None:
            step = Relation.NARROWER if before is None else Relation.WIDER
        else:
            assert isinstance(before, int | float) and isinstance(after, int | float)
            tighter = after > before if key in _LOWER_BOUNDS else after < before
            step = Relation.NARROWER if tighter else Relation.WIDER
        result = result.then(step)
    return result


def _members(old: Shape, new: Shape) -> Relation:
    old_members, new_members = _member_set(old), _member_set(new)
    if old_members <= new_members:
        return Relation.WIDER
    if new_members <= old_members:
        return Relation.NARROWER
    return Relation.DIFFERENT


def _member_set(shape: Shape) -> frozenset[str]:
    members = shape["union"] if isinstance(shape, dict) and "union" in shape else [shape]
    assert isinstance(members, list)
    return frozenset(json.dumps(m, sort_keys=True) for m in members)


def _values(old: Shape, new: Shape) -> Relation:
    """Enums against enums or against their kind (a `str` admits every string value)."""
    old_values, new_values = enum_values(old), enum_values(new)
    if old_values is None:
        return Relation.NARROWER if _kind(new) == old else Relation.DIFFERENT
    if new_values is None:
        return Relation.WIDER if _kind(old) == new else Relation.DIFFERENT
    if set(old_values) <= set(new_values):
        return Relation.WIDER
    if set(new_values) <= set(old_values):
        return Relation.NARROWER
    return Relation.DIFFERENT


def _kind(shape: Shape) -> str | None:
    """The scalar an enum's values (or a scalar shape) belong to, when there is one."""
    if isinstance(shape, str):
        return shape if shape in ("str", "int", "float", "bool") else None
    values = enum_values(shape)
    if not values:
        return None
    kinds = {type(v).__name__ for v in values}
    return kinds.pop() if len(kinds) == 1 else None
