"""A small spec to edit, and the report between two versions of it, built as the CLI does.

Each version goes through the real pipeline (load, validate, model) and through the
manifest text, so the tests compare what the generator writes and reads back.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.changes.change import Report
from generator.changes.compare import compare_surfaces
from generator.changes.manifest import Surfaces, manifest_text, parse_manifest
from generator.load import load_spec_file
from generator.model.api import Api
from generator.pipeline import model_api
from generator.render.renderer import surface_spelling
from generator.settings import ApiSettings, default_api_settings
from generator.validate import validate_spec

Line = tuple[str, str, str]  # ("breaking" | "compatible", subject, reason)


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def base_spec() -> dict[str, Any]:
    """Two methods on `Demo.widgets`, request and response models, an enum, an error."""
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {"title": "Demo API", "version": "1.0"},
            "servers": [{"url": "https://api.example.com"}],
            "paths": {
                "/widgets/{widgetId}": {
                    "get": {
                        "operationId": "getWidget",
                        "tags": ["widgets"],
                        "parameters": [
                            {
                                "name": "widgetId",
                                "in": "path",
                                "required": True,
                                "schema": {"type": "string"},
                            },
                            {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                            {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        ],
                        "responses": {
                            "200": {"description": "The widget", **_json("Widget")},
                            "404": {"description": "Not found", **_json("Error")},
                        },
                    }
                },
                "/widgets": {
                    "post": {
                        "operationId": "createWidget",
                        "tags": ["widgets"],
                        "requestBody": {"required": True, **_json("WidgetCreate")},
                        "responses": {
                            "201": {"description": "Created", **_json("Widget")},
                            "400": {"description": "Bad", **_json("Error")},
                        },
                    }
                },
            },
            "components": {
                "schemas": {
                    "Widget": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "name": {"type": "string"},
                            "color": {"$ref": "#/components/schemas/Color"},
                            "size": {"type": "integer"},
                        },
                        "required": ["id", "name", "color"],
                    },
                    "WidgetCreate": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "color": {"$ref": "#/components/schemas/Color"},
                            "mode": {"type": "string", "default": "fast"},
                            "dimensions": {"$ref": "#/components/schemas/Dimensions"},
                        },
                        "required": ["name"],
                    },
                    "Dimensions": {
                        "type": "object",
                        "properties": {"width": {"type": "number"}, "height": {"type": "number"}},
                        "required": ["height"],
                    },
                    "Color": {"type": "string", "enum": ["red", "green"]},
                    "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
                }
            },
        }
    )


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"][path][method]
    return found


def build(spec: dict[str, Any], folder: Path, settings: ApiSettings | None = None) -> Api:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.json"  # the file stem is the API name, the same in both versions
    path.write_text(json.dumps(spec), encoding="utf-8")
    loaded = load_spec_file(path)
    validate_spec(loaded)
    return model_api(loaded, settings or default_api_settings("demo"))


def surfaces(api: Api) -> Surfaces:
    parsed = parse_manifest(manifest_text("pkg", [api], surface_spelling).encode("utf-8"))
    assert parsed is not None
    return parsed


def report_between(
    old: dict[str, Any],
    new: dict[str, Any],
    tmp: Path,
    old_settings: ApiSettings | None = None,
    new_settings: ApiSettings | None = None,
) -> Report:
    before = surfaces(build(old, tmp / "old", old_settings))
    after = surfaces(build(new, tmp / "new", new_settings))
    return compare_surfaces(before, after)


def lines(report: Report) -> list[Line]:
    return [
        ("breaking" if c.breaking else "compatible", c.subject, c.reason)
        for api in report.apis
        for c in api.changes
    ]
