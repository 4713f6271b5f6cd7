"""Nested resources in a generated package: `client.agents.metrics.results.list()`, sync
and async, through with_raw_response and with_streaming_response, typed, and in api.md."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clients.recorder import Recorder
from generated_package import importable
from settings_package import build_folder, write_package

from generator.diagnostics import GeneratorError

SETTINGS = """\
package = "studio"
client_class = "Studio"
async_client_class = "AsyncStudio"
method_names = "rest"
"""

_RESULT = {"type": "object", "properties": {"id": {"type": "string"}}}


def _op(operation_id: str, *params: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "parameters": [
            {"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
            for p in params
        ],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": _RESULT}}}
        },
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Studio", "version": "1"},
    "servers": [{"url": "https://api.studio.test"}],
    "paths": {
        "/agents": {"get": _op("agents_list")},
        "/agents/metrics": {"get": _op("agents_list-metrics"), "post": _op("agents_create-metric")},
        "/agents/metrics/results": {"get": _op("agents_list-metric-results")},
        "/agents/metrics/results/export": {"get": _op("agents_export-metric-results")},
        "/agents/templates": {"get": _op("agents_templates")},
    },
}

# A user's code: mypy --strict must accept it, so the nested attributes are typed.
USAGE = """\
from studio import AsyncStudio, Studio
from studio.models import AgentsMetricsResultsListResponse


def sync(client: Studio) -> str | None:
    result: AgentsMetricsResultsListResponse = client.agents.metrics.results.list()
    raw = client.agents.with_raw_response.metrics.results.export()
    also_raw = client.agents.metrics.results.with_raw_response.list()
    with client.agents.with_streaming_response.metrics.create() as streamed:
        streamed.read()
    return result.id or raw.parse().id or also_raw.parse().id


async def concurrent(client: AsyncStudio) -> str | None:
    result = await client.agents.metrics.results.list()
    raw = await client.agents.with_raw_response.metrics.results.list()
    return result.id or (await raw.parse()).id
"""


def test_nested_resources_call_their_routes_sync_and_async(tmp_path: Path) -> None:
    out, package = write_package(SPEC, SETTINGS, tmp_path, mypy=True)
    recorder = Recorder(body={"id": "r-1"})
    with importable(out, package) as studio:
        client = studio.Studio(http_client=recorder.sync_client())
        assert client.agents.metrics.results.list().id == "r-1"
        assert (recorder.last.method, recorder.last.url.path) == ("GET", "/agents/metrics/results")
        client.agents.metrics.results.export()
        assert recorder.last.url.path == "/agents/metrics/results/export"
        client.agents.list_templates()  # a nested resource of one operation is folded in
        assert recorder.last.url.path == "/agents/templates"

        raw = client.agents.with_raw_response.metrics.results.list()
        assert (raw.status_code, raw.parse().id) == (200, "r-1")
        raw = client.agents.metrics.with_raw_response.results.export()
        assert recorder.last.url.path == "/agents/metrics/results/export"
        with client.agents.with_streaming_response.metrics.create() as streamed:
            assert streamed.status_code == 200
        assert (recorder.last.method, recorder.last.url.path) == ("POST", "/agents/metrics")

        async def run() -> str:
            async_client = studio.AsyncStudio(http_client=recorder.async_client())
            result = await async_client.agents.metrics.results.list()
            raw = await async_client.agents.with_raw_response.metrics.list()
            async with async_client.agents.metrics.with_streaming_response.results.list() as r:
                assert r.status_code == 200
            return f"{result.id} {(await raw.parse()).id}"

        assert asyncio.run(run()) == "r-1 r-1"
        assert recorder.last.url.path == "/agents/metrics/results"

        api_md = (Path(studio.__file__).parent / "api.md").read_text()
        assert "### `Studio.agents.metrics.results.list`\n\n`GET /agents/metrics/results`" in api_md
        assert "## `agents.metrics.results`" in api_md
        assert "client.agents.metrics.results.list()" in api_md


def test_nested_attributes_are_typed_for_users(tmp_path: Path) -> None:
    out, _ = write_package(SPEC, SETTINGS, tmp_path)
    (out / "usage.py").write_text(USAGE)
    (out / "wrong.py").write_text(
        "from studio import Studio\n\n\ndef f(client: Studio) -> int:\n"
        "    return client.agents.metrics.results.list()\n"
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "usage.py"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    wrong = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "wrong.py"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert 'Incompatible return value type (got "AgentsMetricsResultsListResponse"' in wrong.stdout


@pytest.mark.parametrize(
    ("pins", "message"),
    [
        (
            '[operations]\n"GET /agent" = "agents.get"\n',
            "api.toml:7:1: [operations] 'GET /agent' matches no operation of the spec",
        ),
        (
            '[resources]\n  "/agent" = "agents"\n',
            "api.toml:7:3: [resources] path prefix '/agent' matches no path of the spec",
        ),
    ],
)
def test_a_pin_that_matches_nothing_is_located_in_api_toml(
    pins: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(GeneratorError) as caught:
        build_folder(SPEC, SETTINGS + "\n" + pins, tmp_path)
    assert [str(d) for d in caught.value.diagnostics] == [
        message + (' (write "METHOD /path" or an operationId)' if "operations" in pins else "")
    ]
