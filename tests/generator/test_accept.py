"""The `Accept` header of each operation, from the media types its responses document."""

from __future__ import annotations

from typing import Any

import pytest
from model_helpers import operations

from generator.parse.media import accept_header, readable_media_types

JSON_ERROR = {"description": "bad", "content": {"application/json": {"schema": {"type": "object"}}}}


def _content(*media_types: str) -> dict[str, Any]:
    return {media: {"schema": {"type": "string"}} for media in media_types}


def _accept(responses: dict[str, Any]) -> str | None:
    paths = {"/x": {"get": {"operationId": "getX", "responses": responses}}}
    (operation,) = operations(paths).build_all()
    return operation.accept


@pytest.mark.parametrize(
    ("media_type", "accept"),
    [
        ("audio/wav", "audio/wav"),
        ("text/csv", "text/csv"),
        ("text/plain; charset=utf-8", "text/plain"),
        ("text/event-stream", "text/event-stream"),
        ("application/octet-stream", "application/octet-stream"),
        ("application/vnd.x+json", "application/vnd.x+json"),
        ("Application/JSON", "application/json"),
        ("audio/*", "audio/*"),
        ("*/*", "*/*"),
    ],
)
def test_the_success_media_type_is_accepted(media_type: str, accept: str) -> None:
    response = {"description": "ok", "content": _content(media_type)}
    assert _accept({"200": response}) == accept
    # Documented errors join at a lower preference; they never replace the success's type.
    expected = accept if accept == "application/json" else f"{accept}, application/json;q=0.9"
    assert _accept({"200": response, "400": JSON_ERROR}) == expected


def test_every_raw_media_type_of_every_success_is_accepted() -> None:
    responses = {
        "200": {"description": "ok", "content": _content("audio/wav", "audio/mpeg")},
        "206": {"description": "part", "content": _content("audio/wav", "audio/ogg")},
    }
    assert _accept(responses) == "audio/wav, audio/mpeg, audio/ogg"


def test_json_is_the_one_type_accepted_where_the_client_decodes_it() -> None:
    # The client decodes JSON into the model; a CSV answer would fail to decode.
    response = {"description": "ok", "content": _content("text/csv", "application/json")}
    assert _accept({"200": response}) == "application/json"


def test_event_stream_is_preferred_to_other_types_but_not_to_json() -> None:
    response = {"description": "ok", "content": _content("text/plain", "text/event-stream")}
    assert _accept({"200": response}) == "text/event-stream"


def test_without_documented_content_no_specific_accept_is_sent() -> None:
    assert _accept({"204": {"description": "gone"}}) is None
    assert _accept({"204": {"description": "gone"}, "404": {"description": "none"}}) is None


def test_error_media_types_alone_are_accepted_when_successes_have_no_content() -> None:
    assert _accept({"204": {"description": "gone"}, "404": JSON_ERROR}) == "application/json"


def test_default_response_is_the_success_without_2xx() -> None:
    assert _accept({"default": {"description": "ok", "content": _content("text/csv")}}) == (
        "text/csv"
    )


def test_helpers_deduplicate_and_keep_order() -> None:
    assert readable_media_types(_content("a/b; x=1", "a/b", "c/d")) == ("a/b", "c/d")
    assert readable_media_types({}) == ()
    assert readable_media_types(None) == ()
    assert accept_header([("a/b",), ("a/b", "c/d")], [("c/d",), ("e/f",)]) == (
        "a/b, c/d, e/f;q=0.9"
    )
    assert accept_header([], []) is None
