"""The validation cache key: operation and schema text edits share a verdict, nothing else.

`generator.validate.key` argues why an operation's or path item's `summary` and
`description` strings, and a component schema's `description` and `title` strings,
cannot change the verdict; these tests check what the key covers and, on the seed specs,
that edited documents sharing a key do share the verdict.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.cache import Cache
from generator.diagnostics import GeneratorError
from generator.load import LoadedSpec, SourceMap, load_api_folder
from generator.validate import _cache_key, validate_spec
from generator.validate import openapi as library

ROOT = Path(__file__).resolve().parents[2]
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_ODD = ["", "x" * 5000, '"$ref": "#/paths"', "{}", "\u0000\ud7ff\U0001f600", "null"]


def _spec(name: str) -> LoadedSpec:
    return load_api_folder(ROOT / "specs" / name)


def _with(spec: LoadedSpec, document: dict[str, Any]) -> LoadedSpec:
    return LoadedSpec(spec.name, document, SourceMap(), spec.files)


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        item[method]
        for key, item in document["paths"].items()
        if key.startswith("/")
        for method in _METHODS
        if method in item
    ]


def _edited(spec: LoadedSpec, text: str) -> LoadedSpec:
    """Every summary and description of an operation or path item set to `text`."""
    document = copy.deepcopy(spec.document)
    edited = 0
    for node in [*document["paths"].values(), *_operations(document)]:
        for key in ("summary", "description"):
            if isinstance(node.get(key), str):
                node[key] = text
                edited += 1
    assert edited > 0
    return _with(spec, document)


@pytest.mark.parametrize("name", ["retell", "polyai", "cartesia"])
def test_operation_text_edits_share_key_and_verdict(name: str) -> None:
    spec = _spec(name)
    validate_spec(spec, Cache(None))  # valid, as committed
    for text in _ODD:
        edited = _edited(spec, text)
        assert _cache_key(edited) == _cache_key(spec)
        validate_spec(edited, Cache(None))  # and valid too, validated in full


def _changed(spec: LoadedSpec, edit: Any) -> LoadedSpec:
    document = copy.deepcopy(spec.document)
    edit(document)
    return _with(spec, document)


def _first_operation(document: dict[str, Any]) -> dict[str, Any]:
    return _operations(document)[0]


def _first_schema(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return next(s for s in schemas.values() if isinstance(s, dict))


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: _first_operation(d).update(operationId="renamed"),
        lambda d: _first_operation(d).update(summary=5),  # not a string: its type matters
        lambda d: _first_operation(d).update(summary=["a"]),
        lambda d: _first_operation(d).update(tags=["other"]),
        lambda d: _first_schema(d).update(description=5),  # a schema's, not a string
        lambda d: _first_schema(d).update(default={"description": "edited"}),  # instance data
        lambda d: _first_schema(d).update(example={"title": "edited"}),
        lambda d: _first_schema(d).update(enum=["description"]),
        lambda d: _first_schema(d).update(externalDocs={"url": "u", "description": "edited"}),
        lambda d: d["info"].update(description="edited"),
        lambda d: d["paths"].update({"x-note": {"summary": "a"}}),
        lambda d: _first_operation(d).update(
            callbacks={"cb": {"/hook": {"post": {"summary": "edited", "responses": {}}}}}
        ),
    ],
)
def test_every_other_edit_changes_the_key(edit: Any) -> None:
    spec = _spec("retell")
    assert _cache_key(_changed(spec, edit)) != _cache_key(spec)


def test_a_ref_into_paths_keys_the_whole_document() -> None:
    spec = _spec("retell")
    document = copy.deepcopy(spec.document)
    document["x-extra"] = {"$ref": "#/paths/~1import-phone-number/post/description"}
    referring = _with(spec, document)
    edited = copy.deepcopy(document)
    _first_operation(edited)["description"] = "edited"
    assert _cache_key(_with(spec, edited)) != _cache_key(referring)


def test_a_non_string_summary_is_still_rejected(tmp_path: Path) -> None:
    spec = _spec("retell")
    cache = Cache(tmp_path)
    validate_spec(spec, cache)
    broken = _changed(spec, lambda d: _first_operation(d).update(summary=5))
    with pytest.raises(GeneratorError):
        validate_spec(broken, cache)


# A text edit that keeps the key, and a change next to it that does not.
TEXT_EDITS = {
    "an operation's summary": (
        lambda spec: _edited(spec, "edited"),
        lambda d: _first_operation(d).update(tags=["t"]),
    ),
    "a component schema's description": (
        lambda spec: _schema_text_edited(spec, "edited"),
        lambda d: _first_schema(d).update(description=5),
    ),
}


@pytest.mark.parametrize("edit, change", TEXT_EDITS.values(), ids=TEXT_EDITS.keys())
def test_a_text_edit_is_answered_from_the_cache(
    edit: Any, change: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _spec("retell")
    cache = Cache(tmp_path)
    validate_spec(spec, cache)

    def not_again(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(library, "library_problems", not_again)
    validate_spec(edit(spec), cache)
    with pytest.raises(AssertionError):
        validate_spec(_changed(spec, change), cache)


def _described_schema(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return next(s for s in schemas.values() if isinstance(s.get("description"), str))


def _schemas(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component schema and every schema nested at a schema position in one."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if not isinstance(node, dict):
            return
        found.append(node)
        for key in ("items", "additionalProperties", "not"):
            walk(node.get(key))
        for key in ("allOf", "anyOf", "oneOf"):
            for item in node.get(key) or []:
                walk(item)
        for item in (node.get("properties") or {}).values():
            walk(item)

    for schema in document["components"]["schemas"].values():
        walk(schema)
    return found


def _schema_text_edited(spec: LoadedSpec, text: str) -> LoadedSpec:
    """Every description and title string of a schema set to `text`."""
    document = copy.deepcopy(spec.document)
    edited = 0
    for schema in _schemas(document):
        for key in ("description", "title"):
            if isinstance(schema.get(key), str):
                schema[key] = text
                edited += 1
    assert edited > 0
    return _with(spec, document)


@pytest.mark.parametrize("name", ["retell", "polyai", "cartesia"])
def test_schema_text_edits_share_key_and_verdict(name: str) -> None:
    spec = _spec(name)
    for text in _ODD:
        edited = _schema_text_edited(spec, text)
        assert _cache_key(edited) == _cache_key(spec)
        validate_spec(edited, Cache(None))  # and valid too, validated in full


@pytest.mark.parametrize(
    "mark",
    [
        lambda d: d.update({"x-extra": {"$ref": "#/components/schemas/A/description"}}),
        lambda d: d.update({"x-extra": {"$ref": "#/components/schemas/A/d%65scription"}}),
        lambda d: _first_schema(d).update(
            {"$schema": "https://json-schema.org/draft/2020-12/schema"}
        ),
        lambda d: d.update(jsonSchemaDialect="https://json-schema.org/draft/2020-12/schema"),
    ],
)
def test_a_ref_to_schema_text_or_a_dialect_keys_the_schemas_whole(mark: Any) -> None:
    spec = _changed(_spec("retell"), mark)
    edited = _changed(spec, lambda d: _described_schema(d).update(description="edited"))
    assert _cache_key(edited) != _cache_key(spec)
    unmarked = _spec("retell")  # the same edit without the mark keeps the key
    same = _changed(unmarked, lambda d: _described_schema(d).update(description="edited"))
    assert _cache_key(same) == _cache_key(unmarked)


def test_a_ref_to_a_schema_named_like_a_text_member_keeps_the_shortcut() -> None:
    named = {"$ref": "#/components/schemas/autofix-description"}
    spec = _changed(_spec("retell"), lambda d: d.update({"x-extra": named}))
    edited = _changed(spec, lambda d: _described_schema(d).update(description="edited"))
    assert _cache_key(edited) == _cache_key(spec)


def _named_description(document: dict[str, Any]) -> None:
    """A schema named "description", referenced from an operation's response."""
    schemas = document["components"]["schemas"]
    schemas["description"] = {"type": "string", "description": "A schema of that name."}
    document["x-extra"] = {"$ref": "#/components/schemas/description"}


