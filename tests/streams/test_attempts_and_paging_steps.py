"""The two sans-IO steps: the retry decision and the next-page computation."""

from __future__ import annotations

from typing import Any

import httpx
import msgspec
import pytest
from runtime import APIConnectionError, Endpoint, InternalServerError, NotFoundError, Pagination
from runtime._attempts import next_step
from runtime._call import Call

ENDPOINT = Endpoint[Any](method="GET", path="/x", responses={"200": Any})
REQUEST = httpx.Request("GET", "https://api.test/x")


def _response(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, headers=headers, json={"m": 1}, request=REQUEST)


def test_success_returns() -> None:
    assert next_step(ENDPOINT, _response(200), 0, 2) is None


def test_retryable_status_waits_then_raises_when_retries_run_out() -> None:
    delay = next_step(ENDPOINT, _response(503, {"retry-after": "2"}), 0, 2)
    assert delay == 2.0
    with pytest.raises(InternalServerError):
        next_step(ENDPOINT, _response(500), 2, 2)


def test_non_retryable_status_raises_at_once() -> None:
    with pytest.raises(NotFoundError):
        next_step(ENDPOINT, _response(404), 0, 5)


def test_transport_error_waits_then_raises_connection_error() -> None:
    error = httpx.ConnectError("refused")
    delay = next_step(ENDPOINT, error, 0, 1)
    assert delay is not None and 0 < delay <= 0.5
    with pytest.raises(APIConnectionError):
        next_step(ENDPOINT, error, 1, 1)


class Item(msgspec.Struct):
    id: str


class Envelope(msgspec.Struct):
    data: list[Item]
    has_more: bool
    next: str | None = None


class Query(msgspec.Struct):
    cursor: Any = msgspec.UNSET


def test_cursor_from_a_field_goes_into_the_query() -> None:
    paging = Pagination(items="data", cursor="after", next_cursor="next", has_more="has_more")
    body = Envelope([Item("a")], True, "k1")
    following = paging.next_call(body, Call(query={"limit": 2}), frozenset())
    assert following is not None and following.query == {"limit": 2, "after": "k1"}


def test_stops_without_more_on_an_empty_page_or_at_a_seen_cursor() -> None:
    paging = Pagination(items="data", cursor="after", next_cursor="next", has_more="has_more")
    call = Call()
    assert paging.next_call(Envelope([Item("a")], False, "k"), call, frozenset()) is None
    assert paging.next_call(Envelope([], True, "k"), call, frozenset()) is None
    assert paging.next_call(Envelope([Item("a")], True, None), call, frozenset()) is None
    assert paging.next_call(Envelope([Item("a")], True, "k"), call, frozenset({("k",)})) is None


def test_last_item_cursor_in_a_body_model() -> None:
    paging = Pagination(cursor="cursor", cursor_item="id", location="body")
    following = paging.next_call([Item("a"), Item("b")], Call(body=Query()), frozenset())
    assert following is not None and following.body == Query(cursor="b")


def test_offset_advances_by_the_items_up_to_the_total() -> None:
    paging = Pagination(items="data", offset="offset", total="total")
    body = {"data": [1, 2], "total": 5}
    following = paging.next_call(body, Call(query={"offset": 2}), frozenset())
    assert following is not None and following.query == {"offset": 4}
    assert (
        paging.next_call({"data": [1], "total": 5}, Call(query={"offset": 4}), frozenset()) is None
    )


class Version(msgspec.Struct):
    agent_id: str
    version: int


def test_a_cursor_of_several_fields_is_filled_from_the_last_item_and_compared_whole() -> None:
    paging = Pagination(cursor=("key", "key_version"), cursor_item=("agent_id", "version"))
    first = Call(query={"limit": 2})
    second = paging.next_call([Version("a", 4), Version("a", 3)], first, frozenset())
    assert second is not None and second.query == {"limit": 2, "key": "a", "key_version": 3}
    # The next page ends on another version of the same agent: not a repeated cursor.
    seen = frozenset({paging.cursor_of(first), paging.cursor_of(second)})
    third = paging.next_call([Version("a", 2), Version("a", 1)], second, seen)
    assert third is not None and third.query == {"limit": 2, "key": "a", "key_version": 1}
    # The whole cursor coming back is.
    assert paging.next_call([Version("a", 3)], third, seen | {("a", 3)}) is None
