"""JSON Lines streams through a generated client, against real servers on 127.0.0.1: each
line is decoded into the response schema's type as soon as it has arrived."""

from __future__ import annotations

import threading
from types import ModuleType

import pytest
from support.local_server import Exchange, LocalServer

_SEGMENT = b'{"type": "segment", "text": "hello", "start_ms": 0}\n'
_DONE = b'{"type": "done", "duration_ms": 1200}\n'


def _head(exchange: Exchange, media: str = "application/jsonl") -> None:
    exchange.start(200, {"Content-Type": media, "Connection": "close"})
    exchange.handler.close_connection = True


class Paced:
    """Sends one line, then waits until the test says it consumed it, then the last."""

    def __init__(self) -> None:
        self.consumed = threading.Event()
        self.waited_out = False

    def __call__(self, exchange: Exchange) -> None:
        exchange.body()
        _head(exchange)
        exchange.write(_SEGMENT)
        if not self.consumed.wait(5.0):
            self.waited_out = True
        exchange.write(_DONE)


def test_first_line_reaches_the_caller_before_the_server_sends_the_last(
    lines: ModuleType,
) -> None:
    paced = Paced()
    with LocalServer(paced).running() as server:
        client = lines.LinesS(base_url=server.url, max_retries=0)
        with client.transcripts.stream(audio_url="https://a.example/x.wav") as stream:
            first = next(stream)
            assert type(first).__name__ == "Segment" and first.text == "hello"
            paced.consumed.set()
            rest = list(stream)
        assert not paced.waited_out
        assert [type(item).__name__ for item in rest] == ["Done"]
        assert rest[0].duration_ms == 1200
        assert stream.response.is_closed
        (seen,) = server.seen
        assert seen.headers["accept"] == "application/jsonl, application/json;q=0.9"
        client.close()


@pytest.mark.anyio
async def test_async_first_line_arrives_before_the_last(lines: ModuleType) -> None:
    paced = Paced()
    with LocalServer(paced).running() as server:
        async with lines.AsyncLinesS(base_url=server.url, max_retries=0) as client:
            stream = await client.transcripts.stream(audio_url="https://a.example/x.wav")
            async with stream:
                first = await stream.__anext__()
                assert type(first).__name__ == "Segment"
                paced.consumed.set()
                rest = [item async for item in stream]
        assert not paced.waited_out
        assert [type(item).__name__ for item in rest] == ["Done"]
        assert stream.response.is_closed


# Blank lines (one with spaces), CRLF and CR endings, a JSON text sequence's record
# separator, and a last line without its newline.
_CHOPPED = (
    b'{"type": "segment", "text": "caf\xc3\xa9", "start_ms": 0}\r\n'
    b"\n"
    b"   \r\n"
    b'\x1e{"type": "segment", "text": "two", "start_ms": 40}\r'
    b'{"type": "done"}'
)


def _chopped(exchange: Exchange) -> None:
    exchange.body()
    exchange.start(200, {"Content-Type": "application/jsonl"}, content_length=len(_CHOPPED))
    # Split mid-line, mid-character and between CR and LF, as a network would.
    for start in range(0, len(_CHOPPED), 5):
        exchange.write(_CHOPPED[start : start + 5])


def test_lines_split_across_chunks_and_blank_lines(lines: ModuleType) -> None:
    with LocalServer(_chopped).running() as server:
        client = lines.LinesS(base_url=server.url)
        items = list(client.transcripts.stream(audio_url="https://a.example/x.wav"))
        client.close()
    assert [type(item).__name__ for item in items] == ["Segment", "Segment", "Done"]
    assert [items[0].text, items[1].text, items[1].start_ms] == ["café", "two", 40]


@pytest.mark.anyio
async def test_async_lines_split_across_chunks(lines: ModuleType) -> None:
    with LocalServer(_chopped).running() as server:
        async with lines.AsyncLinesS(base_url=server.url) as client:
            stream = await client.transcripts.stream(audio_url="https://a.example/x.wav")
            items = [item async for item in stream]
    assert [type(item).__name__ for item in items] == ["Segment", "Segment", "Done"]


