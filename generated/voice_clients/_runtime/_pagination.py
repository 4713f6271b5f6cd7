"""Pages: list calls whose items are iterated across pages, each fetched when needed.

A `Pagination` (`_paging`) says where an API keeps the items, the cursor (or offset) and
the "more" flag, and computes the next call from a page. `SyncPage` and `AsyncPage`
drive it. Iteration never loops forever: it stops when the server says there is no more,
when a page is empty, when there is no next cursor, or when a cursor comes back again.
`get_next_page()` returns None after the last page. `SyncPageResponse` and
`AsyncPageResponse` are the raw first page of `with_raw_response`; their `parse()` gives
the page rather than the bare body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._call import Call
from ._paging import Pagination
from ._response import (
    APIResponse,
    AsyncAPIResponse,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)

if TYPE_CHECKING:
    from ._endpoint import Endpoint

BodyT = TypeVar("BodyT")
ItemT = TypeVar("ItemT")
P = ParamSpec("P")


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
            body = self._endpoint.decode_success(
                self.status_code, self.headers, self.content, self.http_request
            )
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
            body = self._endpoint.decode_success(
                self.status_code, self.headers, self.content, self.http_request
            )
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
