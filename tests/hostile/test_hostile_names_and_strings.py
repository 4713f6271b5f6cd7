"""Specs built to attack the generator: hostile names and strings must become inert,
compiling, type-checked code, with every collision resolved deterministically."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.pipeline import build_single
from generator.write.tree import write_tree

PAYLOAD = "__import__('pathlib').Path('PWNED').write_text('x')"
NASTY = [
    '"""; ' + PAYLOAD + '; """',
    "'''; " + PAYLOAD + "; '''",
    '\\"); ' + PAYLOAD + " #",
    "line\rbreak\r\nand NUL \x00 and bell \x07 and \u2028",
    "{{ " + PAYLOAD + " }} {% for x in y %}{% endfor %} {# c #}",
    "x" * 3000,
    "ends with backslash \\",
    'ends with quote "',
]
NAMES = [
    "class",
    "from",
    "import",
    "self",
    "str",
    "list",
    "type",
    "None",
    "True",
    "__init__",
    "__struct_fields__",
    "_private",
    "0starts",
    "with space",
    "dotted.name",
    "Foo-Bar",
    "Foo_Bar",
    "foo_bar",
    "FOO_BAR",
    "naïve",
    "日本",
    "timeout",
    "extra_headers",
]


def _hostile_spec() -> dict[str, Any]:
    properties = {
        name: {"type": "string", "description": NASTY[i % len(NASTY)]}
        for i, name in enumerate(NAMES)
    }
    properties["kind"] = {"type": "string", "enum": NASTY[:5], "default": NASTY[0]}
    properties["example"] = {"type": "string", "example": NASTY[2], "default": NASTY[3]}
    schemas: dict[str, Any] = {
        name: {"type": "object", "description": NASTY[i % len(NASTY)], "properties": properties}
        for i, name in enumerate(
            [
                "Thing",
                "class",
                "Foo-Bar",
                "Foo_Bar",
                "foo-bar",
                "2fa",
                "ResponseModel",
                "UnionMarker",
                "Any",
                "Literal",
                "Foo.Bar",
            ]
        )
    }
    parameters = [
        {"name": name, "in": "query", "schema": {"type": "string"}, "description": NASTY[1]}
        for name in ["timeout", "self", "from", "extra_headers", "Foo-Bar", "foo_bar"]
    ]
    ok = {
        "description": NASTY[0],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
    }
    paths: dict[str, Any] = {
        "/things/{id}": {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": {
                "tags": ["list"],
                "summary": NASTY[3],
                "description": NASTY[4],
                "parameters": parameters,
                "responses": {"200": ok},
            },
            "post": {
                "tags": ["list"],
                "operationId": "import",
                "responses": {"200": ok},
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/class"}}
                    }
                },
            },
        },
        "/list": {"get": {"tags": ["list"], "operationId": "list", "responses": {"200": ok}}},
        "/list2": {"get": {"tags": ["list"], "operationId": "list_", "responses": {"200": ok}}},
        "/q": {"get": {"tags": ["Query"], "operationId": "str", "responses": {"200": ok}}},
        "/q2": {"get": {"tags": ["Query"], "operationId": "Str", "responses": {"200": ok}}},
    }
    for i, schema in enumerate(schemas):
        paths[f"/s{i}"] = {
            "post": {
                "tags": ["Timeout"],
                "operationId": f"make{i}",
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{schema}"}
                            }
                        },
                    }
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": NASTY[0], "version": NASTY[2], "description": NASTY[4]},
        "servers": [{"url": 'https://x.test/"+' + PAYLOAD + '+"', "description": NASTY[1]}],
        "tags": [{"name": "list", "description": NASTY[3]}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "hostile.json"
    spec.write_text(json.dumps(_hostile_spec()))
    write_tree(build_single(spec, "hostile"), root / "out")
    return root / "out"


def test_importing_runs_nothing_from_the_spec(hostile_package: Path, tmp_path: Path) -> None:
    script = (
        "import importlib, pkgutil, hostile\n"
        "for m in pkgutil.walk_packages(hostile.__path__, 'hostile.'):\n"
        "    importlib.import_module(m.name)\n"
        "c = hostile.Hostile()\n"
        "c.list; c.query; c.timeout_\n"
    )
    env = {**os.environ, "PYTHONPATH": str(hostile_package)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "PWNED").exists()
    assert not (hostile_package / "PWNED").exists()


@pytest.mark.slow
def test_hostile_package_passes_mypy_strict(hostile_package: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "hostile"],
        cwd=hostile_package,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_collisions_are_resolved_deterministically(hostile_package: Path) -> None:
    sys.path.insert(0, str(hostile_package))
    try:
        from hostile import models  # type: ignore[import-not-found]
        from hostile.resources import list as list_resource  # type: ignore[import-not-found]
        from hostile.resources import query  # type: ignore[import-not-found]

        # Schemas that sanitise to one class name are all kept, numbered in document order.
        assert {"FooBar", "FooBar_2", "FooBar_3", "FooBar_4", "Class", "Model2fa", "Any"} <= set(
            models.__all__
        )
        fields = models.Thing.__struct_fields__
        assert len(fields) == len(NAMES) + 2  # nothing dropped
        assert {"class_", "from_", "import_", "self", "str_", "list_", "type"} <= set(fields)
        assert all(not f.startswith("_") for f in fields)
        methods = {n for n in vars(list_resource.List) if not n.startswith("_")}
        assert {"retrieve", "import_", "list", "list_2", "with_raw_response"} <= methods
        assert {"str", "str_2"} <= {n for n in vars(query.Query) if not n.startswith("_")}
        # A resource named like a client attribute (`timeout`) does not hide it.
        from hostile import _client  # type: ignore[import-not-found]

        assert "timeout_" in vars(_client.Hostile) and "timeout" not in vars(_client.Hostile)
        # A schema named like an import (`ResponseModel`) keeps that import aliased there.
        source = (hostile_package / "hostile" / "models.py").read_text(encoding="utf-8")
        assert "import ResponseModel as _ResponseModel\n" in source
        assert "\nclass ResponseModel(\n    _ResponseModel," in source
    finally:
        sys.path.remove(str(hostile_package))
        for name in [m for m in sys.modules if m == "hostile" or m.startswith("hostile.")]:
            del sys.modules[name]


def test_hostile_wire_names_round_trip(hostile_package: Path) -> None:
    sys.path.insert(0, str(hostile_package))
    try:
        import hostile  # type: ignore[import-not-found]

        wire = {name: f"value of {name}" for name in NAMES}
        sent: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            request.read()
            sent.append(request)
            return httpx.Response(200, json={**wire, "kind": NASTY[1]})

        client = hostile.Hostile(
            base_url="https://x.test",
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        )
        thing = client.list.retrieve("a/b", query_timeout="t", query_self="s")
        assert thing.class_ == "value of class"
        assert thing.kind == NASTY[1]  # an unknown response enum value still decodes
        assert sent[0].url.raw_path.startswith(b"/things/a%2Fb?")
        assert dict(sent[0].url.params) == {"timeout": "t", "self": "s"}
    finally:
        sys.path.remove(str(hostile_package))
        for name in [m for m in sys.modules if m == "hostile" or m.startswith("hostile.")]:
            del sys.modules[name]
