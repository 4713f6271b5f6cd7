"""Raw responses: the same call, returning the HTTP details with a lazily parsed body."""

from __future__ import annotations

import datetime

import httpx
import pytest
from runtime import (
    APIResponse,
    AsyncAPIResponse,
    NotFoundError,
    ResponseValidationError,
    to_raw_response_wrapper,
)
from runtime_support import (
    API_KEY,
    IMPORT_OK_BYTES,
    US,
    AsyncPoly,
    ImportResponse,
    Item,
    PhoneNumberSpec,
    Poly,
    Recorder,
    json_response,
)

NUMBERS = [PhoneNumberSpec(phone_number="+1")]


def test_raw_response_wrapper() -> None:
    recorder = Recorder(
        httpx.Response(
            201,
            content=IMPORT_OK_BYTES,
            headers={"content-type": "application/json; charset=utf-8", "x-request-id": "r1"},
        )
    )
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    raw = client.phone_numbers.with_raw_response.import_("a 1", phone_numbers=NUMBERS)

    assert isinstance(raw, APIResponse)
    assert raw.status_code == 201
    assert raw.headers["x-request-id"] == "r1"
    assert raw.content == IMPORT_OK_BYTES
    assert raw.text == IMPORT_OK_BYTES.decode()
    assert raw.json() == {"imported": [{"phoneNumber": "+14155551234", "status": "ok"}], "count": 1}
    assert raw.method == "POST"
    assert raw.url == httpx.URL(f"{US}/v1/agents/a%201/telephony/phone-numbers")
    assert raw.retries_taken == 0
    assert isinstance(raw.elapsed, datetime.timedelta)
    parsed = raw.parse()
    assert parsed == ImportResponse(
        imported=[Item(phone_number="+14155551234", status="ok")], count=1
    )
    assert raw.parse() is parsed
    assert repr(raw) == f"<APIResponse [201] POST {US}/v1/agents/a%201/telephony/phone-numbers>"
    assert recorder.last.content == b'{"phoneNumbers":[{"phoneNumber":"+1"}]}'


def test_raw_mode_does_not_leak_into_the_client() -> None:
    recorder = Recorder(json_response(200, {"phoneNumber": "+1", "status": "ok"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    assert isinstance(client.phone_numbers.with_raw_response.get("+1", agent_id="a"), APIResponse)
    assert client.phone_numbers.get("+1", agent_id="a") == Item(phone_number="+1", status="ok")


def test_raw_parse_validates_lazily() -> None:
    recorder = Recorder(httpx.Response(200, content=b'{"phoneNumber": 1}'))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    raw = client.phone_numbers.with_raw_response.get("+1", agent_id="a")

    assert raw.status_code == 200
    with pytest.raises(ResponseValidationError) as caught:
        raw.parse()
    assert caught.value.path == "$.phoneNumber"


def test_raw_none_body() -> None:
    recorder = Recorder(httpx.Response(204))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    raw = client.phone_numbers.with_raw_response.delete("+1", agent_id="a")

    assert raw.status_code == 204
    assert raw.parse() is None
    assert raw.content == b""


def test_raw_mode_still_raises_status_errors() -> None:
    recorder = Recorder(json_response(404, {"message": "missing"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(NotFoundError):
        client.phone_numbers.with_raw_response.get("+1", agent_id="a")


def test_wrapper_needs_a_bound_method() -> None:
    def free() -> None:
        return None

    with pytest.raises(TypeError, match="bound method"):
        to_raw_response_wrapper(free)


def test_wrapper_keeps_the_name_and_docs() -> None:
    client = Poly(api_key=API_KEY, http_client=httpx.Client())
    wrapped = client.phone_numbers.with_raw_response.import_
    assert wrapped.__name__ == "import_"


@pytest.mark.anyio
async def test_async_raw_response_wrapper() -> None:
    recorder = Recorder(json_response(200, {"phoneNumber": "+1", "status": "ok"}))
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    raw = await client.phone_numbers.with_raw_response.get("+1", agent_id="a")

    assert isinstance(raw, AsyncAPIResponse)
    assert raw.status_code == 200
    assert raw.method == "GET"
    # Awaited, as Stainless SDK users write it.
    parsed = await raw.parse()
    assert parsed == Item(phone_number="+1", status="ok")
    assert await raw.parse() is parsed
    assert await client.phone_numbers.get("+1", agent_id="a") == Item(
        phone_number="+1", status="ok"
    )
