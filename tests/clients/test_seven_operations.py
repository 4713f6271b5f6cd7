"""Every operation of every API, sync and async: the exact request and the decoded value."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from recorder import Recorder
from voice_clients.cartesia import AsyncCartesia, Cartesia
from voice_clients.cartesia.models import PhoneNumberResponse as CartesiaNumber
from voice_clients.cartesia.models import TwilioProviderResponse
from voice_clients.polyai import AsyncPolyAI, PolyAI
from voice_clients.polyai.models import (
    BatchGetPhoneNumbersResponse,
    DeletePhoneNumbersResponse,
    GetPhoneNumbersResponse,
    ImportPhoneNumbersResponse,
    PhoneNumberResponse,
)
from voice_clients.retell import AsyncRetell, Retell
from voice_clients.retell.models import PhoneNumberResponse as RetellNumber

POLY_NUMBER = {
    "number": "+447700900123",
    "projectId": "proj-1",
    "accountId": "acct-1",
    "clientEnv": "live",
    "connectorId": "conn-1",
}
CARTESIA_NUMBER = {
    "id": "pn_1",
    "label": "Front desk",
    "number": "+14155551234",
    "agent": None,
    "created_at": "2026-03-01T12:00:00Z",
    "updated_at": "2026-03-02T12:00:00Z",
    "provider": {
        "type": "twilio",
        "id": "prov_1",
        "account_sid": "AC123",
        "api_key_sid": "SK***",
        "region": "us1",
    },
}
RETELL_NUMBER = {
    "phone_number": "+14157774444",
    "phone_number_type": "custom",
    "last_modification_timestamp": 1703413636133,
    "inbound_agents": [{"agent_id": "agent_a", "weight": 1, "agent_version": 3}],
    "sip_outbound_trunk_config": {"termination_uri": "someuri.pstn.twilio.com"},
}


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def call(mode: str, recorder: Recorder, factory: Any, async_factory: Any, invoke: Any) -> Any:
    """Run one call through the sync or the async client against `recorder`."""
    if mode == "sync":
        with factory(api_key="test-key", http_client=recorder.sync_client()) as client:
            return invoke(client)

    import asyncio

    async def run() -> Any:
        async with async_factory(api_key="test-key", http_client=recorder.async_client()) as client:
            return await invoke(client)

    return asyncio.run(run())


def test_polyai_list(mode: str) -> None:
    recorder = Recorder(body={"phoneNumbers": [POLY_NUMBER]})
    result = call(
        mode,
        recorder,
        PolyAI,
        AsyncPolyAI,
        lambda c: c.phone_numbers.list("agent-1", connector_id="conn-1"),
    )
    request = recorder.last
    assert request.method == "GET"
    assert str(request.url) == (
        "https://api.us.poly.ai/v1/agents/agent-1/telephony/phone-numbers?connectorId=conn-1"
    )
    assert request.headers["x-api-key"] == "test-key"
    assert request.content == b""
    assert isinstance(result, GetPhoneNumbersResponse)
    assert result.phone_numbers == [
        PhoneNumberResponse(
            number="+447700900123",
            project_id="proj-1",
            account_id="acct-1",
            client_env="live",
            connector_id="conn-1",
        )
    ]


def test_polyai_import(mode: str) -> None:
    recorder = Recorder(status=201, body={"imported": ["+447700900123"]})
    result = call(
        mode,
        recorder,
        PolyAI,
        AsyncPolyAI,
        lambda c: c.phone_numbers.import_(agent_id="agent-1", phone_numbers=["+447700900123"]),
    )
    request = recorder.last
    assert request.method == "POST"
    assert request.url.path == "/v1/agents/agent-1/telephony/phone-numbers"
    assert request.headers["content-type"] == "application/json"
    # clientEnv was not given: omitted, not sent as null or as the default.
    assert request.content == b'{"phoneNumbers":["+447700900123"]}'
    assert result == ImportPhoneNumbersResponse(imported=["+447700900123"])


def test_polyai_delete_sends_a_json_body_and_decodes_per_number_errors(mode: str) -> None:
    recorder = Recorder(
        body={
            "deleted": ["+447700900123"],
            "errors": [{"phoneNumber": "+447700900999", "error": "not owned"}],
        }
    )
    result = call(
        mode,
        recorder,
        PolyAI,
        AsyncPolyAI,
        lambda c: c.phone_numbers.delete(
            "agent-1", phone_numbers=["+447700900123", "+447700900999"]
        ),
    )
    request = recorder.last
    assert request.method == "DELETE"
    assert request.url.path == "/v1/agents/agent-1/telephony/phone-numbers"
    assert recorder.last_json() == {"phoneNumbers": ["+447700900123", "+447700900999"]}
    assert isinstance(result, DeletePhoneNumbersResponse)
    assert result.deleted == ["+447700900123"]
    assert result.errors is not None
    assert (result.errors[0].phone_number, result.errors[0].error) == ("+447700900999", "not owned")


def test_polyai_batch_get_with_not_found(mode: str) -> None:
    recorder = Recorder(body={"found": [POLY_NUMBER], "notFound": ["+447700900999"]})
    result = call(
        mode,
        recorder,
        PolyAI,
        AsyncPolyAI,
        lambda c: c.phone_numbers.batch_get(
            "agent-1", phone_numbers=["+447700900123", "+447700900999"]
        ),
    )
    request = recorder.last
    assert (request.method, request.url.path) == (
        "POST",
        "/v1/agents/agent-1/telephony/phone-numbers/batch",
    )
    assert recorder.last_json() == {"phoneNumbers": ["+447700900123", "+447700900999"]}
    assert isinstance(result, BatchGetPhoneNumbersResponse)
    assert result.not_found == ["+447700900999"]
    assert result.found[0].number == "+447700900123"


def test_polyai_get_encodes_the_phone_number_as_one_segment(mode: str) -> None:
    recorder = Recorder(body=POLY_NUMBER)
    result = call(
        mode,
        recorder,
        PolyAI,
        AsyncPolyAI,
        lambda c: c.phone_numbers.get("agent-1", "+447700900123"),
    )
    assert recorder.last.method == "GET"
    assert recorder.last.url.raw_path == (
        b"/v1/agents/agent-1/telephony/phone-numbers/%2B447700900123"
    )
    assert isinstance(result, PhoneNumberResponse)
    assert result.connector_id == "conn-1"


def test_polyai_region_selects_the_server(mode: str) -> None:
    recorder = Recorder(body={"phoneNumbers": []})

    def invoke(client: Any) -> Any:
        return client.with_options(region="eu").phone_numbers.list("a")

    call(mode, recorder, PolyAI, AsyncPolyAI, invoke)
    assert recorder.last.url.host == "api.eu.poly.ai"


def test_cartesia_import(mode: str) -> None:
    recorder = Recorder(status=201, body=CARTESIA_NUMBER)
    result = call(
        mode,
        recorder,
        Cartesia,
        AsyncCartesia,
        lambda c: c.phone_numbers.import_(
            label="Front desk",
            number="+14155551234",
            provider={"type": "twilio", "account_sid": "AC123", "region": "us1"},
        ),
    )
    request = recorder.last
    assert (request.method, str(request.url)) == (
        "POST",
        "https://api.cartesia.ai/agents/phone-numbers",
    )
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["cartesia-version"] == "2026-03-01"
    assert recorder.last_json() == {
        "label": "Front desk",
        "number": "+14155551234",
        "provider": {"type": "twilio", "account_sid": "AC123", "region": "us1"},
    }
    assert isinstance(result, CartesiaNumber)
    assert result.created_at == datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.timezone.utc)
    assert result.agent is None
    assert isinstance(result.provider, TwilioProviderResponse)
    assert result.provider.region == "us1"


def test_retell_import(mode: str) -> None:
    recorder = Recorder(status=201, body=RETELL_NUMBER)
    result = call(
        mode,
        recorder,
        Retell,
        AsyncRetell,
        lambda c: c.phone_number.import_(
            phone_number="+14157774444",
            termination_uri="someuri.pstn.twilio.com",
            inbound_agents=[{"agent_id": "agent_a", "weight": 1, "agent_version": "prod"}],
            nickname="Front desk",
        ),
    )
    request = recorder.last
    assert (request.method, str(request.url)) == (
        "POST",
        "https://api.retellai.com/import-phone-number",
    )
    assert request.headers["authorization"] == "Bearer test-key"
    assert recorder.last_json() == {
        "phone_number": "+14157774444",
        "termination_uri": "someuri.pstn.twilio.com",
        "inbound_agents": [{"agent_id": "agent_a", "weight": 1, "agent_version": "prod"}],
        "nickname": "Front desk",
    }
    assert isinstance(result, RetellNumber)
    assert result.last_modification_timestamp == 1703413636133
    assert result.inbound_agents is not None and result.inbound_agents[0].agent_version == 3
    assert result.sip_outbound_trunk_config is not None
    assert result.sip_outbound_trunk_config.termination_uri == "someuri.pstn.twilio.com"
    assert result.nickname is None  # absent in the response
