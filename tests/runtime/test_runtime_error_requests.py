"""Errors users can inspect, as in the Stainless SDKs: a status error's `response` and
`request`, a connection error's `request` and the URL in its message, all with the
credentials masked; and a base URL that httpx would take for a path, refused up front."""

from __future__ import annotations

import re
import socket
from typing import Any, ClassVar

import httpx
import pytest
from runtime import (
    APIConnectionError,
    ApiKeyAuth,
    APIStatusError,
    AuthenticationError,
    ClientConfig,
    Endpoint,
    SyncAPIClient,
)
from runtime._masking import Mask
from runtime_support import (
    API_KEY,
    BASE_URL_ENV,
    AsyncPoly,
    DroppingServer,
    PhoneNumberSpec,
    Poly,
)
from support.local_server import ScriptedServer

NUMBERS = [PhoneNumberSpec(phone_number="+14155551234")]
PATH = "/v1/agents/a/telephony/phone-numbers"
# Credentials of the caller's own, beside the client's `x-api-key`.
OWN = {"Authorization": f"Bearer {API_KEY}", "Cookie": f"session={API_KEY}"}
REFUSED = (401, {"x-request-id": "r1"}, b'{"message": "Invalid API key"}')


def refused_port() -> int:
    """A port on 127.0.0.1 nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _request_text(request: httpx.Request) -> list[str]:
    return [
        repr(request),
        str(request.url),
        repr(request.headers),
        repr(request.headers.multi_items()),
        request.content.decode("utf-8", "replace"),
    ]


def everything_shown(error: BaseException) -> str:
    """The text of all a user (or an error tracker) can reach from `error`: its message and
    arguments, its request and response, and the httpx error it was raised from."""
    parts = [repr(error), str(error), *(repr(arg) for arg in error.args)]
    if isinstance(error, APIStatusError):
        response = error.response
        parts += [repr(response), repr(response.headers.multi_items()), response.text]
        parts += _request_text(error.request)
        parts += _request_text(response.request)
    if isinstance(error, APIConnectionError):
        parts += _request_text(error.request)
    cause = error.__cause__
    if cause is not None:
        parts += [repr(cause), str(cause)]
        if isinstance(cause, httpx.RequestError):
            parts += _request_text(cause.request)
    return "\n".join(parts)


def test_everything_shown_would_catch_a_leak() -> None:
    request = httpx.Request("GET", "https://x.test/", headers={"x-api-key": API_KEY})
    error = APIConnectionError("Connection error.", request=request)
    assert API_KEY in everything_shown(error)


def test_a_status_error_keeps_the_response_and_the_masked_request() -> None:
    with ScriptedServer(REFUSED).running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=0)
        with pytest.raises(AuthenticationError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS, extra_headers=OWN)
        client.close()
        sent = server.seen[0].headers

    assert sent["x-api-key"] == API_KEY  # sent as is...
    error = caught.value
    response = error.response
    assert isinstance(response, httpx.Response)
    assert response.status_code == 401
    assert response.headers["x-request-id"] == "r1"
    assert response.json() == {"message": "Invalid API key"}
    assert response.request is error.request
    request = error.request
    assert request.method == "POST"
    assert str(request.url) == f"{server.url}{PATH}"
    assert request.headers["user-agent"] == "PolyTest/Python 0.0.1"
    assert b"+14155551234" in request.content
    for name in ("x-api-key", "authorization", "cookie"):
        assert request.headers[name] == "[redacted]"
    assert API_KEY not in everything_shown(error)  # ...and never shown


@pytest.mark.anyio
async def test_an_async_status_error_keeps_them_too() -> None:
    with ScriptedServer(REFUSED).running() as server:
        async with AsyncPoly(api_key=API_KEY, base_url=server.url, max_retries=0) as client:
            with pytest.raises(AuthenticationError) as caught:
                await client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert caught.value.response.status_code == 401
    assert caught.value.request.headers["x-api-key"] == "[redacted]"
    assert API_KEY not in everything_shown(caught.value)


def test_a_refused_connection_names_the_method_and_url() -> None:
    base_url = f"http://127.0.0.1:{refused_port()}"
    client = Poly(api_key=API_KEY, base_url=base_url, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS, extra_headers=OWN)
    client.close()

    error = caught.value
    assert str(error) == f"Connection error (ConnectError): POST {base_url}{PATH}"
    assert error.request.method == "POST"
    assert str(error.request.url) == f"{base_url}{PATH}"
    for name in ("x-api-key", "authorization", "cookie"):
        assert error.request.headers[name] == "[redacted]"
    assert API_KEY not in everything_shown(error)


def test_a_dropped_connection_names_the_method_and_url() -> None:
    with DroppingServer().running() as server:
        client = Poly(api_key=API_KEY, base_url=server.url, max_retries=0)
        with pytest.raises(APIConnectionError) as caught:
            client.phone_numbers.import_("a", phone_numbers=NUMBERS)
        client.close()

    assert str(caught.value) == f"Connection error (RemoteProtocolError): POST {server.url}{PATH}"
    assert API_KEY not in everything_shown(caught.value)


class QueryKey(SyncAPIClient):
    _config: ClassVar[ClientConfig] = ClientConfig(
        name="QueryKey",
        user_agent="QueryKey/1",
        servers={"main": "https://q.example.test"},
        auth=(ApiKeyAuth("api_key", "query"),),
    )


ITEMS = Endpoint[Any](method="GET", path="/items", responses={"200": Any})


def test_a_key_in_the_query_is_masked_in_the_url_of_every_error() -> None:
    base_url = f"http://127.0.0.1:{refused_port()}"
    client = QueryKey(api_key=API_KEY, base_url=base_url, max_retries=0)
    with pytest.raises(APIConnectionError) as refused:
        client.request(ITEMS, query={"page": 1})
    with ScriptedServer(REFUSED).running() as server:
        client = QueryKey(api_key=API_KEY, base_url=server.url, max_retries=0)
        with pytest.raises(APIStatusError) as rejected:
            client.request(ITEMS, query={"page": 1})
        assert server.requests[0][2]["api_key"] == API_KEY

    shown = "api_key=%5Bredacted%5D&page=1"
    assert str(refused.value) == f"Connection error (ConnectError): GET {base_url}/items?{shown}"
    assert str(rejected.value.request.url) == f"{server.url}/items?{shown}"
    assert API_KEY not in everything_shown(refused.value)
    assert API_KEY not in everything_shown(rejected.value)


def test_a_mask_copies_what_it_can_of_a_streamed_body() -> None:
    request = httpx.Request("PUT", "https://u:pw@x.test/a", content=iter([b"chunk"]))
    copy = Mask().request(request)
    assert copy.content == b""
    assert str(copy.url) == "https://u:%5Bredacted%5D@x.test/a"


@pytest.mark.parametrize(
    "base_url", ["api.example.com", "api.example.com/v1", "localhost:8080", "//api.example.com"]
)
def test_a_base_url_without_a_scheme_is_refused_at_construction(base_url: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(base_url))) as caught:
        Poly(api_key=API_KEY, base_url=base_url)
    assert str(caught.value).startswith("base_url= must be an absolute http(s) URL")

    client = Poly(api_key=API_KEY, base_url="https://api.example.com")
    with pytest.raises(ValueError, match=re.escape(repr(base_url))):
        client.with_options(base_url=base_url)


def test_a_base_url_without_a_scheme_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "api.example.com")
    with pytest.raises(ValueError) as caught:
        Poly(api_key=API_KEY)
    assert str(caught.value) == (
        f"The {BASE_URL_ENV} environment variable must be an absolute http(s) URL such as"
        " 'https://api.example.com', got 'api.example.com'"
    )
