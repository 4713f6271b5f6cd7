"""Streams whose items arrive one by one: the `Stream`/`AsyncStream` objects that yield
each item decoded as it arrives, and the decoders that turn the body's lines into items,
one per streaming result kind (`STREAM_DECODERS`): server-sent events, as the WHATWG HTML
standard defines them, and JSON Lines (one JSON value a line, also NDJSON and JSON text
sequences), so one stream class serves every kind.

Lines end in CR, LF or CRLF (a CR at the end of one network chunk may be followed by the
LF in the next). A stream owns its HTTP response: it is closed when the items end, when
the caller breaks out or closes it, and when reading fails; a connection broken mid-stream
raises `APIConnectionError` instead of ending as if the server had finished.

The response a stream shows (`stream.response`) is the live one, read as the items arrive,
but the request it is tied to is replaced by a copy with the credentials masked
(`_masking.masked_request`), as in every other response and error: reading the body needs
nothing of the request. An item that does not decode raises `ResponseValidationError` with
the status and headers of that response and its masked request.
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterable, Iterator
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

import httpx
import msgspec

from ._errors import ResponseValidationError, connection_error
from ._masking import masked_request, request_of
from ._models import dec_hook

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
_S = TypeVar("_S", bound="Stream[Any]")
_A = TypeVar("_A", bound="AsyncStream[Any]")


class StreamDecoder(Protocol[T_co]):
    """Turns the lines of one stream into its items; a new one for every stream."""

    def feed(self, line: str) -> Iterable[T_co]:
        """The items this line completes (none, or one); `ItemError` when one does not
        decode."""
        ...


class ItemError(Exception):
    """An item of a stream does not decode; the stream, which holds the response, raises
    it as `ResponseValidationError` (a decoder knows only the lines)."""

    def __init__(self, message: str, *, body: bytes, path: str) -> None:
        super().__init__(message)
        self.message = message
        self.body = body
        self.path = path


def _invalid(error: ItemError, response: httpx.Response) -> ResponseValidationError:
    """`error` as raised to the caller: with the status, headers and (masked) request of
    the stream's response."""
    return ResponseValidationError(
        error.message,
        status_code=response.status_code,
        headers=response.headers,
        body=error.body,
        path=error.path,
        request=request_of(response),
    )


def _masked(response: httpx.Response) -> httpx.Response:
    """`response`, tied from now on to the masked copy of its request (if it has one)."""
    request = request_of(response)
    if request is not None:
        response.request = masked_request(request)
    return response


class ServerSentEvent(msgspec.Struct, frozen=True):
    """One dispatched event; `data` joins its `data:` lines with newlines."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Turns lines into events; feed it every line, an empty line dispatches the event."""

    __slots__ = ("_data", "_event", "_last_id", "_retry")

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""
        self._last_id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment (often a keep-alive)
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        data, event = self._data, self._event
        self._data, self._event = [], ""
        if not data:
            return None
        return ServerSentEvent("\n".join(data), event or "message", self._last_id, self._retry)


class LineSplitter:
    """Splits decoded text into lines at CR, LF or CRLF, across chunk boundaries."""

    __slots__ = ("_buffer", "_decoder", "_pending_cr")

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._buffer = ""
        self._pending_cr = False

    def feed(self, chunk: bytes) -> list[str]:
        text = self._decoder.decode(chunk)
        if self._pending_cr and text.startswith("\n"):
            text = text[1:]
        self._pending_cr = False
        text = self._buffer + text
        if not text:
            return []
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._buffer = lines.pop()
        if text.endswith("\r"):
            self._pending_cr = True
        return lines

    def end(self) -> list[str]:
        rest = self._buffer + self._decoder.decode(b"", final=True)
        self._buffer = ""
        return [rest] if rest else []


