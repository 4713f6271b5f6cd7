"""What users read in their editor: plain types, required arguments first, limits and the
per-call options in the docstring, no placeholder docstrings; validation unchanged."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

import httpx
import pytest
from generated_package import generated

_STRING = {"type": "string"}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Readable", "version": "1"},
    "servers": [{"url": "https://readable.test"}],
    "paths": {
        "/lines/{lineId}": {
            "post": {
                "operationId": "updateLine",
                "tags": ["lines"],
                "parameters": [
                    {
                        "name": "lineId",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                    },
                    {
                        "name": "region",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Line"}}
                    },
                },
                "responses": {"204": {"description": "updated"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Line": {
                "type": "object",
                "required": ["number", "tags"],
                "properties": {
                    "nickname": {"type": "string", "maxLength": 40},
                    "number": {"type": "string", "minLength": 1, "pattern": "^\\+[0-9]+$"},
                    "tags": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    "owner": {"$ref": "#/components/schemas/Owner"},
                    "extras": {"$ref": "#/components/schemas/Extras"},
                },
            },
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
            # Its one property is read-only: its request model has no field.
            "Extras": {
                "type": "object",
                "properties": {"id": {"type": "string", "readOnly": True}},
            },
        }
    },
}


@pytest.fixture
def readable(tmp_path: Path) -> Any:
    with generated(SPEC, tmp_path, "readable_client") as package:
        yield package


def test_signature_has_plain_types_and_required_arguments_first(readable: Any) -> None:
    update = readable.ReadableClient().lines.update
    parameters = inspect.signature(update).parameters
    assert list(parameters)[:7] == [
        "line_id",
        "region",
        "number",
        "tags",
        "limit",
        "nickname",
        "owner",
    ]
    assert parameters["line_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert parameters["number"].annotation == "str"
    assert parameters["limit"].annotation == "int | NotGiven"
    assert parameters["tags"].annotation == "Sequence[str]"


def test_docstring_states_the_limits_and_the_call_options(readable: Any) -> None:
    doc = " ".join(inspect.getdoc(readable.ReadableClient().lines.update).split())
    assert "number: The `number` field of the request body. At least 1 character;" in doc
    assert "matches `^\\+[0-9]+$`." in doc
    assert "limit: The `limit` query parameter. Between 1 and 100." in doc
    assert "nickname: The `nickname` field of the request body. At most 40 characters." in doc
    assert "tags: The `tags` field of the request body. Each item at least 1 character." in doc
    for option in ("extra_headers", "extra_query", "extra_body", "timeout", "max_retries"):
        assert f"{option}: " in doc
    assert "timeout: Override the client-level default timeout for this request" in doc


def test_models_without_description_carry_no_placeholder_docstring(readable: Any) -> None:
    params = importlib.import_module("readable_client.params")
    assert params.OwnerParam.__doc__ is None
    assert params.ExtrasParam() == {}
    checks = importlib.import_module("readable_client._request_models")
    assert checks.Extras().__struct_fields__ == ()


def test_the_limits_are_still_checked_before_sending(readable: Any) -> None:
    sent: list[httpx.Request] = []
    client = readable.ReadableClient(
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(204))
        ),
    )
    with pytest.raises(readable.RequestValidationError):
        client.lines.update("l1", region="eu", number="", tags=["a"])
    with pytest.raises(readable.RequestValidationError):
        client.lines.update("l1", region="eu", number="+1", tags=[""])
    with pytest.raises(readable.RequestValidationError):
        client.lines.update("l1", region="eu", number="+1", tags=["a"], limit=0)
    assert sent == []
    client.lines.update("l1", region="eu", number="+1", tags=["a"], limit=100)
    assert len(sent) == 1
