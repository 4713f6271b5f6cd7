"""What an operation gives back to its caller, decided once per operation by the parser.

`RESULT_SHAPES` holds, per kind, everything the generated method needs to know (which
runtime call sends it, which runtime class wraps the result in each mode, whether the
async method is awaited, what api.md says of it), so the renderer has no branch per
kind; the change report reads the same row. A response's `BodyKind` is decided once from
its media type (parse/media.py); a streamed body kind is the result kind of the same
name (the row's `body`), the others lead to a value, text, binary body or page by the
rules of parse/results.py.

The recipe for a new kind of stream (JSON Lines was added so): its name in `BodyKind` and
`ResultKind` and its row here; its media types in parse/media.py `STREAMED_MEDIA_TYPES`;
its line decoder in the runtime's `_streaming.STREAM_DECODERS` (the `Stream` classes, the
clients' `stream` call and `with_raw_response`/`with_streaming_response` serve every
kind); and tests. Nothing else: no template, renderer or change-report code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model.types import TypeRef

# "value": the decoded body; "raw": text (`text/*`), returned as str; "binary": any other
# non-JSON body (audio, files), returned as a response object holding the bytes, as the
# Stainless SDKs do; "event_stream": server-sent events, each decoded; "json_lines": one
# JSON value a line, each decoded; "page": a list iterated across pages. Every kind can
# also be read as a stream of bytes.
ResultKind = Literal["value", "raw", "binary", "event_stream", "json_lines", "page"]

# What a response's body is, by its media type: "none" (no content), "json", "text"
# (`text/*`), "binary" (any other), or a streamed kind read item by item as it arrives.
BodyKind = Literal["none", "json", "text", "binary", "event_stream", "json_lines"]


@dataclass(frozen=True)
class ResultShape:
    """How one kind of result is sent and spelled in the generated method."""

    # The runtime client's method that sends the call and makes this kind of result.
    client_call: str
    # The runtime's generic class the sync / async method returns, over the decoded type;
    # None: the method returns the decoded value itself.
    sync_wrapper: str | None = None
    async_wrapper: str | None = None
    # The wrapper takes the decoded type as its type argument; False: a plain class.
    generic: bool = True
    # The wrapper's second type argument is the type of each item (pages).
    with_item: bool = False
    # The async method is a coroutine; False: what it returns is iterated, not awaited.
    awaited: bool = True
    # The runtime's `with_raw_response` wrapper, `to_raw_<raw>_wrapper`: "response" (an
    # `APIResponse` whose `parse()` gives the result), "page" (the first page's), "binary"
    # (the binary response itself, as in the Stainless SDKs).
    raw: str = "response"
    # The runtime's `with_streaming_response` wrapper, `to_streamed_<streamed>_wrapper`:
    # "response" (`parse()` gives what the plain method returns), "binary" (`parse()` gives
    # the bytes, as in the Stainless SDKs).
    streamed: str = "response"
    # What the change report says the method returns, when a method changes kind.
    described: str = "a value"
    # The streamed body kind that makes this result kind, whatever the other responses.
    body: BodyKind | None = None
    # What api.md says after the signature (empty: nothing): a `str.format` template that
    # render/result_docs.py fills with `item` (the decoded type), `async_returns` (the async
    # method's return type), `call` (`client.resource.method(...)`), `streaming_call` (the
    # same through `with_streaming_response`), `name` (the method), `scheme` (of paging).
    doc: str = ""

    @property
    def wrapped(self) -> bool:
        """Whether callers consume the result through a runtime class (iterate it)."""
        return self.sync_wrapper is not None


RESULT_SHAPES: dict[ResultKind, ResultShape] = {
    "value": ResultShape("request"),
    "raw": ResultShape(
        "request",
        described="raw content",
        doc=(
            "The body can also be read as it arrives, without holding it in memory:\n"
            "\n"
            "```python\n"
            "with {streaming_call} as response:\n"
            '    response.write_to_file("{name}.out")  # or iter_bytes(), iter_text(), '
            "iter_lines()\n"
            "```"
        ),
    ),
    "binary": ResultShape(
        "download",
        "BinaryResponse",
        "AsyncBinaryResponse",
        generic=False,
        raw="binary",
        streamed="binary",
        described="a binary response (`.content`, `.iter_bytes()`, `.write_to_file()`)",
        doc=(
            "Returns the body with its status and headers (`.content`, `.text`, `.json()`, "
            "`.read()`, `.iter_bytes()`, `.write_to_file(path)`, `.response`); the async client "
            "returns `{async_returns}`, whose `read()` and `write_to_file()` are awaited and "
            "whose `iter_bytes()` is iterated with `async for`:\n"
            "\n"
            "```python\n"
            "response = {call}\n"
            'response.write_to_file("{name}.out")\n'
            "```\n"
            "\n"
            "To read the body as it arrives instead (each piece as soon as it is received), "
            "without holding it in memory:\n"
            "\n"
            "```python\n"
            "with {streaming_call} as response:\n"
            "    for chunk in response.iter_bytes():  # or write_to_file(), iter_text(), "
            "iter_lines()\n"
            "        ...\n"
            "```"
        ),
    ),
    "event_stream": ResultShape(
        "stream",
        "Stream",
        "AsyncStream",
        described="an event stream (iterate it for each event)",
        body="event_stream",
        doc=(
            "Returns each server-sent event as it arrives, its data decoded as `{item}`; the "
            "async client returns `{async_returns}`:\n"
            "\n"
            "```python\n"
            "with {call} as stream:  # closes the connection when the block ends\n"
            "    for event in stream:\n"
            "        print(event)\n"
            "\n"
            "async with await async_{call} as stream:\n"
            "    async for event in stream:\n"
            "        print(event)\n"
            "```"
        ),
    ),
    "json_lines": ResultShape(
        "stream",
        "Stream",
        "AsyncStream",
        described="a JSON Lines stream (iterate it for each line's value)",
        body="json_lines",
        doc=(
            "Returns each line of the body as it arrives (JSON Lines), decoded as `{item}`; a "
            "line that does not decode raises `ResponseValidationError` naming the line; the "
            "async client returns `{async_returns}`:\n"
            "\n"
            "```python\n"
            "with {call} as stream:  # closes the connection when the block ends\n"
            "    for item in stream:\n"
            "        print(item)\n"
            "\n"
            "async with await async_{call} as stream:\n"
            "    async for item in stream:\n"
            "        print(item)\n"
            "```"
        ),
    ),
    "page": ResultShape(
        "paginate",
        "SyncPage",
        "AsyncPager",
        with_item=True,
        awaited=False,
        raw="page",
        described="a page (iterate it for the items of every page)",
        doc=(
            "Returns the first page; iterating it yields the items of every page, fetching each "
            "next page when needed (scheme `{scheme}`); the async client returns "
            "`{async_returns}`:\n"
            "\n"
            "```python\n"
            "for item in {call}:\n"
            "    print(item)\n"
            "\n"
            "page = {call}\n"
            "print(page.items, page.has_next_page())  # this page only; also the page's own "
            "fields\n"
            "for page in page.iter_pages():\n"
            "    ...\n"
            "\n"
            "async for item in async_{call}:\n"
            "    print(item)\n"
            "```"
        ),
    ),
}


def streamed_result(body: BodyKind) -> ResultKind | None:
    """The result kind a streamed body kind makes; None for a body read whole."""
    return next((kind for kind, shape in RESULT_SHAPES.items() if shape.body == body), None)


def result_wrappers() -> tuple[str, ...]:
    """Every runtime class a generated method may return, async first within each kind."""
    wrappers: list[str] = []
    for shape in RESULT_SHAPES.values():
        wrappers += [w for w in (shape.async_wrapper, shape.sync_wrapper) if w is not None]
    return tuple(dict.fromkeys(wrappers))  # kinds may share a class (the streams)


@dataclass(frozen=True)
class Paging:
    """How the runtime pages one operation, by the names it sees at run time.

    Response fields (`items`, `next_cursor`, `has_more`, `total`) and `cursor_item` are
    Python attribute names of the decoded models; `cursor` and `offset` are query
    parameter wire names, or body argument names when `location` is "body". A cursor may
    be several fields, each filled from the `cursor_item` attribute at the same place.
    """

    scheme: str
    items: str | None
    location: Literal["query", "body"] = "query"
    cursor: tuple[str, ...] = ()
    next_cursor: str | None = None
    cursor_item: tuple[str, ...] = ()
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None

    def runtime_arguments(self) -> tuple[tuple[str, str | tuple[str, ...]], ...]:
        """The keyword arguments of the runtime's `Pagination`, in a stable order; a
        one-field cursor is spelled as a plain name."""
        names = ("items", "cursor", "next_cursor", "cursor_item", "has_more", "offset", "total")
        given: list[tuple[str, str | tuple[str, ...]]] = []
        for name in names:
            value: str | tuple[str, ...] | None = getattr(self, name)
            if isinstance(value, tuple) and len(value) == 1:
                value = value[0]
            if value:
                given.append((name, value))
        if self.location != "query":
            given.append(("location", self.location))
        return tuple(given)


@dataclass(frozen=True)
class Result:
    kind: ResultKind = "value"
    # The type of each item (streams, pages).
    item: TypeRef | None = None
    paging: Paging | None = None

    @property
    def shape(self) -> ResultShape:
        return RESULT_SHAPES[self.kind]
