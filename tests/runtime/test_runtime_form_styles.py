"""Form and multipart properties written as their `encoding` says, and by default."""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, ClassVar
from urllib.parse import parse_qsl

import httpx
import msgspec
import pytest
from runtime import ClientConfig, Endpoint, SyncAPIClient
from runtime._files import FileInput
from runtime._models import RequestModel

META = {"container": "wav", "sample_rate": 44100}


class Body(RequestModel, kw_only=True):
    meta: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET
    tags: list[str] | msgspec.UnsetType = msgspec.UNSET
    items: list[dict[str, Any]] | msgspec.UnsetType = msgspec.UNSET
    note: str | msgspec.UnsetType = msgspec.UNSET
    file: FileInput | msgspec.UnsetType = msgspec.UNSET


class Client(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(
        name="Test", user_agent="test", servers={"default": "https://api.test"}
    )


def _send(encoding: str, body: Body, **extra: Any) -> httpx.Request:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        return httpx.Response(204)

    endpoint = Endpoint[None](
        method="POST",
        path="/things",
        responses={"204": None},
        request_type=Body,
        encoding=encoding,
        **extra,
    )
    Client(http_client=httpx.Client(transport=httpx.MockTransport(answer))).request(
        endpoint, body=body
    )
    return sent[0]


def _parts(request: httpx.Request) -> list[tuple[str, str | None, bytes]]:
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return [
        (
            str(part.get_param("name", header="content-disposition")),
            part["content-type"],
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


@pytest.mark.parametrize(
    ("style", "parts"),
    [
        (None, [("meta", "application/json", b'{"container":"wav","sample_rate":44100}')]),
        ("json", [("meta", "application/json", b'{"container":"wav","sample_rate":44100}')]),
        ("deep", [("meta[container]", None, b"wav"), ("meta[sample_rate]", None, b"44100")]),
        ("form", [("container", None, b"wav"), ("sample_rate", None, b"44100")]),
        ("csv", [("meta", None, b"container,wav,sample_rate,44100")]),
    ],
)
def test_multipart_object(style: str | None, parts: list[tuple[str, str | None, bytes]]) -> None:
    styles = {"meta": style} if style else {}
    assert _parts(_send("multipart", Body(meta=META), form_styles=styles)) == parts


@pytest.mark.parametrize(
    ("style", "fields"),
    [
        (None, [("container", "wav"), ("sample_rate", "44100")]),
        ("form", [("container", "wav"), ("sample_rate", "44100")]),
        ("deep", [("meta[container]", "wav"), ("meta[sample_rate]", "44100")]),
        ("csv", [("meta", "container,wav,sample_rate,44100")]),
        ("json", [("meta", '{"container":"wav","sample_rate":44100}')]),
    ],
)
def test_urlencoded_object(style: str | None, fields: list[tuple[str, str]]) -> None:
    styles = {"meta": style} if style else {}
    request = _send("form", Body(meta=META), form_styles=styles)
    assert parse_qsl(request.content.decode()) == fields


@pytest.mark.parametrize(
    ("style", "fields"),
    [
        (None, [("tags", "a"), ("tags", "b")]),
        ("form", [("tags", "a"), ("tags", "b")]),
        ("csv", [("tags", "a,b")]),
        ("ssv", [("tags", "a b")]),
        ("pipes", [("tags", "a|b")]),
        ("json", [("tags", '["a","b"]')]),
    ],
)
@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_arrays(encoding: str, style: str | None, fields: list[tuple[str, str]]) -> None:
    styles = {"tags": style} if style else {}
    request = _send(encoding, Body(tags=["a", "b"]), form_styles=styles)
    if encoding == "form":
        assert parse_qsl(request.content.decode()) == fields
    else:
        assert [(name, body.decode()) for name, _, body in _parts(request)] == fields


def test_arrays_of_objects_are_json_by_default() -> None:
    request = _send("multipart", Body(items=[{"a": 1}]))
    assert _parts(request) == [("items", "application/json", b'[{"a":1}]')]
    request = _send("form", Body(items=[{"a": 1}]))
    assert parse_qsl(request.content.decode()) == [("items", '[{"a":1}]')]


def test_part_types_name_a_parts_content_type_and_a_files_default() -> None:
    request = _send(
        "multipart",
        Body(note="# hi", file=b"RIFF"),
        part_types={"note": "text/markdown", "file": "audio/wav"},
    )
    assert _parts(request) == [
        ("note", "text/markdown", b"# hi"),
        ("file", "audio/wav", b"RIFF"),
    ]
