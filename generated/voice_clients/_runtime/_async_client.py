"""The base of generated asynchronous clients."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TypeVar, cast

import httpx

from . import _retries
from ._base_client import BaseClient
from ._endpoint import Endpoint
from ._errors import make_status_error
from ._request import build_request, connection_error, log_attempt, log_retry, logger
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

T = TypeVar("T")
_C = TypeVar("_C", bound="AsyncAPIClient")


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Generated clients subclass this, set `_config`, and route every call through `request`.

    `request` is the one place a call is built, sent, retried and decoded, so generated
    resource methods stay one statement long.
    """

    def _new_http_client(self, timeout: httpx.Timeout) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=timeout)

    async def close(self) -> None:
        """Close the connection pool, unless it came from `http_client=` (its owner closes it)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Sequence[object] = (),
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> T:
        """Send one call of `endpoint`, retrying what is safe to retry, and decode the result.

        Values left as `NOT_GIVEN` are left out of the query, headers, cookies and body; `extra_*`
        add to (and override) what the generated method sends.
        """
        options = self._options
        http = self._http
        request = build_request(
            options,
            http.cookies,
            endpoint,
            path,
            query,
            headers,
            body,
            extra_headers,
            extra_query,
            extra_body,
            timeout,
            cookies,
        )
        retries = options.max_retries if isinstance(max_retries, NotGiven) else max_retries
        retries_taken = 0
        while True:
            if logger.isEnabledFor(logging.DEBUG):
                log_attempt(options, request, retries_taken)
            outcome: httpx.Response | httpx.TransportError
            try:
                # Never followed, whatever the http_client says: the request carries
                # credentials, which must not reach another origin (a 3xx is an error).
                outcome = await http.send(request, follow_redirects=False)
            except httpx.TransportError as exc:
                if retries_taken >= retries:
                    raise connection_error(exc, retries_taken) from exc
                outcome = exc
                delay = _retries.retry_delay(None, retries_taken)
            else:
                status = outcome.status_code
                if 200 <= status < 300:
                    if self._raw:
                        return cast(T, self._raw_response(endpoint, outcome, retries_taken))
                    return endpoint.decode_success(status, outcome.headers, outcome.content)
                if retries_taken >= retries or not _retries.should_retry(outcome):
                    error_body = endpoint.decode_error(outcome)
                    raise make_status_error(outcome, error_body, retries_taken, options.api_key)
                delay = _retries.retry_delay(outcome.headers, retries_taken)
            if logger.isEnabledFor(logging.DEBUG):
                log_retry(options, request, outcome, delay)
            await _retries.async_sleep(delay)
            retries_taken += 1
