"""Retries, backoff, timeouts and dropped connections, against real servers on 127.0.0.1."""

from __future__ import annotations

import logging
import random
import time
from email.utils import formatdate

import pytest
from runtime import (
    APIConnectionError,
    APITimeoutError,
    ConflictError,
    InternalServerError,
    RateLimitError,
    RequestOptions,
    _retries,
)
from runtime_support import (
    API_KEY,
    IMPORT,
    IMPORT_OK_BYTES,
    AsyncPoly,
    DroppingServer,
    PhoneNumberSpec,
    Poly,
)
from support.local_server import ScriptedServer

NUMBERS = [PhoneNumberSpec(phone_number="+1")]
OK = (201, {"Content-Type": "application/json"}, IMPORT_OK_BYTES)
IMPORT_PATH = "/v1/agents/a/telephony/phone-numbers"


def status(code: int, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return (code, {name.replace("_", "-"): value for name, value in headers.items()}, b"{}")


@pytest.mark.parametrize("code", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried(code: int, sleeps: list[float]) -> None:
    with ScriptedServer(status(code), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url)
        raw = client.phone_numbers.with_raw_response.import_("a", phone_numbers=NUMBERS)
        client.close()

    assert raw.status_code == 201
    assert raw.retries_taken == 1
    assert raw.elapsed.total_seconds() > 0
    assert raw.parse().count == 1
    assert server.paths == [IMPORT_PATH, IMPORT_PATH]
    assert len(sleeps) == 1
    assert 0.375 <= sleeps[0] <= 0.5


def test_gives_up_after_max_retries_with_growing_backoff(
    sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    with ScriptedServer(status(503)).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=5)
        with pytest.raises(InternalServerError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()

    assert caught.value.retries_taken == 5
    assert caught.value.status_code == 503
    assert len(server.paths) == 6
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]


def test_backoff_is_capped_and_jittered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(random, "random", lambda: 1.0)
    assert _retries.retry_delay(None, 0) == 0.375
    assert _retries.retry_delay(None, 10) == 6.0


def test_per_call_max_retries(sleeps: list[float]) -> None:
    with ScriptedServer(status(500), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=3)
        with pytest.raises(InternalServerError) as caught:
            client.request(
                IMPORT,
                path=("a",),
                body={"phoneNumbers": []},
                options=RequestOptions(max_retries=0),
            )
        client.close()
    assert caught.value.retries_taken == 0
    assert len(server.paths) == 1
    assert sleeps == []


def test_conflict_is_never_retried(sleeps: list[float]) -> None:
    with ScriptedServer(status(409), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url)
        with pytest.raises(ConflictError):
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()
    assert len(server.paths) == 1
    assert sleeps == []


def test_x_should_retry_overrides_the_status(sleeps: list[float]) -> None:
    with ScriptedServer(status(409, x_should_retry="true"), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url)
        assert client.phone_numbers.import_("a", phone_numbers=NUMBERS).count == 1
    assert len(server.paths) == 2

    with ScriptedServer(status(503, x_should_retry="false"), OK).running() as server:
        with pytest.raises(InternalServerError):
            client.with_options(base_url=server.url).phone_numbers.import_(
                "a", phone_numbers=NUMBERS
            )
        client.close()
    assert len(server.paths) == 1


@pytest.mark.parametrize(
    ("headers", "low", "high"),
    [
        ({"Retry-After": "2"}, 2.0, 2.0),
        ({"Retry-After": "0.25"}, 0.25, 0.25),
        ({"retry-after-ms": "150"}, 0.15, 0.15),
        ({"retry-after-ms": "40", "Retry-After": "9"}, 0.04, 0.04),
        ({"Retry-After": "+30s"}, 28.5, 30.0),  # an HTTP date 30 s from now
        ({"Retry-After": "120"}, 0.375, 0.5),  # over the cap: ordinary backoff
        ({"Retry-After": "soon"}, 0.375, 0.5),
        ({"Retry-After": "-30s"}, 0.375, 0.5),  # an HTTP date in the past
        # Asking for no wait at all gets the ordinary backoff as a floor.
        ({"Retry-After": "0"}, 0.375, 0.5),
        ({"Retry-After": "-5"}, 0.375, 0.5),
        ({"retry-after-ms": "0"}, 0.375, 0.5),
        ({"retry-after-ms": "-100", "Retry-After": "0"}, 0.375, 0.5),
    ],
)
def test_retry_after(headers: dict[str, str], low: float, high: float, sleeps: list[float]) -> None:
    value = headers.get("Retry-After", "")
    if value.endswith("s") and value[0] in "+-":
        headers = {"Retry-After": formatdate(time.time() + float(value[:-1]), usegmt=True)}
    with ScriptedServer((429, headers, b"{}"), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url)
        assert client.phone_numbers.import_("a", phone_numbers=NUMBERS).count == 1
        client.close()
    assert len(sleeps) == 1
    assert low <= sleeps[0] <= high


@pytest.mark.anyio
async def test_async_retries_then_rate_limit_error(sleeps: list[float]) -> None:
    script = [(429, {"Retry-After": "1"}, b'{"message": "slow down"}')]
    with ScriptedServer(*script).running() as server:
        async with AsyncPoly(api_key=API_KEY, base_url=server.url, max_retries=2) as client:
            with pytest.raises(RateLimitError) as caught:
                await client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert caught.value.retries_taken == 2
    assert caught.value.body.message == "slow down"
    assert sleeps == [1.0, 1.0]
    assert len(server.paths) == 3


@pytest.mark.anyio
async def test_async_retry_then_success(sleeps: list[float]) -> None:
    with ScriptedServer(status(502), OK).running() as server:
        async with AsyncPoly(api_key=API_KEY, base_url=server.url) as client:
            result = await client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert result.count == 1
    assert len(sleeps) == 1


def test_timeouts_are_retried_then_raised(sleeps: list[float]) -> None:
    with ScriptedServer(5.0).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, timeout=0.05, max_retries=1)
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        took = time.monotonic() - started
        client.close()
    assert caught.value.retries_taken == 1
    url = f"{server.url}/v1/agents/a/telephony/phone-numbers"
    assert str(caught.value) == f"Request timed out: POST {url}"
    assert len(server.paths) == 2
    assert len(sleeps) == 1
    assert took < 2.0


def test_per_call_timeout_overrides_the_client(sleeps: list[float]) -> None:
    with ScriptedServer(5.0).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, timeout=30.0, max_retries=0)
        with pytest.raises(APITimeoutError):
            client.phone_numbers.import_("a", phone_numbers=NUMBERS, timeout=0.05)
        client.close()


