"""Per-call options are checked where the method receives them, before anything is sent."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest


def _client(polyai: ModuleType, sent: list[httpx.Request]) -> Any:
    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"entries": [], "totalCount": 0})

    http = httpx.Client(transport=httpx.MockTransport(record))
    return polyai.PolyaiS(base_url="https://polyai.test", http_client=http)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("max_retries", "3", "expected a non-negative int, got '3'"),
        ("max_retries", None, "expected a non-negative int, got None"),
        ("max_retries", -1, "expected a non-negative int, got -1"),
        ("max_retries", True, "expected a non-negative int, got True"),
        ("timeout", "abc", "expected seconds (a number), an httpx.Timeout or None, got 'abc'"),
        ("timeout", -1.0, "expected a non-negative number, got -1.0"),
        ("timeout", float("nan"), "expected a non-negative number, got nan"),
        ("extra_headers", [("a", "b")], "expected a mapping or None, got list"),
        ("extra_headers", {"X-Id": 1}, "expected str names and values, got 'X-Id': 1"),
        ("extra_query", "a=b", "expected a mapping or None, got str"),
        ("extra_body", 1, "expected a mapping or None, got int"),
    ],
)
def test_a_bad_option_is_rejected_before_sending(
    polyai: ModuleType, option: str, value: object, message: str
) -> None:
    sent: list[httpx.Request] = []
    client = _client(polyai, sent)
    with pytest.raises(polyai.RequestValidationError) as caught:
        client.audio_cache.get_file("a", "e", **{option: value})
    assert str(caught.value) == f"{option}: {message}"
    assert caught.value.path == option
    assert sent == []


def test_good_options_reach_the_request(polyai: ModuleType) -> None:
    sent: list[httpx.Request] = []
    client = _client(polyai, sent)
    client.audio_cache.get_file(
        "a",
        "e",
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": 1},
        timeout=httpx.Timeout(3.0),
        max_retries=0,
    )
    (request,) = sent
    assert request.headers["X-Trace"] == "t1"
    assert request.url.params["debug"] == "1"
    assert request.extensions["timeout"]["read"] == 3.0


@pytest.mark.anyio
async def test_async_bad_option_is_rejected_before_sending(polyai: ModuleType) -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    http = httpx.AsyncClient(transport=httpx.MockTransport(record))
    client = polyai.AsyncPolyaiS(base_url="https://polyai.test", http_client=http)
    with pytest.raises(polyai.RequestValidationError, match="max_retries"):
        await client.audio_cache.upload_file("a", "e", body=b"x", max_retries="3")
    assert sent == []
    await http.aclose()
