"""Section 1: per-call overhead of each API's import call, sync and async, against a floor.

Every client talks to an `httpx.MockTransport` that returns the same canned, valid body. The
floor is a bare httpx client sending the same POST with a JSON body and decoding the JSON.
Contenders run interleaved, round after round; each figure is the median over the rounds
after a warm-up round, and each ratio is the median of the per-round ratios to the floor.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .common import APIS, QUICK, median

KEY = "sk-bench"
RESPONSES: dict[str, dict[str, Any]] = {
    "polyai": {"imported": ["+14155551234"]},
    "cartesia": {
        "id": "pn_1",
        "label": "Front desk",
        "number": "+14155551234",
        "agent": None,
        "created_at": "2026-03-01T12:00:00Z",
        "updated_at": "2026-03-01T12:00:00Z",
        "provider": {"type": "cartesia"},
    },
    "retell": {
        "phone_number": "+14157774444",
        "phone_number_type": "custom",
        "last_modification_timestamp": 1703413636133,
    },
}
REQUESTS: dict[str, tuple[str, dict[str, Any]]] = {
    "polyai": (
        "https://api.us.poly.ai/v1/agents/agent/telephony/phone-numbers",
        {"phoneNumbers": ["+14155551234"]},
    ),
    "cartesia": (
        "https://api.cartesia.ai/agents/phone-numbers",
        {"label": "Front desk", "number": "+14155551234", "provider": {"id": "p"}},
    ),
    "retell": (
        "https://api.retellai.com/import-phone-number",
        {"phone_number": "+14157774444", "termination_uri": "x.pstn.twilio.com"},
    ),
}
AUTH = {
    "polyai": {"x-api-key": KEY},
    "cartesia": {"authorization": f"Bearer {KEY}", "cartesia-version": "2026-03-01"},
    "retell": {"authorization": f"Bearer {KEY}"},
}

SyncCall = Callable[[], object]
AsyncCall = Callable[[], Awaitable[object]]


def transport(api: str) -> httpx.MockTransport:
    body = json.dumps(RESPONSES[api]).encode()
    headers = {"content-type": "application/json"}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, content=body, headers=headers)

    return httpx.MockTransport(handler)


def floor(api: str) -> tuple[SyncCall, AsyncCall]:
    url, body = REQUESTS[api]
    sync = httpx.Client(transport=transport(api), headers=AUTH[api])
    aio = httpx.AsyncClient(transport=transport(api), headers=AUTH[api])

    def call() -> object:
        return sync.post(url, json=body).json()

    async def acall() -> object:
        return (await aio.post(url, json=body)).json()

    return call, acall


def ours(api: str) -> tuple[SyncCall, AsyncCall]:
    module = importlib.import_module(f"voice_clients.{api}")
    name = {"polyai": "PolyAI", "cartesia": "Cartesia", "retell": "Retell"}[api]
    sync = getattr(module, name)(api_key=KEY, http_client=httpx.Client(transport=transport(api)))
    aio = getattr(module, f"Async{name}")(
        api_key=KEY, http_client=httpx.AsyncClient(transport=transport(api))
    )
    if api == "polyai":
        return (
            lambda: sync.phone_numbers.import_("agent", phone_numbers=["+14155551234"]),
            lambda: aio.phone_numbers.import_("agent", phone_numbers=["+14155551234"]),
        )
    if api == "cartesia":
        kw: dict[str, Any] = {"label": "Front desk", "number": "+14155551234"}
        return (
            lambda: sync.phone_numbers.import_(**kw, provider={"id": "p"}),
            lambda: aio.phone_numbers.import_(**kw, provider={"id": "p"}),
        )
    kw = {"phone_number": "+14157774444", "termination_uri": "x.pstn.twilio.com"}
    return (
        lambda: sync.phone_number.import_(**kw),
        lambda: aio.phone_number.import_(**kw),
    )


def opc(api: str, root: Path) -> tuple[SyncCall, AsyncCall]:
    """openapi-python-client's package for the same effective spec (`opc_<api>` under root)."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    pkg = f"opc_{api}"
    client_mod = importlib.import_module(f"{pkg}.client")
    models = importlib.import_module(f"{pkg}.models")
    base = REQUESTS[api][0].split("/", 3)
    base_url = "/".join(base[:3])
    auth: dict[str, Any] = {"token": KEY}
    if api == "polyai":
        auth = {"token": KEY, "prefix": "", "auth_header_name": "x-api-key"}

    def client(transport_: httpx.BaseTransport | httpx.AsyncBaseTransport) -> Any:
        return client_mod.AuthenticatedClient(
            base_url=base_url, httpx_args={"transport": transport_}, **auth
        )

    sync_client, async_client = client(transport(api)), client(transport(api))
    if api == "polyai":
        op = importlib.import_module(
            f"{pkg}.api.phone_numbers.post_v_1_agents_agent_id_telephony_phone_numbers"
        )

        def call() -> object:
            body = models.ImportPhoneNumbersBody(phone_numbers=["+14155551234"])
            return op.sync("agent", client=sync_client, body=body)

        async def acall() -> object:
            body = models.ImportPhoneNumbersBody(phone_numbers=["+14155551234"])
            return await op.asyncio("agent", client=async_client, body=body)

        return call, acall
    if api == "cartesia":
        op = importlib.import_module(f"{pkg}.api.phone_numbers.phone_numbers_import")
        version = models.PhoneNumbersImportCartesiaVersion("2026-03-01")

        def body_() -> Any:
            provider = models.ImportPhoneNumberBodyByID(id="p")
            return models.ImportPhoneNumberBody(
                label="Front desk", number="+14155551234", provider=provider
            )

        def call() -> object:
            return op.sync(client=sync_client, body=body_(), cartesia_version=version)

        async def acall() -> object:
            return await op.asyncio(client=async_client, body=body_(), cartesia_version=version)

        return call, acall
    op = importlib.import_module(f"{pkg}.api.default.import_phone_number")

    def rbody() -> Any:
        return models.ImportPhoneNumberBody(
            phone_number="+14157774444", termination_uri="x.pstn.twilio.com"
        )

    def rcall() -> object:
        return op.sync(client=sync_client, body=rbody())

    async def racall() -> object:
        return await op.asyncio(client=async_client, body=rbody())

    return rcall, racall


