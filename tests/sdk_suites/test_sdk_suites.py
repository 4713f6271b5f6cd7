"""The pieces of `make sdk-suites` that decide what its numbers mean, on small inputs.

The name table must pair methods by route whatever their names; the report must count a
test function once over its cases and put each failure under the right cause; the shim
must reach our method through the official path, raw and streamed responses included.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import sdk_names
import sdk_report
from sdk_names import Method


def _load_shim() -> ModuleType:
    """`_sdk_shim` alone: its folder also holds `retell/` and `cartesia/`, which must not
    shadow the official SDKs other tests import, so it is not put on sys.path."""
    folder = Path(__file__).parent / "shim" / "_sdk_shim"
    spec = importlib.util.spec_from_file_location(
        "_sdk_shim", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_sdk_shim"] = module
    spec.loader.exec_module(module)
    return module


_shim = _load_shim()
_Path = _shim._Path
unmarked = _shim.helpers.unmarked

API_MD = """
- <code title="get /">client.<a href="./src/cartesia/_client.py">get_status</a>() -> <a href="x">GetStatusResponse</a></code>
- <code title="post /import-phone-number">client.phone*number.<a href="x">import*</a>(\\*\\*<a href="y">params</a>) -> <a href="z">PhoneNumberResponse</a></code>
- <code title="delete /datasets/{id}/files/{fileID}">client.datasets.files.<a href="x">delete</a>(file_id, \\*, id) -> None</code>
- <code title="get /datasets/">client.datasets.<a href="x">list</a>(\\*\\*<a href="y">params</a>) -> <a href="z">SyncCursorIDPage[Dataset]</a></code>
- <code title="post /tts/bytes">client.tts.<a href="x">generate</a>(\\*\\*<a href="y">params</a>) -> BinaryAPIResponse</code>
"""  # noqa: E501


def test_api_md_gives_paths_routes_and_return_types() -> None:
    assert sdk_names.official_methods(API_MD) == [
        Method("get_status", "GET /", "GetStatusResponse"),
        Method("phone_number.import_", "POST /import-phone-number", "PhoneNumberResponse"),
        Method("datasets.files.delete", "DELETE /datasets/{id}/files/{fileID}", "None"),
        Method("datasets.list", "GET /datasets/", "SyncCursorIDPage[Dataset]"),
        Method("tts.generate", "POST /tts/bytes", "BinaryAPIResponse"),
    ]


def test_table_pairs_by_route_and_keeps_only_differences() -> None:
    official = sdk_names.official_methods(API_MD)
    ours = [
        Method("api_status.get", "GET /", "APIInfo"),
        Method("phone_number.import_", "POST /import-phone-number", "PhoneNumberResponse"),
        Method("datasets.delete_file", "DELETE /datasets/{dataset_id}/files/{file_id}", "None"),
        Method("datasets.list", "GET /datasets", "PaginatedDatasets"),
        Method("voices.list", "GET /voices", "GetVoicesResponse"),
    ]
    table = sdk_names.name_table(official, ours)
    assert table["methods"] == {
        "datasets.files.delete": "datasets.delete_file",
        "get_status": "api_status.get",
    }
    assert table["types"] == {
        "GetStatusResponse": "APIInfo",
        "SyncCursorIDPage[Dataset]": "PaginatedDatasets",
    }
    assert table["official_without_route_in_ours"] == ["tts.generate (POST /tts/bytes)"]
    assert table["ours_without_route_in_official"] == ["voices.list (GET /voices)"]


JUNIT = """<testsuites><testsuite>
<testcase classname="tests.api_resources.test_a.TestA" name="test_method_get[loose]"/>
<testcase classname="tests.api_resources.test_a.TestA" name="test_method_get[strict]">
  <failure message="AttributeError: 'APIResponse' object has no attribute 'is_closed'">tb</failure>
</testcase>
<testcase classname="tests.api_resources.test_a.TestA" name="test_raw_response_get[loose]">
  <failure message="DeprecationWarning: `A.get(x=...)` is deprecated">tb</failure>
</testcase>
<testcase classname="tests.api_resources.test_a.TestA" name="test_raw_response_get[strict]">
  <error message="fixture failed">tb</error>
</testcase>
<testcase classname="tests.api_resources.test_a.TestA" name="test_custom">
  <skipped message="custom code"/>
