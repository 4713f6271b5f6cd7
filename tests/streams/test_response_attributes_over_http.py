"""Raw, streamed and binary responses over a real connection (127.0.0.1) show what Stainless
SDK users read: `is_closed` as the connection is, the request that was sent with its
credentials masked, the HTTP version, the time taken and the retries."""

from __future__ import annotations

from types import ModuleType

import httpx
import pytest
from support.local_server import Exchange, LocalServer, ScriptedServer

SECRET = "Bearer s3cret-token"
AUDIO = bytes(range(256)) * 16
RETRY_SOON = (503, {"retry-after-ms": "1"}, b"")
AUDIO_OK = (200, {"Content-Type": "audio/wav"}, AUDIO)


def _paced(exchange: Exchange) -> None:
    """The audio in two chunks: the client has the head before the body has ended."""
    exchange.start(200, {"Content-Type": "audio/wav", "Transfer-Encoding": "chunked"})
    for piece in (AUDIO[:1024], AUDIO[1024:]):
        exchange.write(b"%x\r\n%s\r\n" % (len(piece), piece))
    exchange.write(b"0\r\n\r\n")


def test_the_raw_response_of_a_binary_call_is_the_binary_response(polyai: ModuleType) -> None:
    with ScriptedServer(RETRY_SOON, AUDIO_OK).running() as server:
        client = polyai.PolyaiS(base_url=server.url, default_headers={"Authorization": SECRET})
        raw = client.audio_cache.with_raw_response.get_file("a", "e")
        client.close()

    assert isinstance(raw, polyai._runtime.BinaryResponse)
    assert raw.parse() == raw.read() == AUDIO
    assert raw.retries_taken == 1
    assert raw.is_closed is True
    assert server.seen[-1].headers["authorization"] == SECRET
    assert raw.http_request.headers["authorization"] == "[redacted]"
    assert raw.http_request.method == raw.method == "GET"
    assert raw.url == httpx.URL(f"{server.url}/v1/agents/a/audio-cache/e/file")
    assert raw.http_version == "HTTP/1.1"
    assert raw.elapsed.total_seconds() > 0


def test_a_raw_json_response_shows_the_masked_request_and_response(polyai: ModuleType) -> None:
    body = b'{"entries": [], "total_count": 0}'
    ok = (200, {"Content-Type": "application/json", "x-request-id": "r1"}, body)
    with ScriptedServer(RETRY_SOON, RETRY_SOON, ok).running() as server:
        client = polyai.PolyaiS(base_url=server.url, default_headers={"Authorization": SECRET})
        raw = client.audio_cache.with_raw_response.list("a")
        client.close()

    assert raw.is_closed is True
    assert raw.retries_taken == 2
    assert raw.http_request.headers["authorization"] == "[redacted]"
    assert raw.http_response.request is raw.http_request
    assert raw.http_response.headers["x-request-id"] == "r1"
    assert raw.http_response.content == raw.read() == body
    assert raw.http_version == "HTTP/1.1"


def test_a_streamed_response_is_open_until_its_body_is_read(polyai: ModuleType) -> None:
    with LocalServer(_paced).running() as server:
        client = polyai.PolyaiS(base_url=server.url, default_headers={"Authorization": SECRET})
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            assert response.is_closed is False
            assert response.http_request.headers["authorization"] == "[redacted]"
            assert response.http_response.request is response.http_request
            assert response.http_version == "HTTP/1.1"
            assert response.retries_taken == 0
            assert response.read() == AUDIO
            assert response.is_closed is True
            assert response.elapsed.total_seconds() > 0
        with client.audio_cache.with_streaming_response.get_file("a", "e") as parsed:
            assert parsed.parse() == AUDIO  # the bytes, as the Stainless SDKs parse them
        with client.audio_cache.with_streaming_response.get_file("a", "e") as unread:
            assert unread.is_closed is False
        assert unread.is_closed is True
        client.close()
    assert server.seen[-1].headers["authorization"] == SECRET


@pytest.mark.anyio
async def test_an_async_streamed_response_is_open_until_its_body_is_read(
    polyai: ModuleType,
) -> None:
    with LocalServer(_paced).running() as server:
        async with polyai.AsyncPolyaiS(
            base_url=server.url, default_headers={"Authorization": SECRET}
        ) as client:
            streamed = client.audio_cache.with_streaming_response.get_file("a", "e")
            async with streamed as response:
                assert response.is_closed is False
                assert response.http_request.headers["authorization"] == "[redacted]"
                assert await response.read() == AUDIO
                assert response.is_closed is True
            async with client.audio_cache.with_streaming_response.get_file("a", "e") as parsed:
                assert await parsed.parse() == AUDIO
            raw = await client.audio_cache.with_raw_response.get_file("a", "e")
            assert isinstance(raw, polyai._runtime.AsyncBinaryResponse)
            assert await raw.parse() == AUDIO
