"""Pairs of small specs: each kind of change and how it is classified for callers.

The expected lines follow the rules, not the output: a request may widen, a response
may narrow; anything callers used that disappears breaks them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from changes_specs import Line, base_spec, lines, operation, report_between, schema

from generator.changes.change import breaking
from generator.changes.compare_models import model_changes

Edit = Callable[[dict[str, Any]], None]
GET = "/widgets/{widgetId}"
STILL_STR = "(still decoded as `str`, so decoding does not fail)"
UNEXPECTED = "it may now hold values that code written for the old type does not expect"


def _nothing(spec: dict[str, Any]) -> None:
    """The base spec unchanged."""


def _query(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        p for p in operation(spec, GET, "get")["parameters"] if p["name"] == name
    )
    return found


def _add_query(required: bool) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        operation(spec, GET, "get")["parameters"].append(
            {"name": "page", "in": "query", "required": required, "schema": {"type": "integer"}}
        )

    return edit


def _remove_get(spec: dict[str, Any]) -> None:
    del spec["paths"][GET]


def _add_delete(spec: dict[str, Any]) -> None:
    spec["paths"][GET]["delete"] = {
        "operationId": "deleteWidget",
        "tags": ["widgets"],
        "parameters": [
            {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {"204": {"description": "Deleted"}},
    }


def _add_gadgets(spec: dict[str, Any]) -> None:
    spec["paths"]["/gadgets"] = {
        "get": {
            "operationId": "listGadgets",
            "tags": ["gadgets"],
            "responses": {"204": {"description": "Nothing"}},
        }
    }


def _retag_get(spec: dict[str, Any]) -> None:
    operation(spec, GET, "get")["tags"] = ["gadgets"]


def _set(path: list[str], value: Any) -> Edit:
    """Set a value in the spec, at a path of keys (list items by index)."""

    def edit(spec: dict[str, Any]) -> None:
        target: Any = spec
        for key in path[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[path[-1]] = value

    return edit


def _limit(new_schema: dict[str, Any]) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        _query(spec, "limit")["schema"] = new_schema

    return edit


def _require_verbose(spec: dict[str, Any]) -> None:
    _query(spec, "verbose")["required"] = True


def _drop_verbose(spec: dict[str, Any]) -> None:
    parameters = operation(spec, GET, "get")["parameters"]
    parameters.remove(_query(spec, "verbose"))


def _colors(*values: str) -> Edit:
    return _set(["components", "schemas", "Color", "enum"], list(values))


def _widget_property(name: str, value: dict[str, Any] | None) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        properties = schema(spec, "Widget")["properties"]
        if value is None:
            del properties[name]
        else:
            properties[name] = value

    return edit


def _widget_required(*names: str) -> Edit:
    return _set(["components", "schemas", "Widget", "required"], list(names))


def _return_summary(spec: dict[str, Any]) -> None:
    schema_ref = {"$ref": "#/components/schemas/WidgetSummary"}
    spec["components"]["schemas"]["WidgetSummary"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}},
        "required": ["id"],
    }
    response = operation(spec, GET, "get")["responses"]["200"]
    response["content"]["application/json"]["schema"] = schema_ref


def _undocument_404(spec: dict[str, Any]) -> None:
    del operation(spec, GET, "get")["responses"]["404"]["content"]


def _document_409(spec: dict[str, Any]) -> None:
    operation(spec, "/widgets", "post")["responses"]["409"] = {
        "description": "Conflict",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _nest_under_shop(spec: dict[str, Any]) -> None:
    item = spec["paths"].pop(GET)
    item["get"]["parameters"].insert(
        0, {"name": "shopId", "in": "path", "required": True, "schema": {"type": "string"}}
    )
    spec["paths"]["/widgets/{shopId}/{widgetId}"] = item


def _shapes(*variants: str) -> Edit:
    """A closed union of objects, in the request (`WidgetCreate`) and the response."""

    def edit(spec: dict[str, Any]) -> None:
        schemas = spec["components"]["schemas"]
        for name in ("Circle", "Square", "Triangle"):
            schemas[name] = {
                "type": "object",
                "properties": {"kind": {"type": "string", "enum": [name.lower()]}},
                "required": ["kind"],
            }
        schemas["Shape"] = {
            "oneOf": [{"$ref": f"#/components/schemas/{v}"} for v in variants],
            "discriminator": {"propertyName": "kind"},
        }
        shape = {"$ref": "#/components/schemas/Shape"}
        schemas["Widget"]["properties"]["shape"] = shape
        schemas["WidgetCreate"]["properties"]["shape"] = shape

    return edit


def _both(*edits: Edit) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        for one in edits:
            one(spec)

    return edit


CASES = [
    pytest.param(
        _nothing,
        _remove_get,
        [("breaking", "Demo.widgets.get()", "removed; calls to it fail with AttributeError")],
        id="method-removed",
    ),
    pytest.param(
        _nothing,
        _add_delete,
        [("compatible", "Demo.widgets.delete()", "new method (`DELETE /widgets/{widgetId}`)")],
        id="method-added",
    ),
    pytest.param(
        _add_gadgets,
        _nothing,
        [("breaking", "Demo.gadgets", "resource removed; calls through it fail")],
        id="resource-removed",
    ),
    pytest.param(
        _nothing,
        _retag_get,
        [
            ("breaking", "Demo.widgets.get()", "removed; calls to it fail with AttributeError"),
            ("compatible", "Demo.gadgets", "new resource with `get_widget()`"),
        ],
        id="method-moved-to-a-new-resource",
    ),
    pytest.param(
        _nothing,
        _add_query(required=False),
        [("compatible", "Demo.widgets.get(page=...)", "new and optional")],
        id="optional-parameter-added",
    ),
    pytest.param(
        _nothing,
        _add_query(required=True),
        [
            (
                "breaking",
                "Demo.widgets.get(page=...)",
                "new and required; existing calls leave it out",
            )
        ],
        id="required-parameter-added",
    ),
    pytest.param(
        _nothing,
        _drop_verbose,
        [
            (
                "breaking",
                "Demo.widgets.get(verbose=...)",
                "removed; calls that pass it fail with TypeError",
            )
        ],
        id="parameter-removed",
    ),
    pytest.param(
        _nothing,
        _require_verbose,
        [
            (
                "breaking",
                "Demo.widgets.get(verbose=...)",
                "now required; calls that leave it out fail",
            )
        ],
        id="parameter-became-required",
    ),
    pytest.param(
        _require_verbose,
        _nothing,
        [("compatible", "Demo.widgets.get(verbose=...)", "now optional")],
        id="parameter-became-optional",
    ),
    pytest.param(
        _nothing,
        _limit({"type": "integer", "maximum": 100}),
        [
            (
                "breaking",
                "Demo.widgets.get(limit=...)",
                "constraints tightened from none to `le=100`; "
                "values accepted before may now be rejected",
            )
        ],
        id="parameter-type-narrowed-by-a-bound",
    ),
    pytest.param(
        _limit({"type": "integer", "maximum": 100}),
        _limit({"type": "integer", "maximum": 50, "minimum": 1}),
        [
            (
                "breaking",
                "Demo.widgets.get(limit=...)",
                "constraints tightened from `le=100` to `ge=1, le=50`; "
                "values accepted before may now be rejected",
            )
        ],
        id="parameter-constraint-tightened",
    ),
    pytest.param(
        _limit({"type": "integer", "maximum": 50, "minimum": 1}),
        _limit({"type": "integer", "maximum": 100}),
        [
            (
                "compatible",
                "Demo.widgets.get(limit=...)",
                "constraints loosened from `ge=1, le=50` to `le=100`",
            )
        ],
        id="parameter-constraint-loosened",
    ),
    pytest.param(
        _limit({"type": "string", "pattern": "^[a-z]+$"}),
        _limit({"type": "string", "pattern": "^[0-9]+$"}),
        [
            (
                "breaking",
                "Demo.widgets.get(limit=...)",
                "constraints changed from `pattern='^[a-z]+$'` to `pattern='^[0-9]+$'`; "
                "values accepted before may now be rejected",
            )
        ],
        id="parameter-pattern-changed",
    ),
    pytest.param(
        _limit({"type": "integer", "maximum": 100}),
        _limit({"type": "string"}),
        [
            (
                "breaking",
                "Demo.widgets.get(limit=...)",
                "type changed from `int` (`le=100`) to `str`",
            )
        ],
        id="parameter-constrained-type-changed",
    ),
    pytest.param(
        _nothing,
        _limit({"type": "number"}),
        [("compatible", "Demo.widgets.get(limit=...)", "type widened from `int` to `float`")],
        id="parameter-type-widened",
    ),
    pytest.param(
        _nothing,
        _limit({"type": "string"}),
        [("breaking", "Demo.widgets.get(limit=...)", "type changed from `int` to `str`")],
        id="parameter-type-changed",
    ),
    pytest.param(
        _nothing,
        _set(
            ["components", "schemas", "WidgetCreate", "properties", "name", "type"],
            ["string", "null"],
        ),
        [("compatible", "Demo.widgets.create(name=...)", "now accepts None")],
        id="body-argument-accepts-none",
    ),
    pytest.param(
        _nothing,
        _set(["components", "schemas", "WidgetCreate", "properties", "mode", "default"], "slow"),
        [
            (
                "compatible",
                "Demo.widgets.create(mode=...)",
                "default changed from 'fast' to 'slow'; calls that leave it out get the new "
                "default",
            )
        ],
        id="default-changed",
    ),
    pytest.param(
        _nothing,
        _set(["components", "schemas", "Dimensions", "required"], ["height", "width"]),
        [
            (
                "breaking",
                "params.DimensionsParam.width",
                "now required; calls that leave it out fail",
            )
        ],
        id="request-model-field-became-required",
    ),
    pytest.param(
        _nothing,
        _colors("red"),
        [
            (
                "breaking",
                "params.Color",
                "value 'green' removed; passing it is now rejected before sending",
            ),
            ("compatible", "models.Widget.color", f"is no longer 'green' {STILL_STR}"),
        ],
        id="enum-value-removed",
    ),
    pytest.param(
        _nothing,
        _colors("red", "green", "blue"),
        [
            ("compatible", "models.Widget.color", f"may now be 'blue' {STILL_STR}"),
            ("compatible", "params.Color", "new value 'blue'"),
        ],
        id="enum-value-added",
    ),
    pytest.param(
        _nothing,
        _widget_property("size", None),
        [
            (
                "breaking",
                "models.Widget.size",
                "removed; code that reads it fails with AttributeError",
            )
        ],
        id="response-field-removed",
    ),
    pytest.param(
        _nothing,
        _widget_property("weight", {"type": "number"}),
        [("compatible", "models.Widget.weight", "new field")],
        id="response-field-added",
    ),
    pytest.param(
        _nothing,
        _widget_required("id", "color"),
        [
            (
                "breaking",
                "models.Widget.name",
                "no longer guaranteed: it may be missing (None), code must check",
            )
        ],
        id="response-field-no-longer-required",
    ),
    pytest.param(
        _nothing,
        _widget_property("id", {"type": ["string", "null"]}),
        [
            (
                "breaking",
                "models.Widget.id",
                "no longer guaranteed: it may be None, code must check",
            )
        ],
        id="response-field-became-nullable",
    ),
    pytest.param(
        _nothing,
        _widget_required("id", "name", "color", "size"),
        [("compatible", "models.Widget.size", "now always present, never None")],
        id="response-field-became-required",
    ),
    pytest.param(
        _nothing,
        _widget_property("size", {"type": "number"}),
        [
            (
                "breaking",
                "models.Widget.size",
                f"type widened from `int` to `float`; {UNEXPECTED}",
            )
        ],
        id="response-field-type-widened",
    ),
    pytest.param(
        _widget_property("size", {"type": "number"}),
        _nothing,
        [("compatible", "models.Widget.size", "type narrowed from `float` to `int`")],
        id="response-field-type-narrowed",
    ),
    pytest.param(
        _nothing,
        _return_summary,
        [
            (
                "breaking",
                "Demo.widgets.get()",
                "return type changed from `Widget` to `WidgetSummary`",
            ),
            ("compatible", "models.WidgetSummary", "new response object"),
        ],
        id="return-type-changed",
    ),
    pytest.param(
        _nothing,
        _set(
            ["paths", GET, "get", "responses", "200"],
            {"description": "Text", "content": {"text/plain": {"schema": {"type": "string"}}}},
        ),
        [("breaking", "Demo.widgets.get()", "return type changed from `Widget` to `str`")],
        id="return-type-became-raw-text",
    ),
    pytest.param(
        _nothing,
        _undocument_404,
        [
            (
                "breaking",
                "Demo.widgets.get()",
                "HTTP 404 error body (`.body` of the error raised) no longer documented: "
                "raw JSON, no longer `Error`",
            )
        ],
        id="error-body-removed",
    ),
    pytest.param(
        _nothing,
        _document_409,
        [
            (
                "compatible",
                "Demo.widgets.create()",
                "HTTP 409 error body (`.body` of the error raised) now documented: `Error`, "
                "was raw JSON",
            )
        ],
        id="error-body-added",
    ),
    pytest.param(
        _nothing,
        _set(["paths", GET, "get", "deprecated"], True),
        [("compatible", "Demo.widgets.get()", "deprecated")],
        id="method-deprecated",
    ),
    pytest.param(
        _nothing,
        _nest_under_shop,
        [
            (
                "breaking",
                "Demo.widgets.get(shop_id=...)",
                "new and required; existing calls leave it out",
            ),
            (
                "breaking",
                "Demo.widgets.get(widget_id=...)",
                "moved; calls that pass it by position break",
            ),
            (
                "compatible",
                "Demo.widgets.get()",
                "now sends `GET /widgets/{shopId}/{widgetId}` (was `GET /widgets/{widgetId}`)",
            ),
        ],
        id="path-parameter-inserted-before-another",
    ),
    pytest.param(
        _shapes("Circle", "Square", "Triangle"),
        _shapes("Circle", "Triangle"),
        [
            ("breaking", "models.Square", "removed; imports of it fail"),
            ("breaking", "params.ShapeParam", "no longer accepts a `SquareParam`"),
            ("breaking", "params.SquareParam", "removed; imports of it fail"),
            ("compatible", "models.Shape", "no longer returned as a `Square`"),
        ],
        id="union-variant-removed",
    ),
    pytest.param(
        _nothing,
        _set(["servers", "0", "url"], "https://api2.example.com"),
        [
            (
                "compatible",
                "Demo()",
                "server moved to https://api2.example.com (was https://api.example.com)",
            )
        ],
        id="server-moved",
    ),
    pytest.param(
        _nothing,
        _set(["servers"], []),
        [("breaking", "Demo()", "no default server any more; pass `base_url=`")],
        id="server-removed",
    ),
    pytest.param(
        _nothing,
        _both(_add_query(required=False), _drop_verbose),
        [
            (
                "breaking",
                "Demo.widgets.get(verbose=...)",
                "removed; calls that pass it fail with TypeError",
            ),
            ("compatible", "Demo.widgets.get(page=...)", "new and optional"),
        ],
        id="breaking-changes-come-first",
    ),
]


@pytest.mark.parametrize(("old_edit", "new_edit", "expected"), CASES)
def test_each_kind_of_change_is_classified(
    old_edit: Edit, new_edit: Edit, expected: list[Line], tmp_path: Path
) -> None:
    old, new = base_spec(), base_spec()
    old_edit(old)
    new_edit(new)
    assert lines(report_between(old, new, tmp_path)) == expected


def test_a_request_union_names_its_variants_by_their_public_types() -> None:
    variants = [{"ref": "Circle"}, {"ref": "ShapeBodySquare"}]
    old = {
        "params.ShapeParam": {
            "kind": "union",
            "variants": variants,
            "types": ["CircleParam", "ShapeSquareParam"],  # an inline variant's short name
        }
    }
    new = {
        "params.ShapeParam": {"kind": "union", "variants": variants[:1], "types": ["CircleParam"]}
    }
    assert model_changes(old, new) == [
        breaking("params.ShapeParam", "no longer accepts a `ShapeSquareParam`")
    ]
    # A manifest written before the types were recorded: the definition's name with `Param`.
    del old["params.ShapeParam"]["types"]
    assert model_changes(old, new) == [
        breaking("params.ShapeParam", "no longer accepts a `ShapeBodySquareParam`")
    ]
