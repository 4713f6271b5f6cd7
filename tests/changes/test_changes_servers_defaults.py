"""Reports for parameter defaults, deprecations, added servers, server variables, credentials."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from changes_specs import base_spec, lines, operation, report_between, schema

GET = "/widgets/{widgetId}"


def _limit_default(value: int | None) -> dict[str, Any]:
    spec = base_spec()
    for parameter in operation(spec, GET, "get")["parameters"]:
        if parameter["name"] == "limit" and value is not None:
            parameter["schema"]["default"] = value
    return spec


def test_a_changed_query_default_is_a_behaviour_change_for_callers_who_omit_it(
    tmp_path: Path,
) -> None:
    assert lines(report_between(_limit_default(20), _limit_default(50), tmp_path)) == [
        (
            "compatible",
            "Demo.widgets.get(limit=...)",
            "default changed from 20 to 50; calls that leave it out get the new default",
        )
    ]
    assert lines(report_between(_limit_default(None), _limit_default(50), tmp_path / "b")) == [
        (
            "compatible",
            "Demo.widgets.get(limit=...)",
            "default changed from none to 50; calls that leave it out get the new default",
        )
    ]


def test_what_became_deprecated_is_listed(tmp_path: Path) -> None:
    new = base_spec()
    operation(new, "/widgets", "post")["deprecated"] = True
    operation(new, GET, "get")["parameters"][1]["deprecated"] = True
    schema(new, "Widget")["properties"]["size"]["deprecated"] = True
    assert lines(report_between(base_spec(), new, tmp_path)) == [
        ("compatible", "Demo.widgets.create()", "deprecated"),
        ("compatible", "Demo.widgets.get(verbose=...)", "deprecated"),
        ("compatible", "models.Widget.size", "deprecated"),
    ]


def _servers(*hosts: str) -> dict[str, Any]:
    spec = base_spec()
    spec["servers"] = [{"url": f"https://api.{host}.example.com"} for host in hosts]
    return spec


def test_an_added_server_is_reported_under_its_derived_name(tmp_path: Path) -> None:
    assert lines(
        report_between(_servers("us", "eu"), _servers("eu", "us", "studio"), tmp_path)
    ) == [
        ("compatible", "Demo(server='studio')", "new server https://api.studio.example.com"),
        ("compatible", "Demo()", "default server is now 'eu' (was 'us')"),
    ]


def _templated(default: str, enum: list[str]) -> dict[str, Any]:
    spec = base_spec()
    spec["servers"] = [
        {
            "url": "https://{region}.example.com",
            "variables": {"region": {"default": default, "enum": enum}},
        }
    ]
    return spec


def test_server_variable_changes(tmp_path: Path) -> None:
    report = report_between(_templated("eu", ["eu", "us"]), _templated("us", ["us"]), tmp_path)
    assert lines(report) == [
        ("breaking", "Demo(region=...)", "no longer accepts ['eu']"),
        (
            "compatible",
            "Demo(region=...)",
            "default changed from {'default': 'eu'} to {'default': 'us'}; clients that leave it"
            " out reach another URL",
        ),
    ]


def _secured(*schemes: str) -> dict[str, Any]:
    spec = base_spec()
    spec["components"]["securitySchemes"] = {
        name: (
            {"type": "http", "scheme": "bearer"}
            if name == "bearer"
            else {"type": "apiKey", "in": "header", "name": "X-Key"}
        )
        for name in schemes
    }
    spec["security"] = [{name: []} for name in schemes]
    return spec


def test_a_new_credential_is_reported(tmp_path: Path) -> None:
    assert lines(report_between(_secured("key"), _secured("key", "bearer"), tmp_path)) == [
        ("compatible", "Demo(token=...)", "new credential, for a bearer token (or `DEMO_TOKEN`)")
    ]


def _limit_default_by_encoded_ref(value: int) -> dict[str, Any]:
    """`limit` declared once under components and referred to by a percent-encoded `$ref`
    (`%4C` is `L`), which names the same parameter as the plain spelling."""
    spec = _limit_default(value)
    parameters = operation(spec, GET, "get")["parameters"]
    limit = next(p for p in parameters if p["name"] == "limit")
    spec.setdefault("components", {}).setdefault("parameters", {})["Limit"] = limit
    parameters[parameters.index(limit)] = {"$ref": "#/components/parameters/%4Cimit"}
    return spec


def test_a_default_behind_a_percent_encoded_ref_is_compared(tmp_path: Path) -> None:
    assert lines(
        report_between(
            _limit_default_by_encoded_ref(20), _limit_default_by_encoded_ref(50), tmp_path
        )
    ) == [
        (
            "compatible",
            "Demo.widgets.get(limit=...)",
            "default changed from 20 to 50; calls that leave it out get the new default",
        )
    ]
