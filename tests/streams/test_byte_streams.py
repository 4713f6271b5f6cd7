"""Streamed downloads and uploads through a generated client, against 127.0.0.1 servers."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from support.local_server import Exchange, LocalServer

MB = 1024 * 1024
_BLOCK = bytes(range(256)) * 4096  # 1 MB


def _download(total: int):  # type: ignore[no-untyped-def]
    def handle(exchange: Exchange) -> None:
        exchange.start(200, {"Content-Type": "audio/wav", "Content-Length": str(total)})
        sent = 0
        while sent < total:
            piece = _BLOCK[: min(len(_BLOCK), total - sent)]
            exchange.write(piece)
            sent += len(piece)

    return handle


_MEASURE = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from polyai_s import PolyaiS

    def vm(name):
        for line in open("/proc/self/status"):
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024

    client = PolyaiS(base_url=sys.argv[2])
    before = vm("VmRSS")
    with client.audio_cache.with_streaming_response.get_file("agent", "entry") as response:
        written = response.write_to_file(sys.argv[3])
    print(written, vm("VmHWM") - before)
    """)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_200_mb_download_streams_to_a_file_in_little_memory(
    polyai: ModuleType, tmp_path: Path
) -> None:
    total = 200 * MB
    out = Path(polyai.__file__).parent.parent
    target = tmp_path / "audio.wav"
    with LocalServer(_download(total)).running() as server:
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(out), server.url, str(target)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    written, growth = (int(v) for v in result.stdout.split())
    assert written == total == target.stat().st_size
    # Peak resident memory while downloading, over what the process held before it.
    assert growth < 20 * MB, f"peak memory grew by {growth / MB:.1f} MB"


def test_streaming_response_gives_status_headers_and_pieces(polyai: ModuleType) -> None:
    with LocalServer(_download(3 * MB + 5)).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            assert response.status_code == 200
            assert response.headers["content-type"] == "audio/wav"
            sizes = [len(chunk) for chunk in response.iter_bytes(MB)]
        assert sizes == [MB, MB, MB, 5]
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            assert len(response.read()) == 3 * MB + 5
        plain = client.audio_cache.get_file("a", "e")  # plain: the body read, in an object
        assert isinstance(plain, polyai._runtime.BinaryResponse)
        assert len(plain.content) == 3 * MB + 5
        client.close()


class PacedAudio:
    """Sends a chunked `audio/wav` body in 5 pieces of 1 KiB, 300 ms apart, as a TTS server
    does while it synthesises. Before the last piece it waits (5 s at most) for the client
    to say it has the first one, and records whether it had: a client that buffers would
    only say so after the whole body arrived."""

    PIECES = 5
    PIECE = bytes(range(256)) * 4

    def __init__(self) -> None:
        self.first_received = threading.Event()
        self.first_received_before_last_sent: bool | None = None

    def __call__(self, exchange: Exchange) -> None:
        exchange.start(200, {"Content-Type": "audio/wav", "Transfer-Encoding": "chunked"})
        for index in range(self.PIECES):
            if index == self.PIECES - 1:
                self.first_received_before_last_sent = self.first_received.wait(5)
            elif index:
                time.sleep(0.3)
            exchange.write(b"%x\r\n%s\r\n" % (len(self.PIECE), self.PIECE))
        exchange.write(b"0\r\n\r\n")


def test_streamed_bytes_reach_the_caller_as_they_arrive(polyai: ModuleType) -> None:
    paced = PacedAudio()
    with LocalServer(paced).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        received = b""
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            for chunk in response.iter_bytes():
                received += chunk
                paced.first_received.set()
        client.close()
    assert paced.first_received_before_last_sent is True
    assert received == PacedAudio.PIECE * PacedAudio.PIECES


@pytest.mark.anyio
async def test_async_streamed_bytes_reach_the_caller_as_they_arrive(polyai: ModuleType) -> None:
    paced = PacedAudio()
    with LocalServer(paced).running() as server:
        async with polyai.AsyncPolyaiS(base_url=server.url) as client:
            received = b""
            async with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
                async for chunk in response.iter_bytes():
                    received += chunk
                    paced.first_received.set()
    assert paced.first_received_before_last_sent is True
    assert received == PacedAudio.PIECE * PacedAudio.PIECES


def _text(exchange: Exchange) -> None:
    body = b"id,name\r\n1,ada\n2,grace\n"
    exchange.start(200, {"Content-Type": "audio/wav", "Content-Length": str(len(body))})
    exchange.write(body)


