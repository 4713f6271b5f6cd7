"""Golden records: small specs, one per feature area → a committed, reviewed tree, compared
file by file.

Set CLIENTGEN_UPDATE_GOLDEN=1 to rewrite the expected trees after a deliberate change,
then review their diff like any other code (test_golden_shapes.py states, per area, what
the trees must hold whatever the generator does).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from golden_areas import AREAS, EXPECTED, SPECS, build, generated_code

from generator.pipeline import build_single
from generator.write.tree import compare, write_tree

ROOT = Path(__file__).resolve().parents[2]
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"


def _without_digest(files: dict[str, bytes]) -> dict[str, bytes]:
    """The tree with the spec digest blanked out (the 3.0 and 3.1 documents differ there)."""
    return {path: re.sub(rb"\b[0-9a-f]{64}\b", b"<sha256>", c) for path, c in files.items()}


@pytest.mark.parametrize("area", AREAS)
def test_area_matches_its_golden_tree(area: str) -> None:
    files = generated_code(build(area))
    if os.environ.get("CLIENTGEN_UPDATE_GOLDEN"):
        write_tree(files, EXPECTED / area)
    drift = compare(files, EXPECTED / area)
    assert not drift, f"golden tree of {area} differs:\n{drift.diff[:4000]}"


def test_every_spec_has_an_area_and_every_expected_tree_a_spec() -> None:
    """A spec or tree left out of AREAS would silently never be compared."""
    specs = {path.name for path in SPECS.glob("*.yaml")} - {"widgets-3.1.yaml"}
    assert specs == set(AREAS.values())
    assert {path.name for path in EXPECTED.iterdir() if path.is_dir()} == set(AREAS)


def test_openapi_30_and_31_forms_give_the_same_tree() -> None:
    v31 = build_single(SPECS / "widgets-3.1.yaml", "widgets")
    assert _without_digest(build("widgets")) == _without_digest(v31)


@pytest.mark.slow
def test_golden_trees_pass_mypy_strict(tmp_path: Path) -> None:
    """Every area's package, runtime included, in one mypy run: one process for all."""
    for area in AREAS:
        write_tree(build(area), tmp_path / area)
    packages = [f"{area}/{area}" for area in AREAS]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_golden_trees_pass_pyright_strict(tmp_path: Path) -> None:
    """What users' editors run, as `make types` runs it on generated/: each area's folder is
    a root of its own, so that `import widgets` finds the package and not the folder."""
    for area in AREAS:
        write_tree(build(area), tmp_path / area)
    config = json.loads((ROOT / "tests" / "pyright-strict.json").read_text(encoding="utf-8"))
    config["executionEnvironments"] = [{"root": area} for area in AREAS]
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson"]
        + [f"{area}/{area}" for area in AREAS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
    assert report["summary"]["filesAnalyzed"] > len(AREAS), report["summary"]
    assert not errors, "\n".join(errors)
