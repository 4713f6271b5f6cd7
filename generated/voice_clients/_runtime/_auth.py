"""How the API key travels with a request, one class per OpenAPI security scheme type.

A client applies its schemes once, when it is configured, into the headers and query
parameters every secured request starts from; nothing is recomputed per call.
"""

from __future__ import annotations

import base64
from typing import Literal

import msgspec


class AuthScheme(msgspec.Struct, frozen=True):
    """Base of the schemes; `apply` adds the credential to the request defaults."""

    def apply(self, api_key: str, headers: dict[str, str], query: dict[str, str]) -> None:
        raise NotImplementedError


class ApiKeyAuth(AuthScheme, frozen=True):
    name: str
    location: Literal["header", "query", "cookie"]

    def apply(self, api_key: str, headers: dict[str, str], query: dict[str, str]) -> None:
        if self.location == "header":
            headers[self.name] = api_key
        elif self.location == "query":
            query[self.name] = api_key
        else:
            cookie = f"{self.name}={api_key}"
            previous = headers.get("Cookie")
            headers["Cookie"] = f"{previous}; {cookie}" if previous else cookie


class BearerAuth(AuthScheme, frozen=True):
    def apply(self, api_key: str, headers: dict[str, str], query: dict[str, str]) -> None:
        headers["Authorization"] = f"Bearer {api_key}"


class BasicAuth(AuthScheme, frozen=True):
    """HTTP basic auth; the API key is given as `user:password`."""

    def apply(self, api_key: str, headers: dict[str, str], query: dict[str, str]) -> None:
        token = base64.b64encode(api_key.encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"


def is_header_safe(value: str) -> bool:
    """Whether an HTTP header can carry `value` as is.

    A credential that cannot would fail deep inside the HTTP stack, with an error message
    quoting the header value, i.e. the secret (a stray newline from a file is typical).
    """
    return value.isascii() and value.isprintable() and value == value.strip()
