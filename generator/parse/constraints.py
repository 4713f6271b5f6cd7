"""Validation keywords of a schema → `Constraints`, limited to what the Python type can carry.

msgspec accepts a `Meta` constraint only on a type it applies to (`min_length` on text,
bytes or a collection, `ge` on a number, nothing on a `datetime`), and it says so with a
TypeError at the first encode or decode, not at import: a `minLength` on a date-time or a
`maximum` on a string would make every call of the method raise. Such keywords are left
out of the model, and the caller notes them for api.md.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from generator.model.types import TEMPORAL_FORMATS, Constraints, PrimitiveKind

_TEXT = frozenset({"min_length", "max_length", "pattern"})
_CONSTRAINT_NAMES = tuple(field.name for field in fields(Constraints))
_NUMERIC = frozenset({"ge", "gt", "le", "lt", "multiple_of"})
# The spec keyword each constraint of a primitive comes from (for notes).
_KEYWORDS = {
    "min_length": "minLength",
    "max_length": "maxLength",
    "pattern": "pattern",
    "ge": "minimum",
    "gt": "exclusiveMinimum",
    "le": "maximum",
    "lt": "exclusiveMaximum",
    "multiple_of": "multipleOf",
}
# Keywords that only constrain a value, so an allOf member of nothing else narrows the
# other member rather than standing for an object of its own.
VALUE_KEYWORDS = frozenset(
    {
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)
# The keywords `constraints_of` reads: a schema with none of them states no constraint.
PRIMITIVE_KEYWORDS = frozenset(_KEYWORDS.values())
_LOWER_BOUNDS = frozenset({"minLength", "minimum", "exclusiveMinimum", "minItems"})
_UPPER_BOUNDS = frozenset({"maxLength", "maximum", "exclusiveMaximum", "maxItems"})


def constraints_of(schema: dict[str, Any]) -> Constraints:
    """The constraints a primitive schema states (both spellings of exclusive bounds)."""
    minimum, maximum = _number(schema.get("minimum")), _number(schema.get("maximum"))
    ex_min, ex_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    ge, gt, le, lt = minimum, None, maximum, None
    if ex_min is True:  # OpenAPI 3.0: a flag on `minimum`
        ge, gt = None, minimum
    elif _number(ex_min) is not None:  # 3.1: the bound itself
        gt = _number(ex_min)
    if ex_max is True:
        le, lt = None, maximum
    elif _number(ex_max) is not None:
        lt = _number(ex_max)
    pattern = schema.get("pattern")
    min_length, max_length = schema.get("minLength"), schema.get("maxLength")
    multiple_of = _number(schema.get("multipleOf"))
    return Constraints(
        min_length=min_length if isinstance(min_length, int) and min_length > 0 else None,
        max_length=_count(max_length),
        pattern=pattern if isinstance(pattern, str) else None,
        ge=ge,
        gt=gt,
        le=le,
        lt=lt,
        multiple_of=multiple_of if multiple_of and multiple_of > 0 else None,
    )


def array_constraints(schema: dict[str, Any]) -> Constraints:
    min_items, max_items = schema.get("minItems"), schema.get("maxItems")
    return Constraints(
        min_length=min_items if isinstance(min_items, int) and min_items > 0 else None,
        max_length=_count(max_items),
    )


def carried(
    constraints: Constraints, kind: PrimitiveKind, fmt: str | None
) -> tuple[Constraints, tuple[str, ...]]:
    """The constraints a value of this kind and format can carry in Python, and the spec
    keywords of those it cannot (a date-time is a `datetime`, whose text is not kept)."""
    if kind == "string" and fmt not in TEMPORAL_FORMATS and fmt != "binary":
        allowed = _TEXT
    elif kind in ("integer", "number"):
        allowed = _NUMERIC
    else:
        allowed = frozenset()
    dropped = [
        name
        for name in _CONSTRAINT_NAMES
        if name not in allowed and getattr(constraints, name) is not None
    ]
    if not dropped:
        return constraints, ()
    kept = replace(constraints, **dict.fromkeys(dropped))
    return kept, tuple(_KEYWORDS[name] for name in dropped)


def narrowed(schema: dict[str, Any], extra: list[dict[str, Any]]) -> dict[str, Any]:
    """`schema` with the value keywords of `extra` added (allOf members that only constrain
    it): of two bounds the tighter one holds, and of two patterns both must match."""
    result = dict(schema)
    for member in extra:
        for keyword, value in member.items():
            if keyword not in VALUE_KEYWORDS:
                continue
            current = result.get(keyword)
            if current is None or isinstance(current, bool) or isinstance(value, bool):
                result[keyword] = value
            elif keyword == "pattern" and isinstance(current, str) and isinstance(value, str):
                result[keyword] = current if current == value else _both(current, value)
            elif keyword in _LOWER_BOUNDS and _number(current) is not None:
                result[keyword] = max(current, value) if _number(value) is not None else current
            elif keyword in _UPPER_BOUNDS and _number(current) is not None:
                result[keyword] = min(current, value) if _number(value) is not None else current
            else:
                result[keyword] = value
    return result


def _both(first: str, second: str) -> str:
    """A pattern found in a text exactly when both are (a search, as JSON Schema's is)."""
    return f"^(?=[\\s\\S]*?(?:{first}))(?=[\\s\\S]*?(?:{second}))"


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _count(value: Any) -> int | None:
    """A `maxLength`/`maxItems`: msgspec rejects a negative one when the module imports."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
