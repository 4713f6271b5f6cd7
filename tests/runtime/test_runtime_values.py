"""Dates, times, UUIDs and decimals read the same in every location as in a JSON body."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from email.parser import BytesParser
from email.policy import HTTP
from enum import Enum
from typing import Any, ClassVar
from urllib.parse import parse_qsl, unquote

import httpx
import msgspec
import pytest
from runtime import ClientConfig, Endpoint, SyncAPIClient
from runtime._models import RequestModel
from runtime._text import to_text

UTC = datetime.timezone.utc
WHEN = datetime.datetime(2019, 12, 27, 18, 11, 19, 117000, tzinfo=UTC)
PARIS = datetime.datetime(
    2019, 12, 27, 19, 11, 19, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
)
DAY = datetime.date(2019, 12, 27)
TIME = datetime.time(18, 11, 19)
ID = uuid.UUID("1b4e28ba-2fa1-11d2-883f-0016d3cca427")


class Level(Enum):
    HIGH = 3


# (value, its text): what msgspec writes for it inside a JSON body, without the quotes.
VALUES: list[tuple[object, str]] = [
    (WHEN, "2019-12-27T18:11:19.117000Z"),
    (PARIS, "2019-12-27T19:11:19+01:00"),
    (datetime.datetime(2019, 12, 27, 18, 11), "2019-12-27T18:11:00"),
    (DAY, "2019-12-27"),
    (TIME, "18:11:19"),
    (ID, "1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
    (Decimal("1.10"), "1.10"),
    (Level.HIGH, "3"),
    (True, "true"),
    (7, "7"),
    ("as is", "as is"),
]
IDS = [type(value).__name__ + "-" + text for value, text in VALUES]


@pytest.mark.parametrize(("value", "text"), VALUES, ids=IDS)
def test_each_value_is_spelled_as_in_json(value: object, text: str) -> None:
    assert to_text(value) == text
    if not isinstance(value, Enum):
        assert msgspec.json.encode(value).decode().strip('"') == text


class Client(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(
        name="Test", user_agent="test", servers={"default": "https://api.test"}
    )


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(204)

    def send(self, endpoint: Endpoint[None], **arguments: Any) -> httpx.Request:
        client = Client(http_client=httpx.Client(transport=httpx.MockTransport(self)))
        client.request(endpoint, **arguments)
        return self.requests[-1]


def _get(path: str = "/things", **extra: Any) -> Endpoint[None]:
    return Endpoint[None](method="GET", path=path, responses={"204": None}, **extra)


@pytest.mark.parametrize(("value", "text"), VALUES, ids=IDS)
def test_path(value: object, text: str) -> None:
    request = Recorder().send(_get("/at/{when}", path_params=("when",)), path=(value,))
    assert unquote(request.url.raw_path.decode()) == f"/at/{text}"


@pytest.mark.parametrize(("value", "text"), VALUES, ids=IDS)
def test_query(value: object, text: str) -> None:
    request = Recorder().send(_get(), query={"since": value})
    assert parse_qsl(request.url.query.decode()) == [("since", text)]


@pytest.mark.parametrize(("value", "text"), VALUES, ids=IDS)
def test_header(value: object, text: str) -> None:
    request = Recorder().send(_get(), headers={"X-Since": value})
    assert request.headers["x-since"] == text


@pytest.mark.parametrize(("value", "text"), VALUES, ids=IDS)
def test_cookie(value: object, text: str) -> None:
    request = Recorder().send(_get(), cookies={"since": value})
    assert request.headers["cookie"] == f"since={text}"


@pytest.mark.parametrize(
    ("style", "query"),
    [
        (None, [("at", "2019-12-27T18:11:19.117000Z"), ("at", "2019-12-27")]),
        ("csv", [("at", "2019-12-27T18:11:19.117000Z,2019-12-27")]),
        ("pipes", [("at", "2019-12-27T18:11:19.117000Z|2019-12-27")]),
    ],
)
def test_query_arrays(style: str | None, query: list[tuple[str, str]]) -> None:
    endpoint = _get(query_styles={"at": style} if style else {})
    request = Recorder().send(endpoint, query={"at": [WHEN, DAY]})
    assert parse_qsl(request.url.query.decode()) == query


@pytest.mark.parametrize(
    ("style", "query"),
    [
        (None, [("from", "2019-12-27T18:11:19.117000Z"), ("day", "2019-12-27")]),
        ("deep", [("range[from]", "2019-12-27T18:11:19.117000Z"), ("range[day]", "2019-12-27")]),
        ("csv", [("range", "from,2019-12-27T18:11:19.117000Z,day,2019-12-27")]),
    ],
)
def test_query_objects(style: str | None, query: list[tuple[str, str]]) -> None:
    endpoint = _get(query_styles={"range": style} if style else {})
    request = Recorder().send(endpoint, query={"range": {"from": WHEN, "day": DAY}})
    assert parse_qsl(request.url.query.decode()) == query


def test_header_arrays() -> None:
    request = Recorder().send(_get(), headers={"X-At": [WHEN, ID]})
    assert (
        request.headers["x-at"]
        == "2019-12-27T18:11:19.117000Z,1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    )


class Window(RequestModel, kw_only=True):
    start: datetime.datetime
    day: datetime.date
    days: list[datetime.date] | msgspec.UnsetType = msgspec.UNSET


def _post(encoding: str) -> Endpoint[None]:
    return Endpoint[None](
        method="POST",
        path="/windows",
        responses={"204": None},
        request_type=Window,
        encoding=encoding,
    )


WINDOW = Window(start=WHEN, day=DAY, days=[DAY, datetime.date(2020, 1, 2)])
WINDOW_FIELDS = [
    ("start", "2019-12-27T18:11:19.117000Z"),
    ("day", "2019-12-27"),
    ("days", "2019-12-27"),
    ("days", "2020-01-02"),
]


def test_urlencoded_form_fields() -> None:
    request = Recorder().send(_post("form"), body=WINDOW)
    assert parse_qsl(request.content.decode()) == WINDOW_FIELDS


def test_multipart_fields() -> None:
    request = Recorder().send(_post("multipart"), body=WINDOW)
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    parts = BytesParser(policy=HTTP).parsebytes(head + request.content).iter_parts()
    fields = [(p.get_param("name", header="content-disposition"), p.get_content()) for p in parts]
    assert fields == WINDOW_FIELDS


def test_header_and_cookie_objects_and_arrays_are_not_sent_as_python_reprs() -> None:
    window = {"from": WHEN, "day": DAY}
    request = Recorder().send(
        _get(), headers={"X-Window": window}, cookies={"window": window, "days": [DAY, DAY]}
    )
    assert request.headers["x-window"] == "from,2019-12-27T18:11:19.117000Z,day,2019-12-27"
    assert request.headers["cookie"] == (
        "window=from,2019-12-27T18:11:19.117000Z,day,2019-12-27; days=2019-12-27,2019-12-27"
    )
