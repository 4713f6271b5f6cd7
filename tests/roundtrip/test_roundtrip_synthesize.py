"""Synthesized values fit the spec's schemas, as a JSON Schema validator reads them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from synthesize import Synthesizer

COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Cat": {
            "type": "object",
            "required": ["kind", "name"],
            "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
        },
        "Dog": {
            "type": "object",
            "required": ["kind", "bark"],
            "properties": {"kind": {"type": "string"}, "bark": {"enum": ["loud", "soft"]}},
        },
        "Named": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}},
        },
    }
}
DOCUMENT: dict[str, Any] = {"openapi": "3.1.0", "components": COMPONENTS}

SCHEMAS: list[dict[str, Any]] = [
    {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{3}$"},
    {"type": "string", "pattern": "^[a-z0-9]*$"},
    {"type": "string", "minLength": 12, "maxLength": 14},
    {"type": "string", "maxLength": 3},
    {"type": "string", "example": "from-the-spec", "pattern": "^from"},
    {"type": "integer", "minimum": 10, "maximum": 20, "multipleOf": 7},
    {"type": "integer", "exclusiveMinimum": 5},
    {"type": "number", "maximum": 0.5},
    {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
    {"enum": ["a", "b", None]},
    {"const": 3},
    {"type": ["string", "null"], "format": "uuid"},
    {"type": "array", "items": {"enum": ["x", "y", "z"]}, "minItems": 3, "uniqueItems": True},
    {"type": "array", "items": {"type": "integer"}, "maxItems": 1},
    {
        "allOf": [
            {"$ref": "#/components/schemas/Named"},
            {"type": "object", "required": ["age"], "properties": {"age": {"type": "integer"}}},
        ]
    },
    {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
    },
    {"anyOf": [{"type": "null"}, {"type": "boolean"}]},
    {"type": "object", "additionalProperties": {"type": "integer", "minimum": 4}},
    {"type": "object", "required": ["undescribed"], "properties": {"a": {"type": "string"}}},
    {"type": "string", "format": "password", "minLength": 2, "maxLength": 2},
]


def _json(value: Any) -> Any:
    """As sent on the wire."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


@pytest.mark.parametrize("schema", SCHEMAS, ids=[str(i) for i in range(len(SCHEMAS))])
def test_the_value_fits_the_schema(schema: dict[str, Any]) -> None:
    value = _json(Synthesizer(DOCUMENT).value(schema))
    validator = Draft202012Validator({**schema, "components": COMPONENTS})
    assert list(validator.iter_errors(value)) == [], value


def test_spec_values_are_preferred_and_passed_as_python_types() -> None:
    synthesize = Synthesizer(DOCUMENT).value
    assert synthesize({"type": "string", "example": "from-the-spec"}) == "from-the-spec"
    assert synthesize({"type": "integer", "default": 7, "maximum": 5}) == 1, "unfit: built"
    assert synthesize({"type": "string", "format": "date-time"}) == datetime.datetime(
        2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC
    )
    assert synthesize({"type": "string", "format": "date", "enum": ["2020-02-02"]}) == (
        datetime.date(2020, 2, 2)
    )
    assert synthesize({"type": "string", "format": "binary"}) == b"roundtrip"
    assert synthesize({"type": "string", "pattern": "^[A-Z0-9]*$"}) != "", "never empty"


def test_objects_carry_the_discriminator_and_leave_read_only_properties_out() -> None:
    synthesize = Synthesizer(DOCUMENT).value
    pet = synthesize(SCHEMAS[15])
    assert pet["kind"] == "cat"
    record = synthesize(
        {
            "type": "object",
            "properties": {"id": {"type": "string", "readOnly": True}, "note": {"type": "string"}},
        }
    )
    assert record == {"note": "roundtrip"}


def test_what_the_spec_makes_impossible_is_named() -> None:
    """A value that cannot fit is still made (the call shows what the client does with
    it), and the contradiction is named, so the harness blames the spec for it."""
    synthesizer = Synthesizer(DOCUMENT)
    synthesizer.value({"type": "string", "pattern": "a^b"})
    synthesizer.value({"type": "array", "items": {"type": "string"}, "enum": ["x", "y"]})
    assert synthesizer.impossible == [
        "no string found that matches the pattern 'a^b'",
        "the enum of an array lists 'x'",
    ]
    synthesizer.impossible.clear()
    synthesizer.value({"type": "string", "pattern": "^a$"})
    assert synthesizer.impossible == []
