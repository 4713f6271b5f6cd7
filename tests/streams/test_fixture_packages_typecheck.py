"""The fixture packages, and code using their streams and pages, pass mypy --strict."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from streams_specs import (
    CARTESIA,
    CARTESIA_OPERATIONS,
    CARTESIA_PAGINATION,
    POLYAI,
    RETELL,
    RETELL_PAGINATION,
)
from streams_support import build_files

from generator.write.tree import write_tree

USAGE = textwrap.dedent("""
    from pathlib import Path

    from cartesia_t import AsyncCartesiaT, CartesiaT
    from cartesia_t.models import ChunkEvent
    from polyai_t import PolyaiT
    from retell_t import AsyncRetellT


    def sync_use(client: CartesiaT, polyai: PolyaiT) -> None:
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
        with client.tts.with_streaming_response.audio(transcript="hi") as response:
            written: int = response.write_to_file(Path("out.wav"))
        raw: bytes = client.tts.audio(transcript="hi")
        polyai.audio_cache.upload_file("a", "e", body=Path("in.wav"))
        total: int = polyai.audio_cache.list("a").body.total_count


    async def async_use(client: AsyncCartesiaT, retell: AsyncRetellT) -> None:
        stream = await client.tts.sse(transcript="hi")
        async with stream:
            async for event in stream:
                pass
        async for voice in client.voices.list():
            voice_id: str = voice.id
        page = await retell.phone_number.list_numbers()
        number: str = page.items[0].phone_number
        async for agent in retell.agent.list_agents():
            agent_id: str = agent.agent_id
        async with client.tts.with_streaming_response.audio(transcript="x") as response:
            async for chunk in response.iter_bytes():
                size: int = len(chunk)
    """)


@pytest.mark.slow
def test_fixture_packages_and_their_use_pass_mypy_strict(tmp_path: Path) -> None:
    outs = []
    for name, spec, settings in (
        (
            "cartesia_t",
            CARTESIA,
            {"operations": CARTESIA_OPERATIONS, "pagination": CARTESIA_PAGINATION},
        ),
        ("retell_t", RETELL, {"pagination": RETELL_PAGINATION}),
        ("polyai_t", POLYAI, {}),
    ):
        work = tmp_path / name
        work.mkdir()
        outs.append(work / "out")
        write_tree(build_files(spec, work, name, **settings), outs[-1])  # type: ignore[arg-type]
    (tmp_path / "usage.py").write_text(USAGE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "-p",
            "cartesia_t",
            "-p",
            "retell_t",
            "-p",
            "polyai_t",
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
