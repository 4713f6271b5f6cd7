"""Resource modules reused from the cache (generator/render/reuse.py): after any edit of
the spec, a run with the cache of the run before gives the bytes a run that renders
everything gives, and an edit that leaves a resource alone does not render it again.

Each edit is made to a vendor's whole API (PolyAI's, 61 operations in 12 resource
modules), generated with a cache filled by the unedited spec; the reference renders every
module (its formatting cached apart, so that it stays fast).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.cache import Cache
from generator.load import load_api_folder, load_spec_file
from generator.model import api as api_model
from generator.model import results as results_model
from generator.model import security as security_model
from generator.model import types as types_model
from generator.model.api import Api
from generator.model.types import Field, ObjectDef, Primitive
from generator.parse.api import build_api
from generator.render import renderer, reuse
from generator.render.renderer import Distribution, render_distribution
from generator.settings import default_api_settings
from generator.targets import api_folders

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "vendor-specs" / "polyai-agents-api-1.0.11.json"
PACKAGE = "polyai"
_HTTP_METHODS = {"get", "put", "post", "delete", "patch"}

Document = dict[str, Any]


def _schemas(document: Document) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas


def _operations(document: Document) -> Iterator[dict[str, Any]]:
    for item in document["paths"].values():
        for method, operation in item.items():
            if method in _HTTP_METHODS:
                yield operation


def _referenced_by_one_operation(document: Document) -> str:
    """A schema that exactly one operation names in its JSON (of the many one does)."""
    counts = {name: 0 for name in _schemas(document)}
    for operation in _operations(document):
        text = json.dumps(operation)
        for name in counts:
            counts[name] += f'"#/components/schemas/{name}"' in text
    return sorted(name for name, count in counts.items() if count == 1)[0]


def _object_with_properties(document: Document) -> str:
    return sorted(
        name
        for name, schema in _schemas(document).items()
        if schema.get("properties") and name == _referenced_by_one_operation(document)
    )[0]


def _describe_schema(document: Document) -> None:
    schema = _schemas(document)[_referenced_by_one_operation(document)]
    schema["description"] = str(schema.get("description", "")) + " (edited)"


def _describe_property(document: Document) -> None:
    properties = _schemas(document)[_object_with_properties(document)]["properties"]
    first = properties[sorted(properties)[0]]
    first["description"] = str(first.get("description", "")) + " (edited)"


def _add_property(document: Document) -> None:
    schema = _schemas(document)[_object_with_properties(document)]
    schema["properties"]["added_in_edit"] = {"type": "integer", "description": "New."}


def _retype_property(document: Document) -> None:
    properties = _schemas(document)[_object_with_properties(document)]["properties"]
    properties[sorted(properties)[0]] = {"type": "array", "items": {"type": "number"}}


def _rename_schema(document: Document) -> None:
    old = _referenced_by_one_operation(document)
    schemas = _schemas(document)
    schemas["RenamedInEdit"] = schemas.pop(old)
    text = json.dumps(document).replace(
        f'"#/components/schemas/{old}"', '"#/components/schemas/RenamedInEdit"'
    )
    document.clear()
    document.update(json.loads(text))


def _add_schema(document: Document) -> None:
    _schemas(document)["AddedInEdit"] = {"type": "object", "properties": {"a": {"type": "string"}}}


def _summarize_operation(document: Document) -> None:
    operation = next(_operations(document))
    operation["summary"] = str(operation.get("summary", "")) + " (edited)"


def _remove_operation(document: Document) -> None:
    path = sorted(document["paths"])[len(document["paths"]) // 2]
    item = document["paths"][path]
    del item[sorted(m for m in item if m in _HTTP_METHODS)[0]]


def _describe_parameter(document: Document) -> None:
    for operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if "$ref" not in parameter:
                parameter["description"] = str(parameter.get("description", "")) + " (edited)"
                return
    raise AssertionError("no inline parameter to edit")


def _retitle_api(document: Document) -> None:
    document["info"]["title"] = "Edited Title"


def _with_enum_response(document: Document) -> Document:
    """One operation answers with an enum, which its module spells as the enum's values'
    type: a resource module that shows a definition's content, not only its name."""
    _schemas(document)["Status"] = {"type": "string", "enum": ["on", "off"]}
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}
    responses = document["paths"]["/v1/agents/{agentId}"]["delete"]["responses"]
    responses["200"] = {"description": "The agent's status.", "content": content}
    return document


def _enum_to_union(document: Document) -> None:
    _schemas(document)["Status"] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}


EDITS: dict[str, Callable[[Document], None]] = {
    "schema description": _describe_schema,
    "property description": _describe_property,
    "property added": _add_property,
    "property type": _retype_property,
    "schema renamed": _rename_schema,
    "schema added": _add_schema,
    "operation summary": _summarize_operation,
    "operation removed": _remove_operation,
    "parameter description": _describe_parameter,
    "API title": _retitle_api,
    "enum made a union": _enum_to_union,
}


# Edits that change what every resource module shows.
_GLOBAL_EDITS = {"API title"}


