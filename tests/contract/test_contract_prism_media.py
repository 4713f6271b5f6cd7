"""Operations whose successes are not JSON, called through Prism: each call's `Accept` must be
one its operation can answer.

Prism negotiates as a strict server does: an `Accept` that none of the response's media
types satisfies gets 406 Not Acceptable. The client used to send `application/json` on
every call; `test_the_old_accept_is_refused` shows Prism still refuses that, so the calls
below pass only because each sends its operation's own media types.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from generated_package import generated
from prism_server import PrismServer, start_all, violations

ERROR = {
    "description": "bad request",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["message"],
                "properties": {"message": {"type": "string"}},
            },
            "example": {"message": "bad"},
        }
    },
}
TEXT = {"type": "string"}
BINARY = {"type": "string", "format": "binary"}
WIDGET = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def _get(operation_id: str, media_type: str, schema: dict[str, Any], example: Any) -> Any:
    content = {media_type: {"schema": schema, "example": example}}
    responses = {"200": {"description": "ok", "content": content}, "400": ERROR}
    return {"get": {"operationId": operation_id, "tags": ["Media"], "responses": responses}}


SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Media", "version": "1.0.0"},
    "servers": [{"url": "https://media.example.test"}],
    "paths": {
        "/audio": _get("getAudio", "audio/wav", BINARY, "RIFF"),
        "/report": _get("getReport", "text/csv", TEXT, "a,b\n1,2\n"),
        "/events": _get("getEvents", "text/event-stream", TEXT, "data: hello\n\n"),
        "/blob": _get("getBlob", "application/octet-stream", BINARY, "blob"),
        "/note": _get("getNote", "text/plain", TEXT, "hello"),
        "/widget": _get("getWidget", "application/vnd.x+json", WIDGET, {"id": "w1"}),
        "/gone": {
            "delete": {
                "operationId": "deleteGone",
                "tags": ["Media"],
                "responses": {"204": {"description": "gone"}},
            }
        },
    },
}

# method, path, the media type Prism answers with, and what the call returns.
CALLS = [
    ("get_audio", "/audio", "audio/wav", b"RIFF"),
    ("get_report", "/report", "text/csv", "a,b\n1,2\n"),
    ("get_events", "/events", "text/event-stream", ["hello"]),
    ("get_blob", "/blob", "application/octet-stream", b"blob"),
    ("get_note", "/note", "text/plain", "hello"),
    ("get_widget", "/widget", "application/vnd.x+json", {"id": "w1"}),
]
IDS = [call[0] for call in CALLS]


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, PrismServer]]:
    tmp = tmp_path_factory.mktemp("media")
    with generated(SPEC, tmp, "prism_media") as package:
        server = start_all({"media": tmp / "prism_media.json"}, tmp)["media"]
        try:
            yield package, server
        finally:
            server.stop()


class Exchanges:
    """What each call sent and got back, seen from the http_client's event hooks."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int, str, list[dict[str, Any]]]] = []

    def record(self, response: httpx.Response) -> None:
        accept = response.request.headers.get("accept", "")
        media_type = response.headers.get("content-type", "").split(";")[0]
        self.seen.append((accept, response.status_code, media_type, violations(response.headers)))

    async def arecord(self, response: httpx.Response) -> None:
        self.record(response)


def _plain(result: Any) -> Any:
    if isinstance(result, bytes | str | None):
        return result
    if hasattr(result, "write_to_file"):  # a binary response: its body is read in full
        return result.content
    if hasattr(result, "__iter__"):
        return list(result)
    return {"id": result.id}


@pytest.mark.parametrize(("method", "path", "media_type", "expected"), CALLS, ids=IDS)
def test_each_call_is_answered_in_its_media_type(
    media: tuple[ModuleType, PrismServer], method: str, path: str, media_type: str, expected: Any
) -> None:
    package, server = media
    exchanges = Exchanges()
    http_client = httpx.Client(event_hooks={"response": [exchanges.record]})
    client = package.PrismMedia(base_url=server.base_url, http_client=http_client)
    result = getattr(client.media, method)()
    if method == "get_events":
        with result as stream:
            result = [event for event in stream]
    assert _plain(result) == expected
    ((accept, status, answered, found),) = exchanges.seen
    assert (status, answered, found) == (200, media_type, [])
    assert accept == f"{media_type}, application/json;q=0.9"


@pytest.mark.parametrize(("method", "path", "media_type", "expected"), CALLS, ids=IDS)
def test_each_async_call_is_answered_in_its_media_type(
    media: tuple[ModuleType, PrismServer], method: str, path: str, media_type: str, expected: Any
) -> None:
    package, server = media
    exchanges = Exchanges()

    async def call() -> Any:
        async with httpx.AsyncClient(event_hooks={"response": [exchanges.arecord]}) as http:
            c = package.AsyncPrismMedia(base_url=server.base_url, http_client=http)
            if method == "get_events":
                async with await c.media.get_events() as stream:
                    return [event async for event in stream]
            return await getattr(c.media, method)()

    assert _plain(asyncio.run(call())) == expected
    assert [(status, answered) for _, status, answered, _ in exchanges.seen] == [(200, media_type)]


@pytest.mark.parametrize(("method", "path", "media_type", "expected"), CALLS, ids=IDS)
def test_the_old_accept_is_refused(
    media: tuple[ModuleType, PrismServer], method: str, path: str, media_type: str, expected: Any
) -> None:
    _, server = media
    response = httpx.get(server.base_url + path, headers={"Accept": "application/json"})
    assert response.status_code == 406


@pytest.mark.parametrize(("method", "path", "media_type", "expected"), CALLS, ids=IDS)
def test_a_documented_json_error_still_comes_back(
    media: tuple[ModuleType, PrismServer], method: str, path: str, media_type: str, expected: Any
) -> None:
    package, server = media
    client = package.PrismMedia(base_url=server.base_url, max_retries=0)
    with pytest.raises(package.BadRequestError) as caught:
        result = getattr(client.media, method)(extra_headers={"Prefer": "code=400"})
        if method == "get_events":
            with result as stream:
                list(stream)
    assert caught.value.json_body == {"message": "bad"}


def test_an_operation_without_content_accepts_anything(
    media: tuple[ModuleType, PrismServer],
) -> None:
    package, server = media
    exchanges = Exchanges()
    http_client = httpx.Client(event_hooks={"response": [exchanges.record]})
    client = package.PrismMedia(base_url=server.base_url, http_client=http_client)
    assert client.media.delete_gone() is None
    assert [(accept, status) for accept, status, _, _ in exchanges.seen] == [("*/*", 204)]
