"""Response objects as Stainless SDK users know them: binary bodies in a `BinaryResponse`,
`parse()` on raw and streamed responses giving what the plain method returns, awaited in
async code."""

from __future__ import annotations

import gzip
from functools import cached_property
from pathlib import Path

import httpx
import pytest
from runtime import (
    AsyncAPIResponse,
    AsyncBinaryResponse,
    AsyncStream,
    AsyncStreamedResponse,
    BinaryResponse,
    Endpoint,
    ResponseValidationError,
    Stream,
    StreamedResponse,
    async_to_raw_binary_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_binary_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_binary_wrapper,
    to_raw_response_wrapper,
    to_streamed_binary_wrapper,
    to_streamed_response_wrapper,
)
from runtime_support import API_KEY, GET_NUMBER, US, AsyncPoly, Item, Poly, Recorder, json_response

SPEECH = Endpoint[bytes](
    method="POST",
    path="/speech",
    responses={"200": bytes, "206": bytes},  # two: other statuses are not guessed at
    result="binary",
)
EVENTS = Endpoint[Item](
    method="GET", path="/events", responses={"200": Item}, result="event_stream"
)
AUDIO = bytes(range(256)) * 8
SSE = (
    b'data: {"phoneNumber": "+1", "status": "ok"}\n\n'
    b'data: {"phoneNumber": "+2", "status": "ok"}\n\n'
)


class Speech:
    """A resource shaped like generated code, with one call of each result kind."""

    def __init__(self, client: Poly) -> None:
        self._client = client

    def synthesize(self) -> BinaryResponse:
        return self._client.download(SPEECH)

    def get(self, phone_number: str) -> Item:
        return self._client.request(GET_NUMBER, path=("a", phone_number))

    def events(self) -> Stream[Item]:
        return self._client.stream(EVENTS)

    @cached_property
    def with_raw_response(self) -> SpeechWithRawResponse:
        return SpeechWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SpeechWithStreamingResponse:
        return SpeechWithStreamingResponse(self)


class SpeechWithRawResponse:
    def __init__(self, resource: Speech) -> None:
        self.synthesize = to_raw_binary_wrapper(resource.synthesize)
        self.events = to_raw_response_wrapper(resource.events)


class SpeechWithStreamingResponse:
    def __init__(self, resource: Speech) -> None:
        self.synthesize = to_streamed_binary_wrapper(resource.synthesize)
        self.get = to_streamed_response_wrapper(resource.get)
        self.events = to_streamed_response_wrapper(resource.events)


class AsyncSpeech:
    def __init__(self, client: AsyncPoly) -> None:
        self._client = client

    async def synthesize(self) -> AsyncBinaryResponse:
        return await self._client.download(SPEECH)

    async def get(self, phone_number: str) -> Item:
        return await self._client.request(GET_NUMBER, path=("a", phone_number))

    async def events(self) -> AsyncStream[Item]:
        return await self._client.stream(EVENTS)

    @cached_property
    def with_raw_response(self) -> AsyncSpeechWithRawResponse:
        return AsyncSpeechWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSpeechWithStreamingResponse:
        return AsyncSpeechWithStreamingResponse(self)


class AsyncSpeechWithRawResponse:
    def __init__(self, resource: AsyncSpeech) -> None:
        self.synthesize = async_to_raw_binary_wrapper(resource.synthesize)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.events = async_to_raw_response_wrapper(resource.events)


class AsyncSpeechWithStreamingResponse:
    def __init__(self, resource: AsyncSpeech) -> None:
        self.synthesize = async_to_streamed_binary_wrapper(resource.synthesize)
        self.get = async_to_streamed_response_wrapper(resource.get)
        self.events = async_to_streamed_response_wrapper(resource.events)


def _audio(**headers: str) -> httpx.Response:
    return httpx.Response(
        200, content=AUDIO, headers={"content-type": "audio/wav", "x-request-id": "r1", **headers}
    )


def _speech(*responses: httpx.Response) -> Speech:
    return Speech(Poly(api_key=API_KEY, http_client=Recorder(*responses).client()))


