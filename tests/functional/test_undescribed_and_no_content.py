"""Two causes the round trip found: a required property the schema never describes, and a
204 whose spec documents a JSON body."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from generated_package import generated

ID = {"type": "string"}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Events", "version": "1"},
    "paths": {
        "/events": {
            "post": {
                "operationId": "createEvent",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["kind", "payload"],
                                "properties": {"kind": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {
                    "204": {
                        "description": "gone",
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"id": ID}}
                            }
                        },
                    }
                },
            }
        }
    },
}


def _call(tmp_path: Path, spec: dict[str, Any], **arguments: Any) -> tuple[Any, list[Any]]:
    sent: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(204)

    with generated(spec, tmp_path, "events_api") as package:
        http_client = httpx.Client(transport=httpx.MockTransport(answer))
        client = package.EventsApi(base_url="http://127.0.0.1:9", http_client=http_client)
        return client.event.create(**arguments), sent


def test_an_undescribed_required_property_is_an_argument_and_sent(tmp_path: Path) -> None:
    _, sent = _call(tmp_path, SPEC, kind="signup", payload={"user": 1})
    assert sent == [{"kind": "signup", "payload": {"user": 1}}]


def test_a_204_with_a_documented_body_returns_none(tmp_path: Path) -> None:
    spec = json.loads(json.dumps(SPEC))
    body = spec["paths"]["/events"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"]["required"] = ["kind"]
    result, sent = _call(tmp_path, spec, kind="signup")
    assert (result, sent) == (None, [{"kind": "signup"}])


def test_a_response_lacking_an_undescribed_required_property_still_decodes(
    tmp_path: Path,
) -> None:
    spec = json.loads(json.dumps(SPEC))
    operation = spec["paths"]["/events"]["post"]
    operation["responses"] = {
        "200": {
            "description": "the event",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}},
        }
    }
    spec["components"] = {
        "schemas": {
            "Event": {
                "type": "object",
                "required": ["id", "size"],
                "properties": {"id": {"type": "string"}},
            }
        }
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b'{"id": "e1"}')

    with generated(spec, tmp_path, "events_api") as package:
        http_client = httpx.Client(transport=httpx.MockTransport(answer))
        client = package.EventsApi(base_url="http://127.0.0.1:9", http_client=http_client)
        event = client.event.create(kind="signup", payload=1)
        assert (event.id, event.size) == ("e1", None)


def test_a_required_json_body_with_no_properties_is_sent_as_an_empty_object(
    tmp_path: Path,
) -> None:
    """The method takes no fields, but the server requires a body: `{}` is the one that
    fits (openbanking.org.uk's file consents; Prism answered "Body parameter is required")."""
    spec = json.loads(json.dumps(SPEC))
    body = spec["paths"]["/events"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {"type": "object", "properties": {}, "additionalProperties": False}
    _, sent = _call(tmp_path, spec)
    assert sent == [{}]
    _, sent = _call(tmp_path, spec, extra_body={"note": "x"})
    assert sent == [{"note": "x"}]
