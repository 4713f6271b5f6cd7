"""Section 3: decoding a list response of 1,000 phone numbers into typed models.

The same bytes are decoded by `json.loads` alone (no models), by clientgen's runtime decoder
(the one its clients use for that response type), by the official Retell SDK's two paths
(its default `construct_type` after `json.loads`, and its strict-validation `validate_type`),
and by openapi-python-client's `from_dict`. Interleaved rounds; medians after a warm-up.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import QUICK, median

COUNT = 1000


def retell_numbers() -> list[dict[str, Any]]:
    return [
        {
            "phone_number": f"+1415{i:07d}",
            "phone_number_type": "custom",
            "phone_number_pretty": f"+1 (415) {i:07d}",
            "nickname": f"Line {i}",
            "area_code": 415,
            "last_modification_timestamp": 1703413636133 + i,
            "inbound_agents": [{"agent_id": f"agent_{i}", "weight": 1, "agent_version": 3}],
            "allowed_inbound_country_list": ["US", "CA"],
            "sip_outbound_trunk_config": {"termination_uri": "someuri.pstn.twilio.com"},
        }
        for i in range(COUNT)
    ]


def polyai_numbers() -> dict[str, Any]:
    return {
        "phoneNumbers": [
            {
                "number": f"+4477009{i:05d}",
                "projectId": "proj-1",
                "accountId": "acct-1",
                "clientEnv": "live",
                "connectorId": f"conn-{i}",
            }
            for i in range(COUNT)
        ]
    }


@dataclass
class Decode:
    payload: str
    contender: str
    ms: float
    ratio: float  # to json.loads alone


def contenders(opc_root: Path | None) -> dict[str, tuple[bytes, dict[str, Callable[[], Any]]]]:
    import retell._models as sdk_models
    from retell.types import PhoneNumberResponse as SdkNumber
    from voice_clients._runtime._endpoint import _decoder
    from voice_clients.polyai.models import GetPhoneNumbersResponse
    from voice_clients.retell.models import PhoneNumberResponse

    retell_body = json.dumps(retell_numbers()).encode()
    poly_body = json.dumps(polyai_numbers()).encode()
    ours_retell = _decoder(list[PhoneNumberResponse])
    ours_poly = _decoder(GetPhoneNumbersResponse)
    assert ours_retell is not None and ours_poly is not None
    retell_set: dict[str, Callable[[], Any]] = {
        "json.loads alone": lambda: json.loads(retell_body),
        "clientgen": lambda: ours_retell.decode(retell_body),
        "official SDK (default, construct_type)": lambda: sdk_models.construct_type(
            value=json.loads(retell_body), type_=list[SdkNumber]
        ),
        "official SDK (strict, validate_type)": lambda: sdk_models.validate_type(
            value=json.loads(retell_body), type_=list[SdkNumber]
        ),
    }
    poly_set: dict[str, Callable[[], Any]] = {
        "json.loads alone": lambda: json.loads(poly_body),
        "clientgen": lambda: ours_poly.decode(poly_body),
    }
    if opc_root is not None and (opc_root / "opc_retell").exists():
        if str(opc_root) not in sys.path:
            sys.path.insert(0, str(opc_root))
        opc_retell = importlib.import_module("opc_retell.models").PhoneNumberResponse
        opc_poly = importlib.import_module("opc_polyai.models").GetPhoneNumbersResponse
        retell_set["openapi-python-client (from_dict)"] = lambda: [
            opc_retell.from_dict(d) for d in json.loads(retell_body)
        ]
        poly_set["openapi-python-client (from_dict)"] = lambda: opc_poly.from_dict(
            json.loads(poly_body)
        )
    return {
        f"Retell: JSON array of {COUNT:,} phone numbers ({len(retell_body) // 1024} KiB)": (
            retell_body,
            retell_set,
        ),
        f"PolyAI `list`: {COUNT:,} phone numbers ({len(poly_body) // 1024} KiB)": (
            poly_body,
            poly_set,
        ),
    }


def _count(value: Any) -> int:
    if isinstance(value, dict):
        value = value["phoneNumbers"]
    return len(value if isinstance(value, list) else value.phone_numbers)


def decode(opc_root: Path | None) -> list[Decode]:
    rounds, n = (5, 3) if QUICK else (21, 10)
    table = contenders(opc_root)
    for _, found in table.values():
        for name, fn in found.items():
            if _count(fn()) != COUNT:
                raise SystemExit(f"decode: {name} did not return {COUNT} phone numbers")
    samples: dict[tuple[str, str], list[float]] = {}
    ratios: dict[tuple[str, str], list[float]] = {}
    for i in range(rounds + 1):
        for payload, (_, found) in table.items():
            names = list(found) if i % 2 == 0 else list(found)[::-1]
            got: dict[str, float] = {}
            for name in names:
                fn = found[name]
                gc.collect()
                start = time.perf_counter()
                for _ in range(n):
                    fn()
                got[name] = (time.perf_counter() - start) / n * 1e3
            if i == 0:
                continue
            for name, value in got.items():
                samples.setdefault((payload, name), []).append(value)
                ratios.setdefault((payload, name), []).append(value / got["json.loads alone"])
    return [
        Decode(payload, name, median(samples[(payload, name)]), median(ratios[(payload, name)]))
        for payload, (_, found) in table.items()
        for name in found
    ]
