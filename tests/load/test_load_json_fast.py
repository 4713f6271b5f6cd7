"""JSON read by `json` in C gives what the locating walk gives: values, locations, errors.

`parse_json` takes the C reader's value when it accepts the document as the walk would,
and locates nodes with the walk only when first asked; these tests hold the two paths to
the same answers on real specs and on each input that must leave the fast path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError, Location
from generator.load.json_source import _walk, parse_json
from generator.load.limits import MAX_DEPTH
from generator.load.source_map import SourceMap
from generator.load.yaml_source import parse_yaml

ROOT = Path(__file__).resolve().parents[2]


def _entries(source_map: SourceMap) -> dict[str, object]:
    return dict(source_map.items())


def _same(text: str) -> None:
    """parse_json and the walk alone agree: both values and maps, or both errors."""
    try:
        slow = _walk(text, "f.json")
    except GeneratorError as error:
        with pytest.raises(GeneratorError) as caught:
            parse_json(text, "f.json")
        assert caught.value.diagnostics == error.diagnostics
        return
    value, source_map = parse_json(text, "f.json")
    assert json.dumps(value) == json.dumps(slow[0])
    assert _entries(source_map) == _entries(slow[1])


def _seed_specs_as_json() -> list[str]:
    texts = []
    for spec in sorted((ROOT / "specs").glob("*/openapi.yaml")):
        document, _ = parse_yaml(spec.read_text(encoding="utf-8"), spec.name)
        texts.append(json.dumps(document, indent=2, ensure_ascii=False))
        texts.append(json.dumps(document, separators=(",", ":")))
    return texts


@pytest.mark.parametrize("text", _seed_specs_as_json())
def test_real_specs_read_alike(text: str) -> None:
    assert parse_json(text, "f.json")[1]._later is not None  # the fast path was taken
    _same(text)


def test_a_located_fixture_reads_alike() -> None:
    _same((ROOT / "tests" / "load" / "fixtures" / "located.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',  # a duplicate key: reported by the walk, with both places
        '{"a": {"b": 1, "c": 2, "b": 3}}',
        '{"a": NaN}',
        '{"a": -Infinity}',
        "\ufeff{}",
        "",
        "   ",
        '{"a": 1,}',
        '{"a": 1} x',
        "[1, 2",
        '"just a string"',
        "null",
        "12",
        '{"a": "\\ud83d\\ude00", "b": 1e10, "c": -0.0, "d": 12345678901234567890}',
        ' \t\r\n{"a" : [ ] , "b":{}}\n',
    ],
)
def test_edge_inputs_read_alike(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 50])
def test_nesting_bound_is_the_walks(depth: int) -> None:
    _same("[" * depth + "]" * depth)
    _same('{"a": ' * depth + "1" + "}" * depth)


def test_locations_are_computed_once_and_only_when_asked() -> None:
    calls = []

    def later() -> dict[str, Location]:
        calls.append(1)
        return {}

    source_map = SourceMap(later=later)
    assert calls == []
    assert source_map.get("") is None and source_map.locate("/a") is None
    assert calls == [1]