# A reference into the document, and whether a schema-text edit keeps the key with it:
# a place *named* like a text member keeps it, one that may reach a schema's text does not.
_REFS_AND_SHORTCUT = [
    ("#/components/schemas/description", True),
    ("#/components/schemas/title", True),
    ("#/components/schemas/A/properties/description", True),
    ("#/components/schemas/A/properties/title/items", True),
    ("#/components/schemas/A/default/description", True),
    ("#/components/schemas/A/example/title", True),
    ("#/components/parameters/description", True),
    ("#/components/schemas/A/allOf/0/properties/description", True),
    ("#/components/schemas/A/properties/x/description", False),
    ("#/components/schemas/A/allOf/0/title", False),
    ("#/components/schemas/A/items/description", False),
    ("#/components/schemas/A/additionalProperties/items/title", False),
    ("#/components/schemas/a~1b/description", False),
    ("#/components/schemas/A/$defs/B/description", False),
    ("other.yaml#/components/schemas/A/description", False),
    ("#/components/schemas/A/properties/d%65scription", False),
]


@pytest.mark.parametrize("ref, keeps", _REFS_AND_SHORTCUT)
def test_a_ref_keeps_the_shortcut_unless_it_may_reach_schema_text(ref: str, keeps: bool) -> None:
    spec = _changed(_spec("retell"), lambda d: d.update({"x-extra": {"$ref": ref}}))
    edited = _changed(spec, lambda d: _described_schema(d).update(description="edited"))
    assert (_cache_key(edited) == _cache_key(spec)) is keeps


def test_a_schema_named_description_keeps_the_shortcut_and_the_verdict() -> None:
    """A document with a schema named "description" (an AWS-derived spec has one) still
    shares its key with its schema-text edits, and the verdicts agree."""
    spec = _changed(_spec("retell"), _named_description)
    edited = _schema_text_edited(spec, "edited")
    assert _cache_key(edited) == _cache_key(spec)
    validate_spec(spec, Cache(None))
    validate_spec(edited, Cache(None))
