"""Validation of the vendored APIs, of OpenAPI versions, and of references."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import load_api_folder, load_spec_file
from generator.validate import validate_spec
from generator.validate.refs import follow, ref_problem

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/validate/fixtures")  # relative to REPO, as displayed


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def problems(path: Path) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        validate_spec(load_spec_file(path))
    return caught.value.diagnostics


@pytest.mark.parametrize("api", ["polyai", "cartesia", "retell"])
def test_vendored_apis_are_valid(api: str) -> None:
    validate_spec(load_api_folder(Path("specs") / api))


def test_cartesia_without_its_overlay_is_invalid_where_the_mapping_is_written() -> None:
    mapping = "/components/schemas/ProviderResponse/discriminator/mapping"
    found = {(d.location, d.pointer) for d in problems(Path("specs/cartesia/openapi.yaml"))}
    assert found == {
        (Location("specs/cartesia/openapi.yaml", 182, 11), mapping + "/twilio"),
        (Location("specs/cartesia/openapi.yaml", 184, 11), mapping + "/cartesia"),
    }


def test_cartesia_mapping_message_is_one_readable_line() -> None:
    first = problems(Path("specs/cartesia/openapi.yaml"))[0]
    assert str(first) == (
        "specs/cartesia/openapi.yaml:182:11: "
        "/components/schemas/ProviderResponse/discriminator/mapping/twilio: "
        "{'$ref': '#/components/schemas/TwilioProviderResponse'} is not of type 'string'"
    )


def test_dangling_refs_are_reported_before_the_library_runs() -> None:
    schema = "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref"
    assert problems(FIXTURES / "dangling_ref.yaml") == (
        Diagnostic(
            "unresolved $ref '#/components/schemas/Nope'",
            Location(str(FIXTURES / "dangling_ref.yaml"), 14, 17),
            schema,
        ),
        Diagnostic(
            "unresolved $ref '#/components/responses/Missing'",
            Location(str(FIXTURES / "dangling_ref.yaml"), 16, 11),
            "/paths/~1pets/get/responses/default/$ref",
        ),
    )


def test_anchor_refs_are_not_supported() -> None:
    """(Relative file refs are bundled by the loader: see tests/load.)"""
    (anchor,) = problems(FIXTURES / "other_refs.yaml")
    assert anchor.location == Location(str(FIXTURES / "other_refs.yaml"), 9, 7)
    assert anchor.pointer == "/components/schemas/Anchored/$ref"
    assert anchor.message.startswith("unsupported $ref '#pet'")


@pytest.mark.parametrize(
    ("ref", "problem"),
    [
        ("#", None),
        ("#/a/b~1c/1", None),
        ("#/a/b%7E1c/0", None),
        ("#/a/b~1c/01", "unresolved $ref '#/a/b~1c/01'"),
        ("#/a/b~1c/2", "unresolved $ref '#/a/b~1c/2'"),
        ("#/a/x", "unresolved $ref '#/a/x'"),
        (
            "https://example.com/s.yaml",
            "external $ref not supported yet: 'https://example.com/s.yaml'",
        ),
    ],
)
def test_ref_problem(ref: str, problem: str | None) -> None:
    assert ref_problem({"a": {"b/c": [1, 2]}}, ref) == problem


def test_follow_maps_a_path_through_refs_to_where_the_node_is_written() -> None:
    document = {
        "paths": {"/p": {"schema": {"$ref": "#/components/schemas/A"}}},
        "components": {
            "schemas": {"A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {}}
        },
    }
    assert follow(document, ("paths", "/p", "schema", "properties", "b")) == "/components/schemas/B"
    assert (
        follow(document, ("paths", "/p", "schema", "nope", "x")) == "/components/schemas/A/nope/x"
    )


def test_swagger_2_is_refused() -> None:
    assert problems(FIXTURES / "swagger.yaml") == (
        Diagnostic(
            "Swagger 2.0 is not supported: convert the document to OpenAPI 3.0 or 3.1",
            Location(str(FIXTURES / "swagger.yaml"), 1, 1),
            "/swagger",
        ),
    )


def test_openapi_4_is_refused() -> None:
    assert problems(FIXTURES / "openapi4.yaml") == (
        Diagnostic(
            "OpenAPI 4.0.0 is not supported: expected 3.0.x or 3.1.x",
            Location(str(FIXTURES / "openapi4.yaml"), 1, 1),
            "/openapi",
        ),
    )


def test_unquoted_version_is_a_number_not_a_version(tmp_path: Path) -> None:
    path = tmp_path / "float.yaml"
    path.write_text("info: {title: t, version: '1'}\npaths: {}\nopenapi: 3.1\n", encoding="utf-8")
    (diagnostic,) = problems(path)
    assert diagnostic.location == Location(str(path), 3, 1)
    assert diagnostic.message == "openapi must be a version string such as '3.1.0', not 3.1"


def test_pure_ref_cycle_is_reported_once_at_the_cycle(tmp_path: Path) -> None:
    spec = tmp_path / "cycle.yaml"
    spec.write_text(
        "openapi: 3.1.0\n"
        "info: {title: T, version: '1'}\n"
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    B:\n"
        "      $ref: '#/components/schemas/A'\n"
        "    A:\n"
        "      $ref: '#/components/schemas/B'\n"
        "    C:\n"
        "      $ref: '#/components/schemas/A'\n"
    )
    (cycle,) = problems(spec)
    assert cycle.pointer == "/components/schemas/A/$ref"
    assert cycle.location is not None and (cycle.location.line, cycle.location.col) == (9, 7)
    assert cycle.message == (
        "$ref cycle with no schema in between: "
        "/components/schemas/A -> /components/schemas/B -> /components/schemas/A"
    )
