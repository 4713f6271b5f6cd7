"""The smaller findings of a first day with the project, each as the user met it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]

TWO_PROBLEMS = """\
openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: strin}}}}
  /b/{x}:
    get:
      responses:
        '200': {description: ok}
"""


def test_validation_reports_every_problem_of_a_spec_not_only_the_first(tmp_path: Path) -> None:
    spec = tmp_path / "two.yaml"
    spec.write_text(TWO_PROBLEMS, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--spec", str(spec)])
    assert result.exit_code == 1
    located = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(located) == 2, result.output
    assert ":7:" in located[0] and "'strin' is not one of" in located[0]
    assert ":9:" in located[1] and "Path parameter 'x'" in located[1]


def test_an_empty_api_folder_is_an_error_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clientgen]\ndistribution = "d"\npackage = "d"\nversion = "0.1.0"\n'
        'specs = "specs"\noutput = "out"\n',
        encoding="utf-8",
    )
    (tmp_path / "specs" / "empty").mkdir(parents=True)
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "generate"])
    assert result.exit_code == 1
    assert "holds no OpenAPI document" in result.output
    assert not (tmp_path / "out").exists()


def test_a_changed_generated_pyproject_reinstalls_the_package_not_the_venv() -> None:
    """`make -n` after generated/pyproject.toml changed: the package is reinstalled, the
    virtualenv is not rebuilt (that took 16 s for an added API)."""
    dry = subprocess.run(
        ["make", "-n", "-W", "generated/pyproject.toml", "regenerate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "-e ./generated" in dry
    assert "-m venv" not in dry
    assert "requirements/dev.txt" not in dry
