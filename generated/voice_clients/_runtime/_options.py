"""Client configuration: the generated, per-API part and the resolved, per-object part.

`Options` precomputes everything a request starts from (headers with the credentials
applied, default query, timeout) so that a call only copies them. The headers and query
parameters of a caller's own httpx client are part of that, read when the client (or a
copy of it) is made. `Options` keeps the API key, so its repr is redacted, and it is only
ever replaced, never mutated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

import httpx
import msgspec

from ._auth import AuthScheme, is_header_safe
from ._errors import MissingAPIKeyError, RequestValidationError
from ._query import encode_query, merge_query
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout


class ClientConfig(msgspec.Struct, frozen=True, kw_only=True):
    """What generated code knows about an API; one per client class."""

    name: str
    user_agent: str
    servers: Mapping[str, str] = {}
    default_server: str | None = None
    server_parameter: str = "server"
    api_key_env: str | None = None
    base_url_env: str | None = None
    auth: Sequence[AuthScheme] = ()


def resolve_api_key(config: ClientConfig, api_key: str | None) -> str | None:
    if not config.auth:
        return None
    if api_key is None and config.api_key_env:
        api_key = os.environ.get(config.api_key_env)
    if not api_key:
        where = f" or by setting the {config.api_key_env} environment variable"
        raise MissingAPIKeyError(
            f"The api_key client option must be set either by passing api_key=... to the"
            f" {config.name} client{where if config.api_key_env else ''}"
        )
    return api_key


def resolve_base_url(
    config: ClientConfig, base_url: str | httpx.URL | None, server: str | None
) -> str:
    if server is not None and server not in config.servers:
        allowed = ", ".join(repr(name) for name in config.servers)
        raise ValueError(f"Unknown {config.server_parameter} {server!r}; expected one of {allowed}")
    if base_url is None and config.base_url_env:
        base_url = os.environ.get(config.base_url_env) or None
    if base_url is None:
        name = server or config.default_server or next(iter(config.servers), None)
        if name is None:
            raise ValueError(f"The {config.name} client needs base_url=...")
        base_url = config.servers[name]
    return str(base_url).rstrip("/")


class Options:
    __slots__ = (
        "api_key",
        "base_url",
        "default_headers",
        "default_query",
        "extensions",
        "headers",
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
        api_key: str | None,
        base_url: str,
        timeout: httpx.Timeout,
        max_retries: int,
        default_headers: Headers,
        default_query: Query,
    ) -> None:
        self.api_key = api_key
        self.base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers = default_headers
        self.default_query = default_query
        self.extensions = {"timeout": timeout.as_dict()}

        auth_headers: dict[str, str] = {}
        auth_query: dict[str, str] = {}
        if api_key is not None:
            for scheme in config.auth:
                scheme.apply(api_key, auth_headers, auth_query)
        if not all(is_header_safe(value) for value in auth_headers.values()):
            raise ValueError(
                "The API key contains whitespace, control or non-ASCII characters, which an"
                " HTTP header cannot carry; check it for a stray newline or quote."
            )
        self.secret_params = frozenset(auth_query)

        def headers(secured: bool, has_body: bool) -> httpx.Headers:
            # Later entries win: the httpx client's own, ours, credentials, then defaults.
            merged = httpx.Headers(http_client.headers)
            merged["User-Agent"] = config.user_agent
            merged["Accept"] = "application/json"
            if has_body:
                merged["Content-Type"] = "application/json"
            for name, value in (auth_headers if secured else {}).items():
                merged[name] = value
            for name, value in default_headers.items():
                merged[name] = value
            return merged

        # Indexed as `headers[endpoint.secured][has_body]`.
        self.headers = (
            (headers(False, False), headers(False, True)),
            (headers(True, False), headers(True, True)),
        )

        public = merge_query({}, http_client.params.multi_items())
        public = merge_query(public, default_query.items())
        secured = merge_query(dict(public), auth_query.items())
        # Indexed as `query[endpoint.secured]`: the merged values, and their encoding.
        self.query = ((public, encode_query(public)), (secured, encode_query(secured)))

    def __repr__(self) -> str:
        return f"<Options base_url={self.base_url!r} (credentials redacted)>"


class RequestOptions:
    """The per-call options of one method call, checked where the generated method gets them.

    A wrong type here would otherwise surface deep inside httpx or the retry loop, after
    part of the work is done; checking once at the boundary names the option instead.
    """

    __slots__ = ("extra_body", "extra_headers", "extra_query", "max_retries", "timeout")

    def __init__(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        if extra_headers is not None:
            _check_mapping("extra_headers", extra_headers)
            for name, value in extra_headers.items():
                if not isinstance(name, str) or not isinstance(value, str):
                    raise RequestValidationError(
                        f"expected str names and values, got {name!r}: {value!r}",
                        path="extra_headers",
                    )
        if extra_query is not None:
            _check_mapping("extra_query", extra_query)
        if extra_body is not None:
            _check_mapping("extra_body", extra_body)
        if not isinstance(timeout, NotGiven):
            _check_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            _check_max_retries(max_retries)
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout
        self.max_retries = max_retries

    def __repr__(self) -> str:
        given = {name: getattr(self, name) for name in self.__slots__}
        shown = ", ".join(
            f"{k}={v!r}" for k, v in given.items() if v is not None and v is not NOT_GIVEN
        )
        return f"RequestOptions({shown})"


DEFAULT_REQUEST_OPTIONS = RequestOptions()


def _check_mapping(name: str, value: object) -> None:
    if not isinstance(value, Mapping):
        raise RequestValidationError(
            f"expected a mapping or None, got {type(value).__name__}", path=name
        )


def _check_timeout(value: object) -> None:
    if value is None or isinstance(value, httpx.Timeout):
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RequestValidationError(
            f"expected seconds (a number), an httpx.Timeout or None, got {value!r}", path="timeout"
        )
    if not value >= 0:  # also rejects NaN
        raise RequestValidationError(
            f"expected a non-negative number, got {value!r}", path="timeout"
        )


def _check_max_retries(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError(
            f"expected a non-negative int, got {value!r}", path="max_retries"
        )
    if value < 0:
        raise RequestValidationError(
            f"expected a non-negative int, got {value!r}", path="max_retries"
        )
