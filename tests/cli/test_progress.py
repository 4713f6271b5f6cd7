"""Progress lines on stderr: shown on a terminal, never with --quiet or into a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from support.terminal import read_until_closed

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"


def _generate(out: Path, *options: str, terminal: bool) -> tuple[str, str]:
    """stdout and stderr of an ad-hoc generate, stderr on a pseudo-terminal if asked."""
    command = [sys.executable, "-m", "generator", "generate", "--no-cache", *options]
    command += ["--spec", str(WIDGETS), "--out", str(out)]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        return done.stdout, done.stderr
    main, secondary = pty.openpty()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=secondary, text=True, cwd=ROOT
    ) as process:
        os.close(secondary)
        written = read_until_closed(main)
        stdout = process.stdout.read() if process.stdout else ""
    os.close(main)
    assert process.returncode == 0
    return stdout, written.decode()


def test_a_terminal_sees_each_stage_and_the_formatting_count(tmp_path: Path) -> None:
    stdout, stderr = _generate(tmp_path / "out", terminal=True)
    assert f"reading and validating {WIDGETS}" in stderr
    assert "rendering 2 operations" in stderr
    assert "formatting 7 modules (0 cached)" in stderr
    assert "formatted: 7/7" in stderr
    assert "generated widgets_3_1 into" in stdout


def test_quiet_and_pipes_get_no_progress(tmp_path: Path) -> None:
    assert _generate(tmp_path / "a", "--quiet", terminal=True)[1] == ""
    assert _generate(tmp_path / "b", terminal=False)[1] == ""
