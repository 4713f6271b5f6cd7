"""The generated clients under faults, against real servers on 127.0.0.1, sync and async.

PolyAI sends its key as an `x-api-key` header, Retell as a bearer token; each fault is
checked for both. (Retell's only operation has no path parameters, so the path argument
checks run on PolyAI alone.)
"""

from __future__ import annotations

import asyncio
import json
import time
import traceback
from collections.abc import Callable, Iterator
from enum import Enum, IntEnum
from typing import Any

import httpx
import pytest
from support.local_server import ScriptedServer, Step
from test_seven_operations import POLY_NUMBER, RETELL_NUMBER
from voice_clients import (
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    MissingAPIKeyError,
    RequestValidationError,
    ResponseValidationError,
)
from voice_clients._runtime import _retries
from voice_clients.polyai import AsyncPolyAI, PolyAI
from voice_clients.retell import AsyncRetell, Retell
from voice_clients.retell.models import BadRequestBody

KEY = "sk-live-4b1d9e07c2a84f6e"
PHONE = "+14155551234"
APIS = ["polyai", "retell"]
MODES = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
CLIENTS: dict[str, tuple[type[Any], type[Any]]] = {
    "polyai": (PolyAI, AsyncPolyAI),
    "retell": (Retell, AsyncRetell),
}
KEY_ENV = {"polyai": "POLYAI_API_KEY", "retell": "RETELL_API_KEY"}
IMPORTED = {
    "polyai": {"imported": [PHONE]},
    "retell": {**RETELL_NUMBER, "phone_number": PHONE},
}
RESULT_TYPE = {"polyai": "ImportPhoneNumbersResponse", "retell": "PhoneNumberResponse"}


def import_number(client: Any) -> Any:
    """Each API's import call (a coroutine for the async clients)."""
    if isinstance(client, PolyAI | AsyncPolyAI):
        return client.phone_numbers.import_("agent-1", phone_numbers=[PHONE])
    return client.phone_number.import_(phone_number=PHONE, termination_uri="sip.example.test")


def run(
    api: str, is_async: bool, action: Callable[[Any], Any] = import_number, **options: Any
) -> Any:
    """`action` on a fresh client of `api`, closed afterwards; raises what the call raises."""
    return outcomes(api, is_async, [action], **options)[0].result()


class Outcome:
    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value = value
        self.error = error

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


def outcomes(
    api: str, is_async: bool, actions: list[Callable[[Any], Any]], **options: Any
) -> list[Outcome]:
    """Each action's result or error, in turn on one fresh client of `api` (building
    clients is the slow part of these tests)."""
    sync_class, async_class = CLIENTS[api]
    options = {"api_key": KEY, "max_retries": 0, **options}
    found: list[Outcome] = []
    if not is_async:
        with sync_class(**options) as client:
            for action in actions:
                try:
                    found.append(Outcome(action(client)))
                except Exception as exc:
                    found.append(Outcome(error=exc))
        return found

    async def main() -> None:
        async with async_class(**options) as client:
            for action in actions:
                try:
                    found.append(Outcome(await action(client)))
                except Exception as exc:
                    found.append(Outcome(error=exc))

    asyncio.run(main())
    return found


