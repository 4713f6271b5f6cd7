"""How credentials travel with a request, one class per kind of security scheme.

A scheme reads its credential(s) by argument name (`api_key`, `token`, `username` and
`password`, …). What is fixed per client it adds to the headers, query parameters and
cookies a request starts from (`apply`): clients apply each requirement once, on first
use, and reuse the result for every call. What needs requests of its own (fetching and
refreshing an OAuth2 token) it returns as an `httpx.Auth` flow (`flow`), which the
clients run for each call of an operation that sends the scheme; one flow drives both
the sync and the async client. `key` is the scheme's name in the spec, which endpoints'
requirements refer to.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import msgspec

if TYPE_CHECKING:
    import httpx


class AuthScheme(msgspec.Struct, frozen=True, kw_only=True):
    """Base of the schemes; `apply` adds the credential to the request defaults."""

    key: str = ""
    credential: str = "api_key"

    @property
    def credentials(self) -> tuple[str, ...]:
        """The credential arguments this scheme needs, all of them."""
        return (self.credential,)

    @property
    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """The sets of credentials that each suffice, the preferred one first."""
        return (self.credentials,)

    def given(self, values: Mapping[str, str]) -> tuple[str, ...] | None:
        """The first alternative whose credentials are all in `values`, if any."""
        return next((a for a in self.alternatives if all(n in values for n in a)), None)

    def flow(self, values: Mapping[str, str], base_url: str) -> httpx.Auth | None:
        """The flow that sends what `apply` cannot; None when `apply` does it all.

        Called once per client (and per `with_options` copy), with credentials that satisfy
        one of `alternatives`; raises `ValueError` for a credential it cannot send.
        """
        return None

    def apply(
        self,
        values: Mapping[str, str],
        headers: dict[str, str],
        query: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        raise NotImplementedError


class ApiKeyAuth(AuthScheme, frozen=True, kw_only=False):
    name: str
    location: Literal["header", "query", "cookie"]

    def apply(
        self,
        values: Mapping[str, str],
        headers: dict[str, str],
        query: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        value = values[self.credential]
        if self.location == "header":
            headers[self.name] = value
        elif self.location == "query":
            query[self.name] = value
        else:
            # A cookie, not a `Cookie` header: httpx drops every other cookie of the request
            # (the call's cookie parameters, the http_client's jar) when that header is set.
            cookies[self.name] = value


class BearerAuth(AuthScheme, frozen=True):
    """`Authorization: Bearer …`; also how OAuth2 and OpenID Connect tokens are sent."""

    def apply(
        self,
        values: Mapping[str, str],
        headers: dict[str, str],
        query: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        headers["Authorization"] = f"Bearer {values[self.credential]}"


class BasicAuth(AuthScheme, frozen=True):
    """HTTP basic auth from `credential` (the user name) and `password`.

    Without a `password` credential, the one credential is given as `user:password`.
    """

    password: str | None = None

    @property
    def credentials(self) -> tuple[str, ...]:
        return (self.credential,) if self.password is None else (self.credential, self.password)

    def apply(
        self,
        values: Mapping[str, str],
        headers: dict[str, str],
        query: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        text = values[self.credential]
        if self.password is not None:
            text = f"{text}:{values[self.password]}"
        token = base64.b64encode(text.encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"


class ClientCredentialsAuth(AuthScheme, frozen=True):
    """OAuth2 client credentials: a bearer token the client fetches from `token_url`.

    `credential` names the client ID. A given `access_token` is sent as is instead
    (`BearerAuth`), so callers that obtain tokens themselves keep doing so.
    """

    credential: str = "client_id"
    client_secret: str = "client_secret"
    access_token: str = "access_token"
    token_url: str = ""
    scope: str | None = None

    @property
    def credentials(self) -> tuple[str, ...]:
        return (self.credential, self.client_secret, self.access_token)

    @property
    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        return ((self.access_token,), (self.credential, self.client_secret))

    def flow(self, values: Mapping[str, str], base_url: str) -> httpx.Auth | None:
        if self.access_token in values:
            return None
        from ._oauth import ClientCredentialsFlow  # loaded by clients that fetch tokens

        for name in (self.credential, self.client_secret):
            if not is_header_safe(values[name]):
                raise ValueError(
                    f"The {name} credential contains whitespace, control or non-ASCII"
                    " characters; check it for a stray newline or quote."
                )
        return ClientCredentialsFlow(
            values[self.credential],
            values[self.client_secret],
            token_url=token_url_for(self.token_url, base_url),
            scope=self.scope,
        )

    def apply(
        self,
        values: Mapping[str, str],
        headers: dict[str, str],
        query: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        if self.access_token in values:
            headers["Authorization"] = f"Bearer {values[self.access_token]}"


def token_url_for(token_url: str, base_url: str) -> str:
    """`token_url` as given, or resolved against the base URL when relative (OpenAPI 3.1)."""
    if "://" in token_url:
        return token_url
    from urllib.parse import urljoin

    return urljoin(base_url + "/", token_url)


def is_header_safe(value: str) -> bool:
    """Whether an HTTP header can carry `value` as is.

    A credential that cannot would fail deep inside the HTTP stack, with an error message
    quoting the header value, i.e. the secret (a stray newline from a file is typical).
    """
    return value.isascii() and value.isprintable() and value == value.strip()
