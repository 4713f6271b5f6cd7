"""The fixture packages, and code using their streams and pages, pass mypy --strict."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

USAGE = textwrap.dedent("""
    from pathlib import Path

    from cartesia_s import AsyncCartesiaS, CartesiaS
    from cartesia_s._runtime import AsyncPage, SyncPage
    from cartesia_s.models import ChunkEvent, GetVoicesResponse, Voice
    from polyai_s import PolyaiS
    from retell_s import AsyncRetellS


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
        status: int = raw_page.status_code
        parsed: SyncPage[GetVoicesResponse, Voice] = raw_page.parse()
        with client.tts.with_streaming_response.audio(transcript="hi") as response:
            written: int = response.write_to_file(Path("out.wav"))
        raw: bytes = client.tts.audio(transcript="hi")
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
        parsed: AsyncPage[GetVoicesResponse, Voice] = await raw_page.parse()
        async for each in parsed:
            each_id: str = each.id
        later = await parsed.get_next_page()
        if later is not None:
            later_id: str = later.items[0].id
        async for agent in retell.agent.list_agents():
            agent_id: str = agent.agent_id
        async with client.tts.with_streaming_response.audio(transcript="x") as response:
            async for chunk in response.iter_bytes():
                size: int = len(chunk)
    """)


@pytest.mark.slow
def test_fixture_packages_and_their_use_pass_mypy_strict(
    tmp_path: Path, cartesia: ModuleType, retell: ModuleType, polyai: ModuleType
) -> None:
    """The session's fixture packages (conftest.py), which the other stream tests run."""
    outs = [Path(package.__file__ or "").parent.parent for package in (cartesia, retell, polyai)]
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
