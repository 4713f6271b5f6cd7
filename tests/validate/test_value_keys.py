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


def test_mappings_that_differ_only_in_prose_share_a_key() -> None:
    keys = openapi._ValueKeys()
    one = {"allOf": [{"$ref": "#/components/schemas/S"}, {"description": "The first."}]}
    other = {"allOf": [{"$ref": "#/components/schemas/S"}, {"description": "Another."}]}
    assert keys.of(one) == keys.of(other) is not None
    assert keys.of({"title": "A", "type": "string"}) == keys.of({"title": "B", "type": "string"})


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ({"description": "a"}, {"description": 1}),  # not a string: another verdict
        ({"description": "a"}, {"description": ["a"]}),
        ({"summary": "a"}, {"summary": "b"}),  # prose is known by its name alone
        ({"default": "a"}, {"default": "b"}),
        ({"description": "a"}, {"title": "a"}),
        (["a"], ["b"]),  # a list's strings are no member named description
        (
            {"properties": {"description": {"type": "string"}}},
            {"properties": {"description": {"type": "integer"}}},
        ),
    ],
)
def test_what_is_not_prose_keeps_its_value_in_the_key(one: Any, other: Any) -> None:
    keys = openapi._ValueKeys()
    assert keys.of(one) != keys.of(other)


def _schemas_checked_against() -> list[Any]:
    """Every schema the validator checks a document or a Schema Object against: the
    OpenAPI schemas and the JSON Schema dialects the installed libraries ship."""
    import json
    from importlib.resources import files

    found: list[Any] = []
    for package in (
        "openapi_spec_validator",
        "openapi_schema_validator",
        "jsonschema_specifications",
    ):
        for path in _json_files(files(package)):
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def _json_files(folder: Any) -> list[Any]:
    paths = []
    for entry in folder.iterdir():
        if entry.is_dir():
            paths += _json_files(entry)
        elif entry.name.endswith(".json"):
            paths.append(entry)
    return paths


def _prose_constraints(value: Any) -> list[Any]:
    """What the schemas under `value` ask of a member named description or title."""
    found = []
    if isinstance(value, dict):
        properties = value.get("properties")
        if isinstance(properties, dict):
            found += [properties[name] for name in openapi._PROSE_NAMES if name in properties]
        for member in value.values():
            found += _prose_constraints(member)
    elif isinstance(value, list):
        for member in value:
            found += _prose_constraints(member)
    return found


def test_every_schema_checked_against_asks_only_for_a_string_as_prose() -> None:
    """Why prose may share a key: no schema the checks use asks more of its text."""
    constraints = [c for schema in _schemas_checked_against() for c in _prose_constraints(schema)]
    assert len(constraints) > 10
    for constraint in constraints:
        asks = {k: v for k, v in constraint.items() if k not in ("description", "$comment")}
        assert asks in (
            {"type": "string"},
            {"$ref": "http://json-schema.org/draft-04/schema#/properties/description"},
            {"$ref": "http://json-schema.org/draft-04/schema#/properties/title"},
        ), constraint
