"""Bad arguments fail before sending; bodies that break the schema fail after a success."""

from __future__ import annotations

from typing import Any

import httpx
import msgspec
import pytest
from runtime import Endpoint, RequestOptions, RequestValidationError, ResponseValidationError
from runtime_support import (
    API_KEY,
    DELETE_NUMBER,
    GET_NUMBER,
    IMPORT,
    AsyncPoly,
    ImportBody,
    ImportResponse,
    Item,
    PhoneNumberSpec,
    Poly,
    Recorder,
    SipProvider,
    json_response,
)


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        (
            ImportBody(phone_numbers=[PhoneNumberSpec(phone_number=5)]),  # type: ignore[arg-type]
            "phone_numbers[0].phone_number",
            "Expected `str`, got `int`",
        ),
        (
            ImportBody(phone_numbers=[PhoneNumberSpec(phone_number="+1", label=["x"])]),  # type: ignore[arg-type]
            "phone_numbers[0].label",
            "Expected `str`, got `array`",
        ),
        (ImportBody(phone_numbers="+1"), "phone_numbers", "Expected `array`, got `str`"),  # type: ignore[arg-type]
        (
            ImportBody(phone_numbers=[], provider=SipProvider(host=3)),  # type: ignore[arg-type]
            "provider.host",
            "Expected `str`, got `int`",
        ),
        (
            ImportBody(phone_numbers=[], provider={"type": "fax"}),  # type: ignore[arg-type]
            "provider",
            "`type` must be one of 'twilio', 'sip', got 'fax'",
        ),
        ({"phoneNumbers": [{}]}, "phone_numbers[0]", "Object missing required field `phoneNumber`"),
        ([1], "", "Expected `object`, got `array`"),
        ({1, 2}, "", "Expected `object`, got `array`"),
    ],
)
def test_request_validation_error_names_the_python_argument(
    body: Any, path: str, message: str
) -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(RequestValidationError) as caught:
        client.request(IMPORT, path=("a",), body=body)

    assert caught.value.path == path
    assert caught.value.message == (f"{path}: {message}" if path else message)
    assert recorder.requests == []


def test_unencodable_body_is_a_request_validation_error() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(RequestValidationError, match="cannot be sent as JSON") as caught:
        client.request(IMPORT, path=("a",), body={"phoneNumbers": [object()]})

    assert caught.value.path == ""
    assert recorder.requests == []


def test_extra_body_needs_an_object_body() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    endpoint = Endpoint[None](method="POST", path="/x", responses={"204": None})

    with pytest.raises(RequestValidationError, match="extra_body needs a JSON object"):
        client.request(endpoint, body=[1, 2], options=RequestOptions(extra_body={"a": 1}))
    assert recorder.requests == []


@pytest.mark.anyio
async def test_async_request_validation_sends_nothing() -> None:
    recorder = Recorder()
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    with pytest.raises(RequestValidationError) as caught:
        await client.phone_numbers.import_(
            "a", phone_numbers=[PhoneNumberSpec(phone_number=None)]  # type: ignore[arg-type]
        )

    assert caught.value.path == "phone_numbers[0].phone_number"
    assert recorder.requests == []


def test_empty_path_argument_sends_nothing() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(RequestValidationError) as caught:
        client.phone_numbers.get("", agent_id="a1")

    assert caught.value.path == "phoneNumber"
    assert recorder.requests == []


def test_success_is_decoded_into_the_documented_type() -> None:
    recorder = Recorder(json_response(200, {"phoneNumber": "+1", "status": "ok", "extra": 1}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    item = client.phone_numbers.get("+1", agent_id="a1")

    assert item == Item(phone_number="+1", status="ok")


def test_response_validation_error_keeps_status_body_and_json_path() -> None:
    raw = b'{"imported": [{"phoneNumber": 7, "status": "ok"}], "count": 1}'
    recorder = Recorder(httpx.Response(201, content=raw, headers={"x-request-id": "r-9"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(ResponseValidationError) as caught:
        client.phone_numbers.import_("a", phone_numbers=[PhoneNumberSpec(phone_number="+1")])

    error = caught.value
    assert error.status_code == 201
    assert error.body == raw
    assert error.path == "$.imported[0].phoneNumber"
    assert error.headers["x-request-id"] == "r-9"
    assert str(error) == (
        "The request succeeded (HTTP 201), but the response body does not match the documented"
        " schema at `$.imported[0].phoneNumber`: Expected `str`, got `int`"
    )
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_malformed_json_is_a_response_validation_error() -> None:
    recorder = Recorder(httpx.Response(200, content=b"<html>oops</html>"))
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    with pytest.raises(ResponseValidationError) as caught:
        await client.phone_numbers.get("+1", agent_id="a1")

    assert caught.value.status_code == 200
    assert caught.value.body == b"<html>oops</html>"
    assert caught.value.path == "$"
    assert "JSON is malformed" in caught.value.message


def test_no_body_response_returns_none() -> None:
    recorder = Recorder(httpx.Response(204))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    result: object = client.request(DELETE_NUMBER, path=("a1", "+1"))
    assert result is None
    assert recorder.last.method == "DELETE"
    assert recorder.last.url.raw_path == b"/v1/agents/a1/telephony/phone-numbers/%2B1"


@pytest.mark.parametrize(
    ("responses", "status", "expected"),
    [
        ({"200": int, "2XX": str, "default": float}, 200, 5),
        ({"200": int, "2XX": str, "default": float}, 203, "5"),
        ({"200": int, "default": str}, 206, "5"),
        ({"201": str}, 200, "5"),  # the only documented success shape
        ({"202": None}, 200, None),
    ],
)
def test_success_type_lookup(responses: dict[str, Any], status: int, expected: object) -> None:
    body = b"5" if expected in (5, None) else b'"5"'
    recorder = Recorder(httpx.Response(status, content=body))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    result = client.request(Endpoint[Any](method="GET", path="/x", responses=responses))

    assert result == expected


def test_undocumented_success_status_is_a_response_validation_error() -> None:
    recorder = Recorder(httpx.Response(202, content=b"{}"))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    endpoint = Endpoint[Any](method="GET", path="/x", responses={"200": int, "201": int})

    with pytest.raises(ResponseValidationError, match="HTTP 202 is not a documented response"):
        client.request(endpoint)


def test_endpoint_is_immutable_and_cheap() -> None:
    endpoint = Endpoint[ImportResponse](
        method="POST", path="/{bad", path_params=(), responses={"201": ImportResponse}
    )
    with pytest.raises(AttributeError, match="immutable"):
        endpoint.method = "GET"
    assert endpoint._state is None  # nothing prepared until first use
    assert repr(endpoint) == "<Endpoint POST /{bad>"
    assert GET_NUMBER.path_params == ("agentId", "phoneNumber")
    assert DELETE_NUMBER.responses == {"204": None}


def test_decoders_are_built_once_per_status() -> None:
    endpoint = Endpoint[Item](method="GET", path="/x", responses={"200": Item})
    headers = httpx.Headers()
    body = msgspec.json.encode({"phoneNumber": "+1", "status": "s"})

    endpoint.decode_success(200, headers, body)
    state = endpoint._state
    assert state is not None
    decoder = state.success[200]
    endpoint.decode_success(200, headers, body)

    assert state.success[200] is decoder
    assert endpoint._state is state
