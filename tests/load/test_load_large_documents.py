"""The shortcuts taken on large documents answer as the plain walks do.

The nesting bound and the search for file references look at containers level by level,
the main document is not walked for references when none can lead to another file, and
`references()` spells pointers only for what it yields: each is checked here against a
plain recursive definition, and on large documents with the one interesting node deep in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import GeneratorError, join_pointer
from generator.load import load_spec_file
from generator.load.json_source import _walk, parse_json
from generator.load.levels import levels
from generator.load.limits import MAX_DEPTH
from generator.load.references import _DATA, _NAME_MAPS, EXTERNAL_KEY, references
from generator.load.yaml_source import parse_yaml

ROOT = Path(__file__).resolve().parents[2]


def _plain_references(node: Any, pointer: str = "", names: bool = False) -> Iterator[str]:
    """`references()` without bundled files, as a recursive walk with eager pointers."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _plain_references(item, join_pointer(pointer, index))
    elif isinstance(node, dict):
        if not names and isinstance(node.get("$ref"), str):
            yield pointer
        for key, child in node.items():
            data = (
                key in _DATA or key.startswith("x-") or (key == "examples" and type(child) is list)
            )
            if names or not data:
                child_names = not names and key in _NAME_MAPS
                yield from _plain_references(child, join_pointer(pointer, key), child_names)


def _tricky() -> dict[str, Any]:
    """Keys needing escapes, name maps holding keywords, data and extensions holding `$ref`s."""
    return {
        "openapi": "3.1.0",
        "paths": {
            "/a/{b}": {"$ref": "#/p", "get": {"responses": {"default": {"$ref": "#/r"}}}},
            "~x": [{"$ref": "#/list"}, "s", 1, None, [{"$ref": "#/nested"}]],
        },
        "components": {
            "schemas": {
                "example": {"$ref": "#/a"},  # a schema named like a keyword
                "x-named": {"properties": {"$ref": {"$ref": "#/b"}, "enum": {"$ref": "#/c"}}},
                "E": {"example": {"$ref": "data"}, "x-e": {"$ref": "ext"}, "enum": [{"$ref": 1}]},
                "F": {"examples": [{"$ref": "listed"}], "allOf": [{"$ref": "#/d"}, {"$ref": 2}]},
            },
            "examples": {"ex": {"value": {"$ref": "skipped"}, "$ref": "#/ex"}},
        },
    }


def test_references_yield_what_the_plain_walk_yields() -> None:
    documents = [_tricky(), [], "scalar", {"$ref": "#"}]
    for spec in sorted((ROOT / "specs").glob("*/openapi.yaml")):
        documents.append(parse_yaml(spec.read_text(encoding="utf-8"), spec.name)[0])
    for document in documents:
        found = [pointer for pointer, _ in references(document, bundled=False)]
        assert found == list(_plain_references(document))
    assert [p for p, _ in references(_tricky())][:3] == [
        "/paths/~1a~1{b}",
        *["/paths/~1a~1{b}/get/responses/default", "/paths/~0x/0"],
    ]


def test_bundled_files_are_walked_after_the_document_as_documents() -> None:
    document = {
        "a": {"$ref": "#/x"},
        EXTERNAL_KEY: {"sub/dir": {"p~q": {"b": [{"$ref": "#/y"}]}, "r": "scalar content"}},
    }
    found = [pointer for pointer, _ in references(document)]
    assert found == ["/a", "/x-clientgen-external/sub~1dir/p~0q/b/0"]
    assert [pointer for pointer, _ in references(document, bundled=False)] == ["/a"]


def _nested(depth: int) -> Any:
    node: Any = 1
    for level in range(depth):
        node = {"k": node} if level % 3 else [0, node]
    return node


def test_levels_hold_every_container_once_at_its_depth() -> None:
    document = {"a": [{"b": {}}, [], "s", [[1]]], "c": {"d": None}, "e": _nested(7)}
    expected: dict[int, list[int]] = {}
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        expected.setdefault(depth, []).append(id(node))
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    got = {
        depth: [id(node) for node in (*dicts, *lists)]
        for depth, (dicts, lists) in enumerate(levels(document), start=1)
    }
    assert {d: sorted(ids) for d, ids in got.items()} == {
        d: sorted(ids) for d, ids in expected.items()
    }
    assert list(levels("scalar")) == [] and list(levels(None)) == []