</testcase>
</testsuite></testsuites>
"""


def test_a_function_counts_once_by_its_worst_case(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    report.write_text(JUNIT, encoding="utf-8")
    found = sdk_report.functions(report)
    assert {name.rsplit(".", 1)[1]: f.outcome for name, f in found.items()} == {
        "test_method_get": "failed",
        "test_raw_response_get": "errored",
        "test_custom": "skipped",
    }
    first = found["tests.api_resources.test_a.TestA.test_method_get"].failures[0]
    assert sdk_report.cause_of(first) == (
        "response attributes of the SDKs missing in ours (`is_closed`, `http_request`)",
        False,
    )


def test_causes_tell_ours_from_stainless_internal() -> None:
    def cause(message: str, text: str = "") -> tuple[str, bool]:
        return sdk_report.cause_of(sdk_report.Failure(message, text))

    assert cause("AttributeError: 'bytes' object has no attribute 'is_closed'")[1] is False
    assert cause("AttributeError: 'APIResponse' object has no attribute 'is_closed'")[1] is False
    assert cause("AssertionError: assert None == 'python'", 'headers.get("X-Stainless-Lang")')[1]
    assert cause("DeprecationWarning: `A.get(x=...)` is deprecated")[1] is False
    assert cause("ZeroDivisionError: division by zero") == (
        "other: ZeroDivisionError: division by zero",
        False,
    )


class _Resource:
    def get(self) -> str:
        return "get"

    @property
    def with_raw_response(self) -> SimpleNamespace:
        return SimpleNamespace(get=lambda: "raw get")


def test_official_paths_reach_our_methods() -> None:
    names = SimpleNamespace(
        methods={"agents.calls.retrieve": "agents.get", "get_status": "agents.get"},
        is_prefix=lambda path: path in {"agents", "agents.calls"},
    )
    ours = SimpleNamespace(agents=_Resource(), base_url="http://mock")
    root = _Path(names, ours, (), "")  # type: ignore[arg-type]
    assert root.agents.calls.retrieve() == "get"
    assert root.agents.calls.with_raw_response.retrieve() == "raw get"
    assert root.with_raw_response.get_status() == "raw get"
    assert root.agents.get() == "get"  # the same name on both sides
    assert root.agents.with_raw_response.get() == "raw get"
    assert root.base_url == "http://mock"


def test_union_markers_and_any_read_as_the_suites_helper_expects() -> None:
    class Marker:
        clientgen_variants = (int, str)
        clientgen_unknown = None

    assert unmarked(list[Marker]) == list[int | str]
    assert unmarked(dict[str, object]) == dict[str, object]
    assert unmarked(Any) is object


def _function(name: str, outcome: str, message: str = "") -> sdk_report.Function:
    failures = [sdk_report.Failure(message, "")] if message else []
    return sdk_report.Function(name, [outcome], failures)


def test_internal_failures_are_followed_into_the_stubbed_run() -> None:
    internal = "AssertionError: assert response.http_request.headers.get('X-Stainless-Lang')"
    official = {n: _function(n, "passed") for n in ("a", "b", "c", "d")}
    ours = {
        "a": _function("a", "failed", internal),
        "b": _function("b", "failed", internal),
        "c": _function("c", "failed", "DeprecationWarning: `A.get(x=...)` is deprecated"),
        "d": _function("d", "passed"),
    }
    stubbed = {
        "a": _function("a", "passed"),
        "b": _function(
            "b", "failed", "TypeError: object APIResponse can't be used in 'await' expression"
        ),
    }
    result = sdk_report.VendorResult(None, official, ours, stubbed)  # type: ignore[arg-type]
    assert sum(sdk_report.causes(result).values()) == 3
    assert sdk_report.behind_internals(result) == {
        ("passed", False): 1,
        ("async raw responses: `parse()` is not awaitable", False): 1,
    }


def test_the_diagnostic_run_sends_the_telemetry_header_and_only_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stubs = _shim.stubs
    monkeypatch.setattr(stubs, "ENABLED", False)
    assert stubs.default_headers(None) is None
    monkeypatch.setattr(stubs, "ENABLED", True)
    assert stubs.default_headers(None) == {"X-Stainless-Lang": "python"}
    assert stubs.default_headers({"A": "b"}) == {"X-Stainless-Lang": "python", "A": "b"}

    from voice_clients.retell import Retell

    names = SimpleNamespace()
    client = _shim.client_class(names, Retell, "Retell")(api_key="k", base_url="http://mock")
    sent = client._ours._options.default_headers
    assert sent["X-Stainless-Lang"] == "python"


def test_our_pages_are_checked_by_their_first_response() -> None:
    """Where the official SDK returns a list's response, ours returns a page: the suites'
    `assert_matches_type` checks it as a model whose one field is that response, `body`."""
    from voice_clients._runtime import AsyncPage, SyncPage

    helpers = _shim.helpers
    assert helpers.is_page_type(SyncPage[list[int], int])
    assert not helpers.is_page_type(list[int])
    check = helpers.page_check(SyncPage[list[int], int])
    assert check is helpers.page_check(SyncPage[list[int], int])
    assert issubclass(check, helpers.BaseModel)
    assert issubclass(SimpleNamespace, helpers.BaseModel) is False
    assert helpers.get_model_fields(check)["body"].type == list[int]
    assert isinstance(object.__new__(SyncPage), check)
    assert isinstance(object.__new__(AsyncPage), check)
    assert not isinstance([1], check)


def test_intended_differences_are_told_apart_from_defects() -> None:
    from collections import Counter

    rows = sdk_report._cause_rows(
        Counter({(sdk_report.DEPRECATED, False): 6, ("other: X", False): 1})
    )
    assert rows == [f"| 6 | {sdk_report.DEPRECATED} | ours, intended |", "| 1 | other: X | ours |"]
    message = (
        "RequestValidationError: file_id: Expected a non-empty value for `file_id` but"
        " received '': a path segment must not be empty"
    )
    assert sdk_report.cause_of(sdk_report.Failure(message, ""))[0].startswith("empty path")
    lacking = (
        "voice_clients._runtime._errors.ResponseValidationError: The request succeeded (HTTP"
        " 200), but the response body does not match the documented schema at `$`: Object"
        " missing required field `locales`"
    )
    cause = sdk_report.cause_of(sdk_report.Failure(lacking, ""))
    assert sdk_report.KINDS[cause[0]] == "vendor spec defect"


def test_the_official_response_classes_are_ours() -> None:
    from voice_clients import _runtime

    namespace = _shim.helpers.runtime()
    for official, ours in _shim.helpers.RESPONSES.items():
        assert namespace[ours] is getattr(_runtime, ours), official
