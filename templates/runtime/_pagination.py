"""Pages: list calls whose items are iterated across pages, each fetched when needed.

A `Pagination` says where an API keeps the items, the cursor (or offset) and the "more"
flag; it computes the next call from a page without any I/O. `SyncPage` and `AsyncPage`
drive it. Iteration never loops forever: it stops when the server says there is no more,
when a page is empty, when there is no next cursor, or when a cursor comes back again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from typing import Any, Generic, Literal, TypeVar

import msgspec

from ._request import Call
from ._types import NOT_GIVEN

BodyT = TypeVar("BodyT")
ItemT = TypeVar("ItemT")
_MISSING: Any = object()


class Pagination(msgspec.Struct, frozen=True, kw_only=True):
    """One operation's pagination scheme, by the names the runtime sees.

    Response fields are attribute names of the decoded body (`items`, `next_cursor`,
    `has_more`, `total`; `items=None`: the body is the array itself) and `cursor_item` an
    attribute of an item (the last item's id is the next cursor). Request parameters
    (`cursor`, `offset`) are wire names in the query, or argument names of the body when
    `location` is "body".
    """

    items: str | None = None
    cursor: str | None = None
    next_cursor: str | None = None
    cursor_item: str | None = None
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None
    location: Literal["query", "body"] = "query"

    def items_of(self, body: object) -> list[Any]:
        value = body if self.items is None else _field(body, self.items)
        return list(value) if isinstance(value, list | tuple) else []

    def next_call(self, body: object, call: Call, seen: frozenset[object]) -> Call | None:
        """The call for the page after `body`, or None when `body` is the last page."""
        items = self.items_of(body)
        if not items:
            return None
        if self.has_more is not None and _field(body, self.has_more) is False:
            return None
        if self.offset is not None:
            start = _as_int(self._argument(call, self.offset))
            following = start + len(items)
            total = _field(body, self.total) if self.total is not None else None
            if isinstance(total, int) and following >= total:
                return None
            return self._with_argument(call, self.offset, following)
        if self.cursor is None:
            return None
        if self.next_cursor is not None:
            cursor = _field(body, self.next_cursor)
        elif self.cursor_item is not None:
            cursor = _field(items[-1], self.cursor_item)
        else:
            return None
        if cursor is None or cursor is _MISSING or cursor == "" or cursor in seen:
            return None
        return self._with_argument(call, self.cursor, cursor)

    def cursor_of(self, call: Call) -> object:
        """What identifies the page `call` asks for, to notice a server repeating itself."""
        name = self.offset if self.offset is not None else self.cursor
        return None if name is None else self._argument(call, name)

    def _argument(self, call: Call, name: str) -> object:
        if self.location == "body":
            body = call.body
            if isinstance(body, Mapping):
                return body.get(name, NOT_GIVEN)
            return getattr(body, name, NOT_GIVEN)
        return (call.query or {}).get(name, NOT_GIVEN)

    def _with_argument(self, call: Call, name: str, value: object) -> Call:
        if self.location == "body":
            body = call.body
            if isinstance(body, msgspec.Struct):
                return call.replace(body=msgspec.structs.replace(body, **{name: value}))
            return call.replace(body={**(body if isinstance(body, Mapping) else {}), name: value})
        return call.replace(query={**(call.query or {}), name: value})


def _field(value: object, name: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(name, _MISSING)
    return getattr(value, name, _MISSING)


def _as_int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class _PageBase(Generic[BodyT, ItemT]):
    def __init__(
        self, body: BodyT, pagination: Pagination, call: Call, seen: frozenset[object]
    ) -> None:
        self.body = body
        self._pagination = pagination
        self._call = call
        self._seen = seen | {pagination.cursor_of(call)}
        self._next = pagination.next_call(body, call, self._seen)

    @property
    def items(self) -> list[ItemT]:
        """The items of this page only."""
        return self._pagination.items_of(self.body)

    def has_next_page(self) -> bool:
        return self._next is not None

    def __getattr__(self, name: str) -> Any:
        """The first page's own fields (`page.has_more`, `page.total_count`, ...)."""
        if name.startswith("_") or name == "body":
            raise AttributeError(name)
        return getattr(self.body, name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} more={self.has_next_page()}>"


class SyncPage(_PageBase[BodyT, ItemT]):
    """One page of a list call; iterating it yields every item of this and later pages."""

    def __init__(
        self,
        body: BodyT,
        endpoint: Any,
        call: Call,
        seen: frozenset[object],
        fetch: Callable[[Any, Call, frozenset[object]], SyncPage[BodyT, Any]],
    ) -> None:
        super().__init__(body, endpoint.pagination, call, seen)
        self._endpoint = endpoint
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[BodyT, ItemT]:
        if self._next is None:
            raise StopIteration("this is the last page")
        return self._fetch(self._endpoint, self._next, self._seen)

    def iter_pages(self) -> Iterator[SyncPage[BodyT, ItemT]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_PageBase[BodyT, ItemT]):
    """`SyncPage` for async clients: `async for item in page`, `await page.get_next_page()`."""

    def __init__(
        self,
        body: BodyT,
        endpoint: Any,
        call: Call,
        seen: frozenset[object],
        fetch: Callable[[Any, Call, frozenset[object]], Awaitable[AsyncPage[BodyT, Any]]],
    ) -> None:
        super().__init__(body, endpoint.pagination, call, seen)
        self._endpoint = endpoint
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[BodyT, ItemT]:
        if self._next is None:
            raise StopAsyncIteration("this is the last page")
        return await self._fetch(self._endpoint, self._next, self._seen)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[BodyT, ItemT]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPager(Generic[BodyT, ItemT]):
    """What an async list method returns: await it for the first page, or iterate it."""

    def __init__(self, first: Callable[[], Awaitable[AsyncPage[BodyT, ItemT]]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[BodyT, ItemT]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        page = await self._first()
        async for item in page:
            yield item
