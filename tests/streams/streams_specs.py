"""Fixture specs shaped like the vendors' streams and lists (Cartesia, Retell, PolyAI).

Each is small and self-made, with the shape the vendor's real API has: Cartesia's event
stream of a discriminated union, its audio download and cursor-by-id voice list; Retell's
token envelope (through allOf), last-item cursor over a bare array and cursor in a JSON
body; PolyAI's offset list with totalCount and its audio file download and upload.
"""

from __future__ import annotations

from typing import Any

from generator.settings import PaginationScheme


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _query(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema}


_ERROR = {"description": "bad", "content": {"application/json": {"schema": _ref("Error")}}}
_ERROR_SCHEMA = {"type": "object", "properties": {"message": {"type": "string"}}}

CARTESIA: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Cartesia-shaped", "version": "1"},
    "servers": [{"url": "https://cartesia.test"}],
    "paths": {
        "/tts/sse": {
            "post": {
                "operationId": "sse",
                "tags": ["tts"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("TTSRequest")}},
                },
                "responses": {
                    "200": {
                        "description": "events",
                        "content": {"text/event-stream": {"schema": _ref("TTSSSEEvent")}},
                    },
                    "422": _ERROR,
                },
            }
        },
        "/tts/bytes": {
            "post": {
                "operationId": "bytes",
                "tags": ["tts"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("TTSRequest")}},
                },
                "responses": {
                    "200": {
                        "description": "audio",
                        "content": {
                            "audio/wav": {"schema": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            }
        },
        "/voices": {
            "get": {
                "operationId": "list",
                "tags": ["voices"],
                "parameters": [
                    _query("limit", {"type": "integer"}),
                    _query("starting_after", {"type": "string"}),
                    _query("ending_before", {"type": "string"}),
                ],
                "responses": {"200": _json(_ref("GetVoicesResponse"))},
            }
        },
    },
    "components": {
        "schemas": {
            "Error": _ERROR_SCHEMA,
            "TTSRequest": {
                "type": "object",
                "required": ["transcript"],
                "properties": {"transcript": {"type": "string"}},
            },
            "TTSSSEEvent": {
                "oneOf": [
                    _ref("ChunkEvent"),
                    _ref("TimestampsEvent"),
                    _ref("DoneEvent"),
                    _ref("ErrorEvent"),
                ],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {
                        "chunk": "#/components/schemas/ChunkEvent",
                        "timestamps": "#/components/schemas/TimestampsEvent",
                        "done": "#/components/schemas/DoneEvent",
                        "error": "#/components/schemas/ErrorEvent",
                    },
                },
            },
            "ChunkEvent": {
                "type": "object",
                "required": ["type", "data"],
                "properties": {"type": {"type": "string"}, "data": {"type": "string"}},
            },
            "TimestampsEvent": {
                "type": "object",
                "required": ["type", "words"],
                "properties": {
                    "type": {"type": "string"},
                    "words": {"type": "array", "items": {"type": "string"}},
                },
            },
            "DoneEvent": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string"}},
            },
            "ErrorEvent": {
                "type": "object",
                "required": ["type", "error"],
                "properties": {"type": {"type": "string"}, "error": {"type": "string"}},
            },
            "Voice": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
            "GetVoicesResponse": {
                "type": "object",
                "required": ["data", "has_more"],
                "properties": {
                    "data": {"type": "array", "items": _ref("Voice")},
                    "has_more": {"type": "boolean"},
                    "next_page": {"type": "string", "nullable": True},
                },
            },
        }
    },
}
CARTESIA_OPERATIONS = {"POST /tts/bytes": "tts.audio"}
CARTESIA_PAGINATION = (
    PaginationScheme(
        "cursor_by_id",
        ("GET /voices",),
        items="data",
        cursor=("starting_after",),
        cursor_item=("id",),
        has_more="has_more",
    ),
)

