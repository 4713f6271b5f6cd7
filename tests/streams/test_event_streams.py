"""Event streams through a generated client, against real servers on 127.0.0.1."""

from __future__ import annotations

import threading
from pathlib import Path
from types import ModuleType

import pytest
from support.local_server import Exchange, LocalServer


def _sse_head(exchange: Exchange, length: int | None = None) -> None:
    headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    if length is None:
        headers["Connection"] = "close"
    else:
        headers["Content-Length"] = str(length)
    exchange.start(200, headers)


class Paced:
    """Sends one event, then waits until the test says it consumed it, then the rest."""

    def __init__(self) -> None:
        self.consumed = threading.Event()
        self.waited_out = False

    def __call__(self, exchange: Exchange) -> None:
        exchange.body()
        _sse_head(exchange)
        exchange.handler.close_connection = True
        exchange.write(b'event: chunk\ndata: {"type": "chunk", "data": "AAAA"}\n\n')
        if not self.consumed.wait(5.0):
            self.waited_out = True
        exchange.write(b'data: {"type": "done"}\n\n')


def test_first_event_arrives_before_the_server_sends_the_next(cartesia: ModuleType) -> None:
    paced = Paced()
    with LocalServer(paced).running() as server:
        client = cartesia.CartesiaS(base_url=server.url, max_retries=0)
        with client.tts.sse(transcript="hi") as stream:
            first = next(stream)
            assert first.data == "AAAA"
            paced.consumed.set()
            rest = list(stream)
        assert not paced.waited_out
        assert [type(e).__name__ for e in rest] == ["DoneEvent"]
        assert stream.response.is_closed
        client.close()


@pytest.mark.anyio
async def test_async_first_event_arrives_before_the_next(cartesia: ModuleType) -> None:
    paced = Paced()
    with LocalServer(paced).running() as server:
        async with cartesia.AsyncCartesiaS(base_url=server.url, max_retries=0) as client:
            stream = await client.tts.sse(transcript="hi")
            async with stream:
                first = await stream.__anext__()
                assert type(first).__name__ == "ChunkEvent"
                paced.consumed.set()
                rest = [event async for event in stream]
        assert not paced.waited_out
        assert [type(e).__name__ for e in rest] == ["DoneEvent"]
        assert stream.response.is_closed


_UNION_BODY = (
    b": keep-alive comment\r\n"
    b"retry: 1500\r\n"
    b"event: chunk\r\n"
    b'data: {"type": "chunk",\r\n'
    b'data:  "data": "QUJD"}\r\n'
    b"\r\n"
    b"id: 7\r"
    b'data: {"type": "timestamps", "words": ["hi"]}\r'
    b"\r"
    b'data: {"type": "phoneme_timestamps", "phonemes": ["h"]}\n'
    b"\n"
    b'data: {"type": "error", "error": "boom"}\n\n'
    b'data: {"type": "done"}\n\n'
)


def _union(exchange: Exchange) -> None:
    exchange.body()
    _sse_head(exchange, len(_UNION_BODY))
    # Split mid-line and between CR and LF, as a network would.
    for start in range(0, len(_UNION_BODY), 7):
        exchange.write(_UNION_BODY[start : start + 7])


def test_discriminated_union_with_unknown_tag_multiline_data_and_comments(
    cartesia: ModuleType,
) -> None:
    with LocalServer(_union).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        events = list(client.tts.sse(transcript="hi"))
        client.close()
    names = [type(e).__name__ for e in events]
    assert names[0] == "ChunkEvent" and events[0].data == "QUJD"
    assert names[1] == "TimestampsEvent" and events[1].words == ["hi"]
    assert names[2].startswith("Unknown"), names
    assert names[3:] == ["ErrorEvent", "DoneEvent"]
    assert events[3].error == "boom"


