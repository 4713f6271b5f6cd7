"""What goes on the wire: method, URL, query, headers and body bytes of one call."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import msgspec
import pytest
from runtime import (
    NOT_GIVEN,
    ApiKeyAuth,
    BasicAuth,
    ClientConfig,
    Endpoint,
    RequestOptions,
    SyncAPIClient,
)
from runtime_support import (
    API_KEY,
    HEALTH,
    IMPORT,
    LIST_NUMBERS,
    US,
    AsyncPoly,
    Bearer,
    ImportBody,
    PhoneNumberSpec,
    Poly,
    Recorder,
    SipProvider,
    TwilioProvider,
    json_response,
)

NUMBERS = [PhoneNumberSpec(phone_number="+14155551234", label="front desk")]


def test_post_request_is_exact() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    client.phone_numbers.import_(
        "agent/1", phone_numbers=NUMBERS, provider=TwilioProvider(account_sid="AC1")
    )

    request = recorder.last
    assert request.method == "POST"
    assert str(request.url) == f"{US}/v1/agents/agent%2F1/telephony/phone-numbers"
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == "PolyTest/Python 0.0.1"
    assert "authorization" not in request.headers
    assert request.content == (
        b'{"phoneNumbers":[{"phoneNumber":"+14155551234","label":"front desk"}],'
        b'"provider":{"type":"twilio","accountSid":"AC1"}}'
    )


@pytest.mark.anyio
async def test_async_post_request_is_exact() -> None:
    recorder = Recorder()
    client = AsyncPoly(api_key=API_KEY, region="eu", http_client=recorder.async_client())

    result = await client.phone_numbers.import_(
        "+14155551234", phone_numbers=NUMBERS, provider=SipProvider(host="sip.example.test")
    )

    assert result.count == 1
    request = recorder.last
    assert request.method == "POST"
    assert request.url.raw_path == b"/v1/agents/%2B14155551234/telephony/phone-numbers"
    assert request.url.host == "api.eu.example.test"
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["content-type"] == "application/json"
    assert msgspec.json.decode(request.content) == {
        "phoneNumbers": [{"phoneNumber": "+14155551234", "label": "front desk"}],
        "provider": {"type": "sip", "host": "sip.example.test"},
    }


def test_not_given_fields_and_parameters_are_omitted() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    client.phone_numbers.import_("a1", phone_numbers=[PhoneNumberSpec(phone_number="+1")])
    assert recorder.last.content == b'{"phoneNumbers":[{"phoneNumber":"+1"}]}'

    recorder = Recorder(json_response(200, []))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    client.phone_numbers.list("a1")
    assert str(recorder.last.url) == f"{US}/v1/agents/a1/telephony/phone-numbers"
    assert "x-trace" not in recorder.last.headers
    assert "content-type" not in recorder.last.headers


def test_query_values_lists_bools_and_none() -> None:
    recorder = Recorder(json_response(200, []))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    client.phone_numbers.list(
        "a1", limit=10, status=["active", "pending review"], active=None, x_trace="t-1"
    )
    assert recorder.last.url.query == b"limit=10&status=active&status=pending+review"
    assert recorder.last.headers["x-trace"] == "t-1"

    client.phone_numbers.list("a1", active=False)
    assert recorder.last.url.query == b"active=false"


def test_extra_headers_query_and_body() -> None:
    recorder = Recorder()
    client = Poly(
        api_key=API_KEY,
        http_client=recorder.client(),
        default_headers={"X-Team": "voice", "X-Env": "prod"},
        default_query={"tenant": "t1", "debug": True},
    )

    client.phone_numbers.import_(
        "a1",
        phone_numbers=[PhoneNumberSpec(phone_number="+1")],
        dry_run=True,
        extra_headers={"X-Env": "staging", "x-api-key": "override"},
        extra_query={"tenant": "t2", "v": "2"},
        extra_body={"dryRun": False, "note": "hi"},
    )

    request = recorder.last
    assert request.url.query == b"tenant=t2&debug=true&v=2"
    assert request.headers["x-team"] == "voice"
    assert request.headers["x-env"] == "staging"
    assert request.headers.get_list("x-env") == ["staging"]
    assert request.headers["x-api-key"] == "override"
    assert request.content == b'{"phoneNumbers":[{"phoneNumber":"+1"}],"dryRun":false,"note":"hi"}'


def test_extra_body_alone_is_the_body() -> None:
    recorder = Recorder(json_response(200, {}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    client.request(HEALTH, options=RequestOptions(extra_body={"ping": 1}))

    assert recorder.last.content == b'{"ping":1}'
    assert recorder.last.headers["content-type"] == "application/json"


def test_unsecured_endpoint_sends_no_credentials() -> None:
    recorder = Recorder(json_response(200, {"status": "ok"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    assert client.health() == {"status": "ok"}
    assert "x-api-key" not in recorder.last.headers
    assert str(recorder.last.url) == f"{US}/health"


def test_bearer_auth() -> None:
    recorder = Recorder(json_response(200, {"status": "ok"}))
    client = Bearer(api_key=API_KEY, http_client=recorder.client())

    client.request(Endpoint[Any](method="GET", path="/me", responses={"200": Any}))

    assert recorder.last.headers["authorization"] == f"Bearer {API_KEY}"
    assert str(recorder.last.url) == "https://api.bearer.example.test/me"


class KeyInQueryAndCookie(SyncAPIClient):
    _config = ClientConfig(
        name="Multi",
        user_agent="Multi/1",
        servers={"main": "https://multi.example.test/base/"},
        auth=(ApiKeyAuth("key", "query"), ApiKeyAuth("session", "cookie")),
    )


class WithBasicAuth(SyncAPIClient):
    _config = ClientConfig(
        name="Basic",
        user_agent="Basic/1",
        servers={"main": "https://b.example.test"},
        auth=(BasicAuth(),),
    )


def test_query_and_cookie_api_keys() -> None:
    recorder = Recorder(json_response(200, {}))
    client = KeyInQueryAndCookie(api_key="s3cret", http_client=recorder.client())

    client.request(
        Endpoint[Any](method="GET", path="/items", responses={"200": Any}),
        query={"page": 2},
    )

    assert str(recorder.last.url) == "https://multi.example.test/base/items?key=s3cret&page=2"
    assert recorder.last.headers["cookie"] == "session=s3cret"


def test_a_cookie_api_key_joins_the_call_s_cookies_and_the_jar_s_without_staying() -> None:
    recorder = Recorder(json_response(200, {}))
    http_client = httpx.Client(
        transport=httpx.MockTransport(recorder._answer), cookies={"sticky": "node-3"}
    )
    client = KeyInQueryAndCookie(api_key="s3cret", http_client=http_client)
    endpoint = Endpoint[Any](method="GET", path="/items", responses={"200": Any})

    client.request(endpoint, cookies={"theme": "dark"})

    sent = sorted(recorder.last.headers.get_list("cookie", split_commas=False))
    assert len(sent) == 1
    assert sorted(sent[0].split("; ")) == ["session=s3cret", "sticky=node-3", "theme=dark"]
    assert dict(http_client.cookies) == {"sticky": "node-3"}
    client.request(endpoint)
    assert sorted(recorder.last.headers["cookie"].split("; ")) == [
        "session=s3cret",
        "sticky=node-3",
    ]


def test_a_cookie_api_key_that_no_header_could_carry_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="cannot carry"):
        KeyInQueryAndCookie(api_key="s3cret\n", http_client=httpx.Client())


def test_basic_auth() -> None:
    recorder = Recorder(json_response(200, {}))
    client = WithBasicAuth(api_key="user:pa ss", http_client=recorder.client())

    client.request(Endpoint[Any](method="GET", path="/", responses={"200": Any}))

    expected = base64.b64encode(b"user:pa ss").decode()
    assert recorder.last.headers["authorization"] == f"Basic {expected}"


def test_http_client_defaults_are_kept_but_ours_win() -> None:
    recorder = Recorder(json_response(200, []))
    transport = httpx.MockTransport(recorder._answer)
    http_client = httpx.Client(
        transport=transport,
        headers={"X-Proxy-Token": "p", "User-Agent": "theirs"},
        params={"region": "x"},
        cookies={"sticky": "node-3"},
    )
    client = Poly(api_key=API_KEY, http_client=http_client)

    client.phone_numbers.list("a1", limit=1)

    request = recorder.last
    assert request.headers["x-proxy-token"] == "p"
    assert request.headers["user-agent"] == "PolyTest/Python 0.0.1"
    assert request.url.query == b"region=x&limit=1"
    assert request.headers["cookie"] == "sticky=node-3"


def test_per_call_timeout_reaches_the_transport() -> None:
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client(), timeout=12.0)

    client.phone_numbers.import_("a1", phone_numbers=NUMBERS)
    assert recorder.last.extensions["timeout"] == httpx.Timeout(12.0).as_dict()

    client.phone_numbers.import_("a1", phone_numbers=NUMBERS, timeout=httpx.Timeout(3.0, read=9))
    assert recorder.last.extensions["timeout"] == {
        "connect": 3.0,
        "read": 9,
        "write": 3.0,
        "pool": 3.0,
    }


def test_default_timeout_and_the_http_client_timeout() -> None:
    own = Poly(api_key=API_KEY)
    assert own.timeout == httpx.Timeout(60.0, connect=5.0)
    own.close()

    theirs = Poly(api_key=API_KEY, http_client=httpx.Client(timeout=7.5))
    assert theirs.timeout == httpx.Timeout(7.5)


def test_header_values_are_text() -> None:
    recorder = Recorder(json_response(200, {}))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    endpoint = Endpoint[Any](method="GET", path="/h", responses={"200": Any}, security=())

    client.request(
        endpoint, headers={"X-Flag": True, "X-Count": 3, "X-None": None, "X-Unset": NOT_GIVEN}
    )

    assert recorder.last.headers["x-flag"] == "true"
    assert recorder.last.headers["x-count"] == "3"
    assert "x-none" not in recorder.last.headers
    assert "x-unset" not in recorder.last.headers


def test_body_of_list_type_and_list_endpoint() -> None:
    recorder = Recorder(json_response(200, [{"phoneNumber": "+1", "status": "ok"}]))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    items = client.request(LIST_NUMBERS, path=("a",))

    assert [item.phone_number for item in items] == ["+1"]


def test_request_body_struct_round_trip_matches_type() -> None:
    """The body sent is the encoding of the Struct itself, not of the validation copy."""
    recorder = Recorder()
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    body = ImportBody(phone_numbers=[PhoneNumberSpec(phone_number="+1")])

    client.request(IMPORT, path=("a",), body=body)

    assert recorder.last.content == msgspec.json.encode(body)


# -- Accept -----------------------------------------------------------------------------------

AUDIO = Endpoint[bytes](
    method="GET",
    path="/audio",
    responses={"200": bytes},
    accept="audio/wav, application/json;q=0.9",
)
NO_CONTENT = Endpoint[None](method="DELETE", path="/things", responses={"204": None})


def _accept_sent(
    endpoint: Endpoint[Any],
    client_headers: dict[str, str] | None = None,
    default_headers: dict[str, str] | None = None,
    **arguments: Any,
) -> str:
    """The `Accept` a call sends, with these headers on the http_client and the client."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=b"[]")

    http_client = httpx.Client(transport=httpx.MockTransport(answer), headers=client_headers)
    client = Poly(api_key=API_KEY, http_client=http_client, default_headers=default_headers)
    client.request(endpoint, **arguments)
    return sent[-1].headers["accept"]


def test_each_endpoint_sends_its_own_accept() -> None:
    assert _accept_sent(AUDIO) == "audio/wav, application/json;q=0.9"
    assert _accept_sent(LIST_NUMBERS, path=("a",)) == "application/json"


def test_without_documented_content_the_http_clients_accept_is_sent() -> None:
    assert _accept_sent(NO_CONTENT) == "*/*"
    assert _accept_sent(NO_CONTENT, {"Accept": "application/xml"}) == "application/xml"
    # An endpoint's own media types replace the http_client's: the server must be able to answer.
    assert _accept_sent(AUDIO, {"Accept": "application/xml"}) == "audio/wav, application/json;q=0.9"


def test_the_callers_accept_wins() -> None:
    options = RequestOptions(extra_headers={"Accept": "audio/mpeg"})
    assert _accept_sent(AUDIO, options=options) == "audio/mpeg"
    assert _accept_sent(AUDIO, default_headers={"Accept": "audio/ogg"}) == "audio/ogg"
    assert (
        _accept_sent(AUDIO, default_headers={"Accept": "audio/ogg"}, options=options)
        == "audio/mpeg"
    )
