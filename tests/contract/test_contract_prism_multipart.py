"""Cartesia's one multipart operation with an object field (`infill.bytes`, `output_format`),
against Prism and the official SDK.

Cartesia's document (OpenAPI 3.0.1) gives that field no `encoding`, and OpenAPI's default
for an object property of a multipart body is one `application/json` part: that is what the
client sends. Prism never decodes a JSON part (it validates the part's text against the
object schema and answers 422 "must be object"), and the official SDK sends
`output_format[container]`-style fields instead. We follow the spec and keep the JSON part;
`test_the_default_is_one_json_part_which_prism_does_not_decode` records that decision. A
spec (or an overlay) that says `encoding: {output_format: {style: deepObject}}` gets the
SDK's fields, which Prism accepts.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from types import ModuleType
from typing import Any

import cartesia as cartesia_sdk
import httpx
import pytest
from generated_package import generated
from prism_server import PrismServer, start_all, violations

from generator.load import load_api_folder

ROOT = Path(__file__).resolve().parents[2]
VENDORED = ROOT / "tests" / "vendor-specs"
DEEP = {"output_format": {"style": "deepObject", "explode": True}}
# A small object whose deepObject fields Prism does decode (it cannot for a oneOf such as
# OutputFormat, so accepting the infill call's fields alone would prove little).
PROBE = {
    "post": {
        "operationId": "probe_send",
        "tags": ["Probe"],
        "security": [],
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["window"],
                        "properties": {
                            "window": {
                                "type": "object",
                                "required": ["size"],
                                "properties": {"size": {"type": "integer"}},
                            }
                        },
                    },
                    "encoding": {"window": {"style": "deepObject", "explode": True}},
                }
            },
        },
        "responses": {"204": {"description": "ok"}},
    }
}
ARGUMENTS: dict[str, Any] = {
    "left_audio": b"RIFF-left",
    "right_audio": b"RIFF-right",
    "model_id": "sonic-3",
    "language": "en",
    "transcript": "and then",
    "voice_id": "voice-1",
    "output_format": {"container": "wav", "encoding": "pcm_f32le", "sample_rate": 44100},
}


def _spec(tmp: Path) -> dict[str, Any]:
    """Cartesia's effective spec (overlay applied) with only infill, plus the same operation
    with a deepObject `encoding` and the probe."""
    folder = tmp / "cartesia"
    folder.mkdir()
    for name in ("cartesia-openapi.yaml", "cartesia-overlay.yaml"):
        shutil.copy(VENDORED / name, folder / name)
    spec: dict[str, Any] = load_api_folder(folder).document
    infill = spec["paths"]["/infill/bytes"]
    deep = copy.deepcopy(infill)
    deep["post"]["operationId"] = "infill_bytesDeep"
    deep["post"]["requestBody"]["content"]["multipart/form-data"]["encoding"] = DEEP
    spec["paths"] = {"/infill/bytes": infill, "/infill/bytes-deep": deep, "/probe": PROBE}
    return spec


@pytest.fixture(scope="module")
def infill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, PrismServer]]:
    tmp = tmp_path_factory.mktemp("infill")
    with generated(_spec(tmp), tmp, "cartesia_infill") as package:
        server = start_all({"infill": tmp / "cartesia_infill.json"}, tmp)["infill"]
        try:
            yield package, server
        finally:
            server.stop()


class Sent:
    """The requests a client sent and Prism's answers, from the http_client's event hooks."""

    def __init__(self) -> None:
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        self.exchanges.append((response.request, response))


def _client(package: ModuleType, server: PrismServer, sent: Sent) -> Any:
    http_client = httpx.Client(event_hooks={"response": [sent]})
    return package.CartesiaInfill(
        api_key="sk-test", base_url=server.base_url, http_client=http_client, max_retries=0
    )


def _parts(request: httpx.Request) -> dict[str, tuple[str, bytes]]:
    """Each part by name: its content type and its bytes (file names differ by design)."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return {
        str(part.get_param("name", header="content-disposition")): (
            part.get_content_type(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    }


def test_the_default_is_one_json_part_which_prism_does_not_decode(
    infill: tuple[ModuleType, PrismServer],
) -> None:
    package, server = infill
    sent = Sent()
    with pytest.raises(package.UnprocessableEntityError):
        _client(package, server, sent).infill.bytes(**ARGUMENTS)
    ((request, _),) = sent.exchanges
    assert _parts(request)["output_format"] == (
        "application/json",
        b'{"container":"wav","encoding":"pcm_f32le","sample_rate":44100}',
    )
    assert "Request body property output_format must be object" in server.output()


def test_a_deep_object_encoding_sends_the_sdks_fields_which_prism_accepts(
    infill: tuple[ModuleType, PrismServer],
) -> None:
    package, server = infill
    sent = Sent()
    assert _client(package, server, sent).infill.bytes_deep(**ARGUMENTS) is not None
    ((request, response),) = sent.exchanges
    assert (response.status_code, violations(response.headers)) == (200, [])

    sdk_requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        sdk_requests.append(request)
        return httpx.Response(200, content=b"RIFF", headers={"content-type": "audio/wav"})

    sdk = cartesia_sdk.Cartesia(
        api_key="sk-test",
        base_url="https://api.cartesia.test",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    sdk.tts.infill(**ARGUMENTS)
    ours, theirs = _parts(request), _parts(sdk_requests[0])
    assert ours == theirs
    assert ours["output_format[sample_rate]"] == ("text/plain", b"44100")


def test_prism_decodes_deep_object_fields_it_has_a_schema_for(
    infill: tuple[ModuleType, PrismServer],
) -> None:
    package, server = infill
    sent = Sent()
    _client(package, server, sent).probe.send(window={"size": 3})
    ((request, response),) = sent.exchanges
    assert _parts(request)["window[size]"] == ("text/plain", b"3")
    assert (response.status_code, violations(response.headers)) == (204, [])
    bad = request.content.replace(b"\r\n\r\n3\r\n", b"\r\n\r\nthree\r\n")
    refused = httpx.post(
        server.base_url + "/probe",
        content=bad,
        headers={"Content-Type": request.headers["content-type"]},
    )
    assert refused.status_code == 422
    assert "window" in json.dumps(refused.json())