def _large(inner: Any) -> dict[str, Any]:
    """A spec of a few thousand schemas with local references, `inner` deep in the last one."""
    schemas: dict[str, Any] = {
        f"S{index}": {
            "type": "object",
            "properties": {"a": {"$ref": f"#/components/schemas/S{index + 1}"}},
        }
        for index in range(3000)
    }
    schemas["Last"] = {"type": "object", "properties": {"deep": _wrap(inner, 40)}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


def _wrap(inner: Any, depth: int) -> Any:
    for level in range(depth):
        inner = {"items": inner} if level % 2 else {"allOf": [inner]}
    return inner


def test_a_duplicate_key_deep_in_a_large_document_is_reported_in_both_places() -> None:
    text = json.dumps(_large({"type": "string", "format": "x"}), indent=2)
    text = text.replace('"format": "x"', '"format": "x",\n"type": "integer"')
    with pytest.raises(GeneratorError) as caught:
        parse_json(text, "f.json")
    with pytest.raises(GeneratorError) as walked:
        _walk(text, "f.json")
    assert caught.value.diagnostics == walked.value.diagnostics
    (problem,) = caught.value.diagnostics
    assert problem.message.startswith("duplicate key 'type', first defined at ")
    assert problem.pointer is not None and problem.pointer.endswith("/allOf/0/type")


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1])
def test_the_depth_bound_holds_deep_in_a_large_document(depth: int) -> None:
    around = len(list(levels(_large(None))))  # the containers around the nested part
    text = json.dumps(_large(_nested(depth - around)))
    assert len(list(levels(json.loads(text)))) == depth
    with_walk = None
    try:
        with_walk = _walk(text, "f.json")[0]
    except GeneratorError as error:
        with pytest.raises(GeneratorError) as caught:
            parse_json(text, "f.json")
        assert caught.value.diagnostics == error.diagnostics
        assert depth > MAX_DEPTH and "nests deeper than" in error.diagnostics[0].message
    else:
        assert depth <= MAX_DEPTH
        assert parse_json(text, "f.json")[0] == with_walk


def test_an_external_ref_deep_in_a_large_document_is_bundled(tmp_path: Path) -> None:
    (tmp_path / "pet.json").write_text('{"type": "string"}', encoding="utf-8")
    (tmp_path / "api.json").write_text(json.dumps(_large({"$ref": "pet.json"})), encoding="utf-8")
    spec = load_spec_file(tmp_path / "api.json")
    deep = spec.document["components"]["schemas"]["Last"]["properties"]["deep"]
    assert json.dumps(deep).count('{"$ref": "#/x-clientgen-external/./pet"}') == 1
    assert spec.document[EXTERNAL_KEY] == {".": {"pet": {"type": "string"}}}
    assert spec.files == (tmp_path / "api.json", (tmp_path / "pet.json").resolve())
    first = spec.document["components"]["schemas"]["S0"]["properties"]["a"]
    assert first == {"$ref": "#/components/schemas/S1"}


@pytest.mark.parametrize(
    ("inner", "bundled"),
    [
        ({"example": {"$ref": "pet.json"}}, False),  # data: looked at, never followed
        ({"x-ext": {"$ref": "pet.json"}}, False),
        ({"$ref": "#/components/schemas/S0"}, False),
        ({"properties": {"$ref": {"$ref": "pet.json"}}}, True),  # a property named $ref
    ],
)
def test_only_references_the_walk_finds_are_bundled(
    tmp_path: Path, inner: dict[str, Any], bundled: bool
) -> None:
    (tmp_path / "pet.json").write_text('{"type": "string"}', encoding="utf-8")
    document = _large(inner)
    (tmp_path / "api.json").write_text(json.dumps(document), encoding="utf-8")
    spec = load_spec_file(tmp_path / "api.json")
    assert (EXTERNAL_KEY in spec.document) == bundled
    if not bundled:
        assert spec.document == document


@pytest.mark.parametrize("ref", ["", "missing.json", "#/nowhere"])
def test_a_main_document_reference_that_is_not_local_is_still_checked(
    tmp_path: Path, ref: str
) -> None:
    (tmp_path / "api.json").write_text(json.dumps(_large({"$ref": ref})), encoding="utf-8")
    if ref.startswith("#"):  # local: left for validation to report
        load_spec_file(tmp_path / "api.json")
        return
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(tmp_path / "api.json")
    (problem,) = caught.value.diagnostics
    assert problem.pointer is not None and problem.pointer.endswith("/$ref")
