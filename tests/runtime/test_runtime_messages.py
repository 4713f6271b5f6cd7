"""The one line a status error shows, for the shapes error bodies come in."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from runtime import make_status_error
from runtime._messages import MAX_SHOWN, describe_body, parse_json, redact, redirect_note
from runtime._validation import type_name
from runtime_support import Item


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"message": "bad number", "code": "E1"}, "bad number"),
        ({"Message": "AWS spells it so"}, "AWS spells it so"),
        ({"error": {"message": "nested", "type": "invalid_request"}}, "nested"),
        ({"error": "invalid_request", "error_description": "the why"}, "the why"),
        ({"error": "gone"}, "gone"),
        ({"detail": [{"loc": ["body", "n"], "msg": "field required"}]}, "field required"),
        ({"errors": [{"message": "one"}, {"message": "two"}]}, "one; two"),
        ({"detail": "  Not   found\n"}, "Not found"),
        ({"message": "", "detail": "the empty one is skipped"}, "the empty one is skipped"),
        ({"status": "error", "count": 3}, '{"status":"error","count":3}'),
        ({"error": {"code": 7}}, '{"error":{"code":7}}'),
        (["first", "second"], "first; second"),
        ("a JSON string", "a JSON string"),
        (42, "42"),
    ],
)
def test_vendor_message_from_json(body: Any, shown: str) -> None:
    content = json.dumps(body).encode()
    assert describe_body(parse_json(content), content, None) == shown


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        (b"Service Unavailable", "Service Unavailable"),
        (b"line one\n  line two\n", "line one line two"),
        (b"<html><title> 504 Gateway Time-out </title></html>", "504 Gateway Time-out"),
        (
            b"<html><title></title><body>x</body></html>",
            "<html><title></title><body>x</body></html>",
        ),
        (b"caf\xc3\xa9 \xff", "café \ufffd"),
        (b"", None),
        (b"  \n", None),
    ],
)
def test_vendor_message_from_text(content: bytes, shown: str | None) -> None:
    assert parse_json(content) is None
    assert describe_body(None, content, "utf-8") == shown


def test_long_messages_are_cut() -> None:
    content = json.dumps({"message": "y" * 2000}).encode()
    shown = describe_body(parse_json(content), content, None)
    assert shown == "y" * MAX_SHOWN + "…"


def test_redirect_note_needs_a_redirect_status_and_a_location() -> None:
    assert redirect_note(302, "/v2/x") == "redirected to /v2/x; not followed"
    assert redirect_note(303, "https://b.example.test/") == (
        "redirected to https://b.example.test/; not followed"
    )
    assert redirect_note(302, None) is None
    assert redirect_note(304, "/v2/x") is None
    assert redirect_note(400, "/v2/x") is None


def test_redact() -> None:
    assert redact("key sk-1 and sk-1 again", "sk-1") == "key [redacted] and [redacted] again"
    assert redact("nothing here", "sk-1") == "nothing here"
    assert redact("nothing here", None) == "nothing here"
    assert redact("nothing here", "") == "nothing here"


def test_status_error_keeps_all_three_forms_of_the_body() -> None:
    content = b'{"message": "no", "extra": [1]}'
    response = httpx.Response(409, content=content, headers={"x-request-id": "r-1"})
    error = make_status_error(response, {"typed": True}, 0, "sk-unused")
    assert error.body == {"typed": True}
    assert error.json_body == {"message": "no", "extra": [1]}
    assert error.content == content
    assert str(error) == "Error code: 409 - no"
    assert error.request_id == "r-1"


def test_status_error_without_a_body_or_location() -> None:
    error = make_status_error(httpx.Response(304), None, 0)
    assert str(error) == "Error code: 304"
    assert error.content == b""
    assert error.json_body is None


def test_redirect_location_is_redacted_too() -> None:
    response = httpx.Response(301, headers={"Location": "https://b.example.test/?key=sk-9"})
    error = make_status_error(response, None, 0, "sk-9")
    assert str(error) == (
        "Error code: 301 - redirected to https://b.example.test/?key=[redacted]; not followed"
    )


@pytest.mark.parametrize(
    ("tp", "name"),
    [
        (Item, "Item"),
        (list[Item], "list[Item]"),
        (dict[str, list[Item]], "dict[str, list[Item]]"),
        (Item | None, "Item | None"),
        (int, "int"),
    ],
)
def test_type_name(tp: Any, name: str) -> None:
    assert type_name(tp) == name
