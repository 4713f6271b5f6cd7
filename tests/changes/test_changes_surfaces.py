"""Whole-surface changes (APIs, clients, named servers), emptiness and determinism."""

from __future__ import annotations

from pathlib import Path

from changes_specs import base_spec, build, lines, report_between, surfaces

from generator.changes.compare import compare_surfaces
from generator.changes.manifest import manifest_text
from generator.changes.render import render_markdown, render_text
from generator.render.renderer import surface_spelling
from generator.settings import ApiSettings, ServerNames


def _settings(client: str = "Demo", servers: tuple[str, ...] = ("us", "eu")) -> ApiSettings:
    return ApiSettings(
        package="demo",
        client_class=client,
        async_client_class="Async" + client,
        api_key_env="DEMO_API_KEY",
        base_url_env="DEMO_BASE_URL",
        servers=ServerNames("region", {host: f"https://{host}.example.com" for host in servers}),
    )


def _with_servers(*hosts: str) -> dict[str, object]:
    spec = base_spec()
    spec["servers"] = [{"url": f"https://{host}.example.com"} for host in hosts]
    return spec


def test_nothing_changed_is_an_empty_report(tmp_path: Path) -> None:
    report = report_between(base_spec(), base_spec(), tmp_path)
    assert not report
    assert report.apis == ()


def test_an_api_added_or_removed_is_one_line(tmp_path: Path) -> None:
    surface = surfaces(build(base_spec(), tmp_path))
    assert lines(compare_surfaces({}, surface)) == [
        ("compatible", "pkg.demo", "new API, client `Demo`")
    ]
    assert lines(compare_surfaces(surface, {})) == [
        ("breaking", "pkg.demo", "API removed; imports of it fail")
    ]


def test_renamed_client_classes_break_their_imports(tmp_path: Path) -> None:
    spec = _with_servers("us", "eu")
    report = report_between(spec, spec, tmp_path, _settings(), _settings(client="DemoClient"))
    assert lines(report) == [
        ("breaking", "Demo", "renamed to `DemoClient`; imports of the old name fail"),
        ("breaking", "AsyncDemo", "renamed to `AsyncDemoClient`; imports of the old name fail"),
    ]


def test_a_named_server_removed_breaks_and_the_default_moving_does_not(tmp_path: Path) -> None:
    report = report_between(
        _with_servers("us", "eu"),
        _with_servers("eu"),
        tmp_path,
        _settings(servers=("us", "eu")),
        _settings(servers=("eu",)),
    )
    assert lines(report) == [
        ("breaking", "Demo(region='us')", "server removed; creating a client with it fails"),
        ("compatible", "Demo()", "default server is now 'eu' (was 'us')"),
    ]


def test_a_new_server_is_compatible(tmp_path: Path) -> None:
    report = report_between(
        _with_servers("us"),
        _with_servers("us", "eu"),
        tmp_path,
        _settings(servers=("us",)),
        _settings(servers=("us", "eu")),
    )
    assert lines(report) == [
        ("compatible", "Demo(region='eu')", "new server https://eu.example.com")
    ]


def test_the_manifest_and_the_report_are_byte_identical_across_builds(tmp_path: Path) -> None:
    old, new = base_spec(), base_spec()
    new["components"]["schemas"]["Color"]["enum"] = ["red"]
    del new["paths"]["/widgets/{widgetId}"]
    first = report_between(old, new, tmp_path / "1")
    second = report_between(old, new, tmp_path / "2")
    assert render_markdown(first) == render_markdown(second)
    assert render_text(first) == render_text(second)
    api = build(base_spec(), tmp_path / "3")
    assert manifest_text("pkg", [api], surface_spelling) == manifest_text(
        "pkg", [build(base_spec(), tmp_path / "4")], surface_spelling
    )


def test_the_markdown_groups_breaking_before_compatible(tmp_path: Path) -> None:
    old, new = base_spec(), base_spec()
    new["info"]["version"] = "1.1"
    new["components"]["schemas"]["Color"]["enum"] = ["red", "blue"]
    assert render_markdown(report_between(old, new, tmp_path)) == (
        "# What changed for callers\n"
        "\n"
        "The last regenerate that changed the public API of the generated package: "
        "1 breaking, 2 compatible.\n"
        "\n"
        "## demo (`pkg.demo`): Demo API 1.0 → 1.1\n"
        "\n"
        "Breaking:\n"
        "\n"
        "- `params.Color`: value 'green' removed; passing it is now rejected before sending\n"
        "\n"
        "Compatible:\n"
        "\n"
        "- `models.Widget.color`: may now be 'blue'; is no longer 'green' (still decoded as "
        "`str`, so decoding does not fail)\n"
        "- `params.Color`: new value 'blue'\n"
    )


def test_switching_to_rest_names_reports_nested_resources_by_their_path(tmp_path: Path) -> None:
    """`widgets.parts.list` is a method of the resource `widgets.parts`, not of `widgets`."""
    spec = base_spec()
    widget_id = {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string"}}
    parts = {"operationId": "listParts", "tags": ["widgets"], "parameters": [widget_id]}
    spec["paths"]["/widgets/{widgetId}/parts"] = {
        "get": {**parts, "responses": {"200": {"description": "ok"}}}
    }
    pinned = {"GET /widgets/{widgetId}/parts": "widgets.parts.list"}
    old = ApiSettings("demo", "Demo", "AsyncDemo", None, None)
    new = ApiSettings("demo", "Demo", "AsyncDemo", None, None, operations=pinned)
    assert lines(report_between(spec, spec, tmp_path, old, new)) == [
        ("breaking", "Demo.widgets.list_parts()", "removed; calls to it fail with AttributeError"),
        ("compatible", "Demo.widgets.parts", "new resource with `list()`"),
    ]


def test_a_constrained_argument_is_spelled_plain_with_its_constraints_apart(
    tmp_path: Path,
) -> None:
    spec = base_spec()
    (limit,) = (
        p for p in spec["paths"]["/widgets/{widgetId}"]["get"]["parameters"] if p["name"] == "limit"
    )
    limit["schema"] = {
        "oneOf": [
            {"type": "integer", "minimum": 0},
            {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 3},
        ]
    }
    (api,) = surfaces(build(spec, tmp_path)).values()
    argument = api["methods"]["widgets.get"]["arguments"]["limit"]
    assert argument["type"] == "int | Sequence[str]"
    assert argument["constraints"] == {
        "variants": [{"ge": 0}, {"max_length": 3, "items": {"min_length": 1}}]
    }
    assert "constraints" not in api["methods"]["widgets.get"]["arguments"]["verbose"]
