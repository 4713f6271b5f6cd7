"""Raw responses: the HTTP details of a call next to its lazily parsed result.

An `APIResponse` copies what it needs out of the httpx response rather than keeping it,
because the httpx response links to the request, and the request carries the credentials.
`AsyncAPIResponse` is the same for async clients, whose `parse()` is awaited, as in the
Stainless SDKs (`data = await response.parse()`).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Awaitable, Callable
from datetime import timedelta
from types import MethodType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx
import msgspec

if TYPE_CHECKING:
    from ._endpoint import Endpoint

T = TypeVar("T")
P = ParamSpec("P")

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
        self._endpoint = endpoint
        self._parsed: T = _UNPARSED

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url}>"

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, errors="replace")

    def json(self) -> Any:
        return msgspec.json.decode(self.content)

    def _response(self) -> httpx.Response:
        """The body again as an httpx response, for the result kinds built on one."""
        from ._masking import detached_response  # parsing only

        request = httpx.Request(self.method, self.url)
        return detached_response(self.status_code, self.headers, self.content, request)


class APIResponse(_RawResponse[T]):
    """What `with_raw_response` methods return: for callers who need the status or headers
    (rate limits, request ids) and not only the body; `parse()` gives the body as usual."""

    __slots__ = ()

    def parse(self) -> T:
        """What the call would have returned (decoded once): the typed body, an event
        stream over the body, or a binary response."""
        if self._parsed is _UNPARSED:
            from ._results import sync_result  # parsing only: not loaded by `import`

            self._parsed = sync_result(self._endpoint, self._response(), self.url)
        return self._parsed


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

            self._parsed = await async_result(self._endpoint, self._response(), self.url)
        return self._parsed


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


def _raw_method(func: Callable[..., Any]) -> Callable[..., Any]:
    """The same method, on a copy of its resource bound to a raw-mode view of the client."""
    if not isinstance(func, MethodType):
        raise TypeError(f"expected a bound method of a resource, got {func!r}")
    resource: Any = copy.copy(func.__self__)
    resource._client = resource._client._raw_view()
    return cast(Callable[..., Any], getattr(resource, func.__name__))
