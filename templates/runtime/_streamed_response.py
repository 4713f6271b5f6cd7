"""Streamed responses: the body of a download read piece by piece, never held whole.

`with_streaming_response.<method>(...)` returns a context manager; the response it gives
has the status and headers at once, and the body only as it is read. Leaving the block
closes the connection, whether or not the body was read to the end.

`iter_bytes()` yields each piece as it arrives (real-time audio must not wait for a
buffer to fill); a chunk size is only applied when asked for. `parse()` reads the body and
gives what the plain method returns, as the Stainless SDKs' streamed responses do, but for
a binary call the bytes, as theirs (`to_streamed_binary_wrapper`): the status and headers
a `BinaryResponse` would add are on the streamed response already.

Their users also read `is_closed` (False until the body is read to its end or the block
left), `http_response` (here the httpx response being read) and `http_request`: the
request the response is tied to is replaced by a copy with the credentials masked
(`_masking.masked_request`), which is all that reading the body still needs of it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import timedelta
from os import PathLike
from types import MethodType, TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx
import msgspec

from ._errors import connection_error
from ._masking import masked_request

if TYPE_CHECKING:
    from ._binary_response import AsyncBinaryResponse, BinaryResponse
    from ._endpoint import Endpoint

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

DEFAULT_CHUNK_SIZE = 64 * 1024
_UNPARSED: Any = object()


class _Unread(Generic[T]):
    """What the streamed responses of both clients hold and show before reading."""

    def __init__(
        self,
        response: httpx.Response,
        endpoint: Endpoint[Any],
        url: httpx.URL,
        finish: Callable[[Any], Any] | None = None,
        retries_taken: int = 0,
    ) -> None:
        response.request = masked_request(response.request)
        self._response = response
        self._endpoint = endpoint
        self._url = url
        # What makes `parse()`'s value of the plain method's (a list's first page from its
        # body, the bytes of a binary response).
        self._finish = finish
        self._parsed: Any = _UNPARSED
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self.retries_taken = retries_taken

    @property
    def http_response(self) -> httpx.Response:
        """The httpx response being read (its `request` with the credentials masked)."""
        return self._response

    @property
    def http_request(self) -> httpx.Request:
        """The request that was sent, its credentials masked (`[redacted]`)."""
        return self._response.request

    @property
    def url(self) -> httpx.URL:
        """The URL of the request, credentials in its query masked."""
        return self._url

    @property
    def method(self) -> str:
        return self._response.request.method

    @property
    def http_version(self) -> str:
        return self._response.http_version

    @property
    def elapsed(self) -> timedelta:
        """From sending the request to the end of the body: known once it is read or closed
        (httpx raises `RuntimeError` before)."""
        return self._response.elapsed

    @property
    def is_closed(self) -> bool:
        """False until the body has been read to its end or the response closed."""
        return self._response.is_closed


class StreamedResponse(_Unread[T]):
    """A response whose body has not been read; read it once, with one of the methods.

    `T` is what the plain method returns, and `parse()` with it.
    """

    def __repr__(self) -> str:
        return f"<StreamedResponse [{self.status_code}]>"

    def parse(self) -> T:
        """Read the body and return what the plain method would have (an event stream
        is returned unread, to iterate inside the block)."""
        if self._parsed is _UNPARSED:
            from ._results import sync_result

            parsed = sync_result(self._endpoint, self._response, self._url)
            self._parsed = parsed if self._finish is None else self._finish(parsed)
        return cast(T, self._parsed)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        try:
            yield from self._response.iter_bytes(chunk_size)
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        try:
            yield from self._response.iter_text(chunk_size)
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    def iter_lines(self) -> Iterator[str]:
        try:
            yield from self._response.iter_lines()
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    def read(self) -> bytes:
        """The whole body (for small bodies, or after deciding from the headers)."""
        return b"".join(self.iter_bytes())

    def text(self) -> str:
        """The whole body as text, in the response's encoding."""
        try:
            self._response.read()
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc
        return self._response.text

    def json(self) -> Any:
        """The whole body as parsed JSON, whatever its shape (`parse()` gives it typed)."""
        return msgspec.json.decode(self.read())

    def write_to_file(self, file: str | PathLike[str], chunk_size: int = DEFAULT_CHUNK_SIZE) -> int:
        """Write the body to `file` as it arrives; the number of bytes written."""
        written = 0
        with open(file, "wb") as out:
            for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)
                written += len(chunk)
        return written

    def close(self) -> None:
        self._response.close()