@pytest.mark.anyio
async def test_async_timeout(sleeps: list[float]) -> None:
    with ScriptedServer(5.0).running() as server:
        async with AsyncPoly(
            api_key=API_KEY, base_url=server.url, timeout=0.05, max_retries=2
        ) as client:
            with pytest.raises(APITimeoutError) as caught:
                await client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert caught.value.retries_taken == 2
    assert len(server.paths) == 3


@pytest.mark.parametrize(
    "reply",
    [b"", b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"imp', b"HTTP/1.1 20"],
    ids=["no-answer", "mid-body", "mid-status-line"],
)
def test_dropped_connections_are_retried_then_raised(reply: bytes, sleeps: list[float]) -> None:
    with DroppingServer(reply).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=2)
        with pytest.raises(APIConnectionError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()
    assert type(caught.value) is APIConnectionError
    assert caught.value.retries_taken == 2
    assert str(caught.value).startswith("Connection error (")
    assert server.connections == 3
    assert len(sleeps) == 2


@pytest.mark.anyio
async def test_async_dropped_connection(sleeps: list[float]) -> None:
    with DroppingServer().running() as server:
        async with AsyncPoly(api_key=API_KEY, base_url=server.url, max_retries=1) as client:
            with pytest.raises(APIConnectionError) as caught:
                await client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert caught.value.retries_taken == 1
    assert server.connections == 2


def test_connection_refused(sleeps: list[float]) -> None:
    with DroppingServer().running() as server:
        url = server.url
    client = Poly(api_key=API_KEY, base_url=url, max_retries=1)
    with pytest.raises(APIConnectionError) as caught:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    client.close()
    assert caught.value.retries_taken == 1
    assert "ConnectError" in str(caught.value)


def test_each_attempt_and_retry_is_logged(
    sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    with ScriptedServer(status(503), OK).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url)
        with caplog.at_level(logging.DEBUG, logger="runtime"):
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()
    messages = [r.getMessage() for r in caplog.records if r.name == "runtime"]
    url = f"{server.url}{IMPORT_PATH}"
    assert messages[0] == f"Sending POST {url} (attempt 1)"
    assert messages[1].startswith(f"Retrying POST {url} in 0.")
    assert messages[1].endswith("s after HTTP 503")
    assert messages[2] == f"Sending POST {url} (attempt 2)"


def test_the_real_sleep_waits() -> None:
    started = time.monotonic()
    _retries.sleep(0.02)
    assert time.monotonic() - started >= 0.02


@pytest.mark.anyio
async def test_the_real_async_sleep_waits() -> None:
    started = time.monotonic()
    await _retries.async_sleep(0.02)
    assert time.monotonic() - started >= 0.02
