"""OpenAPI Overlay 1.0 actions, applied in order, with what they add located in the overlay."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError, Location
from generator.load import LoadedSpec, load_api_folder

REPO = Path(__file__).resolve().parents[2]

SPEC = """\
openapi: 3.1.0
info:
  title: Pets
  version: '1'
tags:
  - name: a
  - name: b
  - name: c
  - name: d
paths:
  /pets:
    get:
      deprecated: true
      responses:
        '200':
          description: ok
    post:
      responses:
        '201':
          description: created
components:
  schemas:
    Pet:
      type: object
      properties:
        id:
          type: string
"""


def apply(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *overlays: str) -> LoadedSpec:
    monkeypatch.chdir(tmp_path)
    Path("api").mkdir()
    Path("api/openapi.yaml").write_text(SPEC, encoding="utf-8")
    for index, overlay in enumerate(overlays):
        Path(f"api/overlay{index}.yaml").write_text(overlay, encoding="utf-8")
    return load_api_folder(Path("api"))


def failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overlay: str) -> GeneratorError:
    with pytest.raises(GeneratorError) as caught:
        apply(tmp_path, monkeypatch, overlay)
    return caught.value


def overlay(*actions: str) -> str:
    return "overlay: 1.0.0\ninfo:\n  title: Fix\n  version: '1'\nactions:\n" + "".join(actions)


def test_update_merges_objects_and_locates_what_it_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = apply(
        tmp_path,
        monkeypatch,
        overlay(
            "  - target: $.components.schemas.Pet\n",  # line 6
            "    update:\n",
            "      required: [id]\n",  # line 8
            "      properties:\n",
            "        id:\n",
            "          format: uuid\n",  # line 11
        ),
    )
    pet = spec.document["components"]["schemas"]["Pet"]
    assert pet == {
        "type": "object",
        "properties": {"id": {"type": "string", "format": "uuid"}},
        "required": ["id"],
    }
    assert spec.locate("/components/schemas/Pet/required") == Location("api/overlay0.yaml", 8, 7)
    assert spec.locate("/components/schemas/Pet/required/0") == Location("api/overlay0.yaml", 8, 18)
    assert spec.locate("/components/schemas/Pet/properties/id/format") == Location(
        "api/overlay0.yaml", 11, 11
    )
    # What the update merged into keeps its place in the spec.
    assert spec.locate("/components/schemas/Pet/properties/id/type") == Location(
        "api/openapi.yaml", 27, 11
    )


def test_update_replaces_non_mapping_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = apply(
        tmp_path,
        monkeypatch,
        overlay("  - target: $.info\n    update:\n      version: '2'\n      title: [x]\n"),
    )
    assert spec.document["info"] == {"title": ["x"], "version": "2"}
    assert spec.locate("/info/title") == Location("api/overlay0.yaml", 9, 7)


def test_update_on_an_array_appends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = apply(
        tmp_path,
        monkeypatch,
        overlay("  - target: $.tags\n    update:\n      name: e\n"),
    )
    assert [tag["name"] for tag in spec.document["tags"]] == ["a", "b", "c", "d", "e"]
    assert spec.locate("/tags/4/name") == Location("api/overlay0.yaml", 8, 7)


def test_remove_array_items_from_the_highest_index_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = apply(
        tmp_path,
        monkeypatch,
        overlay("  - target: $.tags[?@.name == 'a' || @.name == 'c']\n    remove: true\n"),
    )
    assert spec.document["tags"] == [{"name": "b"}, {"name": "d"}]
    # Items after a removed one are renumbered, keeping their own locations.
    assert spec.locate("/tags/0") == Location("api/openapi.yaml", 7, 5)
    assert spec.locate("/tags/1") == Location("api/openapi.yaml", 9, 5)
    assert spec.locate("/tags/1/name") == Location("api/openapi.yaml", 9, 5)


def test_filter_target_removes_object_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = apply(
        tmp_path,
        monkeypatch,
        overlay("  - target: $.paths.*[?@.deprecated == true]\n    remove: true\n"),
    )
    assert list(spec.document["paths"]["/pets"]) == ["post"]
    assert spec.locate("/paths/~1pets/get") == Location("api/openapi.yaml", 11, 3)  # the parent


def test_actions_and_overlays_apply_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = overlay("  - target: $.info\n    update:\n      x-stage: one\n")
    second = overlay(
        "  - target: $.info[?@ == 'one']\n    remove: true\n",
        "  - target: $.info\n    update:\n      x-stage: two\n",
    )
    spec = apply(tmp_path, monkeypatch, first, second)
    assert spec.document["info"]["x-stage"] == "two"
    assert spec.locate("/info/x-stage") == Location("api/overlay1.yaml", 10, 7)


def test_target_matching_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = failure(
        tmp_path,
        monkeypatch,
        overlay(
            "  - target: $.info\n    update: {x-a: 1}\n",
            "  - target: $.components.schemas.Gone\n    remove: true\n",
        ),
    )
    (diagnostic,) = error.diagnostics
    assert diagnostic.location == Location("api/overlay0.yaml", 8, 5)
    assert diagnostic.pointer == "/actions/1"
    assert "matches nothing" in diagnostic.message
    assert "vendor may have fixed" in diagnostic.message


def test_invalid_jsonpath_is_located_at_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = failure(
        tmp_path,
        monkeypatch,
        overlay("  - description: x\n    target: $.paths[\n    remove: true\n"),
    )
    (diagnostic,) = error.diagnostics
    assert diagnostic.location == Location("api/overlay0.yaml", 7, 5)
    assert diagnostic.pointer == "/actions/0/target"
    assert "invalid JSONPath '$.paths['" in diagnostic.message


def test_overlay_shape_problems_are_all_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "overlay: 2.0.0\n"
        "info:\n"
        "  title: Fix\n"
        "actions:\n"
        "  - target: $.info\n"
        "  - target: 5\n"
        "    remove: true\n"
        "  - target: $.info\n"
        "    updates: {}\n"
        "    remove: true\n"
    )
    error = failure(tmp_path, monkeypatch, text)
    assert [(d.pointer, d.location) for d in error.diagnostics] == [
        ("/overlay", Location("api/overlay0.yaml", 1, 1)),
        ("/info/version", Location("api/overlay0.yaml", 2, 1)),
        ("/actions/0", Location("api/overlay0.yaml", 5, 5)),
        ("/actions/1/target", Location("api/overlay0.yaml", 6, 5)),
        ("/actions/2/updates", Location("api/overlay0.yaml", 9, 5)),
    ]


def test_overlay_without_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = failure(tmp_path, monkeypatch, "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n")
    (diagnostic,) = error.diagnostics
    assert diagnostic.pointer == ""
    assert "non-empty actions" in diagnostic.message


def test_update_type_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = failure(
        tmp_path, monkeypatch, overlay("  - target: $.info.title\n    update: {a: 1}\n")
    )
    (diagnostic,) = error.diagnostics
    assert diagnostic.location == Location("api/overlay0.yaml", 6, 5)
    assert "update needs a mapping or a list" in diagnostic.message


def test_cartesia_overlay_fixes_the_discriminator_mapping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    spec = load_api_folder(Path("specs/cartesia"))
    mapping_pointer = "/components/schemas/ProviderResponse/discriminator/mapping"
    discriminator = spec.document["components"]["schemas"]["ProviderResponse"]["discriminator"]
    assert discriminator["mapping"] == {
        "twilio": "#/components/schemas/TwilioProviderResponse",
        "cartesia": "#/components/schemas/CartesiaProviderResponse",
    }
    assert spec.locate(mapping_pointer) == Location("specs/cartesia/openapi.yaml", 181, 9)
    assert spec.locate(mapping_pointer + "/twilio") == Location(
        "specs/cartesia/overlay.yaml", 16, 7
    )
    assert spec.locate(mapping_pointer + "/cartesia") == Location(
        "specs/cartesia/overlay.yaml", 17, 7
    )
