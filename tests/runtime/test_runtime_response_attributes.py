"""The attributes Stainless SDK users read on raw, streamed and binary responses:
`is_closed`, `http_request`, `http_response`, `http_version`, `retries_taken`, `read()`,
`iter_bytes()`, `close()`, with their meaning there, and the credentials masked."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from runtime import APIResponse, BinaryResponse, ResponseValidationError
from runtime_support import API_KEY, US, AsyncPoly, Item, Poly, Recorder, json_response
from test_runtime_responses import AUDIO, _async_speech, _audio, _speech

ITEM = {"phoneNumber": "+1", "status": "ok"}
REDACTED = "[redacted]"
NUMBER_URL = httpx.URL(f"{US}/v1/agents/a/telephony/phone-numbers/%2B1")


def _unread(*pieces: bytes) -> httpx.Response:
    """A response whose body arrives as it is read (a body given whole is read at once)."""

    def body() -> Iterator[bytes]:
        yield from pieces

    return httpx.Response(200, content=body(), headers={"content-type": "application/json"})


def _async_unread(*pieces: bytes) -> httpx.Response:
    async def body() -> AsyncIterator[bytes]:
        for piece in pieces:
            yield piece

    return httpx.Response(200, content=body(), headers={"content-type": "application/json"})


def _masked(request: httpx.Request) -> None:
    assert request.headers["x-api-key"] == REDACTED
    assert API_KEY not in repr(request.headers)


# -- raw responses ---------------------------------------------------------------------------


def test_a_raw_response_is_closed_and_shows_the_masked_request_and_response() -> None:
    recorder = Recorder(json_response(200, ITEM, {"x-request-id": "r1"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    raw = client.phone_numbers.with_raw_response.get("+1", agent_id="a")

    assert recorder.last.headers["x-api-key"] == API_KEY  # what was sent
    assert raw.is_closed is True
    _masked(raw.http_request)
    assert raw.http_request.method == "GET"
    assert raw.http_request.url == raw.url == NUMBER_URL
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.request is raw.http_request
    assert raw.http_response.status_code == 200
    assert raw.http_response.headers["x-request-id"] == "r1"
    assert raw.http_response.json() == ITEM
    assert raw.http_version == "HTTP/1.1"
    assert raw.read() == raw.content
    assert b"".join(raw.iter_bytes()) == raw.content
    assert "".join(raw.iter_text()) == raw.text
    assert list(raw.iter_lines()) == [raw.text]
    raw.close()
    assert raw.parse() == Item(phone_number="+1", status="ok")  # still readable


def test_a_raw_response_counts_the_retries_it_took(sleeps: list[float]) -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(503), json_response(200, ITEM))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    raw = client.phone_numbers.with_raw_response.get("+1", agent_id="a")

    assert raw.retries_taken == 2 and len(sleeps) == 2


@pytest.mark.anyio
async def test_an_async_raw_response_awaits_what_reads() -> None:
    recorder = Recorder(json_response(200, ITEM))
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    raw = await client.phone_numbers.with_raw_response.get("+1", agent_id="a")

    assert raw.is_closed is True
    _masked(raw.http_request)
    assert await raw.read() == raw.content
    assert b"".join([chunk async for chunk in raw.iter_bytes()]) == raw.content
    assert "".join([text async for text in raw.iter_text()]) == raw.text
    assert [line async for line in raw.iter_lines()] == [raw.text]
    await raw.close()
    assert raw.http_response.is_closed


# -- streamed responses ------------------------------------------------------------------------


def test_a_streamed_response_is_open_until_its_body_is_read() -> None:
    speech = _speech(_unread(b'{"phoneNumber": "+1",', b' "status": "ok"}'))

    with speech.with_streaming_response.get("+1") as response:
        assert response.is_closed is False
        _masked(response.http_request)
        assert response.http_response.request is response.http_request
        assert response.method == "GET"
        assert response.url == NUMBER_URL
        assert response.http_version == "HTTP/1.1"
        assert response.retries_taken == 0
        assert response.json() == ITEM
        assert response.is_closed is True
        assert response.elapsed.total_seconds() >= 0
    assert response.is_closed is True


def test_a_streamed_response_is_closed_when_the_block_ends_unread() -> None:
    speech = _speech(_unread(b"{}"))

    with speech.with_streaming_response.get("+1") as response:
        assert response.is_closed is False
    assert response.is_closed is True


def test_a_streamed_response_counts_the_retries_it_took(sleeps: list[float]) -> None:
    speech = _speech(httpx.Response(503), _unread(b'{"phoneNumber": "+1", "status": "ok"}'))

    with speech.with_streaming_response.get("+1") as response:
        assert response.retries_taken == 1
        assert response.parse() == Item(phone_number="+1", status="ok")


@pytest.mark.anyio
async def test_an_async_streamed_response_is_open_until_its_body_is_read() -> None:
    speech = _async_speech(
        _async_unread(b'{"phoneNumber": "+1",', b' "status": "ok"}'), _async_unread(b"{}")
    )

    async with speech.with_streaming_response.get("+1") as response:
        assert response.is_closed is False
        _masked(response.http_request)
        assert response.retries_taken == 0
        assert await response.json() == ITEM
        assert response.is_closed is True
    async with speech.with_streaming_response.get("+1") as response:
        assert response.is_closed is False
    assert response.is_closed is True


# -- binary responses --------------------------------------------------------------------------


def test_a_binary_response_shows_its_request_and_timing_as_stainless_ones_do() -> None:
    response = _speech(_audio()).synthesize()

    assert isinstance(response, BinaryResponse)
    assert response.http_response is response.response
    _masked(response.http_request)
    assert response.method == "POST"
    assert response.url == httpx.URL(f"{US}/speech")
    assert response.http_version == "HTTP/1.1"
    assert response.elapsed.total_seconds() >= 0
    assert response.retries_taken == 0
    assert response.parse() == AUDIO
    response.close()
    assert response.is_closed is True


def test_a_binary_response_counts_the_retries_it_took(sleeps: list[float]) -> None:
    speech = _speech(httpx.Response(503), _audio())

    assert speech.synthesize().retries_taken == 1
    raw = speech.with_raw_response.synthesize()
    assert isinstance(raw, BinaryResponse) and not isinstance(raw, APIResponse)
    assert raw.retries_taken == 0


@pytest.mark.anyio
async def test_an_async_binary_response_awaits_parse_and_close() -> None:
    response = await _async_speech(_audio()).with_raw_response.synthesize()

    _masked(response.http_request)
    assert await response.parse() == AUDIO
    await response.close()
    assert response.is_closed is True


# -- the request of a body that does not match the schema ------------------------------------


def test_a_body_that_does_not_match_carries_the_masked_request() -> None:
    """As a status error does, and as an item of a stream does (tests/streams)."""
    bad = {"phoneNumber": 1, "status": "ok"}
    recorder = Recorder(json_response(200, bad, {"x-request-id": "r1"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(ResponseValidationError) as plain:
        client.phone_numbers.get("+1", agent_id="a")
    raw = client.phone_numbers.with_raw_response.get("+1", agent_id="a")
    with pytest.raises(ResponseValidationError) as parsed:
        raw.parse()

    for error in (plain.value, parsed.value):
        assert error.status_code == 200 and error.headers["x-request-id"] == "r1"
        _masked(error.request)
        assert error.request.method == "GET" and error.request.url == NUMBER_URL
    assert recorder.last.headers["x-api-key"] == API_KEY  # what was sent


def test_an_error_made_by_hand_has_no_request() -> None:
    error = ResponseValidationError(
        "m", status_code=200, headers=httpx.Headers(), body=b"", path="$"
    )
    with pytest.raises(RuntimeError, match="without its request"):
        print(error.request)
