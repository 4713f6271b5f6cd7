"""Behaviour of the generated clients beyond the happy path, through httpx.MockTransport."""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import pytest
import voice_clients
from recorder import Recorder
from test_seven_operations import CARTESIA_NUMBER, RETELL_NUMBER
from voice_clients.cartesia import Cartesia
from voice_clients.cartesia.models import CartesiaProviderResponse, UnknownProviderResponse
from voice_clients.cartesia.params import ImportPhoneNumberProviderByIDParam
from voice_clients.polyai import PolyAI
from voice_clients.retell import AsyncRetell, Retell, _request_models
from voice_clients.retell.models import BadRequestBody
from voice_clients.retell.params import AgentWeightParam

KEY = "sk-very-secret-key-123"


def retell(recorder: Recorder) -> Retell:
    return Retell(api_key=KEY, http_client=recorder.sync_client(), max_retries=0)


def cartesia(recorder: Recorder) -> Cartesia:
    return Cartesia(api_key=KEY, http_client=recorder.sync_client(), max_retries=0)


def polyai(recorder: Recorder) -> PolyAI:
    return PolyAI(api_key=KEY, http_client=recorder.sync_client(), max_retries=0)


# -- forward compatibility ------------------------------------------------------------------


def test_unknown_discriminator_tag_decodes_with_its_data() -> None:
    body = copy.deepcopy(CARTESIA_NUMBER)
    body["provider"] = {"type": "vonage", "id": "prov_9", "application_id": "app"}
    number = cartesia(Recorder(status=201, body=body)).phone_numbers.import_(
        label="x", number="+1", provider={"id": "prov_9"}
    )
    assert isinstance(number.provider, UnknownProviderResponse)
    assert number.provider.tag == "vonage"
    assert number.provider.data == {"type": "vonage", "id": "prov_9", "application_id": "app"}


def test_both_known_provider_variants_decode() -> None:
    body = copy.deepcopy(CARTESIA_NUMBER)
    body["provider"] = {"type": "cartesia"}
    number = cartesia(Recorder(status=201, body=body)).phone_numbers.import_(
        label="x", number="+1", provider=ImportPhoneNumberProviderByIDParam(id="p")
    )
    assert number.provider == CartesiaProviderResponse(type="cartesia")


def test_unknown_enum_value_and_unknown_field_decode() -> None:
    body = {**RETELL_NUMBER, "phone_number_type": "retell-sip", "brand_new_field": {"x": 1}}
    number = retell(Recorder(status=201, body=body)).phone_number.import_(
        phone_number="+14157774444", termination_uri="t"
    )
    assert number.phone_number_type == "retell-sip"


# -- arguments checked before anything is sent ------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"phone_number": ""}, "phone_number"),  # minLength 1
        ({"inbound_agents": [{"agent_id": "a", "weight": 0}]}, "inbound_agents[0].weight"),
        ({"inbound_agents": [{"agent_id": "a", "weight": 1.5}]}, "inbound_agents[0].weight"),
        ({"inbound_agents": [{"agent_id": "", "weight": 1}]}, "inbound_agents[0].agent_id"),
        (
            {"inbound_agents": [{"agent_id": "a", "weight": 1, "agent_version": -1}]},
            "inbound_agents[0].agent_version",
        ),
        (
            {"inbound_agents": [{"agent_id": "a", "weight": 1, "agent_version": "v12"}]},
            "inbound_agents[0].agent_version",
        ),
        ({"nickname": None}, "nickname"),  # not nullable in the request
        (  # the TypedDict's constructor makes a dict
            {"inbound_agents": [AgentWeightParam(agent_id="a", weight=-2)]},
            "inbound_agents[0].weight",
        ),
        (  # the Struct that checks it, passed as it is, is checked all the same
            {"inbound_agents": [_request_models.AgentWeight(agent_id="a", weight=-2)]},
            "inbound_agents[0].weight",
        ),
    ],
)
def test_constraint_violations_raise_before_any_request(
    arguments: dict[str, Any], path: str
) -> None:
    recorder = Recorder(status=201, body=RETELL_NUMBER)
    call = {"phone_number": "+14157774444", "termination_uri": "t", **arguments}
    with pytest.raises(voice_clients.RequestValidationError) as caught:
        retell(recorder).phone_number.import_(**call)
    assert caught.value.path == path
    assert recorder.requests == []


