"""Located YAML parsing: values as OpenAPI needs them, positions as a reader counts them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import LoadedSpec, load_spec_file
from generator.load.yaml_source import parse_yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def errors(text: str) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        parse_yaml(text, "inline.yaml")
    return caught.value.diagnostics


def at(line: int, col: int) -> Location:
    return Location("inline.yaml", line, col)


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> LoadedSpec:
    monkeypatch.chdir(REPO)  # displayed file names are relative to the working directory
    return load_spec_file(FIXTURES / "located.yaml")


def test_members_are_located_at_their_keys(spec: LoadedSpec) -> None:
    file = "tests/load/fixtures/located.yaml"
    assert spec.locate("") == Location(file, 2, 1)
    assert spec.locate("/info/title") == Location(file, 4, 3)
    assert spec.locate("/paths/~1pets") == Location(file, 7, 3)
    assert spec.locate("/paths/~1pets/get/responses/200") == Location(file, 10, 9)
    assert spec.locate("/paths/~1pets/get/responses/200/description") == Location(file, 11, 11)
    assert spec.locate("/paths/~1pets/get/responses/404") == Location(file, 12, 9)
    assert spec.locate("/components/schemas/Pet/properties/born/example") == Location(file, 21, 11)


def test_sequence_items_are_located_at_their_values(spec: LoadedSpec) -> None:
    flags = "/components/schemas/Pet/properties/flags"
    assert spec.locate(flags) == Location("tests/load/fixtures/located.yaml", 22, 9)
    assert spec.locate(flags + "/0") == Location("tests/load/fixtures/located.yaml", 23, 13)
    assert spec.locate(flags + "/3") == Location("tests/load/fixtures/located.yaml", 26, 13)


def test_unknown_pointer_falls_back_to_nearest_ancestor(spec: LoadedSpec) -> None:
    assert spec.locate("/info/nope/deeper") == Location("tests/load/fixtures/located.yaml", 3, 1)


def test_keys_are_strings_and_dates_stay_text(spec: LoadedSpec) -> None:
    assert list(spec.document["paths"]["/pets"]["get"]["responses"]) == ["200", "404"]
    pet = spec.document["components"]["schemas"]["Pet"]["properties"]
    assert pet["born"]["example"] == "2026-03-01"
    assert pet["flags"] == [True, 12, 1.5, None]
    assert spec.document["openapi"] == "3.1.0"


def test_scalar_keys_keep_their_text_and_timestamps_are_not_parsed() -> None:
    value, _ = parse_yaml("true: 1\n2026-03-01: 2\nat: 2026-03-01T10:00:00Z\n0x1F: 3\n", "x")
    assert value == {"true": 1, "2026-03-01": 2, "at": "2026-03-01T10:00:00Z", "0x1F": 3}


def test_duplicate_keys_are_all_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(FIXTURES / "duplicate.yaml")
    file = "tests/load/fixtures/duplicate.yaml"
    assert caught.value.diagnostics == (
        Diagnostic(
            "duplicate key 'title', first defined at 3:3", Location(file, 5, 3), "/info/title"
        ),
        Diagnostic("duplicate key '/a', first defined at 7:3", Location(file, 8, 3), "/paths/~1a"),
    )


def test_an_int_key_and_its_quoted_text_are_duplicates() -> None:
    (diagnostic,) = errors("'200': a\n200: b\n")
    assert diagnostic.location == at(2, 1)
    assert diagnostic.pointer == "/200"


def test_syntax_error_is_located_at_the_yaml_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(FIXTURES / "broken.yaml")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location == Location("tests/load/fixtures/broken.yaml", 3, 11)
    assert "mapping values are not allowed" in diagnostic.message


def test_billion_laughs_fails_fast_at_the_alias_that_overflows() -> None:
    lines = ["a: &a [" + ", ".join(["lol"] * 10) + "]"]
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    start = time.perf_counter()
    (diagnostic,) = errors("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    # Lines 1-6 expand to about 1.23 million nodes; the first *f on line 7 adds 1.1 million.
    assert diagnostic.location == at(7, 8)
    assert "more than 2,000,000 nodes" in diagnostic.message


def test_recursive_alias_is_located_at_the_alias() -> None:
    (diagnostic,) = errors("a: &a [1, *a]\n")
    assert diagnostic.location == at(1, 11)
    assert "recursive alias" in diagnostic.message


def test_deep_nesting_fails_at_the_first_level_too_deep() -> None:
    (diagnostic,) = errors("x: " + "[" * 600 + "]" * 600 + "\n")
    # The mapping is level 1, so the 500th bracket (column 503) opens level 501.
    assert diagnostic.location == at(1, 503)
    assert "deeper than 500 levels" in diagnostic.message


def test_nesting_at_the_bound_loads() -> None:
    value, _ = parse_yaml("x: " + "[" * 499 + "]" * 499 + "\n", "x")
    depth = 0
    node = value["x"]
    while node:
        node, depth = node[0], depth + 1
    assert depth == 498  # the innermost list is empty


def test_very_deep_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    (diagnostic,) = errors("[" * 100_000 + "]" * 100_000)
    assert time.perf_counter() - start < 1.0
    assert diagnostic.location == at(1, 501)


def test_aliases_count_towards_the_depth() -> None:
    text = "a: &a " + "[" * 300 + "]" * 300 + "\nb: " + "[" * 250 + "*a" + "]" * 250 + "\n"
    (diagnostic,) = errors(text)
    # 1 (mapping) + 250 open brackets + 300 levels behind *a, which sits at column 254.
    assert diagnostic.location == at(2, 254)


def test_merge_keys_apply_with_own_keys_winning() -> None:
    value, source_map = parse_yaml("base: &b {a: 1, b: 2}\nd:\n  <<: *b\n  b: 3\n", "x")
    assert value["d"] == {"a": 1, "b": 3}
    assert source_map.get("/d/a") == Location("x", 1, 11)
    assert source_map.get("/d/b") == Location("x", 4, 3)


def test_unsupported_tags_are_reported() -> None:
    diagnostics = errors("x: !!binary aGk=\ny: !custom 1\n")
    assert [(d.location, d.pointer) for d in diagnostics] == [(at(1, 4), "/x"), (at(2, 4), "/y")]
    assert "!!binary" in diagnostics[0].message


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file(text: str) -> None:
    (diagnostic,) = errors(text)
    assert diagnostic == Diagnostic("the file is empty", at(1, 1))


def test_control_character_is_located() -> None:
    (diagnostic,) = errors("a: 1\nb: \x07\n")
    assert diagnostic.location == at(2, 4)


def test_top_level_must_be_a_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("list.yaml").write_text("- openapi\n- 3.1.0\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(Path("list.yaml"))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location == Location("list.yaml", 1, 1)
    assert "must be a mapping" in diagnostic.message


def test_invalid_utf8_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("latin1.yaml").write_bytes("openapi: 3.1.0\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(Path("latin1.yaml"))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location == Location("latin1.yaml", 2, 11)
