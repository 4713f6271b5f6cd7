"""Every command resolves the project and its APIs alike (generator/targets.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose one API has an api.toml with a typo, the current folder above it."""
    root = tmp_path / "project"
    (root / "specs" / "widgets").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.clientgen]\ndistribution = "d"\npackage = "d"\nversion = "0.1.0"\n'
        'specs = "specs"\noutput = "out"\n',
        encoding="utf-8",
    )
    shutil.copy(WIDGETS, root / "specs" / "widgets" / "openapi.yaml")
    (root / "specs" / "widgets" / "api.toml").write_text(
        'client_class = "Widgets"\nclient_clas = "Typo"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return root


@pytest.mark.parametrize("command", [["validate"], ["validate", "widgets"], ["generate"]])
def test_each_command_names_an_api_toml_alike_whatever_the_root_is_given_as(
    project: Path, command: list[str]
) -> None:
    expected = "error: project/specs/widgets/api.toml:2:1: unknown setting 'client_clas'"
    for root in (str(project), "project"):
        result = CliRunner().invoke(main, ["--root", root, *command])
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines() == [expected]
    assert not (project / "out").exists()
