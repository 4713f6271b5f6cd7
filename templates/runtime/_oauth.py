"""OAuth2 client credentials (RFC 6749 §4.4) as an `httpx.Auth` flow.

The flow fetches a token from the token URL on first use, keeps it until `expires_in`
(less a margin, so a token does not expire on its way to the API) and fetches a new one
then, or once when the API answers 401 (the token was revoked): a second 401 is the
API's answer. The client ID and secret go to the token URL only, as HTTP basic
authentication (§2.3.1); the token goes only on the requests the client hands to the
flow, which are the API's (redirects are never followed). One fetch serves concurrent
first calls: the sync flow holds a thread lock while it fetches, the async flow an
asyncio lock. The decisions (which request to send, what a response means) are shared;
the two flows differ only in how they read a body and how they lock.
"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from collections.abc import AsyncGenerator, Generator
from urllib.parse import quote

import httpx
import msgspec

from ._errors import TokenError, make_status_error

# A token is renewed this long before it expires, or at a tenth of its lifetime if sooner.
_EXPIRY_MARGIN = 30.0


class _Token(msgspec.Struct, frozen=True):
    value: str
    # time.monotonic() after which it is renewed; None: until the API rejects it.
    renew_at: float | None


class _TokenResponse(msgspec.Struct):
    access_token: str
    token_type: str = "Bearer"
    expires_in: float | None = None


class ClientCredentialsFlow(httpx.Auth):
    def __init__(
        self, client_id: str, client_secret: str, *, token_url: str, scope: str | None
    ) -> None:
        # §2.3.1: the ID and secret are form-encoded before they are joined for HTTP basic.
        pair = f"{quote(client_id, safe='')}:{quote(client_secret, safe='')}"
        self._client_auth = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        self._secret = client_secret
        self._token_url = token_url
        self._form = {"grant_type": "client_credentials"}
        if scope:
            self._form["scope"] = scope
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self._async_lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"<ClientCredentialsFlow token_url={self._token_url!r} (credentials redacted)>"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        token = self._usable(None)
        if token is None:
            with self._lock:
                token = self._usable(None)
                if token is None:
                    response = yield self._token_request(request)
                    response.read()
                    token = self._take(response)
        response = yield self._authorized(request, token)
        if response.status_code == 401:
            with self._lock:
                fresh = self._usable(token)
                if fresh is None:
                    answer = yield self._token_request(request)
                    answer.read()
                    fresh = self._take(answer)
            yield self._authorized(request, fresh)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._usable(None)
        if token is None:
            async with self._async_lock:
                token = self._usable(None)
                if token is None:
                    response = yield self._token_request(request)
                    await response.aread()
                    token = self._take(response)
        response = yield self._authorized(request, token)
        if response.status_code == 401:
            async with self._async_lock:
                fresh = self._usable(token)
                if fresh is None:
                    answer = yield self._token_request(request)
                    await answer.aread()
                    fresh = self._take(answer)
            yield self._authorized(request, fresh)

    def _usable(self, rejected: _Token | None) -> _Token | None:
        """The kept token, unless it is due for renewal or is the one the API rejected."""
        token = self._token
        if token is None or token is rejected:
            return None
        if token.renew_at is not None and time.monotonic() >= token.renew_at:
            return None
        return token

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        """The token request, with the API request's timeout and nothing else of it."""
        return httpx.Request(
            "POST",
            self._token_url,
            data=self._form,
            headers={"Authorization": self._client_auth, "Accept": "application/json"},
            extensions={k: v for k, v in request.extensions.items() if k == "timeout"},
        )

    def _take(self, response: httpx.Response) -> _Token:
        """The token a response of the token URL carries; raises what went wrong otherwise."""
        if not response.is_success:
            # The token being replaced too, should the token URL name it.
            kept = () if self._token is None else (self._token.value,)
            raise make_status_error(response, None, 0, self._secret, secrets=kept)
        try:
            answer = msgspec.json.decode(response.content, type=_TokenResponse)
        except msgspec.DecodeError as exc:
            raise TokenError(
                f"The token URL answered HTTP {response.status_code} without an access token:"
                f" {exc}"
            ) from None
        if answer.token_type.lower() != "bearer":
            raise TokenError(
                f"The token URL gave a {answer.token_type!r} token, not a bearer token"
            )
        renew_at = None
        if answer.expires_in is not None:
            margin = min(_EXPIRY_MARGIN, answer.expires_in / 10)
            renew_at = time.monotonic() + answer.expires_in - margin
        self._token = _Token(answer.access_token, renew_at)
        return self._token

    @staticmethod
    def _authorized(request: httpx.Request, token: _Token) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.value}"
        return request
