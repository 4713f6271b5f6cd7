"""How credentials travel with a request, one class per OpenAPI security scheme type.

A scheme reads its credential(s) by argument name (`api_key`, `token`, `username` and
`password`, …) and adds them to the headers, query parameters and cookies a request
starts from. `key` is the scheme's name in the spec, which endpoints' requirements refer to.
Clients apply each requirement once, on first use, and reuse the result for every call.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Literal

import msgspec


class AuthScheme(msgspec.Struct, frozen=True, kw_only=True):
    """Base of the schemes; `apply` adds the credential to the request defaults."""

    key: str = ""
    credential: str = "api_key"

    @property
    def credentials(self) -> tuple[str, ...]:
        """The credential arguments this scheme needs, all of them."""
        return (self.credential,)

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


def is_header_safe(value: str) -> bool:
    """Whether an HTTP header can carry `value` as is.

    A credential that cannot would fail deep inside the HTTP stack, with an error message
    quoting the header value, i.e. the secret (a stray newline from a file is typical).
    """
    return value.isascii() and value.isprintable() and value == value.strip()
