"""Deprecated operations, parameters and body fields: docs, api.md and warnings at the call site."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from clients.recorder import Recorder
from generated_package import generated

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Old", "version": "1"},
    "servers": [{"url": "https://old.test"}],
    "paths": {
        "/calls": {
            "get": {
                "operationId": "listCalls",
                "tags": ["calls"],
                "parameters": [
                    {
                        "name": "offset",
                        "in": "query",
                        "deprecated": True,
                        "description": "Deprecated: use `cursor`.",
                        "schema": {"type": "integer"},
                    },
                    {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "ok"}},
            },
            "post": {
                "operationId": "createCall",
                "tags": ["calls"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "to": {"type": "string"},
                                    "legacy_mode": {
                                        "type": "boolean",
                                        "deprecated": True,
                                        "description": "Ignored since v2; deprecated.",
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/calls/old": {
            "get": {
                "operationId": "listOldCalls",
                "tags": ["calls"],
                "deprecated": True,
                "x-deprecation-message": "Use `calls.list()`; removed in 2027.",
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
}


@pytest.fixture
def old(tmp_path: Path) -> Any:
    with generated(SPEC, tmp_path, "old") as module:
        yield module


def _client(old: Any, recorder: Recorder) -> Any:
    return old.Old(http_client=recorder.sync_client())


def test_a_deprecated_argument_warns_at_the_callers_line_only_when_passed(old: Any) -> None:
    recorder = Recorder()
    calls = _client(old, recorder).calls
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calls.list(cursor="c1")
        assert caught == []
        line = _line() + 1
        calls.list(offset=10)
    (warning,) = caught
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        "`Old.calls.list(offset=...)` is deprecated: Deprecated: use `cursor`."
    )
    assert (warning.filename, warning.lineno) == (__file__, line)
    assert recorder.last.url.params["offset"] == "10"  # still sent


def test_a_deprecated_body_field_and_operation_warn(old: Any) -> None:
    recorder = Recorder()
    calls = _client(old, recorder).calls
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calls.create(to="+1")
        calls.create(to="+1", legacy_mode=True)
        calls.list_old()
    assert [str(w.message) for w in caught] == [
        "`Old.calls.create(legacy_mode=...)` is deprecated: Ignored since v2; deprecated.",
        "`Old.calls.list_old()` is deprecated: Use `calls.list()`; removed in 2027.",
    ]
    assert all(w.filename == __file__ for w in caught)


def test_default_filters_show_a_warning_once_per_call_site(old: Any) -> None:
    calls = _client(old, Recorder()).calls
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(3):
            calls.list_old()
        calls.list_old()
    assert [w.lineno for w in caught] == [caught[0].lineno, caught[0].lineno + 1]


def test_docstrings_and_api_md_say_so_with_the_specs_text(old: Any) -> None:
    calls = _client(old, Recorder()).calls
    assert "Deprecated: Use `calls.list()`; removed in 2027." in (calls.list_old.__doc__ or "")
    assert "offset: Deprecated. Deprecated: use `cursor`." in (calls.list.__doc__ or "")
    assert "legacy_mode: Deprecated. Ignored since v2" in (calls.create.__doc__ or "")
    api_md = (Path(old.__file__).parent / "api.md").read_text()
    assert "**Deprecated**: Use `calls.list()`; removed in 2027." in api_md
    assert "| `offset` | `int` | no | **Deprecated.** Deprecated: use `cursor`. |" in api_md


def _line() -> int:
    import inspect

    frame = inspect.currentframe()
    assert frame is not None and frame.f_back is not None
    return frame.f_back.f_lineno
