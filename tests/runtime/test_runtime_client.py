"""Client construction, option copies and the lifetime of the connection pool."""

from __future__ import annotations

from typing import ClassVar

import httpx
import pytest
from runtime import ClientConfig, MissingAPIKeyError, SyncAPIClient
from runtime_support import (
    API_KEY,
    API_KEY_ENV,
    BASE_URL_ENV,
    EU,
    UK,
    US,
    AsyncPoly,
    Bearer,
    PhoneNumberSpec,
    Poly,
    Recorder,
    json_response,
)

NUMBERS = [PhoneNumberSpec(phone_number="+1")]


def test_api_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_KEY_ENV, "from-env")
    recorder = Recorder()
    client = Poly(http_client=recorder.client())

    client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert recorder.last.headers["x-api-key"] == "from-env"


def test_explicit_api_key_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_KEY_ENV, "from-env")
    recorder = Recorder()
    Poly(api_key="explicit", http_client=recorder.client()).phone_numbers.import_(
        "a", phone_numbers=NUMBERS
    )
    assert recorder.last.headers["x-api-key"] == "explicit"


def test_missing_api_key() -> None:
    with pytest.raises(MissingAPIKeyError) as caught:
        Poly()
    assert str(caught.value) == (
        "The api_key client option must be set either by passing api_key=... to the PolyTest"
        " client or by setting the RTTEST_API_KEY environment variable"
    )


def test_empty_api_key_counts_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RTTEST_BEARER_API_KEY", "")
    with pytest.raises(MissingAPIKeyError, match="RTTEST_BEARER_API_KEY"):
        Bearer()


def test_api_key_a_header_cannot_carry() -> None:
    with pytest.raises(ValueError, match="stray newline") as caught:
        Poly(api_key="sk-abc\n")
    assert "sk-abc" not in str(caught.value)


