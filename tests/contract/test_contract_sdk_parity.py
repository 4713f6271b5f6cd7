"""Wire parity with the vendors' official SDKs (`retell-sdk`, `cartesia`), pinned as dev deps.

The official SDKs show what the vendors' servers actually receive. Both clients send the same
call through an `httpx.MockTransport`, and the two captured requests must agree on method,
URL, headers and JSON body. The differences that are intended are listed in
`INTENDED_HEADER_DIFFERENCES` with the reason; any other difference fails.

Cartesia's SDK has no method for importing a phone number; its generic `client.post` sends
the same route with the body as given.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import cartesia
import httpx
import pytest
import retell
from voice_clients.cartesia import AsyncCartesia, Cartesia
from voice_clients.retell import AsyncRetell, Retell

KEY = "sk-parity-key"
MODES = ("sync", "async")
SPEC_CARTESIA_VERSION = "2026-03-01"  # the one value the spec's `Cartesia-Version` allows
SDK_CARTESIA_VERSION = "2026-08-14"  # what cartesia 4.2.0 sends

INTENDED_HEADER_DIFFERENCES = {
    "user-agent": "each client names itself (Retell/Python 6.2.13, voice-clients/0.1.0 …)",
    "x-stainless-": "the SDKs' telemetry: OS, arch, runtime, package version, retry count",
    "x-cartesia-client": "the Cartesia SDK's telemetry (its name and version)",
    "cartesia-version": f"the Cartesia SDK sends {SDK_CARTESIA_VERSION}, newer than the spec"
    f" allows; we send the spec's {SPEC_CARTESIA_VERSION} (Prism rejects the SDK's value)",
}

RETELL_RESPONSE = {
    "phone_number": "+14157774444",
    "phone_number_type": "custom",
    "last_modification_timestamp": 1703413636133,
}
CARTESIA_RESPONSE = {
    "id": "pn_1",
    "label": "Front desk",
    "number": "+14155551234",
    "agent": None,
    "created_at": "2026-03-01T12:00:00Z",
    "updated_at": "2026-03-01T12:00:00Z",
    "provider": {"type": "cartesia"},
}

RETELL_CALLS: dict[str, dict[str, Any]] = {
    # Both clients put the two required properties first, in this order: bytes compare too.
    "required-only": {"phone_number": "+14157774444", "termination_uri": "someuri.pstn.twilio.com"},
    "every-argument": {
        "phone_number": "+14157774444",
        "termination_uri": "someuri.pstn.twilio.com",
        "ignore_e164_validation": False,
        "sip_trunk_auth_username": "username",
        "sip_trunk_auth_password": "123456",
        "inbound_agents": [
            {"agent_id": "agent_a", "weight": 0.25, "agent_version": 3},
            {"agent_id": "agent_b", "weight": 0.75, "agent_version": "prod"},
        ],
        "outbound_agents": None,
        "nickname": 'Réception ☎ "main"',
        "inbound_webhook_url": None,
        "allowed_inbound_country_list": ["US", "CA", "GB"],
        "allowed_outbound_country_list": [],
        "transport": "TLS",
    },
}
CARTESIA_CALLS: dict[str, dict[str, Any]] = {
    "provider-by-id": {
        "label": "Front desk",
        "number": "+14155551234",
        "provider": {"id": "prov_1"},
        "agent_id": "ag_1",
    },
    "provider-by-twilio-account": {
        "label": "Réception ☎",
        "number": "+14155551234",
        "provider": {"type": "twilio", "account_sid": "AC123", "region": "ie1"},
    },
}


class Capture:
    """A MockTransport handler that keeps every request and answers with one canned body."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(201, json=self.body)

    def only(self) -> httpx.Request:
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


