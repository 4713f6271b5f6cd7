"""What an operation gives back to its caller, decided once per operation by the parser.

`RESULT_SHAPES` holds, per kind, everything the generated method needs to know (which
runtime call sends it, which runtime class wraps the result in each mode, whether the
async method is awaited), so the renderer has no branch per kind: a new kind of result is
a row here, its detection in parse/results.py, its classes and call in the runtime, and
its section in api.md; the change report reads the same row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model.types import TypeRef

# "value": the decoded body; "raw": text (`text/*`), returned as str; "binary": any other
# non-JSON body (audio, files), returned as a response object holding the bytes, as the
# Stainless SDKs do; "event_stream": server-sent events, each decoded; "page": a list
# iterated across pages. Every kind can also be read as a stream of bytes.
ResultKind = Literal["value", "raw", "binary", "event_stream", "page"]


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
    # What the change report says the method returns, when a method changes kind.
    described: str = "a value"

    @property
    def wrapped(self) -> bool:
        """Whether callers consume the result through a runtime class (iterate it)."""
        return self.sync_wrapper is not None


RESULT_SHAPES: dict[ResultKind, ResultShape] = {
    "value": ResultShape("request"),
    "raw": ResultShape("request", described="raw content"),
    "binary": ResultShape(
        "download",
        "BinaryResponse",
        "AsyncBinaryResponse",
        generic=False,
        described="a binary response (`.content`, `.iter_bytes()`, `.write_to_file()`)",
    ),
    "event_stream": ResultShape(
        "stream",
        "Stream",
        "AsyncStream",
        described="an event stream (iterate it for each event)",
    ),
    "page": ResultShape(
        "paginate",
        "SyncPage",
        "AsyncPager",
        with_item=True,
        awaited=False,
        described="a page (iterate it for the items of every page)",
    ),
}


def result_wrappers() -> tuple[str, ...]:
    """Every runtime class a generated method may return, async first within each kind."""
    wrappers: list[str] = []
    for shape in RESULT_SHAPES.values():
        wrappers += [w for w in (shape.async_wrapper, shape.sync_wrapper) if w is not None]
    return tuple(wrappers)


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
    # The type of each event (event streams) or of each item (pages).
    item: TypeRef | None = None
    paging: Paging | None = None
