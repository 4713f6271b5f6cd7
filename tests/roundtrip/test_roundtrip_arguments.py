"""Arguments as a caller passes them: a body sent as it is takes bytes or text."""

from __future__ import annotations

from harness import raw_body


def test_a_raw_body_whose_schema_is_an_object_is_passed_serialized() -> None:
    assert raw_body("binary", {"a": 1}) == b'{"a": 1}'
    assert raw_body("text", {"a": 1}) == '{"a": 1}'
    assert raw_body("binary", b"kept") == b"kept"
    assert raw_body("text", "kept") == "kept"
    assert raw_body("json", {"a": 1}) == {"a": 1}
