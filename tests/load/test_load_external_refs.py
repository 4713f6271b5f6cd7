"""External `$ref`s: files in the spec's folder are bundled in, anything else is a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import LoadedSpec, load_api_folder, load_spec_file
from generator.load.references import references, resolve
from generator.pipeline import build_single
from generator.validate import validate_spec

REPO = Path(__file__).resolve().parents[2]
GOOD = Path("tests/load/fixtures/external/good")  # relative to REPO, as displayed
HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
EXT = "/x-clientgen-external"


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def load_errors(path: Path) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        (load_api_folder if path.is_dir() else load_spec_file)(path)
    return caught.value.diagnostics


def schema_ref(ref: str) -> str:
    """A main document whose line 6 is `    A: {$ref: <ref>}`: the `$ref` key is at 6:9."""
    return HEAD + f"    A: {{$ref: '{ref}'}}\n"


A_REF = "/components/schemas/A/$ref"


def assert_bundled(spec: LoadedSpec) -> None:
    refs = [node["$ref"] for _, node in references(spec.document)]
    assert len(refs) == 10
    for ref in refs:
        assert ref.startswith("#")
        resolve(spec.document, ref[1:])  # raises if it does not resolve
    validate_spec(spec)


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_a_spec_file_bundles_the_files_it_references() -> None:
    spec = load_spec_file(GOOD / "openapi.yaml")
    assert_bundled(spec)
    document = spec.document
    items = document["paths"]["/pets"]["get"]["responses"]["200"]["content"]
    assert items["application/json"]["schema"]["items"] == {
        "$ref": "#/x-clientgen-external/schemas/pet/Pet"
    }
    external = document["x-clientgen-external"]
    assert list(external) == ["schemas", "."]
    assert list(external["schemas"]) == ["pet", "owner"]
    pet = external["schemas"]["pet"]["Pet"]["properties"]
    assert pet["tag"] == {"$ref": "#/x-clientgen-external/schemas/pet/Tag"}  # its own root
    assert pet["owner"] == {"$ref": "#/x-clientgen-external/schemas/owner"}  # a whole file
    owner = external["schemas"]["owner"]["properties"]
    assert owner["pets"]["items"] == {"$ref": "#/x-clientgen-external/schemas/pet/Pet"}
    assert owner["problem"] == {
        "$ref": "#/x-clientgen-external/./common/components/schemas/ErrorDetail"
    }


def test_bundled_nodes_are_located_in_the_file_that_wrote_them() -> None:
    spec = load_spec_file(GOOD / "openapi.yaml")
    pet = f"{EXT}/schemas/pet/Pet/properties/tag"
    assert spec.locate(pet) == Location(str(GOOD / "schemas/pet.yaml"), 7, 5)
    owner = f"{EXT}/schemas/owner/properties/pets/items/$ref"
    assert spec.locate(owner) == Location(str(GOOD / "schemas/owner.yaml"), 6, 13)
    detail = f"{EXT}/./common/components/schemas/ErrorDetail"
    assert spec.locate(detail) == Location(str(GOOD / "common.json"), 11, 7)


def test_an_api_folder_bundles_too_and_a_referenced_top_level_file_is_no_fragment() -> None:
    spec = load_api_folder(GOOD)
    assert_bundled(spec)
    assert "openapi" not in spec.document["x-clientgen-external"]["."]["common"]


def test_bundled_models_are_named_after_their_last_token_or_file_stem() -> None:
    files = build_single(GOOD / "openapi.yaml", "ext")
    models = files["ext/models.py"].decode()
    for name in ("Pet", "Tag", "Owner", "ErrorDetail"):
        assert f"\nclass {name}(" in models
    assert "pets: list[Pet] | None" in models


def test_a_document_without_external_refs_is_left_alone(tmp_path: Path) -> None:
    write(tmp_path, {"openapi.yaml": schema_ref("#/components/schemas/B") + "    B: {}\n"})
    assert "x-clientgen-external" not in load_spec_file(tmp_path / "openapi.yaml").document


def test_cycles_between_files_terminate(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "openapi.yaml": schema_ref("a.yaml"),
            "a.yaml": "$ref: 'b.yaml'\n",
            "b.yaml": "$ref: 'a.yaml#'\n",
        },
    )
    spec = load_spec_file(tmp_path / "openapi.yaml")
    external = spec.document["x-clientgen-external"]["."]
    assert external == {
        "a": {"$ref": "#/x-clientgen-external/./b"},
        "b": {"$ref": "#/x-clientgen-external/./a"},
    }


def test_a_reference_back_to_the_main_file_points_into_the_document(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "openapi.yaml": schema_ref("a.yaml") + "    B: {type: string}\n",
            "a.yaml": "$ref: 'openapi.yaml#/components/schemas/B'\n",
        },
    )
    spec = load_spec_file(tmp_path / "openapi.yaml")
    assert spec.document["x-clientgen-external"]["."]["a"] == {"$ref": "#/components/schemas/B"}


def test_files_differing_only_by_extension_keep_distinct_keys(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "openapi.yaml": schema_ref("s/pet.yaml") + "    B: {$ref: 's/pet.json'}\n",
            "s/pet.yaml": "type: string\n",
            "s/pet.json": '{"type": "integer"}\n',
        },
    )
    spec = load_spec_file(tmp_path / "openapi.yaml")
    assert spec.document["x-clientgen-external"]["s"] == {
        "pet": {"type": "string"},
        "pet.json": {"type": "integer"},
    }
    assert spec.document["components"]["schemas"]["B"] == {
        "$ref": "#/x-clientgen-external/s/pet.json"
    }


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (
            "https://example.com/pet.yaml#/Pet",
            "$ref 'https://example.com/pet.yaml#/Pet' is a URL: "
            "only files in the spec's folder can be referenced",
        ),
        (
            "file:pet.yaml",
            "$ref 'file:pet.yaml' is a URL: only files in the spec's folder can be referenced",
        ),
        (
            "/etc/pet.yaml",
            "$ref '/etc/pet.yaml' is an absolute path: write it relative to this file",
        ),
        ("../outside.yaml", "$ref '../outside.yaml' leaves the spec's folder api"),
        (
            "schemas/../../outside.yaml",
            "$ref 'schemas/../../outside.yaml' leaves the spec's folder api",
        ),
        ("missing.yaml", "$ref 'missing.yaml': no such file api/missing.yaml"),
        ("schemas", "$ref 'schemas': api/schemas is not a file"),
        (
            "schemas/pet.yaml#/Nope",
            "unresolved $ref 'schemas/pet.yaml#/Nope': no /Nope in api/schemas/pet.yaml",
        ),
        (
            "schemas/pet.yaml#Pet",
            "unsupported $ref 'schemas/pet.yaml#Pet': only JSON pointer fragments are supported",
        ),
    ],
)
def test_unfollowable_refs_are_located_where_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "outside.yaml": "type: string\n",
            "api/openapi.yaml": schema_ref(ref),
            "api/schemas/pet.yaml": "Pet: {type: string}\n",
        },
    )
    for path in (Path("api"), Path("api/openapi.yaml")):
        assert load_errors(path) == (
            Diagnostic(message, Location("api/openapi.yaml", 6, 9), A_REF),
        )


def test_a_symlink_out_of_the_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"outside.yaml": "type: string\n", "api/openapi.yaml": schema_ref("link.yaml")})
    (tmp_path / "api/link.yaml").symlink_to(tmp_path / "outside.yaml")
    assert load_errors(Path("api/openapi.yaml")) == (
        Diagnostic(
            "$ref 'link.yaml' leaves the spec's folder api",
            Location("api/openapi.yaml", 6, 9),
            A_REF,
        ),
    )


def test_a_problem_in_a_referenced_file_is_located_in_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "api/openapi.yaml": schema_ref("schemas/pet.yaml#/Pet"),
            "api/schemas/pet.yaml": "Pet:\n  properties:\n    owner: {$ref: 'owner.yaml#/X'}\n",
            "api/schemas/owner.yaml": "Y: {}\n",
        },
    )
    assert [str(d) for d in load_errors(Path("api/openapi.yaml"))] == [
        "api/schemas/pet.yaml:3:13: /Pet/properties/owner/$ref: "
        "unresolved $ref 'owner.yaml#/X': no /X in api/schemas/owner.yaml"
    ]


def test_a_syntax_error_in_a_referenced_file_is_located_in_that_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "api/openapi.yaml": schema_ref("pet.yaml#/Pet") + "    B: {$ref: 'pet.yaml'}\n",
            "api/pet.yaml": "Pet:\n  type: [string\n",
        },
    )
    (problem,) = load_errors(Path("api/openapi.yaml"))
    assert problem.location is not None and problem.location.file == "api/pet.yaml"
    assert (problem.location.line, problem.location.col) == (3, 1)


def test_the_bundle_key_is_reserved_when_there_is_something_to_bundle(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "openapi.yaml": schema_ref("a.yaml") + "x-clientgen-external: {}\n",
            "a.yaml": "type: string\n",
        },
    )
    (problem,) = load_errors(tmp_path / "openapi.yaml")
    assert problem.pointer == "/x-clientgen-external"
    assert problem.message == (
        "x-clientgen-external is reserved for the content of files referenced by $ref"
    )
    assert problem.location is not None and problem.location.line == 7


def test_an_unreferenced_non_openapi_file_in_a_folder_is_still_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"openapi.yaml": schema_ref("a.yaml"), "a.yaml": "{}\n", "b.yaml": "{}\n"})
    (problem,) = load_errors(tmp_path)
    assert problem.message.startswith("neither an OpenAPI document nor an overlay")
    assert problem.location is not None and problem.location.file.endswith("b.yaml")