def iter_events(chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
    """The events in a byte stream (a trailing event without its blank line is dropped)."""
    splitter, decoder = LineSplitter(), SSEDecoder()
    for chunk in chunks:
        for line in splitter.feed(chunk):
            event = decoder.feed(line)
            if event is not None:
                yield event
    for line in splitter.end():
        decoder.feed(line)


def event_decoder(tp: Any) -> Callable[[ServerSentEvent], Any]:
    """How an event's data becomes the stream's item: JSON into `tp`, or text for `str`."""
    if tp is str or tp is None:
        return _data_text
    decoder = msgspec.json.Decoder(tp, dec_hook=dec_hook)

    def decode(event: ServerSentEvent) -> Any:
        try:
            return decoder.decode(event.data)
        except msgspec.DecodeError as exc:
            from ._validation import split_message  # failures only

            message, path = split_message(exc)
            raise ItemError(
                f"event {event.event!r}: {message}", body=event.data.encode("utf-8"), path=path
            ) from None

    return decode


def _data_text(event: ServerSentEvent) -> str:
    return event.data


class EventItems(Generic[T]):
    """Server-sent events: each dispatched event's data, decoded, is an item."""

    __slots__ = ("_decode", "_events")

    def __init__(self, decode: Callable[[ServerSentEvent], T]) -> None:
        self._decode = decode
        self._events = SSEDecoder()

    def feed(self, line: str) -> tuple[T, ...]:
        event = self._events.feed(line)
        return () if event is None else (self._decode(event),)


def _event_items(tp: Any) -> Callable[[], StreamDecoder[Any]]:
    decode = event_decoder(tp)
    return lambda: EventItems(decode)


class JSONLineItems(Generic[T]):
    """JSON Lines: each line is one JSON value, decoded; blank lines are skipped, and the
    record separator that starts each value of a JSON text sequence (RFC 7464) is dropped.
    A line that does not decode raises `ItemError` naming its line number."""

    __slots__ = ("_decoder", "_number")

    def __init__(self, decoder: msgspec.json.Decoder[T]) -> None:
        self._decoder = decoder
        self._number = 0

    def feed(self, line: str) -> tuple[T, ...]:
        self._number += 1
        text = line.strip(" \t\x1e")
        if not text:
            return ()
        try:
            return (self._decoder.decode(text),)
        except msgspec.DecodeError as exc:
            from ._validation import split_message  # failures only

            message, path = split_message(exc)
            shown = text if len(text) <= 200 else text[:200] + "..."
            raise ItemError(
                f"line {self._number} of the stream ({shown!r}): {message}",
                body=text.encode("utf-8"),
                path=path,
            ) from None


def _json_line_items(tp: Any) -> Callable[[], StreamDecoder[Any]]:
    decoder = msgspec.json.Decoder(Any if tp is None else tp, dec_hook=dec_hook)
    return lambda: JSONLineItems(decoder)


# Per streaming result kind (the `result` of an endpoint), how to make the decoder of one
# stream from the success type: the type of each event's data, or of each line.
STREAM_DECODERS: dict[str, Callable[[Any], Callable[[], StreamDecoder[Any]]]] = {
    "event_stream": _event_items,
    "json_lines": _json_line_items,
}


class Stream(Generic[T]):
    """The items of one response, decoded as they arrive; iterate it once.

    Use it in a `with` block (or call `close()`) when you may stop early, so the
    connection goes back to the pool at once.
    """

    def __init__(self, response: httpx.Response, decoder: StreamDecoder[T]) -> None:
        self.response = _masked(response)
        self._decoder = decoder
        self._items = self._iterate()

    def _iterate(self) -> Generator[T, None, None]:
        response, decoder, splitter = self.response, self._decoder, LineSplitter()
        try:
            for chunk in response.iter_bytes():
                for line in splitter.feed(chunk):
                    yield from decoder.feed(line)
            for line in splitter.end():
                yield from decoder.feed(line)
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc
        except ItemError as exc:
            raise _invalid(exc, response) from None
        finally:
            response.close()

    def __iter__(self) -> Iterator[T]:
        return self._items

    def __next__(self) -> T:
        return next(self._items)

    def close(self) -> None:
        self._items.close()
        self.response.close()

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[T]):
    """`Stream` for async clients: `async for item in stream`, `async with`, `await close()`."""

    def __init__(self, response: httpx.Response, decoder: StreamDecoder[T]) -> None:
        self.response = _masked(response)
        self._decoder = decoder
        self._items = self._iterate()

    async def _iterate(self) -> AsyncGenerator[T, None]:
        response, decoder, splitter = self.response, self._decoder, LineSplitter()
        try:
            async for chunk in response.aiter_bytes():
                for line in splitter.feed(chunk):
                    for item in decoder.feed(line):
                        yield item
            for line in splitter.end():
                for item in decoder.feed(line):
                    yield item
        except httpx.TransportError as exc:
            raise connection_error(exc, 0) from exc
        except ItemError as exc:
            raise _invalid(exc, response) from None
        finally:
            await response.aclose()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items

    async def __anext__(self) -> T:
        return await self._items.__anext__()

    async def close(self) -> None:
        await self._items.aclose()
        await self.response.aclose()

    async def __aenter__(self: _A) -> _A:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
