"""JSON input: JSON's meaning for every value, positions for every node."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import load_spec_file
from generator.load.json_source import parse_json

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def errors(text: str) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        parse_json(text, "inline.json")
    return caught.value.diagnostics


def at(line: int, col: int) -> Location:
    return Location("inline.json", line, col)


def test_json_file_is_located_and_keeps_json_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    spec = load_spec_file(FIXTURES / "located.json")
    file = "tests/load/fixtures/located.json"
    assert spec.name == "located"
    assert spec.locate("/info") == Location(file, 3, 3)
    assert spec.locate("/info/title") == Location(file, 3, 12)
    assert spec.locate("/info/version") == Location(file, 3, 29)
    assert spec.locate("/components/schemas/Big") == Location(file, 7, 7)
    assert spec.locate("/components/schemas/Big/maximum") == Location(file, 7, 33)
    big = spec.document["components"]["schemas"]["Big"]
    assert big["maximum"] == 1e10 and isinstance(big["maximum"], float)  # a string in YAML 1.1
    assert big["example"] == "\U0001f600 /"  # a surrogate pair and an escaped solidus


def test_array_items_are_located() -> None:
    _, source_map = parse_json('{"a": [\n  1,\n  {"b": null}\n]}', "inline.json")
    assert source_map.get("/a/0") == at(2, 3)
    assert source_map.get("/a/1") == at(3, 3)
    assert source_map.get("/a/1/b") == at(3, 4)


def test_duplicate_keys() -> None:
    (diagnostic,) = errors('{\n\t"a": 1,\n\t"a": 2\n}')
    assert diagnostic == Diagnostic("duplicate key 'a', first defined at 2:2", at(3, 2), "/a")


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ('{"a": 1,}', 1, 9),
        ('{"a": NaN}', 1, 7),
        ('{"a": "x\ny"}', 1, 9),
        ('{"a": 1} extra', 1, 10),
        ('{"a" 1}', 1, 6),
        ("[" * 600 + "]" * 600, 1, 501),
    ],
)
def test_syntax_errors_are_located(text: str, line: int, col: int) -> None:
    (diagnostic,) = errors(text)
    assert diagnostic.location == at(line, col)
    assert diagnostic.message.startswith("invalid JSON: ")


def test_empty_json_file() -> None:
    assert errors(" \n") == (Diagnostic("the file is empty", at(1, 1)),)
