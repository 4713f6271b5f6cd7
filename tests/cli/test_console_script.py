"""The console script (`generator.cli.run`) ends the process without tearing it down:
what the command printed still arrives, piped, and its exit status is the command's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_command_that_succeeds_prints_and_exits_zero() -> None:
    done = _script("check")
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout


def test_a_usage_mistake_prints_and_exits_two() -> None:
    done = _script("no-such-command")
    assert done.returncode == 2
    assert "No such command 'no-such-command'" in done.stderr
    assert done.stdout == ""
