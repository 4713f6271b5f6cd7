"""A method that starts streaming or paging is consumed differently: a breaking change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from changes_specs import base_spec, lines, operation, report_between


def _as_event_stream(spec: dict[str, Any]) -> None:
    response = operation(spec, "/widgets/{widgetId}", "get")["responses"]["200"]
    response["content"] = {"text/event-stream": response["content"]["application/json"]}


def _list_of_widgets(spec: dict[str, Any]) -> None:
    spec["paths"]["/widgets"]["get"] = {
        "operationId": "listWidgets",
        "tags": ["widgets"],
        "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}}],
        "responses": {
            "200": {
                "description": "Widgets",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "widgets": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Widget"},
                                },
                                "count": {"type": "integer"},
                                "total": {"type": "integer"},
                            },
                        }
                    }
                },
            }
        },
    }


def _list_without_total(spec: dict[str, Any]) -> None:
    _list_of_widgets(spec)
    props = spec["paths"]["/widgets"]["get"]["responses"]["200"]["content"]["application/json"]
    del props["schema"]["properties"]["total"]


def test_a_method_that_becomes_an_event_stream_is_breaking(tmp_path: Path) -> None:
    new = base_spec()
    _as_event_stream(new)
    found = lines(report_between(base_spec(), new, tmp_path))
    assert (
        "breaking",
        "Demo.widgets.get()",
        "now returns an event stream (iterate it for each event), was a value",
    ) in found


def test_a_list_that_becomes_paged_is_breaking(tmp_path: Path) -> None:
    old, new = base_spec(), base_spec()
    _list_without_total(old)  # no total: not a page
    _list_of_widgets(new)  # offset + total: detected as a page
    found = lines(report_between(old, new, tmp_path))
    assert (
        "breaking",
        "Demo.widgets.list()",
        "now returns a page (iterate it for the items of every page), was a value",
    ) in found


def _as_audio(spec: dict[str, Any]) -> None:
    response = operation(spec, "/widgets/{widgetId}", "get")["responses"]["200"]
    response["content"] = {"audio/wav": {"schema": {"type": "string", "format": "binary"}}}


def test_a_method_that_returns_a_binary_body_is_breaking(tmp_path: Path) -> None:
    new = base_spec()
    _as_audio(new)
    found = lines(report_between(base_spec(), new, tmp_path))
    assert (
        "breaking",
        "Demo.widgets.get()",
        "now returns a binary response (`.content`, `.iter_bytes()`, `.write_to_file()`),"
        " was a value",
    ) in found