@pytest.fixture(autouse=True)
def _no_vendor_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDKs read base URLs and extra headers from the environment; these must not leak."""
    for name in ("BASE_URL", "CUSTOM_HEADERS", "API_KEY"):
        for vendor in ("RETELL", "CARTESIA"):
            monkeypatch.delenv(f"{vendor}_{name}", raising=False)


SyncCall = Callable[[httpx.Client], object]
AsyncCall = Callable[[httpx.AsyncClient], Awaitable[object]]


def capture(mode: str, body: dict[str, Any], sync: SyncCall, run_async: AsyncCall) -> httpx.Request:
    """The one request a client sends for a call, captured at the transport."""
    recorder = Capture(body)
    transport = httpx.MockTransport(recorder)
    if mode == "sync":
        with httpx.Client(transport=transport) as http:
            sync(http)
    else:

        async def run() -> None:
            async with httpx.AsyncClient(transport=transport) as http:
                await run_async(http)

        asyncio.run(run())
    return recorder.only()


def sdk_retell(mode: str, arguments: dict[str, Any]) -> httpx.Request:
    async def run(http: httpx.AsyncClient) -> object:
        client = retell.AsyncRetell(api_key=KEY, http_client=http)
        return await client.phone_number.import_(**arguments)

    return capture(
        mode,
        RETELL_RESPONSE,
        lambda http: retell.Retell(api_key=KEY, http_client=http).phone_number.import_(**arguments),
        run,
    )


def ours_retell(mode: str, arguments: dict[str, Any]) -> httpx.Request:
    async def run(http: httpx.AsyncClient) -> object:
        return await AsyncRetell(api_key=KEY, http_client=http).phone_number.import_(**arguments)

    return capture(
        mode,
        RETELL_RESPONSE,
        lambda http: Retell(api_key=KEY, http_client=http).phone_number.import_(**arguments),
        run,
    )


def sdk_cartesia(mode: str, arguments: dict[str, Any]) -> httpx.Request:
    route = "/agents/phone-numbers"

    async def run(http: httpx.AsyncClient) -> object:
        client = cartesia.AsyncCartesia(api_key=KEY, http_client=http)
        return await client.post(route, cast_to=object, body=arguments)

    return capture(
        mode,
        CARTESIA_RESPONSE,
        lambda http: cartesia.Cartesia(api_key=KEY, http_client=http).post(
            route, cast_to=object, body=arguments
        ),
        run,
    )


def ours_cartesia(mode: str, arguments: dict[str, Any]) -> httpx.Request:
    async def run(http: httpx.AsyncClient) -> object:
        client = AsyncCartesia(api_key=KEY, http_client=http)
        return await client.phone_numbers.import_(**arguments)

    return capture(
        mode,
        CARTESIA_RESPONSE,
        lambda http: Cartesia(api_key=KEY, http_client=http).phone_numbers.import_(**arguments),
        run,
    )


def comparable_headers(request: httpx.Request) -> dict[str, str]:
    """The request's headers without those listed as intended differences."""
    return {
        name: value
        for name, value in request.headers.items()
        if not any(name.startswith(intended) for intended in INTENDED_HEADER_DIFFERENCES)
    }


def assert_same_request(sdk: httpx.Request, ours: httpx.Request, *, same_bytes: bool) -> None:
    assert (ours.method, str(ours.url)) == (sdk.method, str(sdk.url))
    assert ours.headers["authorization"] == sdk.headers["authorization"] == f"Bearer {KEY}"
    assert ours.headers["content-type"] == sdk.headers["content-type"] == "application/json"
    assert comparable_headers(ours) == comparable_headers(sdk)
    assert json.loads(ours.content) == json.loads(sdk.content)
    # Same length: the same encoding of every value (non-ASCII, escapes, numbers).
    assert len(ours.content) == len(sdk.content)
    if same_bytes:
        assert ours.content == sdk.content


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("call", sorted(RETELL_CALLS))
def test_retell_import_matches_the_official_sdk(mode: str, call: str) -> None:
    arguments = RETELL_CALLS[call]
    sdk, ours = sdk_retell(mode, arguments), ours_retell(mode, arguments)

    assert str(ours.url) == "https://api.retellai.com/import-phone-number"
    assert json.loads(ours.content) == arguments
    # The SDK puts optional properties in alphabetical order, we in the spec's: the bytes
    # match only when the order does.
    assert_same_request(sdk, ours, same_bytes=call == "required-only")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("call", sorted(CARTESIA_CALLS))
def test_cartesia_import_matches_the_official_sdk(mode: str, call: str) -> None:
    arguments = CARTESIA_CALLS[call]
    sdk, ours = sdk_cartesia(mode, arguments), ours_cartesia(mode, arguments)

    assert str(ours.url) == "https://api.cartesia.ai/agents/phone-numbers"
    assert json.loads(ours.content) == arguments
    assert ours.headers["cartesia-version"] == SPEC_CARTESIA_VERSION
    # Should the SDK change its version, the intended difference must be looked at again.
    assert sdk.headers["cartesia-version"] == SDK_CARTESIA_VERSION
    # `post` serialises the dict in the order given, which is the spec's order we use.
    assert_same_request(sdk, ours, same_bytes=True)


def test_cartesia_given_the_sdks_version_sends_the_same_header() -> None:
    """The version difference is our choice of the spec's value, not a limitation."""
    arguments = CARTESIA_CALLS["provider-by-id"]
    sdk = sdk_cartesia("sync", arguments)
    ours = ours_cartesia("sync", {**arguments, "cartesia_version": SDK_CARTESIA_VERSION})
    assert ours.headers["cartesia-version"] == sdk.headers["cartesia-version"]


@pytest.mark.parametrize("api", ["retell", "cartesia"])
def test_every_intended_difference_is_real(api: str) -> None:
    """A listed difference that no longer differs would hide a future, unintended one."""
    if api == "retell":
        arguments = RETELL_CALLS["required-only"]
        sdk, ours = sdk_retell("sync", arguments), ours_retell("sync", arguments)
        expected = {"user-agent", "x-stainless-"}
    else:
        arguments = CARTESIA_CALLS["provider-by-id"]
        sdk, ours = sdk_cartesia("sync", arguments), ours_cartesia("sync", arguments)
        expected = set(INTENDED_HEADER_DIFFERENCES)
    differing = {
        name
        for name in {*sdk.headers.keys(), *ours.headers.keys()}
        if sdk.headers.get(name) != ours.headers.get(name)
    }
    assert {
        intended
        for intended in INTENDED_HEADER_DIFFERENCES
        if any(name.startswith(intended) for name in differing)
    } == expected
