"""Event and JSON Lines streams over a real connection (127.0.0.1) show the request that was
sent with its credentials masked, as every other response and error does, and an item that
does not decode raises `ResponseValidationError` with the real response's status, headers
and masked request; the first item still reaches the caller before the server sends the
next."""

from __future__ import annotations

import threading
from types import ModuleType

import pytest
from support.local_server import Exchange, LocalServer

SECRET = "Bearer s3cret-token"
REDACTED = "[redacted]"
_CHUNK = b'event: chunk\ndata: {"type": "chunk", "data": "AAAA"}\n\n'
_SEGMENT = b'{"type": "segment", "text": "hello", "start_ms": 0}\n'


class Paced:
    """Sends the head and one item, then waits until the test consumed it, then `rest`."""

    def __init__(self, media: str, first: bytes, rest: bytes, status: int = 200) -> None:
        self.media, self.first, self.rest, self.status = media, first, rest, status
        self.consumed = threading.Event()
        self.waited_out = False

    def __call__(self, exchange: Exchange) -> None:
        exchange.body()
        exchange.start(
            self.status,
            {"Content-Type": self.media, "Connection": "close", "x-request-id": "req-7"},
        )
        exchange.handler.close_connection = True
        exchange.write(self.first)
        if not self.consumed.wait(5.0):
            self.waited_out = True
        exchange.write(self.rest)


def _event_stream(rest: bytes = b'data: {"type": "done"}\n\n', status: int = 200) -> Paced:
    return Paced("text/event-stream", _CHUNK, rest, status)


def _json_lines(rest: bytes = b'{"type": "done", "duration_ms": 1}\n', status: int = 200) -> Paced:
    return Paced("application/jsonl", _SEGMENT, rest, status)


def test_an_event_stream_shows_the_masked_request_and_streams_as_before(
    cartesia: ModuleType,
) -> None:
    paced = _event_stream()
    with LocalServer(paced).running() as server:
        client = cartesia.CartesiaS(
            base_url=server.url, max_retries=0, default_headers={"Authorization": SECRET}
        )
        with client.tts.sse(transcript="hi") as stream:
            assert stream.response.request.headers["authorization"] == REDACTED
            assert SECRET not in repr(stream.response.request.headers)
            assert stream.response.request.method == "POST"
            assert stream.response.request.url == f"{server.url}/tts/sse"
            first = next(stream)
            assert first.data == "AAAA"
            paced.consumed.set()
            rest = list(stream)
        client.close()
    assert not paced.waited_out
    assert [type(event).__name__ for event in rest] == ["DoneEvent"]
    assert server.seen[-1].headers["authorization"] == SECRET  # what was sent


@pytest.mark.anyio
async def test_an_async_json_lines_stream_shows_the_masked_request(lines: ModuleType) -> None:
    paced = _json_lines()
    with LocalServer(paced).running() as server:
        async with lines.AsyncLinesS(
            base_url=server.url, max_retries=0, default_headers={"Authorization": SECRET}
        ) as client:
            stream = await client.transcripts.stream(audio_url="https://a.example/x.wav")
            async with stream:
                assert stream.response.request.headers["authorization"] == REDACTED
                first = await stream.__anext__()
                assert first.text == "hello"
                paced.consumed.set()
                rest = [item async for item in stream]
    assert not paced.waited_out
    assert [type(item).__name__ for item in rest] == ["Done"]


def test_an_event_that_does_not_decode_carries_the_real_response(cartesia: ModuleType) -> None:
    paced = _event_stream(b'data: {"type": "chunk", "data": 5}\n\n', status=201)
    paced.consumed.set()
    with LocalServer(paced).running() as server:
        client = cartesia.CartesiaS(
            base_url=server.url, max_retries=0, default_headers={"Authorization": SECRET}
        )
        stream = client.tts.sse(transcript="hi")
        with pytest.raises(cartesia.ResponseValidationError) as caught:
            list(stream)
        assert stream.response.is_closed
        client.close()
    error = caught.value
    assert error.status_code == 201 and "HTTP 201" in str(error)
    assert error.headers["x-request-id"] == "req-7"
    assert error.headers["content-type"] == "text/event-stream"
    assert error.request.headers["authorization"] == REDACTED
    assert error.request.url == f"{server.url}/tts/sse"
    assert error.body == b'{"type": "chunk", "data": 5}' and error.path == "$.data"
    assert SECRET not in repr(error.request.headers) and SECRET not in str(error)


@pytest.mark.anyio
async def test_an_async_line_that_does_not_decode_carries_the_real_response(
    lines: ModuleType,
) -> None:
    paced = _json_lines(b'{"type": "segment", "text": "x", "start_ms": "soon"}\n', status=202)
    paced.consumed.set()
    with LocalServer(paced).running() as server:
        async with lines.AsyncLinesS(
            base_url=server.url, max_retries=0, default_headers={"Authorization": SECRET}
        ) as client:
            stream = await client.transcripts.stream(audio_url="https://a.example/x.wav")
            with pytest.raises(lines.ResponseValidationError) as caught:
                async for _ in stream:
                    pass
    error = caught.value
    assert error.status_code == 202 and "line 2 of the stream" in str(error)
    assert error.headers["x-request-id"] == "req-7"
    assert error.request.headers["authorization"] == REDACTED
    assert error.path == "$.start_ms"