@pytest.mark.anyio
async def test_async_discriminated_union(cartesia: ModuleType) -> None:
    with LocalServer(_union).running() as server:
        async with cartesia.AsyncCartesiaS(base_url=server.url) as client:
            events = [e async for e in await client.tts.sse(transcript="hi")]
    assert [type(e).__name__ for e in events][:2] == ["ChunkEvent", "TimestampsEvent"]
    assert len(events) == 5


def _dropped(exchange: Exchange) -> None:
    exchange.body()
    _sse_head(exchange, 10_000)  # promises more than it sends
    exchange.write(b'data: {"type": "chunk", "data": "AA"}\n\n')
    exchange.handler.close_connection = True
    exchange.handler.connection.shutdown(2)


def test_connection_dropped_mid_stream_raises_and_is_not_retried(cartesia: ModuleType) -> None:
    with LocalServer(_dropped).running() as server:
        client = cartesia.CartesiaS(base_url=server.url, max_retries=2)
        stream = client.tts.sse(transcript="hi")
        received = []
        with pytest.raises(cartesia.APIConnectionError):
            for event in stream:
                received.append(event)
        assert len(received) == 1
        assert stream.response.is_closed
        assert len(server.requests) == 1  # no retry once events were yielded
        client.close()


@pytest.mark.anyio
async def test_async_connection_dropped_mid_stream(cartesia: ModuleType) -> None:
    with LocalServer(_dropped).running() as server:
        async with cartesia.AsyncCartesiaS(base_url=server.url, max_retries=2) as client:
            stream = await client.tts.sse(transcript="hi")
            with pytest.raises(cartesia.APIConnectionError):
                async for _ in stream:
                    pass
            assert stream.response.is_closed
        assert len(server.requests) == 1


def _endless(exchange: Exchange) -> None:
    exchange.body()
    _sse_head(exchange)
    exchange.handler.close_connection = True
    for _ in range(1000):
        exchange.write(b'data: {"type": "chunk", "data": "AA"}\n\n')
        threading.Event().wait(0.005)


def test_closing_early_releases_the_connection(cartesia: ModuleType) -> None:
    with LocalServer(_endless).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        stream = client.tts.sse(transcript="hi")
        for _ in stream:
            break
        stream.close()
        assert stream.response.is_closed
        with client.tts.sse(transcript="again") as second:
            next(second)
        assert second.response.is_closed
        client.close()


@pytest.mark.anyio
async def test_async_closing_early(cartesia: ModuleType) -> None:
    with LocalServer(_endless).running() as server:
        async with cartesia.AsyncCartesiaS(base_url=server.url) as client:
            stream = await client.tts.sse(transcript="hi")
            async for _ in stream:
                break
            await stream.close()
            assert stream.response.is_closed


def _rejected(exchange: Exchange) -> None:
    exchange.body()
    exchange.send_json({"message": "transcript is empty"}, status=422)


def test_error_before_the_stream_starts_is_the_typed_error(cartesia: ModuleType) -> None:
    with LocalServer(_rejected).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        with pytest.raises(cartesia.UnprocessableEntityError) as caught:
            client.tts.sse(transcript="")
        assert caught.value.body.message == "transcript is empty"
        client.close()


@pytest.mark.anyio
async def test_async_error_before_the_stream_starts(cartesia: ModuleType) -> None:
    with LocalServer(_rejected).running() as server:
        async with cartesia.AsyncCartesiaS(base_url=server.url) as client:
            with pytest.raises(cartesia.UnprocessableEntityError):
                await client.tts.sse(transcript="")


def test_api_md_shows_how_to_iterate(tmp_path: Path, cartesia: ModuleType) -> None:
    api_md = (Path(cartesia.__file__).parent / "api.md").read_text()
    assert "for event in stream:" in api_md
    assert "AsyncStream[TTSSSEEvent]" in api_md
    assert "for item in client.voices.list(...):" in api_md
    assert "with_streaming_response.audio(...)" in api_md
