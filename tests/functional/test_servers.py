"""Servers keyed by URL: reordered and added servers, pinned names gone, URL templates."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from clients.recorder import Recorder
from generated_package import generated
from settings_package import build_folder, generated_with

from generator.diagnostics import GeneratorError
from generator.parse.servers import derive_names

SETTINGS = """\
package = "voice"
client_class = "Voice"
async_client_class = "AsyncVoice"

[servers]
parameter = "region"
us = "https://api.us.voice.test"
uk = "https://api.uk.voice.test"
eu = "https://api.eu.voice.test"
"""


def _spec(*hosts: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Voice", "version": "1"},
        "servers": [{"url": f"https://api.{host}.voice.test"} for host in hosts],
        "paths": {
            "/calls": {
                "get": {
                    "operationId": "listCalls",
                    "tags": ["calls"],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            }
        },
    }


def _host_of(client: Any, recorder: Recorder) -> str:
    client.calls.list()
    return str(recorder.last.url.host)


@pytest.mark.parametrize("order", [("us", "uk", "eu"), ("eu", "us", "uk"), ("uk", "eu", "us")])
def test_a_pinned_name_reaches_its_own_host_whatever_the_order(
    order: tuple[str, ...], tmp_path: Path
) -> None:
    recorder = Recorder(body={})
    with generated_with(_spec(*order), SETTINGS, tmp_path) as voice:
        for region in ("us", "uk", "eu"):
            client = voice.Voice(region=region, http_client=recorder.sync_client())
            assert _host_of(client, recorder) == f"api.{region}.voice.test"
        # The first pinned name is the default, not the spec's first server.
        assert _host_of(voice.Voice(http_client=recorder.sync_client()), recorder) == (
            "api.us.voice.test"
        )


def test_an_added_server_gets_its_host_label_as_name(tmp_path: Path) -> None:
    recorder = Recorder(body={})
    with generated_with(_spec("us", "eu", "uk", "studio"), SETTINGS, tmp_path) as voice:
        client = voice.Voice(region="studio", http_client=recorder.sync_client())
        assert _host_of(client, recorder) == "api.studio.voice.test"
        with pytest.raises(ValueError, match="Unknown region 'moon'; expected one of 'us'"):
            voice.Voice(region="moon")
        api_md = (Path(voice.__file__).parent / "api.md").read_text()
        assert "- `studio`: https://api.studio.voice.test" in api_md


def test_a_pinned_url_that_left_the_spec_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        build_folder(_spec("us", "eu"), SETTINGS, tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith(
        "api.toml:8:1: servers.uk: https://api.uk.voice.test is not a server of the spec"
    )


def test_ad_hoc_mode_derives_names_and_a_server_argument(tmp_path: Path) -> None:
    recorder = Recorder(body={})
    with generated(_spec("us", "eu"), tmp_path, "adhoc") as adhoc:
        client = adhoc.Adhoc(server="eu", http_client=recorder.sync_client())
        assert _host_of(client, recorder) == "api.eu.voice.test"
        assert _host_of(adhoc.Adhoc(http_client=recorder.sync_client()), recorder) == (
            "api.us.voice.test"
        )


def test_derived_names() -> None:
    assert derive_names(["https://api.us.poly.ai", "https://api.studio.poly.ai"]) == [
        "us",
        "studio",
    ]
    assert derive_names(["https://api.example.com", "https://sandbox.api.example.com"]) == [
        "api",
        "sandbox",
    ]
    assert derive_names(["https://x.test/v1", "https://x.test/v2"]) == ["v1", "v2"]
    assert derive_names(["http://localhost:4010", "http://localhost:4011"]) == [
        "port_4010",
        "port_4011",
    ]
    assert derive_names(["https://only.example.com"]) == ["default"]
    assert derive_names(["https://us-east-1.x.test", "https://1.x.test"]) == [
        "us_east_1",
        "server_1",
    ]


TEMPLATED: dict[str, Any] = {
    **_spec(),
    "servers": [
        {
            "url": "https://{tenant}.{region}.voice.test/{version}",
            "variables": {
                "tenant": {"default": "demo", "description": "Your tenant."},
                "region": {"enum": ["eu", "us"], "default": "eu"},
                "version": {"default": "v2"},
            },
        },
        {"url": "http://localhost:{port}", "variables": {"port": {"default": "4010"}}},
    ],
}


def test_server_variables_are_client_arguments(tmp_path: Path) -> None:
    recorder = Recorder(body={})
    with generated(copy.deepcopy(TEMPLATED), tmp_path, "tpl") as tpl:
        url = lambda client: (client.calls.list(), str(recorder.last.url))[1]  # noqa: E731
        assert url(tpl.Tpl(http_client=recorder.sync_client())) == (
            "https://demo.eu.voice.test/v2/calls"
        )
        client = tpl.Tpl(tenant="acme", region="us", http_client=recorder.sync_client())
        assert url(client) == "https://acme.us.voice.test/v2/calls"
        local = tpl.Tpl(server="localhost", port="9999", http_client=recorder.sync_client())
        assert url(local) == "http://localhost:9999/calls"
        sent = len(recorder.requests)
        with pytest.raises(ValueError, match="Unknown region 'ap'; expected one of 'eu', 'us'"):
            tpl.Tpl(region="ap")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="port= does not apply to the 'voice' server"):
            tpl.Tpl(port="1")
        with pytest.raises(ValueError, match="cannot be part of a host"):
            tpl.Tpl(tenant="evil.test/x")
        assert len(recorder.requests) == sent
        doc = tpl.Tpl.__init__.__doc__ or ""
        assert "region: The `{region}` of the server URL; defaults to 'eu'" in " ".join(doc.split())


def test_server_variable_types_in_the_signature(tmp_path: Path) -> None:
    with generated_with(copy.deepcopy(TEMPLATED), 'package = "tpl2"\n', tmp_path, mypy=True) as tpl:
        source = (Path(tpl.__file__).parent / "_client.py").read_text()
        assert 'region: Literal["eu", "us"] | None = None' in source
        assert "tenant: str | None = None" in source
