"""Every operation of every API as a call with realistic arguments, and how to check the result.

The cases are shared by the Prism tests (happy path, error statuses, dynamic responses), so
each operation is exercised the same way everywhere.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec
from voice_clients._runtime import APIResponse, AsyncAPIResponse
from voice_clients._runtime._models import UnknownVariant
from voice_clients.cartesia import AsyncCartesia, Cartesia
from voice_clients.cartesia import models as cartesia_models
from voice_clients.polyai import AsyncPolyAI, PolyAI
from voice_clients.polyai import models as polyai_models
from voice_clients.retell import AsyncRetell, Retell
from voice_clients.retell import models as retell_models

API_KEY = "contract-test-key"
MODES = ("sync", "async")
CLIENTS: dict[str, tuple[type[Any], type[Any]]] = {
    "polyai": (PolyAI, AsyncPolyAI),
    "cartesia": (Cartesia, AsyncCartesia),
    "retell": (Retell, AsyncRetell),
}

# A call of the raw-response form of one method, on a sync or an async client, with the
# per-call options (`extra_headers=...`) given in the dict.
Invoke = Callable[[Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class Case:
    """One call of one operation: `route` is the spec's "METHOD /path" it must hit."""

    id: str
    api: str
    route: str
    status: int
    model: type[Any]
    invoke: Invoke

    @property
    def method(self) -> str:
        return self.route.split(" ", 1)[0]


def _polyai(id: str, route: str, status: int, model: type[Any], invoke: Invoke) -> Case:
    return Case(f"polyai.{id}", "polyai", route, status, model, invoke)


POLY_PATH = "/v1/agents/{agentId}/telephony/phone-numbers"
NUMBERS = ["+447700900123", "+447700900124"]

CASES: tuple[Case, ...] = (
    _polyai(
        "list",
        f"GET {POLY_PATH}",
        200,
        polyai_models.GetPhoneNumbersResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.list(
            "agent-1", connector_id="conn-1", **kw
        ),
    ),
    _polyai(
        "import_",
        f"POST {POLY_PATH}",
        201,
        polyai_models.ImportPhoneNumbersResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.import_(
            "agent-1", phone_numbers=NUMBERS, client_env="sandbox", **kw
        ),
    ),
    _polyai(
        "delete",
        f"DELETE {POLY_PATH}",
        200,
        polyai_models.DeletePhoneNumbersResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.delete(
            "agent-1", phone_numbers=NUMBERS, **kw
        ),
    ),
    _polyai(
        "batch_get",
        f"POST {POLY_PATH}/batch",
        200,
        polyai_models.BatchGetPhoneNumbersResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.batch_get(
            "agent-1", phone_numbers=NUMBERS, **kw
        ),
    ),
    _polyai(
        "get",
        f"GET {POLY_PATH}/{{phoneNumber}}",
        200,
        polyai_models.PhoneNumberResponse,
        # "+" must reach the server percent-encoded, as one path segment.
        lambda c, kw: c.phone_numbers.with_raw_response.get("agent-1", "+447700900123", **kw),
    ),
    Case(
        "cartesia.import_[provider-by-id]",
        "cartesia",
        "POST /agents/phone-numbers",
        201,
        cartesia_models.PhoneNumberResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.import_(
            label="Front desk",
            number="+14155551234",
            provider={"id": "prov_1"},
            agent_id="ag_1",
            **kw,
        ),
    ),
    Case(
        "cartesia.import_[provider-by-twilio-account]",
        "cartesia",
        "POST /agents/phone-numbers",
        201,
        cartesia_models.PhoneNumberResponse,
        lambda c, kw: c.phone_numbers.with_raw_response.import_(
            label="Réception ☎",
            number="+14155551234",
            provider={"type": "twilio", "account_sid": "AC123", "region": "ie1"},
            **kw,
        ),
    ),
    Case(
        "retell.import_[required-only]",
        "retell",
        "POST /import-phone-number",
        201,
        retell_models.PhoneNumberResponse,
        lambda c, kw: c.phone_number.with_raw_response.import_(
            phone_number="+14157774444", termination_uri="someuri.pstn.twilio.com", **kw
        ),
    ),
    Case(
        "retell.import_[every-argument]",
        "retell",
        "POST /import-phone-number",
        201,
        retell_models.PhoneNumberResponse,
        lambda c, kw: c.phone_number.with_raw_response.import_(
            phone_number="+14157774444",
            ignore_e164_validation=False,
            termination_uri="someuri.pstn.twilio.com",
            sip_trunk_auth_username="username",
            sip_trunk_auth_password="123456",
            inbound_agents=[
                {"agent_id": "agent_a", "weight": 0.25, "agent_version": 3},
                {"agent_id": "agent_b", "weight": 0.5, "agent_version": "prod"},
                {"agent_id": "agent_c", "weight": 0.25, "agent_version": "latest"},
            ],
            outbound_agents=None,
            nickname="Réception ☎",
            inbound_webhook_url=None,
            allowed_inbound_country_list=["US", "CA", "GB"],
            allowed_outbound_country_list=[],
            transport="TLS",
            **kw,
        ),
    ),
)