class AsyncStreamedResponse(_Unread[T]):
    """`StreamedResponse` for async clients: `await response.parse()`."""

    def __repr__(self) -> str:
        return f"<AsyncStreamedResponse [{self.status_code}]>"

    async def parse(self) -> T:
        """Read the body and return what the plain method would have; see `StreamedResponse`."""
        if self._parsed is _UNPARSED:
            from ._results import async_result

            parsed = await async_result(self._endpoint, self._response, self._url)
            self._parsed = parsed if self._finish is None else self._finish(parsed)
        return cast(T, self._parsed)

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.aiter_bytes(chunk_size):
                yield chunk
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        try:
            async for text in self._response.aiter_text(chunk_size):
                yield text
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    async def iter_lines(self) -> AsyncIterator[str]:
        try:
            async for line in self._response.aiter_lines():
                yield line
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc

    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self.iter_bytes()])

    async def text(self) -> str:
        """The whole body as text, in the response's encoding."""
        try:
            await self._response.aread()
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc
        return self._response.text

    async def json(self) -> Any:
        """The whole body as parsed JSON, whatever its shape (`parse()` gives it typed)."""
        return msgspec.json.decode(await self.read())

    async def write_to_file(
        self, file: str | PathLike[str], chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> int:
        """Write the body to `file` as it arrives (the writes themselves block briefly)."""
        written = 0
        with open(file, "wb") as out:
            async for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)
                written += len(chunk)
        return written

    async def close(self) -> None:
        await self._response.aclose()


class ResponseContextManager(Generic[R]):
    """Makes the call on entering the block, closes the response on leaving it."""

    def __init__(self, make: Callable[[], R]) -> None:
        self._make = make
        self._response: R | None = None

    def __enter__(self) -> R:
        self._response = self._make()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            cast(StreamedResponse[Any], self._response).close()


class AsyncResponseContextManager(Generic[R]):
    """`ResponseContextManager` for `async with`."""

    def __init__(self, make: Callable[[], Awaitable[R]]) -> None:
        self._make = make
        self._response: R | None = None

    async def __aenter__(self) -> R:
        self._response = await self._make()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await cast(AsyncStreamedResponse[Any], self._response).close()


def to_streamed_response_wrapper(
    func: Callable[P, T],
) -> Callable[P, ResponseContextManager[StreamedResponse[T]]]:
    """Make a bound resource method return a context manager around its unread response."""
    method = _streaming_method(func)

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[StreamedResponse[T]]:
        return ResponseContextManager(lambda: cast(StreamedResponse[T], method(*args, **kwargs)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, AsyncResponseContextManager[AsyncStreamedResponse[T]]]:
    """`to_streamed_response_wrapper` for the methods of async resources."""
    method = _streaming_method(func)

    @functools.wraps(func)
    def wrapped(
        *args: P.args, **kwargs: P.kwargs
    ) -> AsyncResponseContextManager[AsyncStreamedResponse[T]]:
        async def make() -> AsyncStreamedResponse[T]:
            return cast(AsyncStreamedResponse[T], await method(*args, **kwargs))

        return AsyncResponseContextManager(make)

    return wrapped


def to_streamed_binary_wrapper(
    func: Callable[P, BinaryResponse],
) -> Callable[P, ResponseContextManager[StreamedResponse[bytes]]]:
    """`to_streamed_response_wrapper` for binary calls: `parse()` gives the bytes, as the
    Stainless SDKs' streamed binary responses do (the client's streaming view gives them)."""
    return cast(
        Callable[P, ResponseContextManager[StreamedResponse[bytes]]],
        to_streamed_response_wrapper(func),
    )


def async_to_streamed_binary_wrapper(
    func: Callable[P, Awaitable[AsyncBinaryResponse]],
) -> Callable[P, AsyncResponseContextManager[AsyncStreamedResponse[bytes]]]:
    """`to_streamed_binary_wrapper` for the binary calls of async resources."""
    return cast(
        Callable[P, AsyncResponseContextManager[AsyncStreamedResponse[bytes]]],
        async_to_streamed_response_wrapper(func),
    )


def binary_body(response: BinaryResponse | AsyncBinaryResponse) -> bytes:
    """What `parse()` of a streamed binary call gives of its `BinaryResponse`: the bytes."""
    return response.content


def _streaming_method(func: Callable[..., Any]) -> Callable[..., Any]:
    """The same method, on a copy of its resource bound to a streaming view of the client."""
    if not isinstance(func, MethodType):
        raise TypeError(f"expected a bound method of a resource, got {func!r}")
    resource: Any = copy.copy(func.__self__)
    resource._client = resource._client._streaming_view()
    return cast(Callable[..., Any], getattr(resource, func.__name__))