RETELL: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Retell-shaped", "version": "1"},
    "servers": [{"url": "https://retell.test"}],
    "paths": {
        "/v2/list-phone-numbers": {
            "get": {
                "operationId": "listPhoneNumbers",
                "tags": ["phone_number"],
                "parameters": [
                    _query("limit", {"type": "integer"}),
                    _query("sort_order", {"type": "string", "enum": ["ascending", "descending"]}),
                    _query("pagination_key", {"type": "string"}),
                ],
                "responses": {"200": _json(_ref("PhoneNumberPage"))},
            }
        },
        "/list-agents": {
            "get": {
                "operationId": "listAgents",
                "tags": ["agent"],
                "parameters": [
                    _query("limit", {"type": "integer"}),
                    _query("pagination_key", {"type": "string"}),
                ],
                "responses": {"200": _json({"type": "array", "items": _ref("AgentResponse")})},
            }
        },
        "/v2/list-calls": {
            "post": {
                "operationId": "listCalls",
                "tags": ["call"],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "limit": {"type": "integer"},
                                    "pagination_key": {"type": "string"},
                                    "sort_order": {"type": "string"},
                                },
                            }
                        }
                    }
                },
                "responses": {"200": _json({"type": "array", "items": _ref("CallResponse")})},
            }
        },
    },
    "components": {
        "schemas": {
            "PaginationBase": {
                "type": "object",
                "required": ["has_more"],
                "properties": {
                    "has_more": {"type": "boolean"},
                    "pagination_key": {"type": "string"},
                },
            },
            "PhoneNumberPage": {
                "allOf": [
                    _ref("PaginationBase"),
                    {
                        "type": "object",
                        "required": ["items"],
                        "properties": {
                            "items": {"type": "array", "items": _ref("PhoneNumberResponse")}
                        },
                    },
                ]
            },
            "PhoneNumberResponse": {
                "type": "object",
                "required": ["phone_number"],
                "properties": {"phone_number": {"type": "string"}},
            },
            "AgentResponse": {
                "type": "object",
                "required": ["agent_id"],
                "properties": {"agent_id": {"type": "string"}},
            },
            "CallResponse": {
                "type": "object",
                "required": ["call_id"],
                "properties": {"call_id": {"type": "string"}},
            },
        }
    },
}
# The token envelope is left to detection; the bare-array lists need a scheme.
RETELL_PAGINATION = (
    PaginationScheme(
        "last_agent", ("GET /list-agents",), cursor=("pagination_key",), cursor_item=("agent_id",)
    ),
    PaginationScheme(
        "last_call", ("listCalls",), cursor=("pagination_key",), cursor_item=("call_id",)
    ),
)

POLYAI: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "PolyAI-shaped", "version": "1"},
    "servers": [{"url": "https://polyai.test"}],
    "paths": {
        "/v1/agents/{agentId}/audio-cache": {
            "parameters": [
                {"name": "agentId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": {
                "operationId": "listAudioCache",
                "tags": ["audio_cache"],
                "parameters": [
                    _query("limit", {"type": "integer", "minimum": 1, "maximum": 200}),
                    _query("offset", {"type": "integer", "minimum": 0}),
                ],
                "responses": {"200": _json(_ref("ListAudioCacheResponse")), "400": _ERROR},
            },
        },
        "/v1/agents/{agentId}/audio-cache/{entryId}/file": {
            "parameters": [
                {"name": "agentId", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "entryId", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "get": {
                "operationId": "getAudioCacheFile",
                "tags": ["audio_cache"],
                "responses": {
                    "200": {
                        "description": "audio",
                        "content": {
                            "audio/wav": {"schema": {"type": "string", "format": "binary"}}
                        },
                    },
                    "404": _ERROR,
                },
            },
            "patch": {
                "operationId": "uploadAudioCacheFile",
                "tags": ["audio_cache"],
                "requestBody": {
                    "required": True,
                    "content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}},
                },
                "responses": {"204": {"description": "stored"}},
            },
        },
    },
    "components": {
        "schemas": {
            "Error": _ERROR_SCHEMA,
            "AudioCacheEntry": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
            },
            "ListAudioCacheResponse": {
                "type": "object",
                "required": ["entries", "totalCount"],
                "properties": {
                    "entries": {"type": "array", "items": _ref("AudioCacheEntry")},
                    "totalCount": {"type": "integer"},
                },
            },
        }
    },
}