def one_case_per_operation() -> list[Case]:
    """The first case of each route, for tests where the arguments do not matter."""
    seen: dict[str, Case] = {}
    for case in CASES:
        seen.setdefault(case.route, case)
    return list(seen.values())


def send(
    mode: str, case: Case, base_url: str, *, extra_headers: dict[str, str] | None = None
) -> tuple[APIResponse[Any] | AsyncAPIResponse[Any], Any]:
    """Run `case` through a fresh sync or async client; retries off, so errors show at once.

    Returns the raw response and what its `parse()` gives (awaited with the async client).
    """
    sync_class, async_class = CLIENTS[case.api]
    options: dict[str, Any] = {"api_key": API_KEY, "base_url": base_url, "max_retries": 0}
    per_call: dict[str, Any] = {} if extra_headers is None else {"extra_headers": extra_headers}
    if mode == "sync":
        with sync_class(**options) as client:
            response: APIResponse[Any] = case.invoke(client, per_call)
            return response, response.parse()

    async def run() -> tuple[AsyncAPIResponse[Any], Any]:
        async with async_class(**options) as client:
            response: AsyncAPIResponse[Any] = await case.invoke(client, per_call)
            return response, await response.parse()

    return asyncio.run(run())


def compare_decoded(value: Any, raw: Any, where: str = "$") -> int:
    """Assert that the decoded `value` holds exactly what the JSON `raw` says.

    Every model field must equal its JSON property (absent ones their default), so a field
    mapped to the wrong name or a value mangled in decoding fails here. Returns how many JSON
    properties the models have no field for (extra properties the decoder must tolerate).
    """
    if isinstance(value, UnknownVariant):
        assert value.data == raw, where
        return 0
    if isinstance(value, msgspec.Struct):
        assert isinstance(raw, dict), f"{where}: {raw!r} is not an object"
        extra = 0
        known: set[str] = set()
        for field in msgspec.structs.fields(value):
            known.add(field.encode_name)
            got = getattr(value, field.name)
            path = f"{where}.{field.encode_name}"
            if field.encode_name in raw:
                extra += compare_decoded(got, raw[field.encode_name], path)
            else:
                assert not field.required, f"{path}: required but absent from {raw!r}"
                assert got == field.default, f"{path}: absent, yet decoded as {got!r}"
        return extra + len(set(raw) - known)
    if isinstance(value, list):
        assert isinstance(raw, list) and len(value) == len(raw), f"{where}: {value!r} != {raw!r}"
        return sum(
            compare_decoded(v, r, f"{where}[{i}]")
            for i, (v, r) in enumerate(zip(value, raw, strict=True))
        )
    if isinstance(value, datetime.datetime):
        assert isinstance(raw, str), where
        assert value == datetime.datetime.fromisoformat(raw), f"{where}: {value!r} != {raw!r}"
        return 0
    assert type(value) is type(raw) or {type(value), type(raw)} == {
        int,
        float,
    }, f"{where}: decoded {value!r} ({type(value).__name__}) from {raw!r}"
    assert value == raw, f"{where}: decoded {value!r} from {raw!r}"
    return 0