def _async_speech(*responses: httpx.Response) -> AsyncSpeech:
    return AsyncSpeech(AsyncPoly(api_key=API_KEY, http_client=Recorder(*responses).async_client()))


# -- binary responses --------------------------------------------------------------------------


def test_a_binary_body_comes_back_in_a_binary_response(tmp_path: Path) -> None:
    response = _speech(_audio()).synthesize()

    assert isinstance(response, BinaryResponse)
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "r1"
    assert response.content == response.read() == AUDIO
    assert b"".join(response.iter_bytes()) == AUDIO
    assert [len(c) for c in response.iter_bytes(1000)] == [1000, 1000, 48]
    assert response.write_to_file(tmp_path / "a.wav") == len(AUDIO)
    assert (tmp_path / "a.wav").read_bytes() == AUDIO
    assert isinstance(response.response, httpx.Response)
    assert response.response.content == AUDIO
    assert response.response.url == httpx.URL(f"{US}/speech")
    assert repr(response) == f"<BinaryResponse [200] {len(AUDIO)} bytes>"


def test_a_binary_response_says_its_body_is_read_as_stainless_ones_do() -> None:
    """`is_closed`: Stainless SDK users check it on a binary response; the body is read."""
    response = _speech(_audio()).synthesize()

    assert response.is_closed is True


def test_a_binary_response_keeps_no_credentials() -> None:
    response = _speech(_audio()).synthesize()

    request = response.response.request
    assert request is response.http_request
    assert request.method == "POST"
    assert request.headers["x-api-key"] == "[redacted]"  # as in errors' `request`
    assert API_KEY not in repr(request.headers)


def test_a_binary_response_reads_as_text_and_json() -> None:
    body = '{"note": "caf\u00e9"}'.encode("latin-1")
    response = _speech(
        httpx.Response(200, content=body, headers={"content-type": "text/plain; charset=latin-1"})
    ).synthesize()

    assert response.encoding == "latin-1"
    assert response.text == '{"note": "caf\u00e9"}'
    assert "".join(response.iter_text()) == response.text
    assert list(response.iter_lines()) == [response.text]
    assert _speech(httpx.Response(200, content=b'{"a": 1}')).synthesize().json() == {"a": 1}


def test_a_compressed_binary_body_is_decoded_once() -> None:
    """The body is kept decoded, so the rebuilt httpx response must not decode it again."""
    response = _speech(
        httpx.Response(200, content=gzip.compress(AUDIO), headers={"content-encoding": "gzip"})
    ).synthesize()

    assert response.content == AUDIO
    assert response.response.content == AUDIO
    assert b"".join(response.iter_bytes()) == AUDIO
    assert response.headers["content-encoding"] == "gzip"  # as received


@pytest.mark.anyio
async def test_the_async_binary_response_is_awaited_and_iterated(tmp_path: Path) -> None:
    response = await _async_speech(_audio()).synthesize()

    assert isinstance(response, AsyncBinaryResponse)
    assert response.content == await response.read() == AUDIO
    assert response.text == AUDIO.decode("utf-8", errors="replace")
    assert b"".join([chunk async for chunk in response.iter_bytes()]) == AUDIO
    assert [len(c) async for c in response.iter_bytes(1000)] == [1000, 1000, 48]
    assert "".join([t async for t in response.iter_text()]) == response.text
    assert await response.write_to_file(tmp_path / "a.wav") == len(AUDIO)
    assert (tmp_path / "a.wav").read_bytes() == AUDIO
    assert response.status_code == 200 and response.headers["x-request-id"] == "r1"


@pytest.mark.anyio
async def test_the_async_binary_response_awaits_json_as_stainless_ones_do() -> None:
    response = await _async_speech(httpx.Response(200, content=b'{"a": 1}')).synthesize()

    assert await response.json() == {"a": 1}


# -- parse() on raw responses ----------------------------------------------------------------


