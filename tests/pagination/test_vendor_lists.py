"""Every list of the PolyAI, Retell and Cartesia APIs pages through all its items, sync and
async, against a server on 127.0.0.1 that enforces the cursors as the documents say: an
item dropped or repeated, a cursor field left out or a cursor not handed out fails."""

from __future__ import annotations

import importlib
import re
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from support.local_server import LocalServer
from vendor_lists import CLIENTS, LISTS, ListServer, VendorList, load_document
from vendor_settings import API_TOML

from generator.naming import python_identifier

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _api(vendors: ModuleType, listed: VendorList) -> ModuleType:
    module: ModuleType = getattr(__import__(f"{vendors.__name__}.{listed.api}"), listed.api)
    return module


def _method(vendors: ModuleType, listed: VendorList, client: Any) -> Any:
    """The bound list method of `client`, found through the generated api.md."""
    api_md = (Path(_api(vendors, listed).__file__).parent / "api.md").read_text()
    pattern = rf"### `\w+\.(\w+)\.(\w+)`\n\n`{re.escape(listed.route)}`"
    found = re.search(pattern, api_md)
    assert found, listed.route
    return getattr(getattr(client, found.group(1)), found.group(2))


def _arguments(listed: VendorList) -> tuple[list[Any], dict[str, Any]]:
    """Path arguments and the required keyword arguments, with values the spec accepts."""
    document = load_document(listed.api)
    item = document["paths"][listed.path]
    operation = item[listed.method.lower()]
    parameters = [*item.get("parameters", ()), *operation.get("parameters", ())]
    positional, keywords = [], {}
    for parameter in parameters:
        while "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        if parameter["in"] == "path":
            positional.append("p1")
        elif parameter.get("required"):
            schema = parameter.get("schema", {})
            value = schema["enum"][0] if "enum" in schema else "x"
            keywords[python_identifier(parameter["name"])] = value
    return positional, keywords


def _key(item: Any, listed: VendorList) -> tuple[object, ...]:
    return tuple(getattr(item, name) for name in listed.keys)


def _client(vendors: ModuleType, listed: VendorList, url: str, *, asynchronous: bool) -> Any:
    name = ("Async" if asynchronous else "") + CLIENTS[listed.api]
    return getattr(_api(vendors, listed), name)(api_key="k", base_url=url, max_retries=0)


def _pages_expected(server: ListServer) -> int:
    full, rest = divmod(len(server.items), 2)
    # A bare array or an offset list without the last page short learns of the end from
    # an empty page; a "more" flag or a missing next cursor ends it at once.
    empty_page = server.listed.paging == "item" and rest == 0
    return full + (rest > 0) + empty_page


@pytest.mark.parametrize("listed", LISTS, ids=lambda v: f"{v.api}:{v.route}")
def test_sync_list_pages_through_every_item(vendors: ModuleType, listed: VendorList) -> None:
    server = ListServer(listed, load_document(listed.api))
    positional, keywords = _arguments(listed)
    with (
        LocalServer(server.handle).running() as local,
        _client(vendors, listed, local.url, asynchronous=False) as client,
    ):
        got = [_key(i, listed) for i in _method(vendors, listed, client)(*positional, **keywords)]
    assert server.refused == []
    assert got == server.expected()
    assert len(local.seen) == _pages_expected(server) + (listed.paging == "item")


@pytest.mark.anyio
@pytest.mark.parametrize("listed", LISTS, ids=lambda v: f"{v.api}:{v.route}")
async def test_async_list_pages_through_every_item(vendors: ModuleType, listed: VendorList) -> None:
    server = ListServer(listed, load_document(listed.api))
    positional, keywords = _arguments(listed)
    with LocalServer(server.handle).running() as local:
        async with _client(vendors, listed, local.url, asynchronous=True) as client:
            method = _method(vendors, listed, client)
            got = [_key(i, listed) async for i in method(*positional, **keywords)]
    assert server.refused == []
    assert got == server.expected()


def test_the_documented_tables_are_the_ones_tested() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for table in API_TOML.values():
        assert textwrap.indent(table, "   ") in readme


@pytest.mark.parametrize("api", sorted(API_TOML))
def test_the_vendor_settings_page_the_lists_with_the_tested_tables(api: str) -> None:
    """docs/vendor-settings/<api>.toml, the official SDK's names, pages as tested here."""
    settings = (ROOT / "docs" / "vendor-settings" / f"{api}.toml").read_text(encoding="utf-8")
    assert API_TOML[api] in settings


def _voices(vendors: ModuleType) -> tuple[VendorList, ListServer]:
    listed = next(v for v in LISTS if v.route == "GET /voices")
    return listed, ListServer(listed, load_document("cartesia"))


def test_raw_response_of_a_list_is_the_first_page_whose_parse_is_the_page(
    vendors: ModuleType,
) -> None:
    listed, server = _voices(vendors)
    runtime = importlib.import_module(f"{vendors.__name__}._runtime")
    with (
        LocalServer(server.handle).running() as local,
        _client(vendors, listed, local.url, asynchronous=False) as client,
    ):
        raw = client.voices.with_raw_response.list()
        assert raw.status_code == 200 and len(local.seen) == 1
        page = raw.parse()
        assert isinstance(page, runtime.SyncPage) and raw.parse() is page
        assert [v.id for v in page.items] == ["id-0", "id-1"]
        assert [(v.id,) for v in page] == server.expected()  # later pages: not raw
        last = list(page.iter_pages())[-1]
        assert last.get_next_page() is None


@pytest.mark.anyio
async def test_async_raw_response_of_a_list_parses_to_the_page_when_awaited(
    vendors: ModuleType,
) -> None:
    listed, server = _voices(vendors)
    runtime = importlib.import_module(f"{vendors.__name__}._runtime")
    with LocalServer(server.handle).running() as local:
        async with _client(vendors, listed, local.url, asynchronous=True) as client:
            raw = await client.voices.with_raw_response.list()
            assert raw.status_code == 200
            page = await raw.parse()
            assert isinstance(page, runtime.AsyncPage)
            assert [(v.id,) async for v in page] == server.expected()
            pages = [p async for p in page.iter_pages()]
            assert await pages[-1].get_next_page() is None


def test_streamed_response_of_a_list_parses_to_the_first_page(vendors: ModuleType) -> None:
    """As the plain method and `with_raw_response` give it: the page, not its body."""
    listed, server = _voices(vendors)
    runtime = importlib.import_module(f"{vendors.__name__}._runtime")
    with (
        LocalServer(server.handle).running() as local,
        _client(vendors, listed, local.url, asynchronous=False) as client,
    ):
        with client.voices.with_streaming_response.list() as streamed:
            assert streamed.status_code == 200
            page = streamed.parse()
            assert isinstance(page, runtime.SyncPage) and streamed.parse() is page
        assert [v.id for v in page.items] == ["id-0", "id-1"]
        assert [(v.id,) for v in page] == server.expected()  # later pages: plain calls


@pytest.mark.anyio
async def test_async_streamed_response_of_a_list_parses_to_the_first_page(
    vendors: ModuleType,
) -> None:
    listed, server = _voices(vendors)
    runtime = importlib.import_module(f"{vendors.__name__}._runtime")
    with LocalServer(server.handle).running() as local:
        async with _client(vendors, listed, local.url, asynchronous=True) as client:
            async with client.voices.with_streaming_response.list() as streamed:
                page = await streamed.parse()
                assert isinstance(page, runtime.AsyncPage)
            assert [(v.id,) async for v in page] == server.expected()
