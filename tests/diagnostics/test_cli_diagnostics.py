"""What `clientgen generate --spec FILE --out DIR` prints for each broken validation fixture.

Each fixture's exit code, stdout and stderr are compared with a committed snapshot
(snapshots/<fixture>.txt), the fixture folder written `<fixtures>` and the output folder
`<out>`. Set CLIENTGEN_UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change, then
review their diff: every message must name the file, the line and column, and the JSON
pointer of what is wrong, which the tests below check against the fixture itself.

The CLI runs in-process (click's runner) to stay fast; one run goes through the installed
`clientgen` command, to prove the real entry point prints the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

FIXTURES = Path("tests/validate/fixtures")  # relative to the repository root, as displayed
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
# Fixtures that are valid specs (kept there for the validator's speed test).
VALID = {"cyclic_refs.yaml"}
BROKEN = sorted(p.name for p in FIXTURES.glob("*.yaml") if p.name not in VALID)

_ERROR = re.compile(r"^error: <fixtures>/(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")


def _normalised(text: str, out: Path) -> str:
    for folder, placeholder in ((out, "<out>"), (FIXTURES, "<fixtures>")):
        text = text.replace(str(folder.absolute()), placeholder).replace(str(folder), placeholder)
    return text


def _transcript(exit_code: int, stdout: str, stderr: str, out: Path) -> str:
    return (
        f"exit code: {exit_code}\n"
        f"--- stdout\n{_normalised(stdout, out)}"
        f"--- stderr\n{_normalised(stderr, out)}"
    )


def _snapshot(name: str) -> Path:
    return SNAPSHOTS / f"{Path(name).stem}.txt"


def _output_folder(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding one file of its own, and its contents to compare later."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_bytes(b"written before the run\n")
    return out, _contents(out)


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")}


def _generate(name: str, out: Path) -> str:
    arguments = ["generate", "--spec", str(FIXTURES / name), "--out", str(out), "--no-cache"]
    result = CliRunner().invoke(main, arguments)
    assert isinstance(result.exception, SystemExit), result.exception  # not a crash
    return _transcript(result.exit_code, result.stdout, result.stderr, out)


@pytest.mark.parametrize("name", BROKEN)
def test_broken_fixture_matches_its_snapshot(name: str, tmp_path: Path) -> None:
    out, before = _output_folder(tmp_path)
    transcript = _generate(name, out)
    if os.environ.get("CLIENTGEN_UPDATE_SNAPSHOTS"):
        _snapshot(name).write_text(transcript, encoding="utf-8")
    assert transcript == _snapshot(name).read_text(encoding="utf-8")
    assert "Traceback" not in transcript
    assert _contents(out) == before  # nothing written, nothing removed


def test_every_snapshot_has_its_broken_fixture() -> None:
    """A snapshot left behind by a renamed fixture would never be compared again."""
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.txt")) == [Path(n).stem for n in BROKEN]


@pytest.mark.parametrize("name", BROKEN)
def test_snapshot_lines_name_file_line_and_pointer(name: str) -> None:
    """Each message is located where the fixture writes what its JSON pointer names."""
    exit_code, stdout, stderr = _snapshot(name).read_text(encoding="utf-8").split("\n", 2)
    assert exit_code == "exit code: 1"
    assert stdout == "--- stdout"  # nothing on stdout
    lines = stderr.removeprefix("--- stderr\n").splitlines()
    assert lines
    fixture = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    for line in lines:
        found = _ERROR.match(line)
        assert found, line
        assert found["file"] == name
        pointer, message = found["rest"].split(": ", 1)
        assert pointer.startswith("/") and message, line
        key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        written = fixture[int(found["line"]) - 1][int(found["col"]) - 1 :]
        assert written.startswith((key, f"'{key}'", f"- {key}")), (line, written)


def test_the_installed_command_prints_the_same(tmp_path: Path) -> None:
    name = "semantic_errors.yaml"
    out, before = _output_folder(tmp_path)
    command = Path(sys.executable).with_name("clientgen")
    done = subprocess.run(
        [str(command), "generate", "--spec", str(FIXTURES / name), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "CLIENTGEN_CACHE_DIR": str(tmp_path / "cache")},
    )
    transcript = _transcript(done.returncode, done.stdout, done.stderr, out)
    assert transcript == _snapshot(name).read_text(encoding="utf-8")
    assert _contents(out) == before


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_fixtures_left_out_are_valid(name: str) -> None:
    """So that no broken fixture goes without a snapshot by being listed as valid."""
    result = CliRunner().invoke(main, ["validate", "--spec", str(FIXTURES / name)])
    assert (result.exit_code, result.stdout) == (0, f"{FIXTURES / name}: valid\n")
