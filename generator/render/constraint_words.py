"""The constraints of a request value in words, for docstrings and api.md.

Method signatures and the keys of the request TypedDicts show plain types
(`phone_number: str`), as a hand-written SDK does; the request models still check every
constraint before sending. What a signature no
longer spells is said here instead: "At least 1 character.", "Between 1 and 100.",
"Matches `^\\+[0-9]+$`.". Constraints of a named model's fields are documented on the
model, so a reference says nothing here.
"""

from __future__ import annotations

from typing import assert_never

from generator.model.types import (
    AnyType,
    ArrayType,
    Constraints,
    EnumValues,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    Primitive,
    RawBody,
    TypeRef,
    UnionOf,
)


def constraint_sentence(type_ref: TypeRef) -> str:
    """One sentence stating the limits of a value of this type; "" when it has none."""
    phrases = _phrases(type_ref)
    if not phrases:
        return ""
    text = "; ".join(phrases)
    return text[0].upper() + text[1:] + "."


def _phrases(type_ref: TypeRef) -> list[str]:
    match type_ref:
        case Nullable():
            return _phrases(type_ref.inner)
        case Primitive():
            if type_ref.kind == "string":
                return _sized(type_ref.constraints, "character") + _bounded(type_ref.constraints)
            return _bounded(type_ref.constraints)
        case ArrayType():
            items = _phrases(type_ref.items)
            own = _sized(type_ref.constraints, "item")
            return own + [f"each item {phrase}" for phrase in items]
        case MapType():
            return [f"each value {phrase}" for phrase in _phrases(type_ref.values)]
        case UnionOf() | NamedRef() | AnyType() | NullType() | EnumValues() | RawBody():
            return []
        case _:
            assert_never(type_ref)


def _sized(constraints: Constraints, unit: str) -> list[str]:
    """Length limits (`min_length`, `max_length`) and a string's `pattern`."""
    low, high = constraints.min_length, constraints.max_length
    phrases = []
    if low is not None and high is not None:
        if low == high:
            phrases.append(f"exactly {_count(low, unit)}")
        else:
            phrases.append(f"between {low} and {_count(high, unit)}")
    elif low is not None:
        phrases.append(f"at least {_count(low, unit)}")
    elif high is not None:
        phrases.append(f"at most {_count(high, unit)}")
    if constraints.pattern is not None:
        phrases.append(f"matches `{constraints.pattern}`")
    return phrases


def _bounded(constraints: Constraints) -> list[str]:
    """Numeric bounds and `multiple_of`."""
    phrases = []
    ge, le = constraints.ge, constraints.le
    if ge is not None and le is not None:
        phrases.append(f"between {_number(ge)} and {_number(le)}")
    else:
        if ge is not None:
            phrases.append(f"at least {_number(ge)}")
        if le is not None:
            phrases.append(f"at most {_number(le)}")
    if constraints.gt is not None:
        phrases.append(f"greater than {_number(constraints.gt)}")
    if constraints.lt is not None:
        phrases.append(f"less than {_number(constraints.lt)}")
    if constraints.multiple_of is not None:
        phrases.append(f"a multiple of {_number(constraints.multiple_of)}")
    return phrases


def _count(count: int, unit: str) -> str:
    return f"{count} {unit}" + ("" if count == 1 else "s")


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
