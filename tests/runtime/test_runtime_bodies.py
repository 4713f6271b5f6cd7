"""Bodies other than JSON, cookie parameters, query styles and raw responses."""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Sequence
from email.parser import BytesParser
from email.policy import HTTP
from types import MappingProxyType
from typing import Any, ClassVar

import httpx
import msgspec
import pytest
from runtime import (
    ClientConfig,
    Endpoint,
    RawText,
    RequestOptions,
    RequestValidationError,
    SyncAPIClient,
)
from runtime._files import FileInput
from runtime._models import RequestModel


class Upload(RequestModel, kw_only=True, rename={"file_name": "fileName"}):
    file_name: str
    count: int | msgspec.UnsetType = msgspec.UNSET
    tags: list[str] | msgspec.UnsetType = msgspec.UNSET
    meta: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET
    file: FileInput


class Form(RequestModel, kw_only=True):
    name: str
    size: int | msgspec.UnsetType = msgspec.UNSET
    colors: list[str] | msgspec.UnsetType = msgspec.UNSET


class Client(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(
        name="Test",
        user_agent="test",
        servers={"default": "https://api.test"},
        default_server="default",
    )


class Recorder:
    def __init__(self, body: bytes = b"{}", content_type: str = "application/json") -> None:
        self.requests: list[httpx.Request] = []
        self.body = body
        self.content_type = content_type

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(200, content=self.body, headers={"content-type": self.content_type})

    def client(self) -> Client:
        return Client(http_client=httpx.Client(transport=httpx.MockTransport(self)))


def _endpoint(encoding: str, request_type: Any = None, **extra: Any) -> Endpoint[None]:
    return Endpoint[None](
        method="POST",
        path="/things",
        responses={"200": None},
        request_type=request_type,
        encoding=encoding,
        **extra,
    )


def _multipart_parts(request: httpx.Request) -> list[Any]:
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return list(message.iter_parts())


def test_multipart_sends_fields_files_and_json_parts() -> None:
    recorder = Recorder()
    body = Upload(
        file_name="a.txt",
        count=3,
        tags=["x", "y"],
        meta={"k": 1},
        file=("hello.txt", io.BytesIO(b"hello"), "text/plain"),
    )
    recorder.client().request(_endpoint("multipart", Upload), body=body)
    request = recorder.requests[0]
    assert re.fullmatch(
        r"multipart/form-data; boundary=[0-9a-f]{32}", request.headers["content-type"]
    )
    parts = {
        (p.get_param("name", header="content-disposition"), p.get_content())
        for p in _multipart_parts(request)
        if p.get_content_type() != "application/json" and p.get_filename() is None
    }
    assert parts == {("fileName", "a.txt"), ("count", "3"), ("tags", "x"), ("tags", "y")}
    by_name = {
        p.get_param("name", header="content-disposition"): p for p in _multipart_parts(request)
    }
    assert by_name["file"].get_filename() == "hello.txt"
    assert by_name["file"].get_content_type() == "text/plain"
    assert by_name["file"].get_payload(decode=True) == b"hello"
    assert by_name["meta"].get_content_type() == "application/json"
    assert by_name["meta"].get_payload(decode=True) == b'{"k":1}'


def test_multipart_fields_are_checked_before_sending() -> None:
    recorder = Recorder()
    body = Upload(file_name=7, file=b"x")  # type: ignore[arg-type]
    with pytest.raises(RequestValidationError) as caught:
        recorder.client().request(_endpoint("multipart", Upload), body=body)
    assert caught.value.path == "file_name"
    assert recorder.requests == []


def test_text_mode_file_is_refused_before_sending() -> None:
    recorder = Recorder()
    with pytest.raises(TypeError, match="text mode"):
        recorder.client().request(
            _endpoint("multipart", Upload), body=Upload(file_name="a", file=io.StringIO("x"))
        )
    assert recorder.requests == []


def test_urlencoded_form() -> None:
    recorder = Recorder()
    body = Form(name="a b&c", colors=["red", "green"])
    recorder.client().request(
        _endpoint("form", Form), body=body, options=RequestOptions(extra_body={"extra": "1"})
    )
    request = recorder.requests[0]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"name=a+b%26c&colors=red&colors=green&extra=1"


def test_binary_and_text_bodies_are_sent_as_given() -> None:
    recorder = Recorder()
    client = recorder.client()
    client.request(_endpoint("binary", content_type="image/png"), body=io.BytesIO(b"\x89PNG"))
    client.request(_endpoint("text", content_type="text/plain"), body="héllo")
    png, text = recorder.requests
    assert (png.headers["content-type"], png.content) == ("image/png", b"\x89PNG")
    assert (text.headers["content-type"], text.content) == ("text/plain", "héllo".encode())


def test_cookie_parameters_join_the_cookie_header() -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](method="GET", path="/things", responses={"200": None})
    recorder.client().request(endpoint, cookies={"session": "abc", "skip": msgspec.UNSET})
    assert recorder.requests[0].headers["cookie"] == "session=abc"


