"""The Prism-safe copy: Prism judges bodies it silently skipped, and admits the same values."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from prism_safe import NULL_ONLY, body_probes, findings, judge_is_awake, prism_safe
from prism_server import PrismServer, start_all


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        },
        "responses": {"200": {"description": "ok"}},
    }


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": sorted(properties), "properties": properties}


# The spellings found in Retell's and Cartesia's whole APIs (an enum listing null, a
# nullable without type, a nullable `$ref` to a union), and a type-less nullable with
# constraints.
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "nullables", "version": "1"},
    "paths": {
        "/enum": {
            "post": _body(_object(mode={"type": "string", "nullable": True, "enum": ["a", None]}))
        },
        "/untyped": {"post": _body(_object(value={"nullable": True, "description": "any"}))},
        "/constrained": {
            "post": _body(_object(value={"nullable": True, "oneOf": [{"type": "integer"}]}))
        },
        "/only-null": {
            "post": _body(_object(value={"type": "string", "nullable": True, "enum": [None]}))
        },
        "/ref-to-union": {
            "post": _body(_object(value={"$ref": "#/components/schemas/Union", "nullable": True}))
        },
    },
    "components": {
        "schemas": {
            "Ref": {"$ref": "#/components/schemas/Thing", "nullable": True},
            "Thing": {"type": "object", "example": {"nullable": True, "enum": [None]}},
            "Union": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]},
        }
    },
}


def test_the_copy_rewrites_exactly_the_schemas_prism_cannot_compile() -> None:
    original = copy.deepcopy(SPEC)
    safe, changed = prism_safe(SPEC)

    assert original == SPEC, "the input is left as it is"
    body = "/requestBody/content/application~1json/schema/properties"
    assert changed == [
        f"/paths/~1enum/post{body}/mode",
        f"/paths/~1untyped/post{body}/value",
        f"/paths/~1constrained/post{body}/value",
        f"/paths/~1only-null/post{body}/value",
        f"/paths/~1ref-to-union/post{body}/value",
    ]
    props = {
        p: safe["paths"][p]["post"]["requestBody"]["content"]["application/json"]["schema"][
            "properties"
        ]
        for p in SPEC["paths"]
    }
    assert props["/enum"]["mode"] == {"type": "string", "nullable": True, "enum": ["a"]}
    assert props["/untyped"]["value"] == {"description": "any"}
    assert props["/constrained"]["value"] == {
        "anyOf": [{"oneOf": [{"type": "integer"}]}, NULL_ONLY]
    }
    assert props["/only-null"]["value"] == NULL_ONLY
    assert props["/ref-to-union"]["value"] == {
        "anyOf": [{"$ref": "#/components/schemas/Union"}, NULL_ONLY]
    }
    # A $ref's nullable compiles; examples are data, not schemas.
    assert safe["components"] == SPEC["components"]
    assert prism_safe(safe)[1] == [], "the copy needs no further rewrite"


@pytest.fixture(scope="module")
def raw_and_safe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-safe")
    specs = {"raw": folder / "raw.json", "safe": folder / "safe.json"}
    specs["raw"].write_text(json.dumps(SPEC), encoding="utf-8")
    specs["safe"].write_text(json.dumps(prism_safe(SPEC)[0]), encoding="utf-8")
    servers = start_all(specs, folder)
    yield servers
    for server in servers.values():
        server.stop()


def _asleep(server: PrismServer) -> list[str]:
    probes, unprobed = body_probes(SPEC)
    assert unprobed == [] and len(probes) == len(SPEC["paths"])
    with httpx.Client(base_url=server.base_url) as http:
        return [found for probe in probes if (found := judge_is_awake(http, probe, SPEC))]


def test_prism_skips_the_bodies_it_cannot_compile_and_the_probe_says_so(
    raw_and_safe: dict[str, PrismServer],
) -> None:
    asleep = _asleep(raw_and_safe["raw"])
    assert [line.split(":")[0] for line in asleep] == [
        "POST /enum",
        "POST /untyped",
        "POST /constrained",
        "POST /only-null",
        "POST /ref-to-union",
    ]


def test_prism_judges_every_body_of_the_copy(raw_and_safe: dict[str, PrismServer]) -> None:
    assert _asleep(raw_and_safe["safe"]) == []


@pytest.mark.parametrize(
    ("path", "body", "accepted"),
    [
        ("/enum", {"mode": "a"}, True),
        ("/enum", {"mode": None}, True),
        ("/enum", {"mode": "b"}, False),
        ("/untyped", {"value": None}, True),
        ("/untyped", {"value": [1, {"a": "b"}]}, True),
        ("/constrained", {"value": 3}, True),
        ("/constrained", {"value": None}, True),
        ("/constrained", {"value": "3"}, False),
        ("/only-null", {"value": None}, True),
        ("/only-null", {"value": "a"}, False),
        ("/only-null", {"value": False}, False),
        ("/ref-to-union", {"value": 3}, True),
        ("/ref-to-union", {"value": None}, True),
        ("/ref-to-union", {"value": "3"}, False),
    ],
)
def test_the_copy_admits_the_same_values(
    path: str, body: dict[str, Any], accepted: bool, raw_and_safe: dict[str, PrismServer]
) -> None:
    with httpx.Client(base_url=raw_and_safe["safe"].base_url) as http:
        response = http.post(path, json=body)
    assert (response.status_code == 200) is accepted, response.text


def test_findings_read_a_list_of_violations_prism_cut_short() -> None:
    first = {"location": ["response", "body", "a"], "severity": "Error", "code": "pattern"}
    violation = [{**first, "message": 'must match "^x$"'}]
    cut = "Too many violations! " + json.dumps(violation, separators=(",", ":"))[:-1]
    response = httpx.Response(500, headers={"sl-violations": cut + ',{"location":["resp'})
    assert findings(response) == [(("response", "body", "a"), 'must match "^x$"')]


def test_a_body_without_type_is_probed_by_its_properties() -> None:
    """Without `type`, `properties` constrain objects only: a string body is valid."""
    untyped = {"properties": {"n": {"type": "integer"}}}
    with_required = {"required": ["n"], "properties": {"n": {"type": "integer"}}}
    document = {"paths": {"/a": {"post": _body(untyped)}, "/b": {"post": _body(with_required)}}}
    probes, unprobed = body_probes(document)
    assert [(probe.path, probe.body) for probe in probes] == [
        ("/a", {"n": "roundtrip: a string where the schema has none"}),
        ("/b", {}),
    ]
    assert unprobed == []