class _Runs:
    """Generations of edited copies of the spec: reusing modules, and rendering all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.original = _with_enum_response(json.loads(SPEC.read_text(encoding="utf-8")))
        self.reference_cache = Cache(folder / "reference-cache")
        # The original generated once; each test starts from a copy of the cache it filled.
        self.original_cache = folder / "original-cache"
        self.before, reused = self.reusing(self.spec(self.original, "original"), self.cache())
        assert not reused  # an empty cache gives nothing

    def cache(self, copy_to: Path | None = None) -> Cache:
        if copy_to is None:
            return Cache(self.original_cache)
        shutil.copytree(self.original_cache, copy_to)
        return Cache(copy_to)

    def spec(self, document: Document, name: str) -> Path:
        path = self.folder / name / SPEC.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    def reusing(self, spec: Path, cache: Cache) -> tuple[dict[str, bytes], set[str]]:
        """The files, and the paths of the modules the cache gave."""
        skipped: set[str] = set()
        render = renderer.render_distribution

        def spied(*args: Any, **kwargs: Any) -> dict[str, str]:
            skipped.update(kwargs.get("skip", ()))
            return render(*args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(renderer, "render_distribution", spied)
            return pipeline.build_single(spec, PACKAGE, cache=cache), skipped

    def rendering_all(self, spec: Path) -> dict[str, bytes]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(reuse, "module_keys", lambda *args: {})
            return pipeline.build_single(spec, PACKAGE, cache=self.reference_cache)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> _Runs:
    return _Runs(tmp_path_factory.mktemp("reuse"))


def _reusable(files: dict[str, bytes]) -> set[str]:
    """The resource modules and `api.md`."""
    resources = {p for p in files if "/resources/" in p and not p.endswith("__init__.py")}
    return resources | {f"{PACKAGE}/api.md"}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_spec_with_the_last_runs_cache_gives_the_bytes_of_a_full_render(
    runs: _Runs, edit: str, tmp_path: Path
) -> None:
    cache = runs.cache(copy_to=tmp_path / "cache")
    before = runs.before
    document = copy.deepcopy(runs.original)
    EDITS[edit](document)
    after, reused = runs.reusing(runs.spec(document, edit.replace(" ", "-")), cache)
    assert after == runs.rendering_all(runs.spec(document, edit.replace(" ", "-")))
    reusable = _reusable(after)
    changed = {p for p in reusable if before.get(p) != after[p]}
    assert not changed & reused
    if edit in _GLOBAL_EDITS:
        assert not reused  # every module shows the API's title
    else:  # the resource the edit is in (or that reaches the schema) and api.md alone
        assert len(reusable - reused) <= 2 and changed <= reusable - reused
        if edit in ("schema description", "property description"):
            assert reused == reusable  # a definition's texts show in models.py alone
        if edit == "enum made a union":
            assert changed == {f"{PACKAGE}/resources/agents.py", f"{PACKAGE}/api.md"}


def test_a_key_that_missed_a_definition_would_be_caught(
    runs: _Runs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: keys blind to the definitions a resource reaches give a
    stale module after a definition it shows changes kind, and the comparison sees it."""
    monkeypatch.setattr(reuse._Reach, "reached", lambda self, shown: set())
    cache = runs.cache(copy_to=tmp_path / "cache")  # then filled under the blind keys
    runs.reusing(runs.spec(runs.original, "original"), cache)
    document = copy.deepcopy(runs.original)
    _enum_to_union(document)
    spec = runs.spec(document, "blind")
    stale, _ = runs.reusing(spec, cache)
    monkeypatch.undo()
    assert stale != runs.rendering_all(spec)


def _apis() -> Iterator[Api]:
    """The seed APIs and two vendors' whole APIs, modelled."""
    for source in api_folders(ROOT / "specs"):
        yield build_api(load_api_folder(source.folder), source.settings())
    for name in ("polyai-agents-api-1.0.11.json", "retell-openapi.yaml"):
        spec = load_spec_file(ROOT / "tests" / "vendor-specs" / name)
        yield build_api(spec, default_api_settings(name.split("-")[0]))


def _retexted(value: Any) -> Any:
    """`value` with every `description` of a model object in it replaced, at any depth."""
    if isinstance(value, tuple):
        return tuple(_retexted(item) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {f.name: _retexted(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if "description" in changes:
        changes["description"] = "Rewritten in the test."
    return dataclasses.replace(value, **changes)


@pytest.mark.parametrize("api", list(_apis()), ids=lambda api: api.name)
def test_resource_modules_and_api_md_show_no_definitions_description(api: Api) -> None:
    """Why a reuse key may leave definitions' descriptions out (`reuse._textless`): every
    definition's descriptions rewritten, models.py changes and those files do not."""
    retexted = dataclasses.replace(
        api,
        response_definitions=_retexted(api.response_definitions),
        request_definitions=_retexted(api.request_definitions),
    )
    before, after = (
        render_distribution(Distribution("d", "p", "1", (a,), flat=True)) for a in (api, retexted)
    )
    assert before["p/models.py"] != after["p/models.py"]  # the rewrite shows where it should
    shown = [p for p in before if p.startswith("p/resources/") or p == "p/api.md"]
    assert len(shown) > 2
    assert [before[p] for p in shown] == [after[p] for p in shown]


def test_a_definition_without_its_texts_keeps_everything_else() -> None:
    field = Field("a", "a", Primitive("string"), True, description="One.")
    definition = ObjectDef("Thing", (field,), description="A thing.")
    described = dataclasses.replace(
        definition,
        description="Another.",
        fields=(dataclasses.replace(field, description="Two."),),
    )
    retyped = dataclasses.replace(definition, fields=(dataclasses.replace(field, required=False),))
    assert reuse._textless(definition) == reuse._textless(described)
    assert reuse._textless(definition) != reuse._textless(retyped)
    assert "One." not in repr(reuse._textless(definition))
    assert "Thing" in repr(reuse._textless(definition))


def test_every_field_of_the_model_is_in_its_repr() -> None:
    """A reuse key digests the model's `repr`: a field left out of it would go unseen."""
    modules = [api_model, results_model, security_model, types_model]
    classes = [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    ]
    assert len(classes) > 15
    hidden = [
        f"{c.__name__}.{f.name}" for c in classes for f in dataclasses.fields(c) if not f.repr
    ]
    assert hidden == []