def test_iter_text_and_lines(polyai: ModuleType) -> None:
    with LocalServer(_text).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            assert list(response.iter_lines()) == ["id,name", "1,ada", "2,grace"]
        with client.audio_cache.with_streaming_response.get_file("a", "e") as response:
            assert "".join(response.iter_text()) == "id,name\r\n1,ada\n2,grace\n"
        client.close()


@pytest.mark.anyio
async def test_async_download_to_a_file(polyai: ModuleType, tmp_path: Path) -> None:
    total = 20 * MB
    with LocalServer(_download(total)).running() as server:
        async with polyai.AsyncPolyaiS(base_url=server.url) as client:
            stream = client.audio_cache.with_streaming_response.get_file("a", "e")
            async with stream as response:
                assert response.status_code == 200
                written = await response.write_to_file(tmp_path / "a.wav")
            async with client.audio_cache.with_streaming_response.get_file("a", "e") as again:
                pieces = [len(c) async for c in again.iter_bytes(4 * MB)]
    assert written == total == (tmp_path / "a.wav").stat().st_size
    assert pieces == [4 * MB] * 5


class Sink:
    """Receives uploads, answering 503 to the first `fail_first` of them."""

    def __init__(self, fail_first: int = 0) -> None:
        self.fail_first = fail_first
        self.received: list[tuple[str | None, str | None, int, str]] = []

    def __call__(self, exchange: Exchange) -> None:
        digest, size = hashlib.sha256(), 0
        if exchange.headers.get("Transfer-Encoding") == "chunked":
            pieces: Iterator[bytes] = exchange.chunks()
        else:
            pieces = iter([exchange.body()])
        for piece in pieces:
            digest.update(piece)
            size += len(piece)
        self.received.append(
            (
                exchange.headers.get("Content-Length"),
                exchange.headers.get("Content-Type"),
                size,
                digest.hexdigest(),
            )
        )
        if len(self.received) <= self.fail_first:
            exchange.send_json({"message": "busy"}, status=503)
            return
        exchange.start(204, {"Content-Length": "0"})


@pytest.fixture
def audio_file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "greeting.wav"
    path.write_bytes(_BLOCK * 6 + b"tail")
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def test_upload_streams_from_a_path_and_a_retry_sends_it_again(
    polyai: ModuleType, audio_file: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, digest = audio_file
    monkeypatch.setattr(polyai._runtime._retries, "sleep", lambda seconds: None)
    sink = Sink(fail_first=1)
    with LocalServer(sink).running() as server:
        client = polyai.PolyaiS(base_url=server.url, max_retries=1)
        client.audio_cache.upload_file("a", "e", body=path)
        client.close()
    size = 6 * MB + 4
    assert sink.received == [(str(size), "audio/wav", size, digest)] * 2


def test_upload_streams_from_an_open_file(polyai: ModuleType, audio_file: tuple[Path, str]) -> None:
    path, digest = audio_file
    sink = Sink()
    with LocalServer(sink).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        with path.open("rb") as file:
            client.audio_cache.upload_file("a", "e", body=file)
        client.audio_cache.upload_file("a", "e", body=io.BytesIO(b"RIFF"))
        client.close()
    assert sink.received[0][2:] == (6 * MB + 4, digest)
    assert sink.received[1][2] == 4


def test_upload_from_a_file_does_not_read_it_whole(
    polyai: ModuleType, audio_file: tuple[Path, str]
) -> None:
    """Reads come in chunks far smaller than the file (httpx's chunk size, or ours)."""
    path, _ = audio_file
    reads: list[int] = []

    class Watched(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            return super().read(size)

    with LocalServer(Sink()).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        with Watched(path, "rb") as file:
            client.audio_cache.upload_file("a", "e", body=file)  # type: ignore[arg-type]
        client.close()
    assert reads and all(0 < size <= MB for size in reads)


@pytest.mark.anyio
async def test_async_upload_from_a_path_and_an_async_iterable(
    polyai: ModuleType, audio_file: tuple[Path, str]
) -> None:
    path, digest = audio_file

    async def pieces() -> AsyncIterator[bytes]:
        for _ in range(3):
            yield _BLOCK

    sink = Sink()
    with LocalServer(sink).running() as server:
        async with polyai.AsyncPolyaiS(base_url=server.url) as client:
            await client.audio_cache.upload_file("a", "e", body=path)
            await client.audio_cache.upload_file("a", "e", body=pieces())
    assert sink.received[0][2:] == (6 * MB + 4, digest)
    assert sink.received[1][0] is None  # sent chunked: the length is not known up front
    assert sink.received[1][2:] == (3 * MB, hashlib.sha256(_BLOCK * 3).hexdigest())
