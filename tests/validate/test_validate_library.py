"""openapi-spec-validator's findings, located, readable, and never a traceback or a hang."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import load_spec_file
from generator.validate import openapi, validate_spec

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/validate/fixtures")  # relative to REPO, as displayed


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def problems(path: Path) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        validate_spec(load_spec_file(path))
    return caught.value.diagnostics


def test_schema_errors_name_the_intended_alternative() -> None:
    file = str(FIXTURES / "library_errors.yaml")
    assert problems(FIXTURES / "library_errors.yaml") == (
        Diagnostic("'version' is a required property", Location(file, 2, 1), "/info"),
        Diagnostic(
            "'body' is not one of ['path', 'query', 'header', 'cookie']",
            Location(file, 9, 11),
            "/paths/~1pets/get/parameters/0/in",
        ),
        Diagnostic(
            "'description' is a required property",
            Location(file, 13, 9),
            "/paths/~1pets/get/responses/200",
        ),
        Diagnostic(
            "'strin' is not one of ['array', 'boolean', 'integer', 'number', 'object', 'string']",
            Location(file, 21, 11),
            "/components/schemas/Pet/properties/name/type",
        ),
        Diagnostic(
            "5 is not of type 'object', 'boolean'",
            Location(file, 22, 7),
            "/components/schemas/Pet/additionalProperties",
        ),
        Diagnostic(
            "'scheme' is a required property",
            Location(file, 24, 5),
            "/components/securitySchemes/bearer",
        ),
    )


def test_semantic_errors_are_located_where_the_node_is_written() -> None:
    file = str(FIXTURES / "semantic_errors.yaml")
    assert problems(FIXTURES / "semantic_errors.yaml") == (
        Diagnostic(
            "Path parameter 'id' for 'get' operation in '/pets/{id}' was not resolved",
            Location(file, 7, 5),
            "/paths/~1pets~1{id}/get",
        ),
        Diagnostic(
            "Operation ID 'same' for 'get' in '/owners' is not unique",
            Location(file, 17, 5),
            "/paths/~1owners/get",
        ),
        # Reached through the $ref under /paths, reported where Pet is written.
        Diagnostic(
            "Required list has not defined properties: ['name']",
            Location(file, 24, 5),
            "/components/schemas/Pet",
        ),
        Diagnostic(
            "'nope' is not of type 'integer'",
            Location(file, 32, 15),
            "/components/schemas/Pet/allOf/0/properties/id/default",
        ),
    )


def test_openapi_31_schemas_are_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "schema31.yaml"
    path.write_text(
        "openapi: 3.1.0\n"
        "info: {title: t, version: '1'}\n"
        "components:\n"
        "  schemas:\n"
        "    Pet:\n"
        "      type: [string, nope]\n",
        encoding="utf-8",
    )
    (diagnostic,) = problems(path)
    assert diagnostic.location == Location(str(path), 6, 22)  # the item "nope"
    assert diagnostic.pointer == "/components/schemas/Pet/type/1"
    assert diagnostic.message.startswith("'nope' is not one of ['array', 'boolean'")


def test_a_parameter_without_in_gets_one_message(tmp_path: Path) -> None:
    path = tmp_path / "no_in.yaml"
    path.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /a:\n"
        "    parameters:\n"
        "      - name: id\n"
        "        schema: {type: string}\n",
        encoding="utf-8",
    )
    assert problems(path) == (
        Diagnostic(
            "'in' is a required property", Location(str(path), 6, 9), "/paths/~1a/parameters/0"
        ),
    )


def test_huge_values_are_shortened_in_one_line_messages(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    servers = "\n".join(
        f"  s{index}: {{url: 'https://example.com/{index}'}}" for index in range(50)
    )
    path.write_text(
        f"openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\nservers:\n{servers}\n",
        encoding="utf-8",
    )
    (diagnostic,) = problems(path)
    assert diagnostic.location == Location(str(path), 4, 1)
    assert diagnostic.message.endswith("... is not of type 'array'")
    assert len(diagnostic.message) < 120
    assert "\n" not in diagnostic.message


def test_cyclic_refs_validate_quickly() -> None:
    start = time.perf_counter()
    validate_spec(load_spec_file(FIXTURES / "cyclic_refs.yaml"))
    assert time.perf_counter() - start < 2.0


def test_a_ref_chain_too_deep_for_the_library_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    ref = "{$ref: '#/components/schemas/S%d'}"
    schemas = [
        f"    S{i}: {{type: object, properties: {{next: {ref % (i + 1)}}}}}" for i in range(1500)
    ]
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        + "\n".join(schemas)
        + "\n    S1500: {type: string}\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    (diagnostic,) = problems(path)
    assert time.perf_counter() - start < 5.0
    assert diagnostic.message.startswith("validator failed: ")
    assert diagnostic.location == Location(str(path), 1, 1)


def test_a_library_crash_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def __init__(self, document: Any) -> None:
            raise KeyError("boom")

    monkeypatch.setitem(openapi._VALIDATORS, "3.0", Broken)
    (diagnostic,) = problems(Path("specs/retell/openapi.yaml"))
    assert diagnostic == Diagnostic(
        "validator failed: KeyError: 'boom'", Location("specs/retell/openapi.yaml", 1, 1), ""
    )


def test_the_openapi_31_schema_is_crawled_once_not_per_schema_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each Schema Object's `$dynamicRef: "#meta"` is an anchor lookup; an uncrawled
    registry would crawl the whole OpenAPI schema for each of them (minutes on big specs)."""
    from referencing import Registry

    crawls = 0
    crawl = Registry.crawl

    def counted(self: Any) -> Any:
        nonlocal crawls
        crawls += 1
        return crawl(self)

    monkeypatch.setattr(Registry, "crawl", counted)
    schemas = "".join(
        f"    S{i}: {{type: object, properties: {{a: {{type: string}}}}}}\n" for i in range(40)
    )
    path = tmp_path / "many.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        + schemas
        + "    Bad: {type: [string, nope]}\n",
        encoding="utf-8",
    )
    (diagnostic,) = problems(path)  # the verdict is the library's, as before
    assert diagnostic.pointer == "/components/schemas/Bad/type/1"
    assert crawls < 5
