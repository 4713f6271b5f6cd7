"""The API key never shows in a repr, a message, a log line or a raw response."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import httpx
import pytest
from runtime import (
    APIConnectionError,
    ApiKeyAuth,
    APIStatusError,
    APITimeoutError,
    ClientConfig,
    Endpoint,
    RequestValidationError,
    ResponseValidationError,
    SyncAPIClient,
)
from runtime_support import (
    API_KEY,
    AsyncPoly,
    DroppingServer,
    PhoneNumberSpec,
    Poly,
    Recorder,
    json_response,
)
from support.local_server import ScriptedServer

NUMBERS = [PhoneNumberSpec(phone_number="+1")]


def shown(obj: object) -> str:
    """Everything a user could print about `obj` without reaching into private internals."""
    parts = [repr(obj), str(obj)]
    if isinstance(obj, BaseException):
        parts += [repr(arg) for arg in obj.args]
    for name in getattr(obj, "__dict__", {}):
        parts.append(f"{name}={getattr(obj, name)!r}")
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(obj, name):
                parts.append(f"{name}={getattr(obj, name)!r}")
    return "\n".join(parts)


def test_shown_would_catch_a_leak() -> None:
    """The checks below are only worth something if `shown` reveals plain attributes."""

    class Leaky:
        def __init__(self) -> None:
            self.token = API_KEY

    assert API_KEY in shown(Leaky())


def test_clients_and_their_copies() -> None:
    client = Poly(api_key=API_KEY, http_client=httpx.Client())
    for obj in (
        client,
        client.with_options(max_retries=1),
        client._raw_view(),
        client.phone_numbers,
    ):
        assert API_KEY not in shown(obj)
    assert API_KEY not in repr(vars(client))


class QueryKey(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(
        name="QueryKey",
        user_agent="QueryKey/1",
        servers={"main": "https://q.example.test"},
        auth=(ApiKeyAuth("api_key", "query"),),
    )


def test_raw_response_and_logs_mask_a_key_in_the_query(caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder(json_response(200, {"ok": True}))
    client = QueryKey(api_key=API_KEY, http_client=recorder.client())
    endpoint = Endpoint[Any](method="GET", path="/items", responses={"200": Any})
    raw_client = client._raw_view()

    with caplog.at_level(logging.DEBUG, logger="runtime"):
        raw = raw_client.request(endpoint, query={"page": 1})

    assert recorder.last.url.params["api_key"] == API_KEY  # it is sent...
    assert str(raw.url) == "https://q.example.test/items?api_key=%5Bredacted%5D&page=1"
    assert API_KEY not in shown(raw)  # ...but never shown
    assert API_KEY not in caplog.text
    assert "api_key=%5Bredacted%5D" in caplog.text


def test_status_errors_and_raw_responses_keep_no_request(caplog: pytest.LogCaptureFixture) -> None:
    script = [
        (503, {}, b"{}"),
        (201, {}, b'{"imported": [], "count": 0}'),
        (401, {"x-request-id": "r1"}, b'{"message": "Invalid API key"}'),
    ]
    with ScriptedServer(*script).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=1)
        with caplog.at_level(logging.DEBUG):
            raw = client.phone_numbers.with_raw_response.import_("a", phone_numbers=NUMBERS)
            with pytest.raises(APIStatusError) as caught:
                client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()

    assert raw.retries_taken == 1
    assert API_KEY not in shown(raw)
    assert caught.value.status_code == 401
    assert API_KEY not in shown(caught.value)
    # Every record, httpx's and httpcore's included, at DEBUG.
    assert len(caplog.records) > 4
    assert API_KEY not in caplog.text
    assert all(API_KEY not in repr(record.args) for record in caplog.records)


def test_validation_errors() -> None:
    recorder = Recorder(httpx.Response(201, content=b'{"imported": 1}'))
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(ResponseValidationError) as response_error:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    with pytest.raises(RequestValidationError) as request_error:
        client.phone_numbers.import_("a", phone_numbers=[1])  # type: ignore[list-item]

    assert API_KEY not in shown(response_error.value)
    assert API_KEY not in shown(request_error.value)


def test_connection_errors() -> None:
    with DroppingServer().running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=0)
        with pytest.raises(APIConnectionError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()
    assert API_KEY not in shown(caught.value)
    assert API_KEY not in str(caught.value.__cause__)


@pytest.mark.anyio
async def test_async_timeout_error() -> None:
    with ScriptedServer(5.0).running() as server:
        async with AsyncPoly(
            api_key=API_KEY, base_url=server.url, timeout=0.05, max_retries=0
        ) as client:
            with pytest.raises(APITimeoutError) as caught:
                await client.phone_numbers.import_("a", phone_numbers=NUMBERS)
    assert API_KEY not in shown(caught.value)


def test_a_key_the_message_would_cut_in_two_is_masked_whole() -> None:
    """The vendor's message is shortened to 500 characters: a key echoed across the cut is
    masked before, so no part of it shows."""
    echoed = b'{"message": "' + b"x" * 490 + API_KEY.encode() + b' is not valid"}'
    recorder = Recorder(httpx.Response(401, content=echoed))
    client = Poly(api_key=API_KEY, http_client=recorder.client(), max_retries=0)

    with pytest.raises(APIStatusError) as caught:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert API_KEY[:6] not in str(caught.value)
    assert str(caught.value).endswith("x[redacted]…")
    assert caught.value.content == echoed  # as received


def test_a_bearer_token_the_request_carried_is_masked_in_the_message() -> None:
    """Whoever added it (an OAuth2 flow, the http_client's own auth), a credential the
    request carried does not show where the server echoes it."""
    token = "eyJhbGciOi.token-of-the-caller"

    def refuse(request: httpx.Request) -> httpx.Response:
        said = request.headers["authorization"].removeprefix("Bearer ")
        return httpx.Response(401, json={"detail": f"token {said} has expired"})

    http = httpx.Client(
        transport=httpx.MockTransport(refuse), headers={"Authorization": f"Bearer {token}"}
    )
    client = Poly(api_key=API_KEY, http_client=http, max_retries=0)

    with pytest.raises(APIStatusError) as caught:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert str(caught.value) == "Error code: 401 - token [redacted] has expired"
    assert caught.value.request.headers["authorization"] == "[redacted]"
