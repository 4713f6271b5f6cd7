"""Pages: list calls whose items are iterated across pages, each fetched when needed.

A `Pagination` says where an API keeps the items, the cursor (or offset) and the "more"
flag; it computes the next call from a page without any I/O. `SyncPage` and `AsyncPage`
drive it. Iteration never loops forever: it stops when the server says there is no more,
when a page is empty, when there is no next cursor, or when a cursor comes back again.
`get_next_page()` returns None after the last page. `SyncPageResponse` and
`AsyncPageResponse` are the raw first page of `with_raw_response`; their `parse()` gives
the page rather than the bare body.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
    Sequence,
)
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx
import msgspec

from ._request import Call
from ._response import (
    APIResponse,
    AsyncAPIResponse,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from ._endpoint import Endpoint

BodyT = TypeVar("BodyT")
ItemT = TypeVar("ItemT")
P = ParamSpec("P")
_MISSING: Any = object()


class Pagination(msgspec.Struct, frozen=True, kw_only=True):
    """One operation's pagination scheme, by the names the runtime sees.

    Response fields are attribute names of the decoded body (`items`, `next_cursor`,
    `has_more`, `total`; `items=None`: the body is the array itself) and `cursor_item` an
    attribute of an item (the last item's value is the next cursor). Request parameters
    (`cursor`, `offset`) are wire names in the query, or argument names of the body when
    `location` is "body". A cursor of several fields (a tuple) is filled from as many
    item attributes (`cursor_item`, in the same order), all sent with the next call.
    """

    items: str | None = None
    cursor: str | tuple[str, ...] | None = None
    next_cursor: str | None = None
    cursor_item: str | tuple[str, ...] | None = None
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None
    location: Literal["query", "body"] = "query"

    def items_of(self, body: object) -> list[Any]:
        value = body if self.items is None else _field(body, self.items)
        return list(cast("Sequence[Any]", value)) if isinstance(value, list | tuple) else []

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
            return self._with_arguments(call, {self.offset: following})
        names = _names(self.cursor)
        if not names:
            return None
        if self.next_cursor is not None:
            values: tuple[object, ...] = (_field(body, self.next_cursor),)
        elif self.cursor_item is not None:
            values = tuple(_field(items[-1], name) for name in _names(self.cursor_item))
        else:
            return None
        if any(v is None or v is _MISSING or v == "" for v in values) or values in seen:
            return None
        return self._with_arguments(call, dict(zip(names, values, strict=True)))

    def cursor_of(self, call: Call) -> object:
        """What identifies the page `call` asks for, to notice a server repeating itself:
        the whole cursor, so two pages that share one of its fields are still told apart."""
        if self.offset is not None:
            return (self._argument(call, self.offset),)
        return tuple(self._argument(call, name) for name in _names(self.cursor))

    def _argument(self, call: Call, name: str) -> object:
        if self.location == "body":
            body = call.body
            if isinstance(body, Mapping):
                return cast("Mapping[str, object]", body).get(name, NOT_GIVEN)
            return getattr(body, name, NOT_GIVEN)
        return (call.query or {}).get(name, NOT_GIVEN)

    def _with_arguments(self, call: Call, values: Mapping[str, object]) -> Call:
        if self.location == "body":
            body = call.body
            if isinstance(body, msgspec.Struct):
                return call.replace(body=msgspec.structs.replace(body, **values))
            return call.replace(body={**(body if isinstance(body, Mapping) else {}), **values})
        return call.replace(query={**(call.query or {}), **values})


def _names(names: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    return (names,) if isinstance(names, str) else names


def _field(value: object, name: str) -> Any:
    if isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value).get(name, _MISSING)
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

    def get_next_page(self) -> SyncPage[BodyT, ItemT] | None:
        """The page after this one, fetched now; None when this is the last page."""
        if self._next is None:
            return None
        return self._fetch(self._endpoint, self._next, self._seen)

    def iter_pages(self) -> Iterator[SyncPage[BodyT, ItemT]]:
        page = self
        while True:
            yield page
            following = page.get_next_page()
            if following is None:
                return
            page = following

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

    async def get_next_page(self) -> AsyncPage[BodyT, ItemT] | None:
        """The page after this one, fetched now; None when this is the last page."""
        if self._next is None:
            return None
        return await self._fetch(self._endpoint, self._next, self._seen)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[BodyT, ItemT]]:
        page = self
        while True:
            yield page
            following = await page.get_next_page()
            if following is None:
                return
            page = following

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


class SyncPageResponse(APIResponse[SyncPage[BodyT, ItemT]]):
    """What `with_raw_response.<list method>(...)` returns: the first page's HTTP response,
    whose `parse()` gives that page (iterate it for the items of every page, as usual)."""

    __slots__ = ("_make_page", "_page")

    def __init__(
        self,
        response: httpx.Response,
        endpoint: Endpoint[Any],
        url: httpx.URL,
        retries_taken: int,
        make_page: Callable[[BodyT], SyncPage[BodyT, ItemT]],
    ) -> None:
        super().__init__(response, endpoint, url, retries_taken)
        self._make_page = make_page
        self._page: SyncPage[BodyT, ItemT] | None = None

    def parse(self) -> SyncPage[BodyT, ItemT]:
        """The first page, its body decoded once; later pages are fetched when iterated."""
        if self._page is None:
            body = self._endpoint.decode_success(self.status_code, self.headers, self.content)
            self._page = self._make_page(cast(BodyT, body))
        return self._page


class AsyncPageResponse(AsyncAPIResponse[AsyncPage[BodyT, ItemT]]):
    """`SyncPageResponse` for async clients: `await response.parse()` gives the first page."""

    __slots__ = ("_make_page", "_page")

    def __init__(
        self,
        response: httpx.Response,
        endpoint: Endpoint[Any],
        url: httpx.URL,
        retries_taken: int,
        make_page: Callable[[BodyT], AsyncPage[BodyT, ItemT]],
    ) -> None:
        super().__init__(response, endpoint, url, retries_taken)
        self._make_page = make_page
        self._page: AsyncPage[BodyT, ItemT] | None = None

    async def parse(self) -> AsyncPage[BodyT, ItemT]:
        """The first page, its body decoded once; later pages are fetched when iterated."""
        if self._page is None:
            body = self._endpoint.decode_success(self.status_code, self.headers, self.content)
            self._page = self._make_page(cast(BodyT, body))
        return self._page


def to_raw_page_wrapper(
    func: Callable[P, SyncPage[BodyT, ItemT]],
) -> Callable[P, SyncPageResponse[BodyT, ItemT]]:
    """`to_raw_response_wrapper` for list methods: the first page's raw response."""
    return cast(Callable[P, SyncPageResponse[BodyT, ItemT]], to_raw_response_wrapper(func))


def async_to_raw_page_wrapper(
    func: Callable[P, AsyncPager[BodyT, ItemT]],
) -> Callable[P, Awaitable[AsyncPageResponse[BodyT, ItemT]]]:
    """`to_raw_page_wrapper` for the list methods of async resources."""
    wrapped = async_to_raw_response_wrapper(func)
    return cast(Callable[P, Awaitable[AsyncPageResponse[BodyT, ItemT]]], wrapped)