class NoAuth(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(name="Open", user_agent="Open/1")


def test_api_without_auth_needs_no_key_but_a_base_url() -> None:
    with pytest.raises(ValueError, match=r"The Open client needs base_url=\.\.\."):
        NoAuth()
    client = NoAuth(base_url="http://127.0.0.1:9/")
    assert client.base_url == httpx.URL("http://127.0.0.1:9")
    client.close()


@pytest.mark.parametrize(("region", "url"), [(None, US), ("us", US), ("uk", UK), ("eu", EU)])
def test_server_selection(region: str | None, url: str) -> None:
    client = Poly(api_key=API_KEY, region=region, http_client=httpx.Client())  # type: ignore[arg-type]
    assert str(client.base_url) == url


def test_unknown_server_lists_the_allowed_names() -> None:
    with pytest.raises(ValueError) as caught:
        Poly(api_key=API_KEY, region="ap", http_client=httpx.Client())  # type: ignore[arg-type]
    assert str(caught.value) == "Unknown region 'ap'; expected one of 'us', 'uk', 'eu'"


def test_base_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:8001/env/")
    http_client = httpx.Client()
    assert str(Poly(api_key=API_KEY, http_client=http_client).base_url) == (
        "http://127.0.0.1:8001/env"
    )
    assert str(Poly(api_key=API_KEY, region="eu", http_client=http_client).base_url) == (
        "http://127.0.0.1:8001/env"
    )
    explicit = Poly(api_key=API_KEY, base_url="http://127.0.0.1:8002", http_client=http_client)
    assert str(explicit.base_url) == "http://127.0.0.1:8002"


def test_with_options_copies_without_calling_init() -> None:
    recorder = Recorder()
    http_client = recorder.client()
    client = Poly(
        api_key=API_KEY, http_client=http_client, max_retries=5, default_headers={"X-A": "1"}
    )

    copy = client.with_options(
        api_key="other-key",
        server="uk",
        timeout=3.0,
        max_retries=0,
        default_headers={"X-B": "2"},
        default_query={"q": "1"},
    )
    copy.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert type(copy) is Poly
    assert copy._http is http_client
    assert copy.max_retries == 0
    assert copy.timeout == httpx.Timeout(3.0)
    request = recorder.last
    assert str(request.url) == f"{UK}/v1/agents/a/telephony/phone-numbers?q=1"
    assert request.headers["x-api-key"] == "other-key"
    assert request.headers["x-a"] == "1"
    assert request.headers["x-b"] == "2"
    assert copy.phone_numbers is not client.phone_numbers
    assert copy.phone_numbers._client is copy

    # The original is untouched.
    client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert recorder.last.headers["x-api-key"] == API_KEY
    assert "x-b" not in recorder.last.headers
    assert str(recorder.last.url) == f"{US}/v1/agents/a/telephony/phone-numbers"
    assert client.max_retries == 5


def test_with_options_keeps_unchanged_options() -> None:
    client = Poly(api_key=API_KEY, base_url="http://127.0.0.1:8003", timeout=4.0)
    copy = client.with_options(max_retries=1)
    assert str(copy.base_url) == "http://127.0.0.1:8003"
    assert copy.timeout == httpx.Timeout(4.0)
    assert copy.with_options(base_url="http://127.0.0.1:8004").base_url.port == 8004
    client.close()


def test_with_options_takes_the_server_under_its_api_name() -> None:
    recorder = Recorder(json_response(200, []))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    client.with_options(region="eu").phone_numbers.list("a")
    assert recorder.last.url.host == "api.eu.example.test"
    assert str(client.with_options(region="uk", timeout=2.0).base_url) == UK

    with pytest.raises(
        TypeError, match=r"Poly.with_options\(\) got an unexpected keyword argument 'regoin'"
    ):
        client.with_options(regoin="eu")
    with pytest.raises(TypeError, match="unexpected keyword argument 'region'"):
        Bearer(api_key=API_KEY, http_client=httpx.Client()).with_options(region="eu")


def test_with_options_rejects_unknown_server() -> None:
    client = Poly(api_key=API_KEY, http_client=httpx.Client())
    with pytest.raises(ValueError, match="Unknown region 'mars'"):
        client.with_options(server="mars")
    with pytest.raises(ValueError, match="Unknown region 'mars'"):
        client.with_options(region="mars")


def test_context_manager_closes_its_own_pool() -> None:
    with Poly(api_key=API_KEY) as client:
        pool = client._http
        assert not pool.is_closed
    assert pool.is_closed


def test_a_copy_shares_and_closes_the_pool_it_shares() -> None:
    client = Poly(api_key=API_KEY)
    copy = client.with_options(max_retries=0)
    assert copy._http is client._http
    copy.close()
    assert client._http.is_closed


def test_callers_http_client_is_left_open() -> None:
    http_client = httpx.Client()
    with Poly(api_key=API_KEY, http_client=http_client) as client:
        client.with_options(timeout=1.0).close()
    assert not http_client.is_closed
    http_client.close()


@pytest.mark.anyio
async def test_async_context_manager_and_ownership() -> None:
    async with AsyncPoly(api_key=API_KEY) as client:
        pool = client._http
        assert isinstance(pool, httpx.AsyncClient)
    assert pool.is_closed

    theirs = httpx.AsyncClient()
    async with AsyncPoly(api_key=API_KEY, http_client=theirs):
        pass
    assert not theirs.is_closed
    await theirs.aclose()


@pytest.mark.anyio
async def test_async_with_options() -> None:
    recorder = Recorder(json_response(200, {"phoneNumber": "+1", "status": "ok"}))
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    item = await client.with_options(server="eu").phone_numbers.get("+1", agent_id="a")

    assert item.status == "ok"
    assert recorder.last.url.host == "api.eu.example.test"


def test_repr_shows_class_and_base_url() -> None:
    client = Poly(api_key=API_KEY, http_client=httpx.Client())
    assert repr(client) == f"<Poly base_url='{US}'>"
    assert repr(client.with_options(server="eu")) == f"<Poly base_url='{EU}'>"
