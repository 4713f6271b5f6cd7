"""A response union's Unknown variant answers the discriminator like the known ones."""

from __future__ import annotations

import json

import httpx
from voice_clients.cartesia import Cartesia
from voice_clients.cartesia.models import TwilioProviderResponse, UnknownProviderResponse


def _number(provider: dict[str, object]) -> httpx.Response:
    body = {
        "id": "pn_1",
        "number": "+14155551234",
        "agent": None,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "provider": provider,
    }
    return httpx.Response(200, content=json.dumps(body).encode())


def _import(provider: dict[str, object]) -> object:
    transport = httpx.MockTransport(lambda request: _number(provider))
    client = Cartesia(api_key="k", http_client=httpx.Client(transport=transport))
    number = client.phone_numbers.import_(
        label="Front desk", number="+14155551234", provider={"type": "twilio", "account_sid": "AC1"}
    )
    return number.provider


def test_an_unknown_provider_keeps_its_type() -> None:
    provider = _import({"type": "telnyx", "id": "p1"})
    assert isinstance(provider, UnknownProviderResponse)
    assert provider.type == "telnyx"
    assert provider.data == {"type": "telnyx", "id": "p1"}


def test_a_known_provider_still_decodes_into_its_model() -> None:
    provider = _import(
        {"type": "twilio", "id": "p1", "account_sid": "AC1", "api_key_sid": "SK1", "region": "us1"}
    )
    assert isinstance(provider, TwilioProviderResponse)
    assert provider.type == "twilio"
