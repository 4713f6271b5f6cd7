"""Streamed responses read as JSON or text, and the async raw response's awaited json(), as
code written against the Stainless SDKs reads them."""

from __future__ import annotations

import asyncio
import json

import httpx
from voice_clients.retell import AsyncRetell, Retell

BODY = {"phone_number": "+14157774444", "last_modification_timestamp": 1}


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, content=json.dumps(BODY).encode())


ARGUMENTS = {"phone_number": "+14157774444", "termination_uri": "x.pstn.twilio.com"}


def test_a_streamed_response_reads_as_json_and_as_text() -> None:
    client = Retell(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(_answer)))
    with client.phone_number.with_streaming_response.import_(**ARGUMENTS) as response:
        assert response.json() == BODY
    with client.phone_number.with_streaming_response.import_(**ARGUMENTS) as response:
        assert json.loads(response.text()) == BODY


def test_async_streamed_and_raw_responses_await_json() -> None:
    async def run() -> tuple[object, object, str]:
        transport = httpx.MockTransport(_answer)
        client = AsyncRetell(api_key="k", http_client=httpx.AsyncClient(transport=transport))
        raw = await client.phone_number.with_raw_response.import_(**ARGUMENTS)
        async with client.phone_number.with_streaming_response.import_(**ARGUMENTS) as streamed:
            streamed_json = await streamed.json()
        async with client.phone_number.with_streaming_response.import_(**ARGUMENTS) as streamed:
            text = await streamed.text()
        return await raw.json(), streamed_json, text

    raw_json, streamed_json, text = asyncio.run(run())
    assert raw_json == streamed_json == json.loads(text) == BODY
