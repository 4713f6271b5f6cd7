"""What the sync and async clients share: configuration, option copies and raw views.

A client object is a thin holder of (httpx client, resolved `Options`, raw flag), which
makes copies cheap and lets `with_options` work for generated subclasses whose
`__init__` takes different parameters: copies never call `__init__`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar

import httpx

from ._options import (
    ClientConfig,
    Options,
    base_url_is_explicit,
    resolve_base_url,
    resolve_credentials,
)
from ._types import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    Headers,
    NotGiven,
    Query,
    Timeout,
)

_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)
# What an httpx client has when its maker chose no timeout: it then gets ours, since 5 s
# is httpx's guess for any request, not the API's. A chosen timeout is kept.
_HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)
_C = TypeVar("_C", bound="BaseClient[Any]")


class BaseClient(Generic[_HttpT]):
    """Resolves the options once, at construction, so that calls only read them."""

    _config: ClassVar[ClientConfig]

    _http: _HttpT
    _owns_http: bool
    _options: Options
    _raw: bool

    def __init__(
        self,
        *,
        api_key: str | None = None,
        server: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: _HttpT | None = None,
        credentials: Mapping[str, str | None] | None = None,
        server_variables: Mapping[str, str | None] | None = None,
    ) -> None:
        """`credentials` by argument name (`api_key=` alone is the one-credential form);
        `server_variables` fill the chosen server's URL template, by variable name."""
        config = self._config
        given = dict(credentials or {})
        if api_key is not None:
            given["api_key"] = api_key
        resolved_credentials = resolve_credentials(config, given)
        url = resolve_base_url(config, base_url, server, server_variables)
        if isinstance(timeout, NotGiven):
            if http_client is None or http_client.timeout == _HTTPX_DEFAULT_TIMEOUT:
                resolved = DEFAULT_TIMEOUT
            else:
                resolved = http_client.timeout
        else:
            resolved = httpx.Timeout(timeout)
        if http_client is None:
            http_client = self._new_http_client(resolved)
            self._owns_http = True
        else:
            self._owns_http = False
        self._http = http_client
        self._raw = False
        self._options = Options(
            config,
            http_client,
            credentials=resolved_credentials,
            base_url=url,
            timeout=resolved,
            max_retries=max_retries,
            default_headers=dict(default_headers or {}),
            default_query=dict(default_query or {}),
            explicit_base_url=base_url_is_explicit(config, base_url),
        )

    def _new_http_client(self, timeout: httpx.Timeout) -> _HttpT:
        raise NotImplementedError

    def __repr__(self) -> str:
        # Error trackers call repr on the locals of a failed `__init__`, where the client is
        # half built; failing here would hide why construction failed.
        options: Options | None = getattr(self, "_options", None)
        if options is None:
            return f"<{type(self).__name__} (not configured)>"
        return f"<{type(self).__name__} base_url={options.base_url!r}>"

    @property
    def base_url(self) -> httpx.URL:
        return httpx.URL(self._options.base_url)

    @property
    def timeout(self) -> httpx.Timeout:
        return self._options.timeout

    @property
    def max_retries(self) -> int:
        return self._options.max_retries

    def with_options(
        self: _C,
        *,
        api_key: str | None = None,
        server: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        **by_name: str | None,
    ) -> _C:
        """A copy with some options changed, sharing this client's connection pool.

        The server can also be chosen by the API's own name for it, as in the generated
        `__init__` (`region="eu"`), and credentials by theirs (`token=`); copies must not
        call `__init__`, whose signature only the subclass knows. Default headers and
        query parameters given here are added to the current ones. Closing either client
        closes the shared pool, unless it came from `http_client=`.
        """
        old = self._options
        config = self._config
        credentials = dict(old.credentials)
        if api_key is not None:
            credentials["api_key"] = api_key
        for name, value in by_name.items():
            if name == config.server_parameter:
                server = value if value is not None else server
            elif name in config.credential_envs:
                if value is not None:
                    credentials[name] = value
            else:
                raise TypeError(
                    f"{type(self).__name__}.with_options() got an unexpected keyword argument"
                    f" {name!r}"
                )
        if base_url is not None or server is not None:
            url = resolve_base_url(config, base_url, server)
            explicit = base_url_is_explicit(config, base_url)
        else:
            url, explicit = old.base_url, old.explicit_base_url
        options = Options(
            config,
            self._http,
            credentials=resolve_credentials(config, credentials),
            base_url=url,
            timeout=old.timeout if isinstance(timeout, NotGiven) else httpx.Timeout(timeout),
            max_retries=old.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers={**old.default_headers, **(default_headers or {})},
            default_query={**old.default_query, **(default_query or {})},
            explicit_base_url=explicit,
            previous=old,
        )
        return self._copy(options, raw=self._raw)

    def _raw_view(self: _C) -> _C:
        """This client, returning `APIResponse` objects from `request` instead of bodies."""
        return self._copy(self._options, raw=True)

    def _copy(self: _C, options: Options, *, raw: bool) -> _C:
        clone = object.__new__(type(self))
        clone._http = self._http
        clone._owns_http = self._owns_http
        clone._options = options
        clone._raw = raw
        return clone
