"""Property-based: random schemas with hostile names either fail with a clean
`GeneratorError` or give a package that imports, passes mypy, and decodes and
re-encodes a matching value unchanged."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest
from generated_package import generated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import GeneratorError

NAME = st.sampled_from(
    [
        "id",
        "class",
        "from",
        "str",
        "list",
        "type",
        "Foo-Bar",
        "foo_bar",
        "FOO BAR",
        "0x",
        "naïve",
        "with.dot",
        "self",
        "None",
        "_x",
        "a" * 40,
        "data",
        "value",
    ]
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)

Case = tuple[dict[str, Any], st.SearchStrategy[Any]]


def _primitive() -> st.SearchStrategy[Case]:
    finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
    return st.sampled_from(
        [
            ({"type": "string"}, TEXT),
            ({"type": "integer"}, st.integers(-(2**53), 2**53)),
            ({"type": "number"}, finite),
            ({"type": "boolean"}, st.booleans()),
            ({"type": "string", "enum": ["a", "b-c", "D"]}, st.sampled_from(["a", "b-c", "D"])),
            ({"type": ["string", "null"]}, st.none() | TEXT),
            ({"type": "string", "format": "date-time"}, st.just("2024-05-06T07:08:09Z")),
        ]
    )


def _extend(children: st.SearchStrategy[Case]) -> st.SearchStrategy[Case]:
    def array(case: Case) -> Case:
        schema, values = case
        return {"type": "array", "items": schema}, st.lists(values, max_size=3)

    @st.composite
    def obj(draw: st.DrawFn) -> Case:
        names = draw(st.lists(NAME, min_size=1, max_size=5, unique=True))
        members = {name: draw(children) for name in names}
        required = [n for n in names if draw(st.booleans())]
        schema = {
            "type": "object",
            "properties": {n: s for n, (s, _) in members.items()},
            "required": required,
        }
        values = st.fixed_dictionaries(
            {n: members[n][1] for n in required},
            optional={n: members[n][1] for n in names if n not in required},
        )
        return schema, values

    return children.map(array) | obj()


SCHEMAS = st.recursive(_primitive(), _extend, max_leaves=8)


def _spec(schema: dict[str, Any]) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Root"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Prop", "version": "1"},
        "servers": [{"url": "https://prop.test"}],
        "paths": {
            "/root": {
                "get": {
                    "operationId": "get",
                    "tags": ["root"],
                    "responses": {"200": {"description": "ok", "content": content}},
                }
            }
        },
        "components": {"schemas": {"Root": schema}},
    }


def _same(sent: Any, back: Any) -> bool:
    """Equal, allowing keys the model fills with None and ints decoded into floats."""
    if isinstance(sent, dict):
        return (
            isinstance(back, dict)
            and all(_same(sent[k], back.get(k)) for k in sent)
            and all(back[k] is None for k in back if k not in sent)
        )
    if isinstance(sent, list):
        return (
            isinstance(back, list)
            and len(sent) == len(back)
            and all(_same(a, b) for a, b in zip(sent, back, strict=True))
        )
    if isinstance(sent, float) or isinstance(back, float):
        return isinstance(back, int | float) and math.isclose(sent, back, rel_tol=1e-6)
    if isinstance(sent, str) and isinstance(back, str) and sent.endswith("Z"):
        return back in (sent, sent[:-1] + "+00:00")
    return bool(sent == back)


PACKAGES: list[Path] = []


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("CLIENTGEN_PROPERTY_EXAMPLES", "20")),
    derandomize=not os.environ.get("CLIENTGEN_PROPERTY_EXAMPLES"),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), case=SCHEMAS)
def test_random_schemas_generate_and_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, case: Case
) -> None:
    schema, values = case
    tmp = tmp_path_factory.mktemp("prop")
    try:
        context = generated(_spec(schema), tmp, "prop_client")
        package = context.__enter__()
    except GeneratorError as exc:
        assert all(d.location is not None for d in exc.diagnostics)
        return
    try:
        value = data.draw(values)
        body = json.dumps(value).encode()

        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, content=body, headers={"content-type": "application/json"})

        client = package.PropClient(
            http_client=httpx.Client(transport=httpx.MockTransport(handler))
        )
        result = client.root.get()
        again = json.loads(msgspec.json.encode(result))
        assert _same(value, again), (value, again)
        PACKAGES.append(tmp / "out")
    finally:
        context.__exit__(None, None, None)


@pytest.mark.slow
def test_random_packages_pass_mypy() -> None:
    """Runs after the property test (same module): one mypy run over what it generated."""
    if not PACKAGES:
        pytest.fail("the property test generated no package")
    for out in PACKAGES[:8]:
        done = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "-p", "prop_client"],
            cwd=out,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout[-2000:]
