"""Client configuration: the generated, per-API part and the resolved, per-object part.

`Options` precomputes everything a request starts from (headers with the credentials
applied, default query, timeout) so that a call only copies them. The headers and query
parameters of a caller's own httpx client are part of that, read when the client (or a
copy of it) is made. Credentials and `Accept` depend on the operation (each has its own
security requirement and response media types), so those defaults are built per
requirement and `Accept` on first use and cached.
`Options` keeps the credentials, so its repr is redacted, and its settings are only ever
replaced, never mutated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from itertools import product
from typing import TYPE_CHECKING, Any

import httpx
import msgspec

from ._auth import AuthScheme, is_header_safe
from ._errors import MissingAPIKeyError
from ._masking import Mask
from ._query import encode_query, merge_query
from ._types import Headers, Query

if TYPE_CHECKING:
    from ._endpoint import Endpoint

# The security requirement of an endpoint: alternatives, each a set of scheme keys.
Requirement = tuple[tuple[str, ...], ...]
# What a call's defaults depend on: the requirement, and the endpoint's `Accept` (None:
# the http_client's own, `*/*` unless it sets one).
_Key = tuple[Requirement, str | None]


class ServerVariable(msgspec.Struct, frozen=True):
    """A `{variable}` of a server URL template: its default and allowed values (any if empty)."""

    default: str
    enum: tuple[str, ...] = ()


class ClientConfig(msgspec.Struct, frozen=True, kw_only=True):
    """What generated code knows about an API; one per client class.

    `credentials` maps each credential argument to its environment variable; without it,
    the one credential is `api_key`, read from `api_key_env`. `credentials_required` says
    whether every operation needs one (then a client without any fails at construction).
    """

    name: str
    user_agent: str
    servers: Mapping[str, str] = {}
    default_server: str | None = None
    server_parameter: str = "server"
    server_variables: Mapping[str, Mapping[str, ServerVariable]] = {}
    api_key_env: str | None = None
    base_url_env: str | None = None
    auth: Sequence[AuthScheme] = ()
    credentials: Mapping[str, str | None] = {}
    credentials_required: bool = True

    @property
    def credential_envs(self) -> Mapping[str, str | None]:
        if self.credentials or not self.auth:
            return self.credentials
        return {"api_key": self.api_key_env}


def resolve_api_key(config: ClientConfig, api_key: str | None) -> str | None:
    """The `api_key` credential of a single-credential API (or None without auth)."""
    return resolve_credentials(config, {"api_key": api_key}).get("api_key")


def resolve_credentials(config: ClientConfig, given: Mapping[str, str | None]) -> dict[str, str]:
    """Each credential passed or found in its environment variable (empty counts as missing).

    Raises `MissingAPIKeyError` when none is available though every operation needs one:
    failing at construction beats a 401 on the first call.
    """
    envs = config.credential_envs
    for name, value in given.items():
        if name not in envs and value is not None:
            raise TypeError(f"The {config.name} client takes no credential {name!r}")
        if value is not None:
            _require_str(name, value)
    resolved: dict[str, str] = {}
    for name, env in envs.items():
        value = given.get(name)
        if value is None and env:
            value = os.environ.get(env)
        if value:
            resolved[name] = value
    if envs and not resolved and config.credentials_required:
        if len(envs) == 1:
            name, env = next(iter(envs.items()))
            where = f" or by setting the {env} environment variable"
            raise MissingAPIKeyError(
                f"The {name} client option must be set either by passing {name}=... to the"
                f" {config.name} client{where if env else ''}"
            )
        raise MissingAPIKeyError(
            f"The {config.name} client needs a credential: pass one of "
            + ", ".join(_spelled(name, envs[name]) for name in envs)
        )
    return resolved


def _require_str(name: str, value: object) -> None:
    """Refuse a value of another type than its annotation says (an untyped caller's)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")


def _spelled(name: str, env: str | None) -> str:
    return f"{name}=... (or set {env})" if env else f"{name}=..."


def resolve_base_url(
    config: ClientConfig,
    base_url: str | httpx.URL | None,
    server: str | None,
    variables: Mapping[str, str | None] | None = None,
) -> str:
    """The base URL: `base_url=`, else the environment's, else the server's, variables filled."""
    if server is not None and server not in config.servers:
        allowed = ", ".join(repr(name) for name in config.servers)
        raise ValueError(f"Unknown {config.server_parameter} {server!r}; expected one of {allowed}")
    given = {name: value for name, value in (variables or {}).items() if value is not None}
    if base_url is not None:
        _check_base_url(base_url, "base_url=")
    elif config.base_url_env:
        base_url = os.environ.get(config.base_url_env) or None
        if base_url is not None:
            _check_base_url(base_url, f"The {config.base_url_env} environment variable")
    if base_url is None:
        name = server or config.default_server or next(iter(config.servers), None)
        if name is None:
            raise ValueError(f"The {config.name} client needs base_url=...")
        base_url = _fill_server(config, name, given)
    elif given:
        raise ValueError(
            f"{', '.join(given)} only apply to the spec's servers; base_url= is used as given"
        )
    return str(base_url).rstrip("/")


def _check_base_url(base_url: str | httpx.URL, source: str) -> None:
    """Refuse a base URL httpx would take as a path (`api.example.com`): every call would
    then fail as a connection error, be retried, and never say which URL was at fault."""
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"{source} must be an absolute http(s) URL such as 'https://api.example.com',"
            f" got {str(base_url)!r}"
        )


