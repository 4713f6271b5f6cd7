"""The keys under which the validator remembers a value found clean: equal only for equal
values of the same types, and none for a value it cannot key (checked every time)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.validate import openapi


def _key(value: Any) -> Any:
    return openapi._ValueKeys().of(value)


def test_equal_values_get_one_key_wherever_they_are() -> None:
    keys = openapi._ValueKeys()
    first = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    second = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    assert keys.of(first) == keys.of(second) is not None
    assert keys.of(first["properties"]) == keys.of({"n": {"type": "integer"}})


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (True, 1),
        (1, 1.0),
        (False, 0),
        (None, False),
        ("1", 1),
        ([1], (1,)),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # in another order: kept apart, to be safe
        ({1: "x"}, {"1": "x"}),
        ({"a": [1, True]}, {"a": [1, 1]}),
        ([], {}),
    ],
)
def test_values_that_differ_in_type_or_order_get_different_keys(one: Any, other: Any) -> None:
    keys = openapi._ValueKeys()
    assert keys.of(one) != keys.of(other)


def test_a_cycle_or_a_foreign_type_gets_no_key() -> None:
    cyclic: dict[str, Any] = {"a": {}}
    cyclic["a"]["back"] = cyclic
    assert _key(cyclic) is None
    assert _key({"a": object()}) is None
    assert _key({"a": (1, 2)}) is None


def test_no_key_when_remembering_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openapi, "_REMEMBER_CLEAN", False)
    assert _key({"type": "string"}) is None
