"""Path arguments fill exactly one segment each, whatever they contain."""

from __future__ import annotations

from enum import Enum
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from runtime import Endpoint, RequestValidationError
from runtime._path import PathTemplate, encode_segment

TEMPLATE = "/v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}"


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("+14155551234", "%2B14155551234"),
        ("a/b", "a%2Fb"),
        ("...", "..."),
        (". ", ".%20"),
        ("../x", "..%2Fx"),
        ("a b?c#d", "a%20b%3Fc%23d"),
        ("A-z_0.9~", "A-z_0.9~"),
        ("é", "%C3%A9"),
        ("%2F", "%252F"),
        (42, "42"),
        (1.5, "1.5"),
        (True, "true"),
        (False, "false"),
    ],
)
def test_encode_segment(value: object, encoded: str) -> None:
    assert encode_segment(value, "agentId") == encoded


class Colour(Enum):
    RED = "red"
    PAIR = ("r", "g")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "got NoneType"),
        (b"x", "got bytes"),
        (bytearray(b"x"), "got bytearray"),
        ([1], "got list"),
        (range(2), "got range"),
        ({"a": 1}, "got dict"),
        ({1}, "got set"),
        (Colour.PAIR, "got tuple"),
        (float("inf"), "finite number"),
        (float("nan"), "finite number"),
    ],
)
def test_values_that_are_not_scalars_are_refused(value: object, reason: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        encode_segment(value, "phone_number")
    assert caught.value.path == "phone_number"
    assert reason in str(caught.value)


def test_enum_members_are_sent_as_their_value() -> None:
    assert encode_segment(Colour.RED, "colour") == "red"


def test_errors_name_the_placeholder_without_python_names() -> None:
    with pytest.raises(RequestValidationError) as caught:
        PathTemplate(TEMPLATE, ("agentId", "phoneNumber")).fill(("a", None))
    assert caught.value.path == "phoneNumber"


def test_empty_value_names_the_parameter() -> None:
    with pytest.raises(RequestValidationError) as caught:
        encode_segment("", "phoneNumber")
    assert caught.value.path == "phoneNumber"
    assert "must not be empty" in str(caught.value)


def test_values_fill_placeholders_by_name_not_position() -> None:
    template = PathTemplate("/a/{second}/b/{first}", ("first", "second"))
    assert template.fill(("1", "2")) == "/a/2/b/1"


def test_template_without_placeholders_is_returned_as_is() -> None:
    assert PathTemplate("/health", ()).fill(()) == "/health"


def test_template_and_params_must_agree() -> None:
    with pytest.raises(ValueError, match="placeholders"):
        PathTemplate(TEMPLATE, ("agentId",))


def test_wrong_number_of_values() -> None:
    endpoint = Endpoint[None](
        method="GET", path=TEMPLATE, path_params=("agentId", "phoneNumber"), responses={}
    )
    with pytest.raises(TypeError, match="expected 2 path values, got 1"):
        endpoint.fill_path(("a",))


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_segments_are_refused(value: str) -> None:
    # Even percent-encoded, RFC 3986 normalisers (proxies, servers) resolve them.
    template = PathTemplate(TEMPLATE, ("agentId", "phoneNumber"), ("agent_id", "phone_number"))
    with pytest.raises(RequestValidationError) as caught:
        template.fill(("a", value))
    assert caught.value.path == "phone_number"
    assert "dot segment" in str(caught.value)


@given(st.text(min_size=1).filter(lambda text: text not in (".", "..")))
def test_any_text_is_one_segment_that_decodes_back(value: str) -> None:
    template = PathTemplate(TEMPLATE, ("agentId", "phoneNumber"))
    path = template.fill((value, "x"))
    url = httpx.URL("https://api.example.test" + path)
    segments = url.raw_path.decode("ascii").split("/")
    assert segments[:3] == ["", "v1", "agents"]
    assert segments[4:] == ["telephony", "phone-numbers", "x"]
    assert unquote(segments[3]) == value


def test_a_fragment_in_the_template_is_not_sent() -> None:
    template = PathTemplate("/#X-Amz-Target=Svc.Associate", ())
    assert template.fill(()) == "/"


def test_a_literal_query_in_the_template_is_kept() -> None:
    template = PathTemplate("/{id}?Action=List#v2", ("id",))
    assert template.fill(("a?b",)) == "/a%3Fb?Action=List"
