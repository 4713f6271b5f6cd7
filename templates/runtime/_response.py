"""Raw responses: the HTTP details of a call next to its lazily parsed result.

An `APIResponse` copies what it needs out of the httpx response rather than keeping it,
because the httpx response links to the request, and the request carries the credentials.
What it shows as `http_response` and `http_request`, the attributes Stainless SDK users
read, is a copy with the credentials masked (`_masking.masked_response`). The body is read
before the response is made (`is_closed` is True), so `read()`, `iter_bytes()` and the
others replay it. `AsyncAPIResponse` is the same for async clients, whose `parse()`,
`read()`, `json()` and `close()` are awaited, as in the Stainless SDKs
(`data = await response.parse()`).

The raw response of a binary call is the `BinaryResponse` itself, as in the Stainless
SDKs (`to_raw_binary_wrapper`): it already holds the status, headers and body.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import timedelta
from types import MethodType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx
import msgspec

from ._masking import masked_response

if TYPE_CHECKING:
    from ._binary_response import AsyncBinaryResponse, BinaryResponse
    from ._endpoint import Endpoint

T = TypeVar("T")
P = ParamSpec("P")
B = TypeVar("B", bound="BinaryResponse")
AB = TypeVar("AB", bound="AsyncBinaryResponse")

_UNPARSED: Any = object()


class _RawResponse(Generic[T]):
    """What the raw responses of both clients hold; `T` is what the plain method returns."""

    __slots__ = (
        "_endpoint",
        "_parsed",
        "content",
        "elapsed",
        "encoding",
        "headers",
        "http_response",
        "method",
        "retries_taken",
        "status_code",
        "url",
    )

    def __init__(
        self, response: httpx.Response, endpoint: Endpoint[Any], url: httpx.URL, retries_taken: int
    ) -> None:
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self.content: bytes = response.content
        self.encoding: str = response.encoding or "utf-8"
        self.method: str = response.request.method
        self.url: httpx.URL = url
        try:
            self.elapsed: timedelta = response.elapsed
        except RuntimeError:  # a response built with its content (mock transports) has none
            self.elapsed = timedelta(0)
        self.retries_taken = retries_taken
        # Read already: copying it here keeps the credentials out of what callers see.
        self.http_response: httpx.Response = masked_response(response)
        self._endpoint = endpoint
        self._parsed: T = _UNPARSED

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url}>"

    @property
    def http_request(self) -> httpx.Request:
        """The request that was sent, its credentials masked (`[redacted]`)."""
        return self.http_response.request

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def is_closed(self) -> bool:
        """True: the body was read whole before this response was made."""
        return self.http_response.is_closed

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, errors="replace")

    def json(self) -> Any:
        return msgspec.json.decode(self.content)


class APIResponse(_RawResponse[T]):
    """What `with_raw_response` methods return: for callers who need the status or headers
    (rate limits, request ids) and not only the body; `parse()` gives the body as usual."""

    __slots__ = ()

    def parse(self) -> T:
        """What the call would have returned (decoded once): the typed body, an event
        stream over the body, or a binary response."""
        if self._parsed is _UNPARSED:
            from ._results import sync_result  # parsing only: not loaded by `import`

            self._parsed = sync_result(self._endpoint, self.http_response, self.url)
        return self._parsed

    def read(self) -> bytes:
        """The body (read already)."""
        return self.content

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        """Nothing to release: the connection was released when the body was read."""
        self.http_response.close()


class AsyncAPIResponse(_RawResponse[T]):
    """`APIResponse` for async clients: `await response.parse()`."""

    __slots__ = ()

    async def json(self) -> Any:
        """The body as parsed JSON, awaited as in the other async responses (it is read)."""
        return msgspec.json.decode(self.content)

    async def parse(self) -> T:
        """What the call would have returned (decoded once); see `APIResponse.parse`."""
        if self._parsed is _UNPARSED:
            from ._results import async_result  # parsing only: not loaded by `import`

            self._parsed = await async_result(self._endpoint, self.http_response, self.url)
        return self._parsed

    async def read(self) -> bytes:
        """The body (read already)."""
        return self.content

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for text in self.http_response.aiter_text(chunk_size):
            yield text

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line

    async def close(self) -> None:
        """Nothing to release: the connection was released when the body was read."""
        await self.http_response.aclose()


def to_raw_response_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Make a bound resource method return the `APIResponse` instead of the parsed body."""
    raw_method = _raw_method(func)

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        return cast(APIResponse[T], raw_method(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[AsyncAPIResponse[T]]]:
    """`to_raw_response_wrapper` for the methods of async resources."""
    raw_method = _raw_method(func)

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[T]:
        return cast(AsyncAPIResponse[T], await raw_method(*args, **kwargs))

    return wrapped


def to_raw_binary_wrapper(func: Callable[P, B]) -> Callable[P, B]:
    """`to_raw_response_wrapper` for binary calls: the `BinaryResponse` itself, as in the
    Stainless SDKs, where it is the raw response (status, headers, `parse()` the bytes)."""
    return cast(Callable[P, B], _raw_method(func))


def async_to_raw_binary_wrapper(func: Callable[P, Awaitable[AB]]) -> Callable[P, Awaitable[AB]]:
    """`to_raw_binary_wrapper` for the binary calls of async resources."""
    return cast(Callable[P, Awaitable[AB]], _raw_method(func))


def _raw_method(func: Callable[..., Any]) -> Callable[..., Any]:
    """The same method, on a copy of its resource bound to a raw-mode view of the client."""
    if not isinstance(func, MethodType):
        raise TypeError(f"expected a bound method of a resource, got {func!r}")
    resource: Any = copy.copy(func.__self__)
    resource._client = resource._client._raw_view()
    return cast(Callable[..., Any], getattr(resource, func.__name__))
