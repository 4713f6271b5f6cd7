"""A spec of the schema constructs that made calls of real specs fail on the client side:
allOf members that only annotate or constrain a non-object schema, constraints a type
cannot carry, anyOf/oneOf matching, readOnly/writeOnly and constrained parameters."""

from __future__ import annotations

from itertools import product
from typing import Any

from generator.naming import class_name

# Every kind and format of value, with a value of it that the constraints below admit.
KINDS: dict[str, tuple[dict[str, Any], Any]] = {
    "string": ({"type": "string"}, "abc"),
    "date-time": ({"type": "string", "format": "date-time"}, "2024-01-02T03:04:05Z"),
    "date": ({"type": "string", "format": "date"}, "2024-01-02"),
    "uuid": ({"type": "string", "format": "uuid"}, "5b8d1a3e-2f4c-4e7a-9c1d-0a1b2c3d4e5f"),
    "byte": ({"type": "string", "format": "byte"}, "YWJj"),
    "binary": ({"type": "string", "format": "binary"}, "abc"),
    "integer": ({"type": "integer"}, 5),
    "int64": ({"type": "integer", "format": "int64"}, 5),
    "number": ({"type": "number"}, 2.0),
    "float": ({"type": "number", "format": "float"}, 2.0),
    "boolean": ({"type": "boolean"}, True),
    "array": ({"type": "array", "items": {"type": "string"}}, ["abc"]),
    "string-or-integer": ({"type": ["string", "integer"]}, 5),
}
CONSTRAINTS: dict[str, Any] = {
    "minLength": 1,
    "maxLength": 40,
    "pattern": "^[A-Za-z0-9]",
    "minimum": 0,
    "maximum": 100,
    "exclusiveMinimum": -1,
    "exclusiveMaximum": 1000,
    "multipleOf": 1,
    "minItems": 1,
    "maxItems": 5,
}
COMBINATIONS = [
    (class_name(f"{kind} {keyword}"), {**KINDS[kind][0], keyword: bound}, KINDS[kind][1])
    for kind, (keyword, bound) in product(KINDS, CONSTRAINTS.items())
]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", **_json(schema)}}


SCHEMAS: dict[str, Any] = {
    **{name: schema for name, schema, _ in COMBINATIONS},
    "Combinations": {
        "type": "object",
        "properties": {name: _ref(name) for name, _, _ in COMBINATIONS},
    },
    "Str": {"type": "string", "maxLength": 20},
    "Color": {"type": "string", "enum": ["red", "blue"]},
    "Pet": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"allOf": [_ref("Str"), {"description": "The pet's name.", "example": "Rex"}]},
            "nick": {"allOf": [_ref("Str"), {"maxLength": 5}]},
            "color": {"allOf": [_ref("Color"), {"description": "Fur.", "deprecated": False}]},
            "born": {
                "allOf": [
                    {"type": "string", "format": "date-time", "minLength": 1},
                    {"description": "When.", "pattern": "^2"},
                ]
            },
        },
    },
}

PATHS: dict[str, Any] = {
    "/combinations": {
        "post": {
            "operationId": "sendCombinations",
            "requestBody": {"required": True, **_json(_ref("Combinations"))},
            "responses": _ok(_ref("Combinations")),
        }
    },
    "/pets": {
        "post": {
            "operationId": "createPet",
            "requestBody": {"required": True, **_json(_ref("Pet"))},
            "responses": _ok(_ref("Pet")),
        }
    },
}


def spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Correctness", "version": "1"},
        "servers": [{"url": "https://correct.example.com"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
