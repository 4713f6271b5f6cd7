"""Constraints a signature no longer spells are stated in words."""

from __future__ import annotations

from generator.model.types import ArrayType, Constraints, MapType, Nullable, Primitive
from generator.render.constraint_words import constraint_sentence


def _string(**limits: object) -> Primitive:
    return Primitive("string", constraints=Constraints(**limits))  # type: ignore[arg-type]


def _number(**limits: object) -> Primitive:
    return Primitive("number", constraints=Constraints(**limits))  # type: ignore[arg-type]


def test_lengths_and_patterns_of_strings() -> None:
    assert constraint_sentence(_string(min_length=1)) == "At least 1 character."
    assert constraint_sentence(_string(max_length=40)) == "At most 40 characters."
    assert constraint_sentence(_string(min_length=2, max_length=2)) == "Exactly 2 characters."
    assert constraint_sentence(_string(min_length=1, max_length=9, pattern="^\\+[0-9]+$")) == (
        "Between 1 and 9 characters; matches `^\\+[0-9]+$`."
    )


def test_numeric_bounds() -> None:
    assert constraint_sentence(_number(ge=1.0, le=100.0)) == "Between 1 and 100."
    assert constraint_sentence(_number(gt=0.0, lt=1.5)) == "Greater than 0; less than 1.5."
    assert constraint_sentence(_number(ge=0.0, multiple_of=5.0)) == "At least 0; a multiple of 5."


def test_containers_and_nullable_values() -> None:
    items = ArrayType(_string(min_length=1), Constraints(min_length=1, max_length=3))
    assert constraint_sentence(items) == "Between 1 and 3 items; each item at least 1 character."
    assert constraint_sentence(MapType(_number(le=1.0))) == "Each value at most 1."
    assert constraint_sentence(Nullable(_string(max_length=1))) == "At most 1 character."
    assert constraint_sentence(Primitive("string")) == ""
