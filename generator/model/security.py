"""The kinds of security scheme the client applies, one row each, read by every stage.

`SECURITY_KINDS` holds, per kind, what the parser, the templates and the docs need (which
spec schemes it takes, its credential arguments, the runtime class that applies it and
that class's keyword arguments, how the docs and the change report describe it), so that
none of them branches on the kind: a new kind is a row here and its class in the
runtime's `_auth` module (tests/generator/test_security_kinds.py checks each row against
that class). The first row that matches a spec scheme is its kind, so a narrower row
(OAuth2 with a client credentials flow) comes before a wider one (any OAuth2 token).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from generator.model.api import SecurityScheme

SecurityKind = Literal["api_key", "bearer", "basic", "oauth2_client_credentials", "oauth2_token"]

# What the docs say about one credential of a scheme, given its position in the scheme's.
Describe = Callable[["SecurityScheme", int], str]


@dataclass(frozen=True)
class SecurityShape:
    """How one kind of scheme is recognised, named, applied and described."""

    # The spec's scheme `type`s it takes; `http_scheme` (for `http`) and `flow` (for
    # `oauth2`, a key of `flows`) narrow it when set.
    spec_types: tuple[str, ...]
    # The default credential arguments (api.toml can rename them), and the runtime class's
    # keyword argument that receives each one's name.
    credentials: tuple[str, ...]
    credential_fields: tuple[str, ...]
    # The runtime class (in `_auth`) that applies it.
    runtime_class: str
    describe: Describe
    # What the change report says a new credential is for.
    described: str
    http_scheme: str | None = None
    flow: str | None = None
    # The runtime class's keyword arguments taken from the scheme object, by JSON pointer
    # within it (`/in`); a missing value drops the argument (the class's default holds).
    spec_settings: tuple[tuple[str, str], ...] = ()
    # The runtime class takes `scope=`: the scopes the spec's requirements name for it.
    takes_scopes: bool = False
    # A docs paragraph for the whole API when a scheme of this kind is present.
    note: str | None = None
    # The sets of credentials (positions in `credentials`) that each suffice, preferred
    # first; None: all of them are needed.
    alternatives: tuple[tuple[int, ...], ...] | None = None

    def matches(self, scheme: Mapping[str, object]) -> bool:
        kind = scheme.get("type")
        if kind not in self.spec_types:
            return False
        if self.http_scheme is not None:
            return str(scheme.get("scheme")).lower() == self.http_scheme
        if self.flow is not None:
            flows = scheme.get("flows")
            return isinstance(flows, dict) and isinstance(flows.get(self.flow), dict)
        return True


def _api_key(scheme: SecurityScheme, position: int) -> str:
    location = scheme.setting("location")
    where = "query parameter" if location == "query" else location
    return f"sent as the `{scheme.setting('name')}` {where}"


def _bearer(scheme: SecurityScheme, position: int) -> str:
    return "sent as `Authorization: Bearer`"


def _basic(scheme: SecurityScheme, position: int) -> str:
    return f"the {('user name', 'password')[position]} of HTTP basic authentication"


def _client_credentials(scheme: SecurityScheme, position: int) -> str:
    if position == 2:
        return (
            "an OAuth2 access token that you obtained; sent as `Authorization: Bearer`"
            " instead of fetching one with `client_id` and `client_secret`"
        )
    part = ("client ID", "client secret")[position]
    return (
        f"the OAuth2 {part} of the client credentials flow; the client fetches an access"
        f" token from {scheme.setting('token_url')} with it"
    )


def _oauth2_token(scheme: SecurityScheme, position: int) -> str:
    return (
        f"an OAuth2/OpenID Connect access token ({scheme.token_flow}) that you obtain;"
        " sent as `Authorization: Bearer`"
    )


SECURITY_KINDS: dict[SecurityKind, SecurityShape] = {
    "api_key": SecurityShape(
        ("apiKey",),
        ("api_key",),
        ("credential",),
        "ApiKeyAuth",
        _api_key,
        "an API key",
        spec_settings=(("name", "/name"), ("location", "/in")),
    ),
    "bearer": SecurityShape(
        ("http",),
        ("token",),
        ("credential",),
        "BearerAuth",
        _bearer,
        "a bearer token",
        http_scheme="bearer",
    ),
    "basic": SecurityShape(
        ("http",),
        ("username", "password"),
        ("credential", "password"),
        "BasicAuth",
        _basic,
        "HTTP basic credentials",
        http_scheme="basic",
    ),
    "oauth2_client_credentials": SecurityShape(
        ("oauth2",),
        ("client_id", "client_secret", "access_token"),
        ("credential", "client_secret", "access_token"),
        "ClientCredentialsAuth",
        _client_credentials,
        "OAuth2 client credentials",
        flow="clientCredentials",
        spec_settings=(("token_url", "/flows/clientCredentials/tokenUrl"),),
        takes_scopes=True,
        alternatives=((2,), (0, 1)),
        note=(
            "OAuth2 client credentials: with `client_id=` and `client_secret=`, the client"
            " fetches an access token on first use (HTTP basic client authentication), keeps"
            " it until it expires and fetches a new one then, or once when the API answers"
            " 401. An `access_token=` you obtained yourself is sent instead."
        ),
    ),
    "oauth2_token": SecurityShape(
        ("oauth2", "openIdConnect"),
        ("access_token",),
        ("credential",),
        "BearerAuth",
        _oauth2_token,
        "an OAuth2/OpenID Connect access token",
        note=(
            "OAuth2 and OpenID Connect (other than client credentials): the client does not"
            " run the flow. Obtain an access token yourself and pass it (or set its"
            " variable); it is sent as a bearer token."
        ),
    ),
}


def security_classes() -> tuple[str, ...]:
    """Every runtime class a generated client may configure a scheme with, sorted."""
    return tuple(sorted({shape.runtime_class for shape in SECURITY_KINDS.values()}))


def kind_of(scheme: Mapping[str, object]) -> SecurityKind | None:
    """The kind of a spec's security scheme; None for one the client cannot apply."""
    return next((kind for kind, shape in SECURITY_KINDS.items() if shape.matches(scheme)), None)
