"""The whole PolyAI Agents API, generated with the CLI as a user would: its audio-cache file
is a streamed download and its offset list a page, both called against 127.0.0.1."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from generated_package import importable
from support.local_server import Exchange, LocalServer

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "vendor-specs" / "polyai-agents-api-1.0.11.json"
LIST_ROUTE = "GET /v1/agents/{agentId}/audio-cache"
FILE_ROUTE = "GET /v1/agents/{agentId}/audio-cache/{entryId}/file"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def agents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("polyai_agents")
    clientgen = Path(sys.executable).parent / "clientgen"
    result = subprocess.run(
        [str(clientgen), "generate", "--spec", str(SPEC), "--out", str(out), "--package", "agents"],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    with importable(out, "agents") as package:
        yield package


def _method(package: ModuleType, route: str) -> tuple[str, str]:
    """(resource, method) of `route`, read from the generated api.md."""
    api_md = (Path(package.__file__).parent / "api.md").read_text()
    method, path = route.split(" ", 1)
    pattern = rf"### `\w+\.(\w+)\.(\w+)`\n\n`{method} {re.escape(path)}`"
    found = re.search(pattern, api_md)
    assert found, route
    return found.group(1), found.group(2)


def _server(exchange: Exchange) -> None:
    if exchange.path.endswith("/file"):
        exchange.start(200, {"Content-Type": "audio/wav", "Content-Length": "3"})
        exchange.write(b"RIF")
        return
    offset = int(exchange.query.get("offset", 0))
    entries = [
        {
            "id": f"e{i}",
            "transcript": "hi",
            "cachedAt": "2026-01-01T00:00:00Z",
            "hitCount": 1,
            "duration": 0.5,
            "regenerated": False,
            "provider": "p",
            "providerVoiceId": "v",
            "imported": False,
        }
        for i in range(offset, min(offset + 2, 5))
    ]
    exchange.send_json({"entries": entries, "totalCount": 5})


def test_audio_cache_list_is_a_page_and_its_file_a_streamed_download(
    agents: ModuleType, tmp_path: Path
) -> None:
    list_resource, list_name = _method(agents, LIST_ROUTE)
    file_resource, file_name = _method(agents, FILE_ROUTE)
    source = Path(agents.__file__).parent / "resources" / f"{list_resource}.py"
    assert "SyncPage[models.ListAudioCacheResponse, models.AudioCacheEntry]" in (source.read_text())
    client_class = next(n for n in agents.__all__ if n.startswith("Async")).removeprefix("Async")
    with LocalServer(_server).running() as server:
        client = getattr(agents, client_class)(api_key="k", base_url=server.url)
        page = getattr(getattr(client, list_resource), list_name)("agent", limit=2)
        assert page.total_count == 5
        entries = [entry.id for entry in page]
        resource = getattr(client, file_resource)
        with getattr(resource.with_streaming_response, file_name)("agent", "e1") as response:
            written = response.write_to_file(tmp_path / "e1.wav")
        client.close()
    assert entries == ["e0", "e1", "e2", "e3", "e4"]
    assert [q.get("offset") for _, path, q in server.requests if "file" not in path] == [
        None,
        "2",
        "4",
    ]
    assert written == 3 and (tmp_path / "e1.wav").read_bytes() == b"RIF"
