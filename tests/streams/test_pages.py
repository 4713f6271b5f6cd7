"""The five pagination shapes through generated clients, sync and async, on 127.0.0.1.

Each server holds four items and answers two per page; the third page is empty (while
the "more" flag or total still claims more), so iteration must stop there. A server
that keeps returning the same cursor must not make iteration loop.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from support.local_server import Exchange, LocalServer

Handler = Callable[[Exchange], None]


def _after(ids: list[str], cursor: str | None, repeat: bool) -> list[str]:
    """Two ids after `cursor` (from the start when None, or always when `repeat`)."""
    start = 0 if cursor is None or repeat else ids.index(cursor) + 1
    return ids[start : start + 2]


def voices(repeat: bool = False) -> Handler:
    ids = ["v1", "v2", "v3", "v4"]

    def handle(exchange: Exchange) -> None:
        page = _after(ids, exchange.query.get("starting_after"), repeat)
        data = [{"id": i, "name": i.upper()} for i in page]
        exchange.send_json({"data": data, "has_more": True, "next_page": None})

    return handle


def phone_numbers(repeat: bool = False) -> Handler:
    ids = ["+1", "+2", "+3", "+4"]

    def handle(exchange: Exchange) -> None:
        key = exchange.query.get("pagination_key")
        page = _after(ids, key, repeat)
        body: dict[str, object] = {"items": [{"phone_number": n} for n in page]}
        body["has_more"] = bool(page)
        if page:
            body["pagination_key"] = page[-1]
        exchange.send_json(body)

    return handle


def agents(repeat: bool = False) -> Handler:
    ids = ["a1", "a2", "a3", "a4"]

    def handle(exchange: Exchange) -> None:
        page = _after(ids, exchange.query.get("pagination_key"), repeat)
        exchange.send_json([{"agent_id": i} for i in page])

    return handle


def calls(repeat: bool = False) -> Handler:
    ids = ["c1", "c2", "c3", "c4"]

    def handle(exchange: Exchange) -> None:
        sent = exchange.json() or {}
        page = _after(ids, sent.get("pagination_key"), repeat)
        exchange.send_json([{"call_id": i} for i in page])

    return handle


def audio_cache(repeat: bool = False) -> Handler:
    ids = ["e1", "e2", "e3", "e4"]

    def handle(exchange: Exchange) -> None:
        offset = 0 if repeat else int(exchange.query.get("offset", 0))
        limit = int(exchange.query.get("limit", 2))
        page = ids[offset : offset + limit]
        exchange.send_json({"entries": [{"id": i} for i in page], "totalCount": 6})

    return handle


# (fixture, client class, how to call the list method, handler, the item's id field)
SHAPES = {
    "cursor_by_item_id": ("cartesia", "CartesiaS", lambda c: c.voices.list(limit=2), voices, "id"),
    "token_envelope_allof": (
        "retell",
        "RetellS",
        lambda c: c.phone_number.list_numbers(limit=2),
        phone_numbers,
        "phone_number",
    ),
    "last_item_bare_array": (
        "retell",
        "RetellS",
        lambda c: c.agent.list_agents(limit=2),
        agents,
        "agent_id",
    ),
    "cursor_in_json_body": (
        "retell",
        "RetellS",
        lambda c: c.call.list_calls(limit=2),
        calls,
        "call_id",
    ),
    "offset_total_count": (
        "polyai",
        "PolyaiS",
        lambda c: c.audio_cache.list("agent", limit=2),
        audio_cache,
        "id",
    ),
}
EXPECTED = {
    "cursor_by_item_id": ["v1", "v2", "v3", "v4"],
    "token_envelope_allof": ["+1", "+2", "+3", "+4"],
    "last_item_bare_array": ["a1", "a2", "a3", "a4"],
    "cursor_in_json_body": ["c1", "c2", "c3", "c4"],
    "offset_total_count": ["e1", "e2", "e3", "e4"],
}


@pytest.mark.parametrize("shape", SHAPES)
def test_iterates_every_item_across_pages_and_stops_at_the_empty_page(
    shape: str, request: pytest.FixtureRequest
) -> None:
    fixture, client_class, call, handler, field = SHAPES[shape]
    package = request.getfixturevalue(fixture)
    with LocalServer(handler()).running() as server:
        client = getattr(package, client_class)(base_url=server.url)
        items = [getattr(item, field) for item in call(client)]
        client.close()
    assert items == EXPECTED[shape]
    assert len(server.requests) == 3  # two full pages and the empty one


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "offset_total_count"])
def test_a_repeated_cursor_stops_the_iteration(shape: str, request: pytest.FixtureRequest) -> None:
    fixture, client_class, call, handler, field = SHAPES[shape]
    package = request.getfixturevalue(fixture)
    with LocalServer(handler(repeat=True)).running() as server:
        client = getattr(package, client_class)(base_url=server.url)
        items = [getattr(item, field) for item in call(client)]
        client.close()
    assert items == EXPECTED[shape][:2] * 2
    assert len(server.requests) == 2


def test_a_server_repeating_the_offset_list_stops_at_the_total(polyai: ModuleType) -> None:
    with LocalServer(audio_cache(repeat=True)).running() as server:
        client = polyai.PolyaiS(base_url=server.url)
        items = [entry.id for entry in client.audio_cache.list("agent", limit=2)]
        client.close()
    assert items == ["e1", "e2"] * 3  # offsets 0, 2, 4; the total (6) ends it
    assert [q.get("offset") for _, _, q in server.requests] == [None, "2", "4"]


@pytest.mark.anyio
@pytest.mark.parametrize("shape", SHAPES)
async def test_async_iterates_every_item_across_pages(
    shape: str, request: pytest.FixtureRequest
) -> None:
    fixture, client_class, call, handler, field = SHAPES[shape]
    package = request.getfixturevalue(fixture)
    with LocalServer(handler()).running() as server:
        async with getattr(package, "Async" + client_class)(base_url=server.url) as client:
            items = [getattr(item, field) async for item in call(client)]
            first = await call(client)
            pages = [page async for page in first.iter_pages()]
    assert items == EXPECTED[shape]
    assert [len(p.items) for p in pages] == [2, 2, 0]


@pytest.mark.anyio
async def test_async_repeated_cursor_stops(retell: ModuleType) -> None:
    with LocalServer(agents(repeat=True)).running() as server:
        async with retell.AsyncRetellS(base_url=server.url) as client:
            items = [a.agent_id async for a in client.agent.list_agents(limit=2)]
    assert items == ["a1", "a2", "a1", "a2"]


def test_page_methods_and_the_first_pages_fields(cartesia: ModuleType) -> None:
    with LocalServer(voices()).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        page = client.voices.list(limit=2)
        assert page.has_more is True  # the first page's own fields
        assert [v.id for v in page.data] == ["v1", "v2"]
        assert [v.id for v in page.items] == ["v1", "v2"]
        assert page.has_next_page()
        second = page.get_next_page()
        assert second is not None and [v.id for v in second.items] == ["v3", "v4"]
        assert [len(p.items) for p in page.iter_pages()] == [2, 2, 0]
        last = second.get_next_page()
        assert last is not None and not last.has_next_page()
        assert last.get_next_page() is None  # the end, without a request
        client.close()
    assert len(server.requests) == 5  # list, next, two more by iter_pages, next again


def test_an_explicit_cursor_starts_there(cartesia: ModuleType, retell: ModuleType) -> None:
    with LocalServer(voices()).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        assert [v.id for v in client.voices.list(limit=2, starting_after="v2")] == ["v3", "v4"]
        client.close()
    with LocalServer(calls()).running() as server:
        client = retell.RetellS(base_url=server.url)
        assert [c.call_id for c in client.call.list_calls(pagination_key="c1")] == [
            "c2",
            "c3",
            "c4",
        ]
        client.close()


def test_the_next_page_keeps_the_other_arguments(retell: ModuleType) -> None:
    with LocalServer(phone_numbers()).running() as server:
        client = retell.RetellS(base_url=server.url)
        list(client.phone_number.list_numbers(limit=2, sort_order="descending"))
        client.close()
    assert [q.get("sort_order") for _, _, q in server.requests] == ["descending"] * 3
    assert [q.get("pagination_key") for _, _, q in server.requests] == [None, "+2", "+4"]


def test_raw_response_of_a_list_is_the_first_page_response(cartesia: ModuleType) -> None:
    with LocalServer(voices()).running() as server:
        client = cartesia.CartesiaS(base_url=server.url)
        raw = client.voices.with_raw_response.list(limit=2)
        assert raw.status_code == 200
        assert [v.id for v in raw.parse().data] == ["v1", "v2"]
        client.close()


def _bad_second_page(exchange: Exchange) -> None:
    if exchange.query.get("starting_after") is None:
        exchange.send_json({"data": [{"id": "v1", "name": "V1"}], "has_more": True})
    else:
        exchange.send_json({"data": [{"id": 2, "name": "V2"}], "has_more": False})


def test_a_page_that_does_not_match_carries_its_masked_request(cartesia: ModuleType) -> None:
    secret = "Bearer s3cret-token"
    with LocalServer(_bad_second_page).running() as server:
        client = cartesia.CartesiaS(base_url=server.url, default_headers={"Authorization": secret})
        with pytest.raises(cartesia.ResponseValidationError) as caught:
            list(client.voices.list(limit=1))
        client.close()
    assert caught.value.path == "$.data[0].id"
    assert caught.value.request.headers["authorization"] == "[redacted]"
    assert caught.value.request.url.params["starting_after"] == "v1"
