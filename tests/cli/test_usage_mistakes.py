"""A user's mistakes on the command line get click's usage error, never "internal error"."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["bundle", "nonexist"], "unknown API 'nonexist'; one of: cartesia, polyai, retell"),
        (["validate", "nonexist"], "unknown API(s): nonexist"),
        (["generate", "--package", "foo"], "--package and --settings go with --spec"),
        (["generate", "--spec", "x.yaml"], "--spec needs --out"),
        (["generate", "--spec", "x.yaml", "--out", "o"], "--spec x.yaml: no such file"),
        (["check", "--spec", "x.yaml", "--out", "o"], "--spec x.yaml: no such file"),
        (["validate", "--spec", "x.yaml"], "--spec x.yaml: no such file"),
        (["validate", "--spec", "specs"], "--spec specs: not a file"),
        (
            ["generate", "--spec", "x.yaml", "--out", "README.md"],
            "Invalid value for '--out': Directory 'README.md' is a file.",
        ),
        (
            ["check", "--out", "README.md"],
            "Invalid value for '--out': Directory 'README.md' is a file.",
        ),
    ],
)
def test_a_usage_mistake_is_a_usage_error(arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(ROOT), *arguments])
    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert f"Error: {message}" in result.output
    assert f"Usage: main {arguments[0]}" in result.output


def test_version_is_the_installed_distributions() -> None:
    result = CliRunner().invoke(main, ["--version"], prog_name="clientgen")
    assert result.exit_code == 0
    assert result.output == f"clientgen, version {version('clientgen')}\n"


def test_a_symlinked_spec_in_another_folder_generates_and_checks(tmp_path: Path) -> None:
    real = tmp_path / "vendor" / "widgets.yaml"
    real.parent.mkdir()
    real.write_bytes(WIDGETS.read_bytes())
    work = tmp_path / "work"
    work.mkdir()
    (work / "link.yaml").symlink_to(Path("..") / "vendor" / "widgets.yaml")
    out = work / "out"
    runner = CliRunner()
    spec = ["--spec", str(work / "link.yaml"), "--out", str(out)]
    generated = runner.invoke(main, ["generate", *spec])
    assert generated.exit_code == 0, generated.output
    assert (out / "link" / "_client.py").is_file()
    checked = runner.invoke(main, ["check", *spec])
    assert checked.exit_code == 0, checked.output
    assert "up to date" in checked.output
    real.write_bytes(WIDGETS.read_bytes().replace(b"Widgets", b"Gadgets", 1))
    drifted = runner.invoke(main, ["check", *spec])
    assert drifted.exit_code == 1
    assert "input changed: widgets.yaml" in drifted.output
