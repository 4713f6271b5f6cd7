"""A spec made of the schema constructs real APIs use and small specs rarely do."""

from __future__ import annotations

from typing import Any


def _tool(tag: str, required: list[str], **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", *required],
        "properties": {"type": {"type": "string", "enum": [tag]}, **properties},
    }


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", **_json(schema)}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


TOOL_ID = {"type": "object", "required": ["tool_id"], "properties": {"tool_id": {"type": "string"}}}

SCHEMAS: dict[str, Any] = {
    "CustomTool": _tool("custom", ["name", "url"], name={"type": "string"}, url={"type": "string"}),
    "CheckAvailabilityCalTool": _tool(
        "check_availability_cal", ["name", "cal_api_key"], cal_api_key={"type": "string"}
    ),
    "BookAppointmentCalTool": _tool(
        "book_appointment_cal", ["name", "event_type_id"], event_type_id={"type": "integer"}
    ),
    # Retell's tool: the variants carry their tag (`type`) but the union names no discriminator.
    "Tool": {
        "allOf": [
            {
                "oneOf": [
                    _ref("CustomTool"),
                    _ref("CheckAvailabilityCalTool"),
                    _ref("BookAppointmentCalTool"),
                ]
            },
            TOOL_ID,
        ]
    },
    "Agent": {
        "type": "object",
        "required": ["tools"],
        "properties": {
            "tools": {
                "type": "array",
                "items": {
                    "allOf": [
                        {"oneOf": [_ref("CustomTool"), _ref("BookAppointmentCalTool")]},
                        TOOL_ID,
                    ]
                },
            }
        },
    },
    # A discriminated union component, extended through a `$ref` in an allOf; the mapping
    # names the variants by schema name and by `$ref`, and a tag differs from the schema's.
    "ToolUnion": {
        "oneOf": [_ref("CustomTool"), _ref("CheckAvailabilityCalTool")],
        "discriminator": {
            "propertyName": "type",
            "mapping": {
                "custom": "CustomTool",
                "check_availability_cal": "#/components/schemas/CheckAvailabilityCalTool",
            },
        },
    },
    "StoredTool": {
        "allOf": [
            _ref("ToolUnion"),
            {
                "type": "object",
                "required": ["created_at"],
                "properties": {"created_at": {"type": "integer"}},
            },
        ]
    },
    "Blob": {"type": "string", "format": "binary"},
    # Class names that are Python keywords.
    "None": {"type": "object", "properties": {"value": {"type": "string"}}},
    "True": {"type": "object", "properties": {"none": _ref("None"), "false": _ref("False")}},
    "False": {"type": "string", "enum": ["no", "nope"]},
    # 3.1 boolean schemas and Unicode property escapes.
    "Profile": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "pattern": "^[\\p{L} .'-]+$"},
            "legacy": False,
            "extra": True,
            "code": {"type": "string", "pattern": "^\\p{Lu}{2}\\P{L}+$"},
            "greek": {"type": "string", "pattern": "^\\p{Script=Greek}+$"},
        },
    },
    # Unions of strings, and of an object with a primitive.
    "Mood": {"type": "string", "enum": ["happy", "sad"]},
    "Weather": {"type": "string", "enum": ["sunny", "rainy"]},
    "Feeling": {"oneOf": [_ref("Mood"), _ref("Weather")]},
    "Expression": {
        "type": "object",
        "required": ["op", "args"],
        "properties": {
            "op": {"type": "string"},
            "args": {"type": "array", "items": _ref("Operand")},
        },
    },
    "Operand": {"oneOf": [{"type": "string"}, _ref("Expression")]},
    "Reading": {
        "type": "object",
        "required": ["feeling"],
        "properties": {
            "feeling": _ref("Feeling"),
            "label": {
                "anyOf": [
                    {"type": "string", "enum": ["a", "b"]},
                    {"type": "string", "maxLength": 3},
                ]
            },
            "operand": _ref("Operand"),
        },
    },
}

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Schemas", "version": "1"},
    "servers": [{"url": "https://schemas.test"}],
    "paths": {
        "/tools": {
            "post": {
                "operationId": "createTool",
                "tags": ["tools"],
                "requestBody": {"required": True, **_json(_ref("Tool"))},
                "responses": _ok(_ref("Tool")),
            }
        },
        "/agents/{agent_id}": {
            "get": {
                "operationId": "getAgent",
                "tags": ["agents"],
                "parameters": [
                    {
                        "name": "agent_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": _ok(_ref("Agent")),
            }
        },
        "/stored-tools": {
            "get": {
                "operationId": "getStoredTool",
                "tags": ["stored_tools"],
                "responses": _ok(_ref("StoredTool")),
            },
            "post": {
                "operationId": "createStoredTool",
                "tags": ["stored_tools"],
                "requestBody": {"required": True, **_json(_ref("StoredTool"))},
                "responses": {"204": {"description": "stored"}},
            },
        },
        "/nones": {
            "post": {
                "operationId": "createNone",
                "tags": ["None"],
                "parameters": [{"name": "True", "in": "query", "schema": _ref("False")}],
                "requestBody": _json(_ref("True")),
                "responses": _ok(_ref("None")),
            }
        },
        "/profiles": {
            "put": {
                "operationId": "putProfile",
                "tags": ["profiles"],
                "requestBody": {"required": True, **_json(_ref("Profile"))},
                "responses": _ok(_ref("Profile")),
            }
        },
        "/search": {
            "get": {
                "operationId": "search",
                "tags": ["search"],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {},
                                "additionalProperties": False,
                            }
                        }
                    }
                },
                "responses": {"204": {"description": "done"}},
            }
        },
        "/uploads": {
            "post": {
                "operationId": "upload",
                "tags": ["uploads"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {"schema": {"type": "string", "format": "binary"}}
                    },
                },
                "responses": {"204": {"description": "stored"}},
            }
        },
        "/avatars": {
            "put": {
                "operationId": "putAvatar",
                "tags": ["avatars"],
                "requestBody": {"content": {"multipart/form-data": {"schema": _ref("Blob")}}},
                "responses": {"204": {"description": "stored"}},
            },
            "post": {
                "operationId": "postAvatarForm",
                "tags": ["avatars"],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {"type": "string", "format": "binary"}
                        }
                    }
                },
                "responses": {"204": {"description": "stored"}},
            },
        },
        "/labels/{label_id}/tags": {
            "put": {
                "operationId": "setTags",
                "tags": ["labels"],
                "parameters": [
                    {
                        "name": "label_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "requestBody": {
                    "required": True,
                    **_json({"title": "Tags", "type": "array", "items": {"type": "string"}}),
                },
                "responses": {"204": {"description": "set"}},
            }
        },
        "/counters": {
            "post": {
                "operationId": "addCount",
                "tags": ["counters"],
                "requestBody": {"required": True, **_json({"type": "integer", "minimum": 1})},
                "responses": {"204": {"description": "added"}},
            }
        },
        "/readings": {
            "post": {
                "operationId": "createReading",
                "tags": ["readings"],
                "requestBody": {"required": True, **_json(_ref("Reading"))},
                "responses": _ok(_ref("Reading")),
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}