def test_valid_constrained_values_pass_and_null_is_sent_where_nullable() -> None:
    recorder = Recorder(status=201, body=RETELL_NUMBER)
    retell(recorder).phone_number.import_(
        phone_number="+14157774444",
        termination_uri="t",
        inbound_agents=[{"agent_id": "a", "weight": 1, "agent_version": "latest"}],
        outbound_agents=None,
        inbound_webhook_url=None,
    )
    sent = recorder.last_json()
    assert sent["outbound_agents"] is None and sent["inbound_webhook_url"] is None
    assert sent["inbound_agents"] == [{"agent_id": "a", "weight": 1, "agent_version": "latest"}]


def test_min_items_and_enum_literals_are_enforced() -> None:
    recorder = Recorder(body={})
    with pytest.raises(voice_clients.RequestValidationError) as caught:
        polyai(recorder).phone_numbers.import_("agent", phone_numbers=[])
    assert caught.value.path == "phone_numbers"
    with pytest.raises(voice_clients.RequestValidationError):
        cartesia(recorder).phone_numbers.import_(
            label="x",
            number="+1",
            provider={"type": "twilio", "account_sid": "AC1", "region": "mars1"},
        )
    assert recorder.requests == []


def test_untagged_union_needs_exactly_one_shape() -> None:
    recorder = Recorder(status=201, body=CARTESIA_NUMBER)
    with pytest.raises(voice_clients.RequestValidationError):
        cartesia(recorder).phone_numbers.import_(label="x", number="+1", provider={"oops": 1})
    with pytest.raises(voice_clients.RequestValidationError):
        cartesia(recorder).phone_numbers.import_(
            label="x", number="+1", provider={"id": "p", "type": "twilio", "account_sid": "AC"}
        )
    assert recorder.requests == []


def test_path_parameter_cannot_escape_its_segment() -> None:
    recorder = Recorder(body={"number": "n", "projectId": "p", "accountId": "a", "clientEnv": "e"})
    polyai(recorder).phone_numbers.get("../../admin", "../x")
    assert recorder.last.url.raw_path == (
        b"/v1/agents/..%2F..%2Fadmin/telephony/phone-numbers/..%2Fx"
    )


def test_an_empty_path_argument_is_a_value_error_as_in_stainless_sdks() -> None:
    recorder = Recorder(body={})
    with pytest.raises(ValueError, match="must not be empty") as caught:
        polyai(recorder).phone_numbers.get("agent-1", "")
    assert isinstance(caught.value, voice_clients.APIError)
    assert recorder.requests == []


def test_an_empty_path_argument_is_refused_in_the_stainless_sdks_words() -> None:
    """Code written against the official SDKs matches their message; the argument is named
    as the caller passed it (`agent_id`, the spec's `agentId`)."""
    recorder = Recorder(body={})
    expected = "Expected a non-empty value for `agent_id` but received ''"
    with pytest.raises(ValueError, match=expected):
        polyai(recorder).phone_numbers.get("", "+14155550100")
    assert recorder.requests == []


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, voice_clients.BadRequestError),
        (401, voice_clients.AuthenticationError),
        (500, voice_clients.InternalServerError),
    ],
)
def test_retell_documented_errors_keep_their_typed_body(
    status: int, error: type[Exception]
) -> None:
    recorder = Recorder(status=status, body={"status": "error", "message": "nope"})
    with pytest.raises(error) as caught:
        retell(recorder).phone_number.import_(phone_number="+1", termination_uri="t")
    exc: Any = caught.value
    assert exc.status_code == status
    assert exc.body.message == "nope" and exc.body.status == "error"
    if status == 400:
        assert isinstance(exc.body, BadRequestBody)


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, voice_clients.NotFoundError), (409, voice_clients.ConflictError)],
)
def test_cartesia_errors_without_a_schema_keep_the_json_body(
    status: int, error: type[Exception]
) -> None:
    recorder = Recorder(status=status, body={"error": "already imported"})
    client = Cartesia(api_key=KEY, http_client=recorder.sync_client())  # default retries
    with pytest.raises(error) as caught:
        client.phone_numbers.import_(label="x", number="+1", provider={"id": "p"})
    assert caught.value.body == {"error": "already imported"}  # type: ignore[attr-defined]
    assert len(recorder.requests) == 1  # neither 404 nor 409 is retried


