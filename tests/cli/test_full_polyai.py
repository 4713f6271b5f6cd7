"""The vendor's whole PolyAI Agents API replaces our fragments: names, hosts and the report hold.

The full document lists its servers as us, eu, uk, studio (the fragments: us, uk, eu), so
this is the case where naming servers by position would send `region="uk"` to the EU.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from project_copy import ROOT, Project

FULL_SPEC = ROOT / "tests" / "vendor-specs" / "polyai-agents-api-1.0.11.json"
PHONE_METHODS = {
    "phone_numbers.list": "GET /v1/agents/{agentId}/telephony/phone-numbers",
    "phone_numbers.import_": "POST /v1/agents/{agentId}/telephony/phone-numbers",
    "phone_numbers.delete": "DELETE /v1/agents/{agentId}/telephony/phone-numbers",
    "phone_numbers.batch_get": "POST /v1/agents/{agentId}/telephony/phone-numbers/batch",
    "phone_numbers.get": "GET /v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}",
}
# Requests through a recording transport: the URL each region reaches.
PROBE = """
import sys

import httpx
from voice_clients.polyai import PolyAI

urls = []
def answer(request):
    urls.append(str(request.url))
    return httpx.Response(200, json={"phoneNumber": "+447700900123"})

http = httpx.Client(transport=httpx.MockTransport(answer))
for region in sys.argv[1:]:
    client = PolyAI(api_key="k", region=region, http_client=http)
    client.phone_numbers.with_raw_response.get("a1", "+447700900123")
print("\\n".join(urls))
"""


def _polyai_methods(surface_file: Path) -> dict[str, str]:
    surface = json.loads(surface_file.read_text())
    (api,) = (a for a in surface["apis"].values() if a["module"] == "voice_clients.polyai")
    return {key: method["route"] for key, method in api["methods"].items()}


def _urls(project: Project, *regions: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(project.root / "generated")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *regions],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.slow
def test_the_full_polyai_api_replaces_the_fragments(tmp_path: Path) -> None:
    assert FULL_SPEC.exists(), f"missing {FULL_SPEC}"
    project = Project.copy_of_repo(tmp_path)
    before_urls = _urls(project, "us", "uk", "eu")
    before = _polyai_methods(project.root / "generated" / "surface.json")
    folder = project.root / "specs" / "polyai"
    for fragment in folder.glob("*.yaml"):
        fragment.unlink()
    shutil.copy(FULL_SPEC, folder / "openapi.json")

    result = project.invoke("generate")
    assert result.returncode == 0, result.stdout + result.stderr

    after = _polyai_methods(project.root / "generated" / "surface.json")
    assert {key: after.get(key) for key in PHONE_METHODS} == PHONE_METHODS
    assert len(after) == 61

    urls = _urls(project, "us", "uk", "eu", "studio")
    assert urls[:3] == before_urls
    hosts = [httpx.URL(url).host for url in urls]
    assert hosts == [f"api.{region}.poly.ai" for region in ("us", "uk", "eu", "studio")]
    assert len({httpx.URL(url).path for url in urls}) == 1

    report = (project.root / "generated" / "CHANGES.md").read_text()
    polyai = report.split("## polyai", 1)[1].split("\n## ", 1)[0]
    assert "- `PolyAI(region='studio')`: new server https://api.studio.poly.ai" in polyai
    assert "Breaking:" not in polyai
    for key in sorted(set(after) - set(before)):
        resource, method = key.split(".")
        as_method = f"`PolyAI.{key}()`: new method (`{after[key]}`)"
        as_resource = re.search(
            rf"`PolyAI\.{resource}`: new resource with [^\n]*`{re.escape(method)}\(\)`", polyai
        )
        assert as_method in polyai or as_resource, f"{key} is not in the report"

    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "voice_clients/polyai"],
        cwd=project.root / "generated",
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:] + mypy.stderr[-3000:]
