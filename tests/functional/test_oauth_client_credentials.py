"""OAuth2 client credentials, end to end: a generated client against a real token server
and a real API server on 127.0.0.1 (two ports, so two origins).

The token server counts its requests and checks the client authentication; the API
accepts only the tokens it was told to, so expiry, revocation (401) and concurrent first
calls show in how many tokens were fetched. A third server stands for another origin.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from generated_package import importable
from settings_package import write_package
from support.local_server import Exchange, LocalServer

CLIENT_ID = "app id"  # a space: form-encoded before HTTP basic (RFC 6749 §2.3.1)
CLIENT_SECRET = "s3cret:with/colon"
SETTINGS = 'package = "vault"\nclient_class = "Vault"\nasync_client_class = "AsyncVault"\n'


class TokenServer:
    """Issues `tok-1`, `tok-2`, … to the right client; `expires_in`, `delay` and the tokens'
    `prefix` are settable."""

    def __init__(self) -> None:
        self.server = LocalServer(self._handle)
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.issued: list[str] = []
        self.forms: list[dict[str, list[str]]] = []
        self.expires_in: float | None = 3600
        self.delay = 0.0
        self.prefix = "tok-"
        self.answer: tuple[int, dict[str, str], bytes] | None = None

    def _handle(self, exchange: Exchange) -> None:
        body = exchange.body().decode()
        if self.answer is not None:
            status, headers, content = self.answer
            exchange.start(status, headers, content_length=len(content))
            exchange.write(content)
            return
        pair = "app%20id:s3cret%3Awith%2Fcolon"
        if exchange.headers.get("Authorization") != "Basic " + base64.b64encode(
            pair.encode()
        ).decode("ascii"):
            exchange.send_json({"error": "invalid_client"}, status=401)
            return
        time.sleep(self.delay)
        with self.lock:
            self.forms.append(parse_qs(body))
            token = f"{self.prefix}{len(self.issued) + 1}"
            self.issued.append(token)
        answer: dict[str, Any] = {"access_token": token, "token_type": "bearer"}
        if self.expires_in is not None:
            answer["expires_in"] = self.expires_in
        exchange.send_json(answer)


class ApiServer:
    """Answers 200 to a bearer token it accepts (by default every issued one), else 401
    (naming the token it refused when `echo` is set, as some servers do)."""

    def __init__(self, tokens: TokenServer) -> None:
        self.tokens = tokens
        self.server = LocalServer(self._handle)
        self.reset()

    def reset(self) -> None:
        self.revoked: set[str] = set()
        self.redirect_to: str | None = None
        self.echo = False

    def _handle(self, exchange: Exchange) -> None:
        exchange.body()
        if self.redirect_to is not None:
            exchange.start(302, {"Location": self.redirect_to + "/things"}, content_length=0)
            return
        given = exchange.headers.get("Authorization", "")
        token = given.removeprefix("Bearer ")
        accepted = token in self.tokens.issued and token not in self.revoked
        if accepted or token == "mine":
            exchange.send_json({"token": token})
        elif self.echo:
            refused = {"error": "invalid_token", "error_description": f"{token} is revoked"}
            exchange.send_json(refused, status=401)
        else:
            exchange.send_json({"error": "invalid_token"}, status=401)


def _spec(token_url: str) -> dict[str, Any]:
    def get(operation_id: str, security: list[dict[str, list[str]]]) -> dict[str, Any]:
        return {
            "get": {
                "operationId": operation_id,
                "tags": ["things"],
                "security": security,
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        }

    return {
        "openapi": "3.1.0",
        "info": {"title": "Vault", "version": "1"},
        "servers": [{"url": "https://vault.test"}],
        "paths": {
            "/things": get("thingsList", [{"OAuth": ["things:read"]}]),
            "/digest": get("thingsDigest", [{"Digest": []}]),
        },
        "components": {
            "securitySchemes": {
                "OAuth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": token_url,
                            "scopes": {"things:read": "Read things.", "things:write": "Write."},
                        }
                    },
                },
                "Digest": {"type": "http", "scheme": "digest"},
            }
        },
    }


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[TokenServer, ApiServer]]:
    tokens = TokenServer()
    api = ApiServer(tokens)
    with tokens.server.running(), api.server.running():
        yield tokens, api


@pytest.fixture(scope="module")
def vault_package(
    servers: tuple[TokenServer, ApiServer], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    token_url = servers[0].server.url + "/oauth/token"
    return write_package(_spec(token_url), SETTINGS, tmp_path_factory.mktemp("vault"))


@pytest.fixture
def vault(vault_package: tuple[Path, str], servers: tuple[TokenServer, ApiServer]) -> Any:
    for server in servers:
        server.reset()
        server.server.seen.clear()
    with importable(*vault_package) as module:
        yield module


def _sync(vault: Any, api: ApiServer, **credentials: str) -> Any:
    given = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **credentials}
    return vault.Vault(base_url=api.server.url, max_retries=0, **given)


def _async(vault: Any, api: ApiServer, **credentials: str) -> Any:
    given = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **credentials}
    return vault.AsyncVault(base_url=api.server.url, max_retries=0, **given)


def test_the_first_call_fetches_a_token_that_later_calls_reuse(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    with _sync(vault, api) as client:
        assert [client.things.list() for _ in range(3)] == [{"token": "tok-1"}] * 3
    assert tokens.issued == ["tok-1"]
    # Form-encoded, with the scopes the spec's requirements name (not every defined one).
    assert tokens.forms == [{"grant_type": ["client_credentials"], "scope": ["things:read"]}]
    (fetch,) = tokens.server.seen
    assert (fetch.method, fetch.path) == ("POST", "/oauth/token")
    assert fetch.headers["content-type"] == "application/x-www-form-urlencoded"
    # The secret goes to the token URL only, the token to the API only.
    assert all(seen.headers["authorization"] == "Bearer tok-1" for seen in api.server.seen)
    assert len(api.server.seen) == 3


def test_copies_with_other_options_share_the_token_but_not_other_credentials(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    client = _sync(vault, api)
    client.things.list()
    assert client.with_options(timeout=5).things.list() == {"token": "tok-1"}
    assert client.things.with_raw_response.list().parse() == {"token": "tok-1"}
    other = client.with_options(client_secret=CLIENT_SECRET + "x")
    with pytest.raises(vault.AuthenticationError):  # its own fetch, with its own secret
        other.things.list()
    assert tokens.issued == ["tok-1"]


def test_client_id_and_secret_come_from_their_environment_variables(
    vault: Any, servers: tuple[TokenServer, ApiServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, api = servers
    monkeypatch.setenv("VAULT_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("VAULT_CLIENT_SECRET", CLIENT_SECRET)
    assert vault.Vault(base_url=api.server.url).things.list() == {"token": "tok-1"}


def test_a_given_access_token_is_sent_instead_of_fetching_one(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    assert _sync(vault, api, access_token="mine").things.list() == {"token": "mine"}
    assert vault.Vault(base_url=api.server.url, access_token="mine").things.list()
    assert tokens.server.seen == []


def test_without_a_secret_the_call_names_what_would_do_before_sending(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    client = vault.Vault(base_url=api.server.url, client_id=CLIENT_ID)
    with pytest.raises(vault.MissingAPIKeyError) as caught:
        client.things.list()
    assert "pass access_token=... (or set VAULT_ACCESS_TOKEN), or client_id=... (or set" in str(
        caught.value
    )
    assert tokens.server.seen == [] and api.server.seen == []


def test_an_expired_token_is_replaced_before_it_is_sent(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    tokens.expires_in = 0.5  # renewed a tenth of its lifetime early: after 0.45 s
    client = _sync(vault, api)
    assert client.things.list() == {"token": "tok-1"}
    assert client.things.list() == {"token": "tok-1"}
    time.sleep(0.5)
    assert client.things.list() == {"token": "tok-2"}
    assert len(api.server.seen) == 3  # no request went out with the expired token


def test_a_401_fetches_a_new_token_once_then_is_raised(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    client = _sync(vault, api)
    client.things.list()
    api.revoked.add("tok-1")
    assert client.things.list() == {"token": "tok-2"}
    assert tokens.issued == ["tok-1", "tok-2"]
    api.revoked.update({"tok-2", "tok-3"})
    with pytest.raises(vault.AuthenticationError):
        client.things.list()
    assert tokens.issued == ["tok-1", "tok-2", "tok-3"]  # one refresh per call, not a loop
    assert [s.headers["authorization"] for s in api.server.seen[-2:]] == [
        "Bearer tok-2",
        "Bearer tok-3",
    ]


def test_async_fetches_refreshes_and_raises_alike(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers

    async def calls() -> None:
        async with _async(vault, api) as client:
            assert await client.things.list() == {"token": "tok-1"}
            assert await client.things.list() == {"token": "tok-1"}
            api.revoked.add("tok-1")
            assert await client.things.list() == {"token": "tok-2"}
            api.revoked.update({"tok-2", "tok-3"})
            with pytest.raises(vault.AuthenticationError):
                await client.things.list()

    asyncio.run(calls())
    assert tokens.issued == ["tok-1", "tok-2", "tok-3"]


def test_concurrent_first_calls_share_one_fetch(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    tokens.delay = 0.2
    client = _sync(vault, api)
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(client.things.list())) for _ in "1234"
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [{"token": "tok-1"}] * 4
    assert tokens.issued == ["tok-1"]


def test_concurrent_first_async_calls_share_one_fetch(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    tokens.delay = 0.2

    async def calls() -> list[Any]:
        async with _async(vault, api) as client:
            return list(await asyncio.gather(*(client.things.list() for _ in range(4))))

    results = asyncio.run(calls())
    assert results == [{"token": "tok-1"}] * 4
    assert tokens.issued == ["tok-1"]


def test_a_rejected_client_is_an_authentication_error_without_the_secret(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    echoed = json.dumps({"error": "invalid_client", "error_description": CLIENT_SECRET}).encode()
    tokens.answer = (401, {"Content-Type": "application/json"}, echoed)
    with pytest.raises(vault.AuthenticationError) as caught:
        _sync(vault, api).things.list()
    assert CLIENT_SECRET not in str(caught.value)
    assert api.server.seen == []  # nothing goes to the API without a token


def test_a_token_answer_without_a_token_is_an_error(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    tokens, api = servers
    tokens.answer = (200, {"Content-Type": "application/json"}, b'{"token_type": "bearer"}')
    with pytest.raises(vault.TokenError, match="without an access token"):
        _sync(vault, api).things.list()
    tokens.answer = (200, tokens.answer[1], b'{"access_token": "t", "token_type": "mac"}')
    with pytest.raises(vault.TokenError, match="not a bearer token"):
        _sync(vault, api).things.list()
    assert issubclass(vault.TokenError, vault.APIError)


def test_a_token_never_shows_in_an_error_of_the_api_or_of_the_token_url(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    """Both servers name the token they refuse: the errors show it masked."""
    tokens, api = servers
    tokens.prefix, api.echo = "a-long-lived-token-", True
    client = _sync(vault, api)
    assert client.things.list() == {"token": "a-long-lived-token-1"}
    api.revoked.update({"a-long-lived-token-1", "a-long-lived-token-2"})
    with pytest.raises(vault.AuthenticationError) as refused:
        client.things.list()  # a 401, a new token, a 401 again
    assert tokens.issued == ["a-long-lived-token-1", "a-long-lived-token-2"]
    assert "[redacted] is revoked" in str(refused.value)
    echoed = json.dumps({"error": "invalid_grant", "error_description": "a-long-lived-token-2"})
    tokens.answer = (400, {"Content-Type": "application/json"}, echoed.encode())
    with pytest.raises(vault.BadRequestError) as token_url:
        client.things.list()  # a 401, then the token URL refuses to give another
    assert "[redacted]" in str(token_url.value)
    for error in (refused.value, token_url.value):
        shown = f"{error} {error.request.headers!r} {error.response.request.headers!r}"
        assert "a-long-lived-token" not in shown and CLIENT_SECRET not in shown
        assert error.request.headers["authorization"] == "[redacted]"


def test_neither_the_token_nor_the_secret_reaches_another_origin(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    """Both the API and the token URL redirect elsewhere: no redirect is followed."""
    tokens, api = servers
    received: list[dict[str, str]] = []

    def other(exchange: Exchange) -> None:
        exchange.body()
        received.append({k.lower(): v for k, v in exchange.headers.items()})
        exchange.send_json({"access_token": "stolen"})

    with LocalServer(other).running() as elsewhere:
        redirect = (302, {"Location": elsewhere.url + "/token"}, b"")
        tokens.answer = redirect
        with pytest.raises(vault.APIStatusError, match="302"):
            _sync(vault, api).things.list()
        tokens.answer = None
        api.redirect_to = elsewhere.url
        with pytest.raises(vault.APIStatusError, match="302"):
            _sync(vault, api).things.list()
    assert received == []
    assert tokens.issued == ["tok-1"]


def test_a_scheme_the_client_cannot_apply_takes_the_callers_own_httpx_auth(
    vault: Any, servers: tuple[TokenServer, ApiServer]
) -> None:
    """HTTP digest is not applied by the client: an `httpx.Auth` on the http_client runs for
    the operations that need it (here one answering a 401 challenge), and the client's
    own token flow still runs for the operations that take OAuth2."""
    _, api = servers

    class ChallengeAuth(httpx.Auth):
        def auth_flow(self, request: httpx.Request) -> Any:
            response = yield request
            if response.status_code == 401:
                request.headers["Authorization"] = "Bearer mine"
                yield request

    http = httpx.Client(auth=ChallengeAuth())
    client = vault.Vault(base_url=api.server.url, http_client=http, max_retries=0)
    assert client.things.digest() == {"token": "mine"}
    assert [s.headers.get("authorization") for s in api.server.seen] == [None, "Bearer mine"]
    client = vault.Vault(
        base_url=api.server.url,
        http_client=http,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert client.things.list() == {"token": "tok-1"}
    assert client.things.digest() == {"token": "mine"}
    http.close()