def test_polyai_forbidden() -> None:
    recorder = Recorder(status=403, body=None)
    with pytest.raises(voice_clients.PermissionDeniedError):
        polyai(recorder).phone_numbers.list("agent")


def test_a_2xx_body_that_does_not_match_is_a_response_validation_error() -> None:
    recorder = Recorder(status=201, body={"imported": [1, 2]})
    with pytest.raises(voice_clients.ResponseValidationError) as caught:
        polyai(recorder).phone_numbers.import_("agent", phone_numbers=["+1"])
    assert caught.value.status_code == 201
    assert caught.value.body == b'{"imported": [1, 2]}'
    assert caught.value.path == "$.imported[0]"


# -- raw responses, configuration, secrets --------------------------------------------------


def test_raw_response_has_status_headers_body_and_parsed_value() -> None:
    recorder = Recorder(status=201, body=RETELL_NUMBER, headers={"x-request-id": "req-1"})
    raw = retell(recorder).phone_number.with_raw_response.import_(
        phone_number="+14157774444", termination_uri="t"
    )
    assert raw.status_code == 201
    assert raw.headers["x-request-id"] == "req-1"
    assert raw.parse().phone_number == "+14157774444"
    assert KEY not in repr(raw)
    # APIResponse uses __slots__; look at every attribute it exposes.
    exposed = [getattr(raw, name) for name in dir(raw) if not name.startswith("__")]
    assert all(KEY not in repr(value) for value in exposed if not callable(value))


def test_async_raw_response() -> None:
    recorder = Recorder(status=201, body=RETELL_NUMBER)

    async def run() -> int:
        async with AsyncRetell(api_key=KEY, http_client=recorder.async_client()) as client:
            raw = await client.phone_number.with_raw_response.import_(
                phone_number="+1", termination_uri="t"
            )
            return raw.status_code

    assert asyncio.run(run()) == 201


def test_api_key_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETELL_API_KEY", "env-key")
    monkeypatch.setenv("RETELL_BASE_URL", "http://127.0.0.1:9/proxy")
    recorder = Recorder(status=201, body=RETELL_NUMBER)
    Retell(http_client=recorder.sync_client()).phone_number.import_(
        phone_number="+1", termination_uri="t"
    )
    assert recorder.last.headers["authorization"] == "Bearer env-key"
    assert str(recorder.last.url) == "http://127.0.0.1:9/proxy/import-phone-number"


def test_missing_api_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTESIA_API_KEY", raising=False)
    with pytest.raises(voice_clients.APIError, match="CARTESIA_API_KEY"):
        Cartesia()


def test_unknown_region_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"us, uk, eu|'us', 'uk', 'eu'"):
        PolyAI(api_key=KEY, region="mars")  # type: ignore[arg-type]


def test_the_key_never_shows() -> None:
    recorder = Recorder(status=401, body={"status": "error", "message": "bad key"})
    client = retell(recorder)
    assert KEY not in repr(client) and KEY not in repr(client.with_options(max_retries=1))
    with pytest.raises(voice_clients.AuthenticationError) as caught:
        client.phone_number.import_(phone_number="+1", termination_uri="t")
    assert KEY not in str(caught.value) and KEY not in repr(caught.value.args)


def test_root_package_exports_clients_lazily_and_errors() -> None:
    assert voice_clients.Retell is Retell
    assert issubclass(voice_clients.ConflictError, voice_clients.APIStatusError)
    with pytest.raises(AttributeError):
        voice_clients.Nope  # noqa: B018
