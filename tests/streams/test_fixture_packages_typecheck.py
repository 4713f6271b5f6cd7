"""The fixture packages, and code using their streams, pages and response objects (raw,
streamed and binary, as Stainless SDK users write it), pass mypy --strict."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated"

USAGE = textwrap.dedent("""
    from pathlib import Path

    import httpx

    from cartesia_s import AsyncCartesiaS, CartesiaS
    from cartesia_s._runtime import AsyncPage, SyncPage
    from cartesia_s.models import ChunkEvent, GetVoicesResponse, Voice
    from polyai_s import PolyaiS
    from retell_s import AsyncRetellS
    from voice_clients.retell import AsyncRetell, Retell


    def sync_use(client: CartesiaS, polyai: PolyaiS) -> None:
        with client.tts.sse(transcript="hi") as stream:
            for event in stream:
                if isinstance(event, ChunkEvent):
                    audio: str = event.data
        page = client.voices.list(limit=2)
        first_id: str = page.body.data[0].id
        for voice in page:
            name: str = voice.name
        for each in page.iter_pages():
            more: bool = each.has_next_page()
        following = page.get_next_page()
        if following is not None:
            next_id: str = following.items[0].id
        raw_page = client.voices.with_raw_response.list(limit=2)
        page_status: int = raw_page.status_code
        first_page: SyncPage[GetVoicesResponse, Voice] = raw_page.parse()
        with client.tts.with_streaming_response.audio(transcript="hi") as response:
            written: int = response.write_to_file(Path("out.wav"))
        speech = client.tts.audio(transcript="hi")
        raw: bytes = speech.content
        status: int = speech.status_code
        text: str = speech.text
        read: bytes = speech.read()
        rebuilt: httpx.Response = speech.response
        saved: int = speech.write_to_file(Path("out.wav"))
        for piece in speech.iter_bytes():
            piece_size: int = len(piece)
        with client.tts.with_streaming_response.audio(transcript="hi") as streamed:
            parsed_audio: bytes = streamed.parse()
        with client.tts.with_streaming_response.sse(transcript="hi") as streamed_events:
            for each_event in streamed_events.parse():
                if isinstance(each_event, ChunkEvent):
                    more_audio: str = each_event.data
        raw_speech = client.tts.with_raw_response.audio(transcript="hi")
        raw_audio: bytes = raw_speech.parse()
        raw_retries: int = raw_speech.retries_taken
        sent: httpx.Request = raw_speech.http_request
        with client.tts.with_streaming_response.audio(transcript="hi") as open_audio:
            still_open: bool = open_audio.is_closed
            sent_again: httpx.Request = open_audio.http_request
        polyai.audio_cache.upload_file("a", "e", body=Path("in.wav"))
        total: int = polyai.audio_cache.list("a").body.total_count


    async def async_use(client: AsyncCartesiaS, retell: AsyncRetellS) -> None:
        stream = await client.tts.sse(transcript="hi")
        async with stream:
            async for event in stream:
                pass
        async for voice in client.voices.list():
            voice_id: str = voice.id
        page = await retell.phone_number.list_numbers()
        number: str = page.items[0].phone_number
        raw_page = await client.voices.with_raw_response.list()
        headers: object = raw_page.headers
        first_page: AsyncPage[GetVoicesResponse, Voice] = await raw_page.parse()
        async for each in first_page:
            each_id: str = each.id
        later = await first_page.get_next_page()
        if later is not None:
            later_id: str = later.items[0].id
        async for agent in retell.agent.list_agents():
            agent_id: str = agent.agent_id
        async with client.tts.with_streaming_response.audio(transcript="x") as response:
            async for chunk in response.iter_bytes():
                size: int = len(chunk)
        speech = await client.tts.audio(transcript="hi")
        content: bytes = speech.content
        read: bytes = await speech.read()
        saved: int = await speech.write_to_file(Path("out.wav"))
        async for piece in speech.iter_bytes():
            piece_size: int = len(piece)
        raw = await client.tts.with_raw_response.audio(transcript="hi")
        parsed: bytes = await raw.parse()
        await raw.close()
        async with client.tts.with_streaming_response.audio(transcript="x") as streamed:
            streamed_content: bytes = await streamed.parse()


    def sync_values(client: Retell) -> None:
        raw = client.phone_number.with_raw_response.import_(phone_number="+1", termination_uri="t")
        number: str = raw.parse().phone_number
        closed: bool = raw.is_closed
        request: httpx.Request = raw.http_request
        response: httpx.Response = raw.http_response
        body: bytes = raw.read()
        with client.phone_number.with_streaming_response.import_(
            phone_number="+1", termination_uri="t"
        ) as streamed:
            same: str = streamed.parse().phone_number


    async def async_values(client: AsyncRetell) -> None:
        raw = await client.phone_number.with_raw_response.import_(
            phone_number="+1", termination_uri="t"
        )
        number: str = (await raw.parse()).phone_number
        body: bytes = await raw.read()
        async for line in raw.iter_lines():
            line_text: str = line
        async with client.phone_number.with_streaming_response.import_(
            phone_number="+1", termination_uri="t"
        ) as streamed:
            same: str = (await streamed.parse()).phone_number
    """)


@pytest.mark.slow
def test_fixture_packages_and_their_use_pass_mypy_strict(
    tmp_path: Path, cartesia: ModuleType, retell: ModuleType, polyai: ModuleType
) -> None:
    """The session's fixture packages (conftest.py), which the other stream tests run."""
    outs = [Path(package.__file__ or "").parent.parent for package in (cartesia, retell, polyai)]
    outs.append(GENERATED)  # voice_clients, for methods that return a model
    (tmp_path / "usage.py").write_text(USAGE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "-p",
            "cartesia_s",
            "-p",
            "retell_s",
            "-p",
            "polyai_s",
            "-m",
            "usage",
        ],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(o) for o in outs)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