def test_the_raw_response_of_a_binary_call_is_the_binary_response() -> None:
    """As in the Stainless SDKs (`BinaryAPIResponse`): `parse()` gives the bytes."""
    raw = _speech(_audio()).with_raw_response.synthesize()

    assert isinstance(raw, BinaryResponse)
    assert raw.parse() == raw.content == AUDIO
    assert raw.status_code == 200 and raw.headers["x-request-id"] == "r1"
    assert raw.retries_taken == 0


def test_raw_parse_of_an_event_stream_gives_the_stream() -> None:
    raw = _speech(httpx.Response(200, content=SSE)).with_raw_response.events()

    stream = raw.parse()
    assert isinstance(stream, Stream)
    assert list(stream) == [Item(phone_number="+1", status="ok"), Item("+2", "ok")]


@pytest.mark.anyio
async def test_async_raw_parse_is_awaited() -> None:
    speech = _async_speech(
        json_response(200, {"phoneNumber": "+1", "status": "ok"}),
        _audio(),
        httpx.Response(200, content=SSE),
    )

    raw = await speech.with_raw_response.get("+1")
    assert isinstance(raw, AsyncAPIResponse)
    assert await raw.parse() == Item(phone_number="+1", status="ok")
    binary = await speech.with_raw_response.synthesize()
    assert isinstance(binary, AsyncBinaryResponse) and await binary.parse() == AUDIO
    stream = await (await speech.with_raw_response.events()).parse()
    assert isinstance(stream, AsyncStream)
    assert [item async for item in stream] == [Item("+1", "ok"), Item("+2", "ok")]


@pytest.mark.anyio
async def test_async_raw_parse_validates() -> None:
    speech = _async_speech(httpx.Response(200, content=b'{"phoneNumber": 1}'))

    raw = await speech.with_raw_response.get("+1")
    with pytest.raises(ResponseValidationError) as caught:
        await raw.parse()
    assert caught.value.path == "$.phoneNumber"


# -- parse() on streamed responses -------------------------------------------------------------


def test_streamed_parse_reads_and_decodes_like_the_plain_method() -> None:
    speech = _speech(json_response(200, {"phoneNumber": "+1", "status": "ok"}), _audio())

    with speech.with_streaming_response.get("+1") as response:
        assert isinstance(response, StreamedResponse)
        parsed = response.parse()
        assert parsed == Item(phone_number="+1", status="ok")
        assert response.parse() is parsed
    with speech.with_streaming_response.synthesize() as response:
        # The bytes, as the Stainless SDKs' streamed binary responses parse them.
        assert response.parse() == AUDIO
        assert response.parse() is response.parse()
        assert response.is_closed and response.status_code == 200


def test_streamed_parse_of_an_event_stream_iterates_inside_the_block() -> None:
    speech = _speech(httpx.Response(200, content=SSE))

    with speech.with_streaming_response.events() as response:
        assert [item.phone_number for item in response.parse()] == ["+1", "+2"]


def test_streamed_parse_validates() -> None:
    speech = _speech(httpx.Response(200, content=b'{"phoneNumber": 1}'))

    with (
        speech.with_streaming_response.get("+1") as response,
        pytest.raises(ResponseValidationError) as caught,
    ):
        response.parse()
    assert caught.value.path == "$.phoneNumber"


@pytest.mark.anyio
async def test_async_streamed_parse_is_awaited() -> None:
    speech = _async_speech(
        json_response(200, {"phoneNumber": "+1", "status": "ok"}),
        _audio(),
        httpx.Response(200, content=SSE),
    )

    async with speech.with_streaming_response.get("+1") as response:
        assert isinstance(response, AsyncStreamedResponse)
        assert await response.parse() == Item(phone_number="+1", status="ok")
    async with speech.with_streaming_response.synthesize() as response:
        assert await response.parse() == AUDIO  # the bytes, as in the Stainless SDKs
    async with speech.with_streaming_response.events() as response:
        stream = await response.parse()
        assert [item.phone_number async for item in stream] == ["+1", "+2"]


def test_a_binary_body_with_an_undocumented_status_is_refused() -> None:
    with pytest.raises(ResponseValidationError, match="HTTP 203 is not a documented response"):
        _speech(httpx.Response(203, content=AUDIO)).synthesize()
