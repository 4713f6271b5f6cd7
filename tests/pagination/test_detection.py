"""Which of the vendors' lists page without settings, and what a table may leave out, read
from the intermediate model of the whole APIs (no rendering)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from vendor_lists import DOCUMENTS, LISTS, VENDOR_SPECS

from generator.diagnostics import GeneratorError
from generator.model.api import Api
from generator.pipeline import load_api, model_api
from generator.settings import load_api_settings

pytestmark = pytest.mark.slow

# The lists the README says take a table; every other vendor list is detected.
CONFIGURED = {
    "GET /list-agents",
    "GET /list-chat-agents",
    "GET /list-conversation-flows",
    "GET /list-retell-llms",
    "GET /list-chat",
    "POST /v2/list-calls",
    "GET /agents/calls",
}


def _model(api: str, tmp_path: Path, table: str = "") -> Api:
    folder = tmp_path / api
    folder.mkdir()
    for name in DOCUMENTS[api]:
        shutil.copy(VENDOR_SPECS / name, folder / name)
    (folder / "api.toml").write_text(f'package = "{api}"\n{table}')
    return model_api(load_api(folder), load_api_settings(folder, f"{api}/api.toml"))


def _pages(api: Api) -> dict[str, tuple[str | None, ...]]:
    return {
        f"{op.http_method} {op.path}": (op.result.paging.scheme, op.result.paging.has_more)
        for resource in api.resources
        for op in resource.operations
        if op.result.paging is not None
    }


@pytest.mark.parametrize("api", sorted(DOCUMENTS))
def test_without_settings_the_unambiguous_lists_and_only_they_are_pages(
    api: str, tmp_path: Path
) -> None:
    pages = _pages(_model(api, tmp_path))
    expected = {v.route for v in LISTS if v.api == api and v.route not in CONFIGURED}
    assert set(pages) == expected
    assert all(scheme == "detected" for scheme, _ in pages.values())


def test_a_shared_table_leaves_has_more_out_where_the_response_lacks_it(tmp_path: Path) -> None:
    table = (
        '\n[pagination.lists]\nitems = "data"\ncursor = "starting_after"\n'
        'next_cursor = "next_page"\nhas_more = "has_more"\n'
        'operations = ["GET /agents/calls", "GET /voices"]\n'
    )
    pages = _pages(_model("cartesia", tmp_path, table))
    assert pages["GET /agents/calls"] == ("lists", None)
    assert pages["GET /voices"] == ("lists", "has_more")


def test_a_cursor_item_only_some_variants_have_is_an_error_at_its_line(tmp_path: Path) -> None:
    table = (
        '\n[pagination.calls]\ncursor = "pagination_key"\ncursor_item = "from_number"\n'
        'operations = ["POST /v2/list-calls"]\n'
    )
    with pytest.raises(GeneratorError) as caught:
        _model("retell", tmp_path, table)
    (problem,) = caught.value.diagnostics
    assert str(problem) == (
        "retell/api.toml:5:1: [pagination.calls] does not fit POST /v2/list-calls:"
        " not every item has a field 'from_number'"
    )