def answer(status: int, body: object = None, **headers: str) -> Step:
    content = b"" if body is None else json.dumps(body).encode()
    return (status, {"Content-Type": "application/json", **headers}, content)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The waits between retries, recorded instead of slept."""
    waited: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(_retries, "sleep", waited.append)
    monkeypatch.setattr(_retries, "async_sleep", fake_async_sleep)
    yield waited


# -- error bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@MODES
def test_error_keeps_undocumented_fields_and_shows_the_vendor_message(
    api: str, is_async: bool
) -> None:
    vendor = {
        "error_code": "E164_INVALID",
        "message": "bad number",
        "details": [{"field": "phone_number"}],
    }
    with (
        ScriptedServer(answer(400, vendor)).running() as server,
        pytest.raises(BadRequestError) as caught,
    ):
        run(api, is_async, base_url=server.url)

    error = caught.value
    assert error.status_code == 400
    assert error.content == json.dumps(vendor).encode()
    assert error.json_body == vendor
    assert str(error) == "Error code: 400 - bad number"
    if api == "retell":  # documents a 400 body: typed, with the rest in json_body
        assert error.body == BadRequestBody(message="bad number")
    else:  # documents none: the body is the JSON
        assert error.body == vendor


@pytest.mark.parametrize("api", APIS)
@MODES
def test_error_message_never_shows_the_key(api: str, is_async: bool) -> None:
    vendor = {"error": {"message": f"API key {KEY} is not valid", "type": "auth"}}
    with (
        ScriptedServer(answer(401, vendor)).running() as server,
        pytest.raises(AuthenticationError) as caught,
    ):
        run(api, is_async, base_url=server.url)

    error = caught.value
    assert str(error) == "Error code: 401 - API key [redacted] is not valid"
    assert KEY not in repr(error)
    assert KEY not in "".join(traceback.format_exception(error))
    assert error.json_body == vendor  # the data stays as received


@pytest.mark.parametrize("api", APIS)
@MODES
def test_text_error_body_is_shown_shortened(api: str, is_async: bool) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    script: Step = (502, {"Content-Type": "text/html"}, page)
    with ScriptedServer(script).running() as server, pytest.raises(APIStatusError) as caught:
        run(api, is_async, base_url=server.url)

    assert str(caught.value) == "Error code: 502 - 502 Bad Gateway"
    assert caught.value.content == page
    assert caught.value.json_body is None


@pytest.mark.parametrize("api", APIS)
@MODES
def test_response_validation_error_keeps_the_body(api: str, is_async: bool) -> None:
    wrong = {"imported": "+1", "phone_number": 5, "surprise": True}
    with (
        ScriptedServer(answer(201, wrong)).running() as server,
        pytest.raises(ResponseValidationError) as caught,
    ):
        run(api, is_async, base_url=server.url)

    error = caught.value
    assert error.content == json.dumps(wrong).encode()
    assert error.json_body == wrong


@pytest.mark.parametrize("api", APIS)
@MODES
def test_empty_success_body_says_so(api: str, is_async: bool) -> None:
    contents = [b"", b" \r\n"]
    script = [(201, {"Content-Type": "application/json"}, content) for content in contents]
    with ScriptedServer(*script).running() as server:
        found = outcomes(api, is_async, [import_number] * len(contents), base_url=server.url)

    for content, outcome in zip(contents, found, strict=True):
        error = outcome.error
        assert isinstance(error, ResponseValidationError)
        message = str(error)
        assert message.endswith(f"empty response body, expected {RESULT_TYPE[api]} as JSON")
        assert "HTTP 201" in message
        assert "truncated" not in message
        assert error.content == content
        assert error.json_body is None


# -- redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@MODES
def test_unfollowed_redirect_names_the_location(api: str, is_async: bool) -> None:
    elsewhere = "https://elsewhere.example.test/v2/numbers"
    statuses = [301, 302, 307, 308]
    script = [answer(status, Location=elsewhere) for status in statuses]
    with ScriptedServer(*script).running() as server:
        found = outcomes(api, is_async, [import_number] * len(statuses), base_url=server.url)

    assert len(server.seen) == len(statuses)  # one request each: nothing was followed
    for status, outcome in zip(statuses, found, strict=True):
        error = outcome.error
        assert type(error) is APIStatusError
        assert str(error) == f"Error code: {status} - redirected to {elsewhere}; not followed"
        assert error.headers["location"] == elsewhere


# -- retry delays ------------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@MODES
def test_no_wait_asked_still_backs_off(api: str, is_async: bool, waits: list[float]) -> None:
    asks = [{"Retry-After": "0"}, {"Retry-After": "-1"}, {"retry-after-ms": "0"}]
    script: list[Step] = []
    for headers in asks:
        busy = answer(429, {"message": "slow down"}, **headers)
        script += [busy, busy, answer(201, IMPORTED[api])]
    with ScriptedServer(*script).running() as server:
        found = outcomes(
            api, is_async, [import_number] * len(asks), max_retries=2, base_url=server.url
        )

    assert [outcome.error for outcome in found] == [None] * len(asks)
    assert len(server.seen) == 3 * len(asks)
    # The ordinary backoff (0.5 s, then 1 s, less up to 25 % jitter) is the floor.
    assert len(waits) == 2 * len(asks)
    assert all(0.375 <= wait <= 0.5 for wait in waits[0::2])
    assert all(0.75 <= wait <= 1.0 for wait in waits[1::2])


@pytest.mark.parametrize("api", APIS)
@MODES
def test_positive_retry_after_is_followed(api: str, is_async: bool, waits: list[float]) -> None:
    busy = answer(503, None, **{"Retry-After": "0.2"})
    with ScriptedServer(busy, answer(201, IMPORTED[api])).running() as server:
        run(api, is_async, base_url=server.url, max_retries=1)

    assert waits == [0.2]
    assert len(server.seen) == 2


# -- timeouts with a caller's http_client ------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@MODES
def test_callers_client_with_httpx_default_timeout_gets_the_documented_one(
    api: str, is_async: bool
) -> None:
    sent: list[httpx.Request] = []

    async def record(request: httpx.Request) -> None:
        sent.append(request)

    with ScriptedServer(answer(201, IMPORTED[api])).running() as server:
        if is_async:
            http_client: Any = httpx.AsyncClient(event_hooks={"request": [record]})
        else:
            http_client = httpx.Client(event_hooks={"request": [sent.append]})
        assert http_client.timeout == httpx.Timeout(5.0)  # httpx's own default
        run(api, is_async, base_url=server.url, http_client=http_client)
        assert not http_client.is_closed  # the caller's client stays the caller's

    assert [request.extensions["timeout"] for request in sent] == [
        {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    ]


@pytest.mark.parametrize("api", APIS)
@MODES
def test_callers_own_timeout_wins(api: str, is_async: bool) -> None:
    with ScriptedServer(2.0).running() as server:
        timeout = httpx.Timeout(0.2)
        http_client: Any = (
            httpx.AsyncClient(timeout=timeout) if is_async else httpx.Client(timeout=timeout)
        )

        def action(client: Any) -> Any:
            assert client.timeout == timeout
            return import_number(client)

        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            run(api, is_async, action, base_url=server.url, http_client=http_client)
        elapsed = time.monotonic() - started

    assert 0.2 <= elapsed < 1.5


# -- repr of a client that failed to build -----------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@MODES
def test_repr_of_a_half_built_client_does_not_raise(
    api: str, is_async: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV[api], raising=False)
    client_class = CLIENTS[api][is_async]
    with pytest.raises(MissingAPIKeyError) as caught:
        client_class()

    # What an error tracker does: show the locals of every frame, `self` among them.
    report = traceback.TracebackException.from_exception(caught.value, capture_locals=True)
    text = "".join(report.format())
    assert f"self = <{client_class.__name__} (not configured)>" in text
    assert "repr() failed" not in text
    bare = object.__new__(client_class)
    assert repr(bare) == str(bare) == f"<{client_class.__name__} (not configured)>"


@pytest.mark.parametrize("api", APIS)
def test_repr_of_a_built_client_shows_the_base_url_and_not_the_key(api: str) -> None:
    client = CLIENTS[api][0](api_key=KEY, base_url="http://127.0.0.1:9")
    assert repr(client) == f"<{type(client).__name__} base_url='http://127.0.0.1:9'>"
    client.close()


# -- path arguments ----------------------------------------------------------------------------


class Env(str, Enum):
    LIVE = "live"


class Slot(IntEnum):
    FIRST = 1


def get_number(agent_id: object, phone_number: object) -> Callable[[Any], Any]:
    def action(client: Any) -> Any:
        return client.phone_numbers.get(agent_id, phone_number)

    return action


BAD_PATH_VALUES = [
    (None, "got NoneType"),
    (b"+1415", "got bytes"),
    (["+1415"], "got list"),
    (("+1415",), "got tuple"),
    ({"n": "+1415"}, "got dict"),
    (object(), "got object"),
    (float("nan"), "finite number"),
    ("", "must not be empty"),
    (".", "dot segment"),
    ("..", "dot segment"),
]


@MODES
def test_unsendable_path_argument_is_refused_before_sending(is_async: bool) -> None:
    actions = []
    for value, _ in BAD_PATH_VALUES:
        actions += [get_number("agent-1", value), get_number(value, PHONE)]
    with ScriptedServer(answer(200, POLY_NUMBER)).running() as server:
        found = outcomes("polyai", is_async, actions, base_url=server.url)

    assert server.seen == []
    for index, (value, reason) in enumerate(BAD_PATH_VALUES):
        second, first = found[2 * index].error, found[2 * index + 1].error
        assert isinstance(second, RequestValidationError), value
        assert isinstance(first, RequestValidationError), value
        assert second.path == "phone_number"
        assert first.path == "agent_id"
        assert str(second).startswith("phone_number: ")
        assert reason in str(second)


SENDABLE_PATH_VALUES = [
    ("+447700900123", "%2B447700900123"),
    ("...", "..."),
    ("a/../b", "a%2F..%2Fb"),
    (42, "42"),
    (2.5, "2.5"),
    (True, "true"),
    (Env.LIVE, "live"),
    (Slot.FIRST, "1"),
]


@MODES
def test_scalar_path_arguments_are_sent_as_one_segment(is_async: bool) -> None:
    actions = [get_number("agent-1", value) for value, _ in SENDABLE_PATH_VALUES]
    with ScriptedServer(answer(200, POLY_NUMBER)).running() as server:
        found = outcomes("polyai", is_async, actions, base_url=server.url)

    assert [outcome.error for outcome in found] == [None] * len(actions)
    assert [seen.path for seen in server.seen] == [
        f"/v1/agents/agent-1/telephony/phone-numbers/{segment}"
        for _, segment in SENDABLE_PATH_VALUES
    ]