_MALFORMED = _SEGMENT + b"\n" + b'{"type": "segment", "text": "x", "start_ms": "soon"}\n' + _DONE


def _malformed(exchange: Exchange) -> None:
    exchange.body()
    _head(exchange)
    exchange.write(_MALFORMED)


def test_a_line_that_does_not_fit_raises_naming_the_line(lines: ModuleType) -> None:
    with LocalServer(_malformed).running() as server:
        client = lines.LinesS(base_url=server.url)
        stream = client.transcripts.stream(audio_url="https://a.example/x.wav")
        received = []
        with pytest.raises(lines.ResponseValidationError) as caught:
            for item in stream:
                received.append(item)
        assert len(received) == 1
        assert stream.response.is_closed
        client.close()
    error = caught.value
    # The line's number, its text and what is wrong with it.
    assert "line 3 of the stream" in str(error) and '"start_ms": "soon"' in str(error)
    assert "Expected `int`, got `str`" in str(error)
    assert error.path == "$.start_ms"
    assert error.body == b'{"type": "segment", "text": "x", "start_ms": "soon"}'


def _not_json(exchange: Exchange) -> None:
    exchange.body()
    _head(exchange, "application/x-ndjson")
    exchange.write(b'{"id": "c1", "status": "ended"}\n{"id": "c2", "status"\n')


@pytest.mark.anyio
async def test_async_a_line_that_is_not_json_raises_naming_the_line(lines: ModuleType) -> None:
    with LocalServer(_not_json).running() as server:
        async with lines.AsyncLinesS(base_url=server.url) as client:
            stream = await client.calls.export()
            received = []
            with pytest.raises(lines.ResponseValidationError, match="line 2 of the stream"):
                async for item in stream:
                    received.append(item)
    assert [call.id for call in received] == ["c1"]


def _export(exchange: Exchange) -> None:
    _head(exchange, "application/x-ndjson")
    if exchange.path == "/calls/events":
        exchange.write(b'{"kind": "ring"}\n42\n"text"\nnull\n[1, 2]\n')
    else:
        exchange.write(b'{"id": "c1", "status": "ended", "duration_seconds": 1.5}\n')
        exchange.write(b'{"id": "c2", "status": "failed"}\n')


def test_ndjson_lines_are_typed_and_untyped_lines_are_any_json(lines: ModuleType) -> None:
    with LocalServer(_export).running() as server:
        client = lines.LinesS(base_url=server.url)
        calls = list(client.calls.export(since="2026-01-01T00:00:00Z"))
        events = list(client.calls.events())
        client.close()
        assert server.seen[0].headers["accept"] == "application/x-ndjson"
    assert [(c.id, c.status, c.duration_seconds) for c in calls] == [
        ("c1", "ended", 1.5),
        ("c2", "failed", None),
    ]
    assert events == [{"kind": "ring"}, 42, "text", None, [1, 2]]


def test_raw_and_streaming_responses_parse_to_the_stream(lines: ModuleType) -> None:
    with LocalServer(_export).running() as server:
        client = lines.LinesS(base_url=server.url)
        raw = client.calls.with_raw_response.export()
        assert raw.status_code == 200
        assert raw.headers["Content-Type"] == "application/x-ndjson"
        stream = raw.parse()
        assert isinstance(stream, lines.Stream)
        assert [call.id for call in stream] == ["c1", "c2"]
        with client.calls.with_streaming_response.export() as response:
            parsed = response.parse()
            assert isinstance(parsed, lines.Stream)
            assert [call.id for call in parsed] == ["c1", "c2"]
        client.close()


@pytest.mark.anyio
async def test_async_raw_and_streaming_responses_parse_to_the_stream(lines: ModuleType) -> None:
    with LocalServer(_export).running() as server:
        async with lines.AsyncLinesS(base_url=server.url) as client:
            raw = await client.calls.with_raw_response.export()
            stream = await raw.parse()
            assert isinstance(stream, lines.AsyncStream)
            assert [call.id async for call in stream] == ["c1", "c2"]
            async with client.calls.with_streaming_response.export() as response:
                parsed = await response.parse()
                assert [call.id async for call in parsed] == ["c1", "c2"]