def base_url_is_explicit(config: ClientConfig, base_url: str | httpx.URL | None) -> bool:
    """Whether the base URL comes from the caller (`base_url=` or its environment variable)
    rather than from the spec's servers: then it is where every call goes (see
    `Options.base_url_for`)."""
    if base_url is not None:
        return True
    return bool(config.base_url_env and os.environ.get(config.base_url_env))


def _fill_server(config: ClientConfig, name: str, given: Mapping[str, str]) -> str:
    url = config.servers[name]
    variables = config.server_variables.get(name, {})
    for variable in given:
        if variable not in variables:
            raise ValueError(f"{variable}= does not apply to the {name!r} server ({url})")
    for variable, spec in variables.items():
        value = given.get(variable, spec.default)
        _require_str(variable, value)
        if spec.enum and value not in spec.enum:
            allowed = ", ".join(repr(option) for option in spec.enum)
            raise ValueError(f"Unknown {variable} {value!r}; expected one of {allowed}")
        if not value or any(c in value for c in "/?#@ ") or not value.isprintable():
            raise ValueError(f"{variable} {value!r} cannot be part of a host or path")
        url = url.replace("{" + variable + "}", value)
    return url


class Options:
    __slots__ = (
        "_by_requirement",
        "_flows",
        "_headers",
        "_public",
        "_schemes",
        "_server_urls",
        "base_url",
        "config",
        "credentials",
        "default_headers",
        "default_query",
        "explicit_base_url",
        "extensions",
        "headers",
        "mask",
        "max_retries",
        "query",
        "secret_params",
        "timeout",
    )

    def __init__(
        self,
        config: ClientConfig,
        http_client: httpx.Client | httpx.AsyncClient,
        *,
        credentials: Mapping[str, str],
        base_url: str,
        timeout: httpx.Timeout,
        max_retries: int,
        default_headers: Headers,
        default_query: Query,
        explicit_base_url: bool = False,
        previous: Options | None = None,
    ) -> None:
        """`previous`: the options this copy replaces, whose flows (and the tokens they
        keep) it shares when it has the same credentials and base URL."""
        self.config = config
        self.credentials = dict(credentials)
        self.base_url = base_url
        self.explicit_base_url = explicit_base_url
        self._server_urls: dict[str, str] = {}
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers = default_headers
        self.default_query = default_query
        self.extensions = {"timeout": timeout.as_dict()}

        self._schemes = {scheme.key or str(i): scheme for i, scheme in enumerate(config.auth)}
        self._by_requirement: dict[_Key, _Defaults | str] = {}
        self._flows: dict[str, httpx.Auth] = {}
        shared = (
            previous._flows
            if previous is not None
            and previous.credentials == self.credentials
            and previous.base_url == base_url
            else {}
        )
        probe_headers: dict[str, str] = {}
        secret_params: dict[str, str] = {}
        probe_cookies: dict[str, str] = {}
        for key, scheme in self._schemes.items():
            given = scheme.given(self.credentials)
            if given is not None:
                flow = shared.get(key) or scheme.flow(self.credentials, base_url)
                if flow is not None:
                    self._flows[key] = flow
                scheme.apply(self.credentials, probe_headers, secret_params, probe_cookies)
                sent = [*probe_headers.values(), *probe_cookies.values()]
                if not all(is_header_safe(value) for value in sent):
                    raise ValueError(
                        f"The {given[0]} credential contains whitespace, control or"
                        " non-ASCII characters, which an HTTP header cannot carry; check it"
                        " for a stray newline or quote."
                    )
        self.secret_params = frozenset(secret_params)
        # What errors and logs mask of each request (`_masking`).
        self.mask = Mask(probe_headers, secret_params)

        def headers(
            auth_headers: Mapping[str, str], has_body: bool, accept: str | None
        ) -> httpx.Headers:
            # Later entries win: the httpx client's own, ours, credentials, then defaults.
            merged = httpx.Headers(http_client.headers)
            merged["User-Agent"] = config.user_agent
            if accept is not None:
                merged["Accept"] = accept
            elif "Accept" not in merged:
                merged["Accept"] = "*/*"
            if has_body:
                merged["Content-Type"] = "application/json"
            for name, value in auth_headers.items():
                merged[name] = value
            for name, value in default_headers.items():
                merged[name] = value
            return merged

        self._headers = headers
        self._public = merge_query({}, http_client.params.multi_items())
        self._public = merge_query(self._public, default_query.items())
        none = self.defaults(())
        # Without credentials: indexed as `headers[has_body]`; the merged query and its text.
        self.headers = none.headers
        self.query = none.query

    @property
    def api_key(self) -> str | None:
        """The credential error messages mask: `api_key`, else the first one given."""
        return self.credentials.get("api_key") or next(iter(self.credentials.values()), None)

    def defaults(self, requirement: Requirement, accept: str | None = None) -> _Defaults:
        """Headers and query for a call with `requirement`, credentials applied, and with
        `accept` as the `Accept` header (None: the http_client's own, else `*/*`).

        Raises `MissingAPIKeyError` (before anything is sent) when no alternative of the
        requirement has all its credentials, naming the ones that would do.
        """
        key = (requirement, accept)
        found = self._by_requirement.get(key)
        if found is None:
            found = self._by_requirement[key] = self._build(requirement, accept)
        if isinstance(found, str):
            raise MissingAPIKeyError(found)
        return found

    def base_url_for(self, endpoint: Endpoint[Any]) -> str:
        """Where a call of `endpoint` goes: the client's base URL, or the operation's own server.

        A base URL the caller chose (`base_url=` or its environment variable) is where
        every call goes, the operations with their own absolute servers included: it is
        how a client is pointed at a proxy, a mock or a staging copy, and a call that
        silently went to the production host instead (with the credentials) would be
        worse than a 404 from the chosen one. A relative server URL is resolved against
        the client's base URL, whichever it is.
        """
        server = endpoint.server
        if server is None:
            return self.base_url
        found = self._server_urls.get(server)
        if found is None:
            absolute = "://" in server
            if absolute and self.explicit_base_url:
                found = self.base_url
            elif absolute:
                found = server
            else:
                found = str(httpx.URL(self.base_url + "/").join(server)).rstrip("/")
            self._server_urls[server] = found
        return found

    def for_endpoint(self, endpoint: Endpoint[Any]) -> _Defaults:
        security = getattr(endpoint, "security", None)
        if security is None:  # one requirement: all the schemes
            security = (tuple(self._schemes),) if self._schemes else ()
        return self.defaults(security, getattr(endpoint, "accept", None))

    def _build(self, requirement: Requirement, accept: str | None) -> _Defaults | str:
        chosen: tuple[str, ...] | None = () if not requirement else None
        for alternative in requirement:
            schemes = [self._schemes[key] for key in alternative]
            if all(s.given(self.credentials) is not None for s in schemes):
                chosen = alternative
                break
        if chosen is None:
            return self._missing(requirement)
        auth_headers: dict[str, str] = {}
        auth_query: dict[str, str] = {}
        auth_cookies: dict[str, str] = {}
        for key in chosen:
            self._schemes[key].apply(self.credentials, auth_headers, auth_query, auth_cookies)
        query = merge_query(dict(self._public), auth_query.items())
        # At most one flow per alternative: two schemes that each fetch a token for the
        # same Authorization header cannot both be sent.
        flow = next((self._flows[key] for key in chosen if key in self._flows), None)
        return _Defaults(
            (
                self._headers(auth_headers, False, accept),
                self._headers(auth_headers, True, accept),
            ),
            (query, encode_query(query)),
            tuple(auth_cookies.items()),
            flow,
        )

    def _missing(self, requirement: Requirement) -> str:
        envs = self.config.credential_envs
        options: list[str] = []
        for alternative in requirement:
            choices = product(*(self._schemes[key].alternatives for key in alternative))
            for choice in choices:
                names = [name for names in choice for name in names]
                options.append(" and ".join(_spelled(name, envs.get(name)) for name in names))
        return (
            f"The {self.config.name} client has no credential this operation accepts; pass "
            + ", or ".join(options)
            + " when creating the client"
        )

    def __repr__(self) -> str:
        return f"<Options base_url={self.base_url!r} (credentials redacted)>"


class _Defaults:
    """What a call with one security requirement starts from."""

    __slots__ = ("auth", "cookies", "headers", "query")

    def __init__(
        self,
        headers: tuple[httpx.Headers, httpx.Headers],
        query: tuple[dict[str, Any], str],
        cookies: tuple[tuple[str, str], ...] = (),
        auth: httpx.Auth | None = None,
    ) -> None:
        self.headers = headers  # indexed by has_body
        self.query = query  # the merged values, and their encoding
        self.cookies = cookies  # credentials sent as cookies, beside the call's own
        # The flow each request is sent through (a token it fetches); None: the http_client's.
        self.auth = auth
