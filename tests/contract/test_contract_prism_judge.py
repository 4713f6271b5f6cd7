"""Prism rejects requests that break the spec: a judge that accepts everything proves nothing.

Each bad request is sent raw (our client would refuse to build most of them) next to the
same request with the one defect fixed, which Prism must accept: the rejection is then
caused by that defect alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import voice_clients
from contract_cases import API_KEY, CASES
from prism_safe import body_probes, judge_is_awake
from prism_server import APIS, PrismServer, violations
from voice_clients.cartesia import Cartesia

BEARER = {"Authorization": f"Bearer {API_KEY}"}
CARTESIA_NUMBER = {"label": "Front desk", "number": "+14155551234", "provider": {"id": "prov_1"}}
RETELL_NUMBER = {"phone_number": "+14157774444", "termination_uri": "someuri.pstn.twilio.com"}


@dataclass(frozen=True)
class BadRequest:
    id: str
    api: str
    method: str
    path: str
    bad_headers: dict[str, str]
    good_headers: dict[str, str]
    bad_body: Any
    good_body: Any
    status: int
    violation: dict[str, Any]


BAD_REQUESTS = [
    BadRequest(
        "retell-missing-termination_uri",
        "retell",
        "POST",
        "/import-phone-number",
        BEARER,
        BEARER,
        {"phone_number": "+14157774444"},
        RETELL_NUMBER,
        400,
        {
            "location": ["request", "body"],
            "code": "required",
            "message": "Request body must have required property 'termination_uri'",
        },
    ),
    BadRequest(
        "cartesia-wrong-version",
        "cartesia",
        "POST",
        "/agents/phone-numbers",
        {**BEARER, "Cartesia-Version": "2026-08-14"},
        {**BEARER, "Cartesia-Version": "2026-03-01"},
        CARTESIA_NUMBER,
        CARTESIA_NUMBER,
        400,
        {
            "location": ["request", "header", "cartesia-version"],
            "code": "enum",
            "message": "Request header parameter cartesia-version must be equal to one of the"
            " allowed values: 2026-03-01",
        },
    ),
    BadRequest(
        "cartesia-missing-version",
        "cartesia",
        "POST",
        "/agents/phone-numbers",
        BEARER,
        {**BEARER, "Cartesia-Version": "2026-03-01"},
        CARTESIA_NUMBER,
        CARTESIA_NUMBER,
        400,
        {
            "location": ["request", "header"],
            "code": "required",
            "message": "Request header must have required property 'cartesia-version'",
        },
    ),
    BadRequest(
        "polyai-missing-x-api-key",
        "polyai",
        "GET",
        "/v1/agents/agent-1/telephony/phone-numbers",
        {},
        {"x-api-key": API_KEY},
        None,
        None,
        401,
        {"location": ["request"], "code": 401, "message": "Invalid security scheme used"},
    ),
]


def _send(
    server: PrismServer, bad: BadRequest, headers: dict[str, str], body: Any
) -> httpx.Response:
    with httpx.Client(base_url=server.base_url) as http:
        return http.request(bad.method, bad.path, headers=headers, json=body)


@pytest.mark.parametrize("bad", BAD_REQUESTS, ids=[bad.id for bad in BAD_REQUESTS])
def test_prism_rejects_the_bad_request_and_accepts_the_fixed_one(
    bad: BadRequest, prism: dict[str, PrismServer]
) -> None:
    rejected = _send(prism[bad.api], bad, bad.bad_headers, bad.bad_body)
    assert rejected.status_code == bad.status
    assert [
        {key: v[key] for key in ("location", "code", "message")}
        for v in violations(rejected.headers)
    ] == [bad.violation]

    accepted = _send(prism[bad.api], bad, bad.good_headers, bad.good_body)
    assert 200 <= accepted.status_code < 300, accepted.text
    assert violations(accepted.headers) == []


def test_our_client_given_a_version_outside_the_spec_is_rejected_too(
    prism: dict[str, PrismServer],
) -> None:
    """The header our client sends is checked, not only raw requests (the SDK sends this one)."""
    with (
        Cartesia(api_key=API_KEY, base_url=prism["cartesia"].base_url, max_retries=0) as client,
        pytest.raises(voice_clients.BadRequestError) as caught,
    ):
        client.phone_numbers.import_(
            cartesia_version="2026-08-14", label="Front desk", number="+1", provider={"id": "p"}
        )
    assert [v["code"] for v in violations(caught.value.headers)] == ["enum"]


def test_every_api_has_a_bad_request() -> None:
    assert {bad.api for bad in BAD_REQUESTS} == {case.api for case in CASES}


@pytest.mark.parametrize("api", APIS)
def test_prism_judges_every_request_body(api: str, prism: dict[str, PrismServer]) -> None:
    """Prism accepts every body of an operation whose body schema it cannot compile, silently.

    So each body must be seen rejected: a body its schema forbids (of another JSON type, or
    missing a required property) must come back with a body violation. A schema Prism
    cannot compile fails here, naming the route (then teach `prism_safe` the rewrite).
    """
    document = json.loads(prism[api].spec.read_text(encoding="utf-8"))
    probes, unprobed = body_probes(document)
    with httpx.Client(base_url=prism[api].base_url) as http:
        asleep = [found for probe in probes if (found := judge_is_awake(http, probe, document))]
    assert asleep == []
    assert unprobed == [], "bodies that admit every JSON type cannot be probed this way"
    assert probes, f"{api} has no request body to probe"