@pytest.mark.parametrize(
    ("style", "value", "query"),
    [
        (None, ["a", "b"], "ids=a&ids=b"),
        ("csv", ["a", "b"], "ids=a%2Cb"),
        ("ssv", ["a", "b"], "ids=a+b"),
        ("pipes", ["a", "b"], "ids=a%7Cb"),
        ("deep", {"role": "admin", "age": 3}, "ids%5Brole%5D=admin&ids%5Bage%5D=3"),
        (None, {"role": "admin", "age": 3}, "role=admin&age=3"),
        ("csv", {"role": "admin", "age": 3}, "ids=role%2Cadmin%2Cage%2C3"),
        ("json", {"role": ["a"]}, "ids=%7B%22role%22%3A%5B%22a%22%5D%7D"),
    ],
)
def test_query_styles(style: str | None, value: object, query: str) -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](
        method="GET",
        path="/things",
        responses={"200": None},
        query_styles={"ids": style} if style else {},
    )
    recorder.client().request(endpoint, query={"ids": value})
    assert recorder.requests[0].url.query.decode() == query


def test_raw_bytes_and_text_responses() -> None:
    png = Recorder(body=b"\x89PNG\x00", content_type="image/png")
    endpoint = Endpoint[bytes](method="GET", path="/img", responses={"200": bytes})
    assert png.client().request(endpoint) == b"\x89PNG\x00"
    text = Recorder(body="plain ✓".encode(), content_type="text/plain")
    endpoint_text = Endpoint[str](method="GET", path="/t", responses={"200": RawText})
    assert text.client().request(endpoint_text) == "plain ✓"


def test_array_header_uses_the_simple_style() -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](method="GET", path="/things", responses={"200": None})
    recorder.client().request(endpoint, headers={"X-Ids": ["1", "2"]})
    assert recorder.requests[0].headers["x-ids"] == "1,2"


class Ids(Sequence[str]):
    """A sequence of the caller's own, neither a list nor a tuple."""

    def __init__(self, *ids: str) -> None:
        self._ids = ids

    def __getitem__(self, index: Any) -> Any:
        return self._ids[index]

    def __len__(self) -> int:
        return len(self._ids)


ARRAYS = [("1", "2"), deque(["1", "2"]), Ids("1", "2"), range(1, 3)]


@pytest.mark.parametrize("value", ARRAYS, ids=lambda value: type(value).__name__)
def test_any_sequence_header_uses_the_simple_style(value: Sequence[object]) -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](method="GET", path="/things", responses={"200": None})
    recorder.client().request(endpoint, headers={"X-Ids": value, "X-One": "a,b"})
    assert recorder.requests[0].headers["x-ids"] == "1,2"
    assert recorder.requests[0].headers["x-one"] == "a,b"  # text is one value


@pytest.mark.parametrize("value", ARRAYS, ids=lambda value: type(value).__name__)
@pytest.mark.parametrize(("style", "query"), [(None, "ids=1&ids=2"), ("csv", "ids=1%2C2")])
def test_any_sequence_query_value_is_an_array(
    value: Sequence[object], style: str | None, query: str
) -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](
        method="GET",
        path="/things",
        responses={"200": None},
        query_styles={"ids": style} if style else {},
    )
    recorder.client().request(endpoint, query={"ids": value, "name": "a,b"})
    assert recorder.requests[0].url.query.decode() == f"{query}&name=a%2Cb"


def test_any_mapping_query_value_is_an_object() -> None:
    recorder = Recorder()
    endpoint = Endpoint[None](
        method="GET", path="/things", responses={"200": None}, query_styles={"f": "deep"}
    )
    recorder.client().request(endpoint, query={"f": MappingProxyType({"role": "admin"})})
    assert recorder.requests[0].url.query.decode() == "f%5Brole%5D=admin"
