"""Each property of a form or multipart body is written as its `encoding` says."""

from __future__ import annotations

from typing import Any

import pytest
from model_helpers import operations

PROPERTIES = {
    "meta": {"type": "object", "properties": {"a": {"type": "string"}}},
    "tags": {"type": "array", "items": {"type": "string"}},
    "note": {"type": "string"},
}


def _body(media_type: str, encoding: dict[str, Any]) -> Any:
    content = {"schema": {"type": "object", "properties": PROPERTIES}, "encoding": encoding}
    paths = {
        "/x": {
            "post": {
                "operationId": "sendX",
                "requestBody": {"content": {media_type: content}},
                "responses": {"204": {"description": "ok"}},
            }
        }
    }
    (operation,) = operations(paths).build_all()
    return operation.body


@pytest.mark.parametrize(
    ("encoding", "style"),
    [
        ({"style": "deepObject", "explode": True}, "deep"),
        ({"style": "form"}, "form"),
        ({"style": "form", "explode": False}, "csv"),
        ({"explode": False}, "csv"),
        ({"style": "spaceDelimited", "explode": False}, "ssv"),
        ({"style": "pipeDelimited", "explode": False}, "pipes"),
        ({"contentType": "application/json"}, "json"),
        ({"contentType": "application/vnd.meta+json; charset=utf-8"}, "json"),
        # An explicit style wins over contentType (OpenAPI 3.1).
        ({"style": "deepObject", "contentType": "application/json"}, "deep"),
    ],
)
@pytest.mark.parametrize("media_type", ["multipart/form-data", "application/x-www-form-urlencoded"])
def test_style_by_wire_name(media_type: str, encoding: dict[str, Any], style: str) -> None:
    body = _body(media_type, {"meta": encoding})
    assert body.field_styles == (("meta", style),)
    assert body.part_types == ()


def test_a_multipart_part_gets_its_content_type() -> None:
    body = _body(
        "multipart/form-data",
        {"note": {"contentType": "text/markdown, text/plain"}, "tags": {"contentType": "image/*"}},
    )
    assert body.field_styles == ()
    assert body.part_types == (("note", "text/markdown"),)  # a wildcard names no type


def test_without_encoding_or_for_unknown_properties_nothing_is_recorded() -> None:
    assert _body("multipart/form-data", {}).field_styles == ()
    body = _body("multipart/form-data", {"absent": {"style": "deepObject"}})
    assert (body.field_styles, body.part_types) == ((), ())
    urlencoded = _body("application/x-www-form-urlencoded", {"note": {"contentType": "text/x"}})
    assert (urlencoded.field_styles, urlencoded.part_types) == ((), ())
