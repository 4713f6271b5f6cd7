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


def _object(required: list[str], closed: bool = False, **properties: Any) -> dict[str, Any]:
    schema = {"type": "object", "required": required, "properties": properties}
    return {**schema, "additionalProperties": False} if closed else schema


STRING = {"type": "string"}
SCHEMAS.update(
    {
        "Email": _object(["email"], email=STRING, label=STRING),
        "Phone": _object(["phone"], phone=STRING, label=STRING),
        # A value with both keys is an email and a phone: anyOf takes it, oneOf refuses it.
        "AnyContact": {"anyOf": [_ref("Email"), _ref("Phone")]},
        "OneContact": {"oneOf": [_ref("Email"), _ref("Phone")]},
        "Circle": _object([], closed=True, radius={"type": "number"}),
        "Named": _object(["name"], name=STRING),
        # `{name}` is not a circle, whose keys are closed, though every circle key is optional.
        "Figure": {"oneOf": [_ref("Circle"), _ref("Named")]},
        # The members name which of the properties beside them a lookup needs.
        "Lookup": {
            "type": "object",
            "properties": {"id": STRING, "email": STRING},
            "oneOf": [{"required": ["id"]}, {"required": ["email"]}],
        },
        "Matches": _object(
            [],
            any_contact=_ref("AnyContact"),
            one_contact=_ref("OneContact"),
            figure=_ref("Figure"),
            circle=_ref("Circle"),
            lookup=_ref("Lookup"),
        ),
    }
)

SCHEMAS["Account"] = {
    "type": "object",
    "required": ["id", "name", "password"],
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "name": STRING,
        "password": {"type": "string", "writeOnly": True},
        "created": {"allOf": [_ref("Str"), {"readOnly": True, "description": "Set by us."}]},
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
    "/matches": {
        "post": {
            "operationId": "sendMatches",
            "requestBody": {"required": True, **_json(_ref("Matches"))},
            "responses": _ok(_ref("Matches")),
        }
    },
    "/accounts": {
        "post": {
            "operationId": "createAccount",
            "requestBody": {"required": True, **_json(_ref("Account"))},
            "responses": _ok(_ref("Account")),
        }
    },
    "/items/{itemId}": {
        "get": {
            "operationId": "getItem",
            "parameters": [
                {
                    "name": "itemId",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^it_[0-9]+$"},
                },
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                },
                {"name": "color", "in": "query", "schema": _ref("Color")},
                {
                    "name": "since",
                    "in": "query",
                    "schema": {"type": "string", "format": "date-time"},
                },
                {
                    "name": "ids",
                    "in": "query",
                    "schema": {"type": "array", "items": {"type": "integer"}, "maxItems": 2},
                },
                {"name": "X-Trace", "in": "header", "schema": {"type": "string", "maxLength": 5}},
                {"name": "session", "in": "cookie", "schema": {"type": "string", "minLength": 3}},
            ],
            "responses": _ok(STRING),
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
