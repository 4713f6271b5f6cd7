"""Credentials never reach another origin, whatever httpx client the caller brings.

Two real servers on 127.0.0.1 (two ports, so two origins): the API answers every call
with a redirect to the other one, which records what reaches it. The runtime never
follows redirects, so the 3xx is raised and the other origin sees nothing, even with a
caller's client configured to follow redirects.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from support.local_server import Exchange, LocalServer
from voice_clients import APIStatusError
from voice_clients.polyai import AsyncPolyAI, PolyAI
from voice_clients.retell import AsyncRetell, Retell

SECRET = "sk-live-0a1b2c3d4e5f"


@contextmanager
def _redirect_to_other_origin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """The API's base URL, and the headers of every request the other origin received."""
    received: list[dict[str, str]] = []

    def other(exchange: Exchange) -> None:
        exchange.body()
        received.append({k.lower(): v for k, v in exchange.headers.items()})
        exchange.start(200, {"Content-Type": "application/json"}, content_length=2)
        exchange.write(b"{}")

    with LocalServer(other).running() as other_origin:

        def api(exchange: Exchange) -> None:
            exchange.body()
            location = f"{other_origin.url}/collect{exchange.handler.path}"
            exchange.start(302, {"Location": location}, content_length=0)

        with LocalServer(api).running() as server:
            yield server.url, received


def _polyai_call(client: Any) -> Any:
    return client.phone_numbers.get("agent-1", "+447700900123")


def _retell_call(client: Any) -> Any:
    return client.phone_number.import_(phone_number="+14157774444", termination_uri="x.test")


def _sent_to_the_api(client_class: Any, call: Any) -> dict[str, str]:
    """The headers the call sends, through a mock transport (the credential is among them)."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(302, headers={"Location": "http://elsewhere.test/"})

    http_client = httpx.Client(transport=httpx.MockTransport(answer))
    with pytest.raises(APIStatusError):
        call(client_class(api_key=SECRET, base_url="http://api.test", http_client=http_client))
    return {k.lower(): v for k, v in sent[0].headers.items()}


CASES = [
    pytest.param(PolyAI, AsyncPolyAI, _polyai_call, "x-api-key", SECRET, id="x-api-key"),
    pytest.param(
        Retell, AsyncRetell, _retell_call, "authorization", f"Bearer {SECRET}", id="bearer"
    ),
]


@pytest.mark.parametrize(("sync_class", "async_class", "call", "header", "value"), CASES)
def test_sync_credentials_stay_at_their_origin(
    sync_class: Any, async_class: Any, call: Any, header: str, value: str
) -> None:
    with _redirect_to_other_origin() as (base_url, received):
        with httpx.Client(follow_redirects=True) as http_client:
            client = sync_class(api_key=SECRET, base_url=base_url, http_client=http_client)
            with pytest.raises(APIStatusError) as caught:
                call(client)
        assert caught.value.status_code == 302
        assert received == []
        assert header in _sent_to_the_api(sync_class, call)
        # The judge is awake: that caller's client, used directly, carries a custom
        # credential header to the other origin (httpx strips only Authorization).
        with httpx.Client(follow_redirects=True) as http_client:
            http_client.get(f"{base_url}/probe", headers={"x-api-key": SECRET})
        assert [r.get("x-api-key") for r in received] == [SECRET]


@pytest.mark.parametrize(("sync_class", "async_class", "call", "header", "value"), CASES)
def test_async_credentials_stay_at_their_origin(
    sync_class: Any, async_class: Any, call: Any, header: str, value: str
) -> None:
    async def main(base_url: str) -> int:
        async with httpx.AsyncClient(follow_redirects=True) as http_client:
            client = async_class(api_key=SECRET, base_url=base_url, http_client=http_client)
            with pytest.raises(APIStatusError) as caught:
                await call(client)
            return caught.value.status_code

    with _redirect_to_other_origin() as (base_url, received):
        assert asyncio.run(main(base_url)) == 302
        assert received == []
