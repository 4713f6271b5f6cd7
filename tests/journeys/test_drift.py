"""Drift in CI: a spec edited without regenerating fails the check, naming the file, and
`make regenerate` settles it; on an untouched copy, `make regenerate` has nothing to do.
(`make drift`, with its full check, is run on a fresh clone by `make journeys`.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from user_shell import Shell, ok

RETELL = "specs/retell/openapi.yaml"


@pytest.fixture
def shell(tmp_path: Path) -> Shell:
    return Shell.copy_of_project(tmp_path / "project")


def test_regenerate_on_an_untouched_copy_changes_nothing(shell: Shell) -> None:
    before = shell.snapshot()
    done = ok(shell.make("regenerate"))
    assert "generated: up to date" in done.stdout
    assert shell.snapshot() == before
    ok(shell.clientgen("check"))


def test_an_edited_spec_fails_the_check_by_name_until_regenerated(shell: Shell) -> None:
    shell.edit(RETELL, "custom telephony & Bind agents", "your own telephony and bind agents")
    before = shell.snapshot()

    drift = shell.clientgen("check")
    assert drift.returncode == 1
    assert drift.stderr.startswith("generated has drifted from specs and templates;")
    assert f"  input changed: {RETELL}\n" in drift.stderr
    assert "run `make regenerate`" in drift.stderr
    assert shell.snapshot() == before

    ok(shell.make("regenerate"))
    assert "up to date" in ok(shell.clientgen("check")).stdout