def sdk(api: str) -> tuple[SyncCall, AsyncCall] | None:
    """The vendor's official SDK; PolyAI has none on PyPI."""
    if api == "retell":
        import retell

        sync = retell.Retell(api_key=KEY, http_client=httpx.Client(transport=transport(api)))
        aio = retell.AsyncRetell(
            api_key=KEY, http_client=httpx.AsyncClient(transport=transport(api))
        )
        number, uri = "+14157774444", "x.pstn.twilio.com"
        return (
            lambda: sync.phone_number.import_(phone_number=number, termination_uri=uri),
            lambda: aio.phone_number.import_(phone_number=number, termination_uri=uri),
        )
    if api == "cartesia":
        import cartesia

        csync = cartesia.Cartesia(api_key=KEY, http_client=httpx.Client(transport=transport(api)))
        caio = cartesia.AsyncCartesia(
            api_key=KEY, http_client=httpx.AsyncClient(transport=transport(api))
        )
        route, body = "/agents/phone-numbers", REQUESTS[api][1]
        # cartesia 4.2.0 has no import method: its generic post, as the parity tests use it.
        return (
            lambda: csync.post(route, cast_to=object, body=body),
            lambda: caio.post(route, cast_to=object, body=body),
        )
    return None


@dataclass
class PerCall:
    api: str
    mode: str
    contender: str
    us: float
    ratio: float


def _time_sync(fn: SyncCall, n: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6


async def _time_async(fn: AsyncCall, n: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(n):
        await fn()
    return (time.perf_counter() - start) / n * 1e6


def contenders(api: str, opc_root: Path | None) -> dict[str, tuple[SyncCall, AsyncCall]]:
    found: dict[str, tuple[SyncCall, AsyncCall]] = {"floor": floor(api), "clientgen": ours(api)}
    if opc_root is not None and (opc_root / f"opc_{api}" / "__init__.py").exists():
        found["openapi-python-client"] = opc(api, opc_root)
    official = sdk(api)
    if official is not None:
        found["official SDK"] = official
    return found


def check(found: dict[str, tuple[SyncCall, AsyncCall]], loop: asyncio.AbstractEventLoop) -> None:
    """Every contender must get a decoded value back (opc returns None on a status it lacks)."""
    for name, (call, acall) in found.items():
        for value in (call(), loop.run_until_complete(acall())):
            if value is None:
                raise SystemExit(f"per-call: {name} returned None: the canned body is wrong")


def per_call(opc_root: Path | None) -> list[PerCall]:
    rounds, n = (5, 50) if QUICK else (21, 300)
    loop = asyncio.new_event_loop()
    table = {api: contenders(api, opc_root) for api in APIS}
    for found in table.values():
        check(found, loop)
    samples: dict[tuple[str, str, str], list[float]] = {}
    ratios: dict[tuple[str, str, str], list[float]] = {}
    for i in range(rounds + 1):
        for api, found in table.items():
            for mode in ("sync", "async"):
                names = list(found)
                if i % 2:
                    names.reverse()  # alternate the order within a round
                times: dict[str, float] = {}
                for name in names:
                    call, acall = found[name]
                    if mode == "sync":
                        times[name] = _time_sync(call, n)
                    else:
                        times[name] = loop.run_until_complete(_time_async(acall, n))
                if i == 0:
                    continue  # warm-up
                for name, value in times.items():
                    samples.setdefault((api, mode, name), []).append(value)
                    ratios.setdefault((api, mode, name), []).append(value / times["floor"])
    loop.close()
    return [
        PerCall(api, mode, name, median(values), median(ratios[(api, mode, name)]))
        for (api, mode, name), values in samples.items()
    ]
