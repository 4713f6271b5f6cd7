"""The base of generated asynchronous clients."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from . import _attempts, _retries
from ._base_client import BaseClient
from ._call import DEFAULT_REQUEST_OPTIONS, Call, RequestOptions
from ._endpoint import Endpoint
from ._request import build_request, log_attempt, log_retry, logger, public_url
from ._response import AsyncAPIResponse
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from ._binary_response import AsyncBinaryResponse
    from ._pagination import AsyncPage, AsyncPager
    from ._streaming import AsyncStream

T = TypeVar("T")
_C = TypeVar("_C", bound="AsyncAPIClient")


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Generated clients subclass this, set `_config`, and route every call through it.

    `request`, `stream`, `download` and `paginate` (one per result kind) are the one place
    a call is built, sent, retried and turned into its result, so generated resource
    methods stay one statement long.
    """

    # Set on the view behind `with_streaming_response`: the body is left unread.
    _streaming: bool = False

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
        options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
    ) -> T:
        """Send one call of `endpoint`, retrying what is safe to retry, and decode the result.

        Values left as `NOT_GIVEN` are left out of the query, headers, cookies and body; the
        `extra_*` options add to (and override) what the generated method sends.
        """
        call = Call(
            path=path, query=query, headers=headers, cookies=cookies, body=body, options=options
        )
        response, retries_taken = await self._send(endpoint, call, stream=self._streaming)
        if self._raw or self._streaming:
            return cast(T, self._view_result(endpoint, response, retries_taken))
        return endpoint.decode_success(
            response.status_code, response.headers, response.content, response.request
        )

    async def stream(
        self,
        endpoint: Endpoint[T],
        *,
        path: Sequence[object] = (),
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
    ) -> AsyncStream[T]:
        """`request` for a stream (event stream, JSON Lines): the items of `endpoint`, decoded
        as they arrive."""
        call = Call(
            path=path, query=query, headers=headers, cookies=cookies, body=body, options=options
        )
        from ._streaming import AsyncStream  # streams only: not loaded by `import`

        response, retries_taken = await self._send(endpoint, call, stream=not self._raw)
        if self._raw or self._streaming:
            return cast(AsyncStream[T], self._view_result(endpoint, response, retries_taken))
        return AsyncStream(response, endpoint.stream_decoder())

    async def download(
        self,
        endpoint: Endpoint[Any],
        *,
        path: Sequence[object] = (),
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
    ) -> AsyncBinaryResponse:
        """`request` for a binary body: the `AsyncBinaryResponse` holding it, with its status
        and headers."""
        call = Call(
            path=path, query=query, headers=headers, cookies=cookies, body=body, options=options
        )
        from ._results import async_result  # binary bodies only: not loaded by `import`

        response, retries_taken = await self._send(endpoint, call, stream=self._streaming)
        if self._streaming:
            from ._streamed_response import AsyncStreamedResponse, binary_body

            # parse() gives the bytes, as the Stainless SDKs' streamed binary responses do.
            url = public_url(self._options, response.request.url)
            streamed = AsyncStreamedResponse[bytes](
                response, endpoint, url, binary_body, retries_taken
            )
            return cast("AsyncBinaryResponse", streamed)
        # Raw or not, the binary response: it holds the status and headers already.
        url = public_url(self._options, response.request.url)
        return cast(
            "AsyncBinaryResponse", await async_result(endpoint, response, url, retries_taken)
        )

    def paginate(
        self,
        endpoint: Endpoint[T],
        *,
        path: Sequence[object] = (),
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
    ) -> AsyncPager[T, Any]:
        """`request` for a list: awaited, the first page; iterated (`async for`), every item.

        Not a coroutine, so that `async for item in client.things.list()` reads naturally.
        """
        call = Call(
            path=path, query=query, headers=headers, cookies=cookies, body=body, options=options
        )
        from ._pagination import AsyncPager  # lists only: not loaded by `import`

        return AsyncPager(lambda: self._page(endpoint, call, frozenset()))

    async def _page(
        self, endpoint: Endpoint[T], call: Call, seen: frozenset[object]
    ) -> AsyncPage[T, Any]:
        from ._pagination import AsyncPage

        response, retries_taken = await self._send(endpoint, call, stream=self._streaming)
        if self._raw:
            # The raw first page; the pages after it are fetched as usual, not raw.
            from ._pagination import AsyncPageResponse

            fetch = self._copy(self._options, raw=False)._page
            url = public_url(self._options, response.request.url)
            raw = AsyncPageResponse[T, Any](
                response,
                endpoint,
                url,
                retries_taken,
                lambda body: AsyncPage[T, Any](body, endpoint, call, seen, fetch),
            )
            return cast(AsyncPage[T, Any], raw)
        if self._streaming:
            # parse() gives the first page, as the plain method; the later ones are fetched
            # as usual, not streamed.
            from ._streamed_response import AsyncStreamedResponse

            fetch = self._copy(self._options, raw=False)._page
            url = public_url(self._options, response.request.url)
            streamed = AsyncStreamedResponse[AsyncPage[T, Any]](
                response,
                endpoint,
                url,
                lambda body: AsyncPage[T, Any](body, endpoint, call, seen, fetch),
                retries_taken,
            )
            return cast(AsyncPage[T, Any], streamed)
        value = endpoint.decode_success(
            response.status_code, response.headers, response.content, response.request
        )
        return AsyncPage(value, endpoint, call, seen, self._page)

    def _view_result(
        self, endpoint: Endpoint[Any], response: httpx.Response, retries_taken: int
    ) -> object:
        url = public_url(self._options, response.request.url)
        if self._streaming:
            from ._streamed_response import AsyncStreamedResponse

            return AsyncStreamedResponse[Any](response, endpoint, url, retries_taken=retries_taken)
        return AsyncAPIResponse[Any](response, endpoint, url, retries_taken)

    def _streaming_view(self: _C) -> _C:
        """This client, answering calls with an unread `StreamedResponse`."""
        view = self._copy(self._options, raw=False)
        view._streaming = True
        return view

    async def _send(
        self, endpoint: Endpoint[Any], call: Call, *, stream: bool
    ) -> tuple[httpx.Response, int]:
        """The response that ends the retry loop, and how many retries it took."""
        options = self._options
        http = self._http
        request = build_request(options, http.cookies, endpoint, call)
        # A scheme's own flow (fetching a token), else whatever the http_client has.
        auth = options.for_endpoint(endpoint).auth or httpx.USE_CLIENT_DEFAULT
        max_retries = call.options.max_retries
        retries = options.max_retries if isinstance(max_retries, NotGiven) else max_retries
        retries_taken = 0
        while True:
            if logger.isEnabledFor(logging.DEBUG):
                log_attempt(options, request, retries_taken)
            outcome: httpx.Response | httpx.TransportError
            try:
                # Never followed, whatever the http_client says: the request carries
                # credentials, which must not reach another origin (a 3xx is an error).
                outcome = await http.send(request, stream=stream, follow_redirects=False, auth=auth)
                if stream and not outcome.is_success:
                    try:
                        await outcome.aread()
                    finally:
                        await outcome.aclose()
            except httpx.TransportError as exc:
                outcome = exc
            delay = _attempts.next_step(endpoint, outcome, retries_taken, retries, options.api_key)
            if delay is None:
                return cast(httpx.Response, outcome), retries_taken
            if logger.isEnabledFor(logging.DEBUG):
                log_retry(options, request, outcome, delay)
            await _retries.async_sleep(delay)
            retries_taken += 1
