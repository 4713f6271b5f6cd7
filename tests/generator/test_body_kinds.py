"""Each response's body kind, decided once from its media type, and the result kind the
operation gets from it."""

from __future__ import annotations

from typing import Any

import pytest
from model_helpers import operations

from generator.model.api import Operation
from generator.model.types import AnyType, NamedRef, Primitive, RawBody

ITEM = {"type": "object", "properties": {"id": {"type": "string"}}}


def _operation(content: dict[str, Any]) -> Operation:
    responses = {"200": {"description": "ok", "content": content}}
    paths = {"/x": {"get": {"operationId": "getX", "responses": responses}}}
    (operation,) = operations(paths, components={"schemas": {"Item": ITEM}}).build_all()
    return operation


_REF = {"schema": {"$ref": "#/components/schemas/Item"}}


@pytest.mark.parametrize(
    "media_type",
    [
        "application/jsonl",
        "application/x-ndjson",
        "application/x-jsonlines",
        "application/json-seq",
        "Application/X-NDJSON; charset=utf-8",
    ],
)
def test_json_lines_media_types_are_a_json_lines_stream_of_the_schema(media_type: str) -> None:
    operation = _operation({media_type: _REF})
    (response,) = operation.success
    assert response.body == "json_lines"
    assert operation.result.kind == "json_lines"
    assert operation.result.item == response.type == NamedRef("Item")


def test_a_line_without_a_schema_is_any_json_and_an_event_without_one_is_text() -> None:
    assert _operation({"application/jsonl": {}}).result.item == AnyType()
    assert _operation({"text/event-stream": {}}).result.item == Primitive("string")


@pytest.mark.parametrize(
    ("content", "body", "kind"),
    [
        ({"application/json": _REF, "application/jsonl": _REF}, "json", "value"),
        ({"application/jsonl": _REF, "application/json": _REF}, "json", "value"),
        ({"text/event-stream": _REF}, "event_stream", "event_stream"),
        ({"audio/wav": {}, "application/x-ndjson": _REF}, "json_lines", "json_lines"),
        ({"text/csv": {}}, "text", "raw"),
        ({"application/octet-stream": {}}, "binary", "binary"),
    ],
)
def test_json_is_read_first_then_a_stream_then_text_or_binary(
    content: dict[str, Any], body: str, kind: str
) -> None:
    operation = _operation(content)
    assert operation.success[0].body == body
    assert operation.result.kind == kind


def test_text_and_binary_bodies_keep_their_raw_type() -> None:
    assert _operation({"text/csv": {}}).success[0].type == RawBody(text=True)
    assert _operation({"audio/wav": {}}).success[0].type == RawBody(text=False)
