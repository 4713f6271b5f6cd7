"""A breaking edit reviewed twice, in a git project of its own, through `make regenerate` and
the installed `clientgen generate --fail-on-breaking`: the gate judges against the
committed surface however often it runs, and passes once the change is committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from user_shell import Shell, ok

# Five generates (about 20 s); tests/changes/test_changes_cli.py is its fast unit version.
pytestmark = pytest.mark.journey

READS = "specs/polyai/reference-page-operations.yaml"
CONNECTOR = "          required: false\n          description: Filter by connector ID\n"
PAGE_SIZE = (
    "          description: Filter by connector ID\n"
    "          schema:\n            type: string\n"
    "        - name: pageSize\n          in: query\n          required: false\n"
    "          description: Page size\n"
)
NOW_REQUIRED = "`PolyAI.phone_numbers.list(connector_id=...)`: now required"
NEW_OPTIONAL = "`PolyAI.phone_numbers.list(page_size=...)`: new and optional"


def test_a_breaking_change_fails_the_gate_until_it_is_committed(tmp_path: Path) -> None:
    shell = Shell.small_project(tmp_path / "project", "polyai")
    first = ok(shell.make("regenerate"))
    assert "What changed for callers" not in first.stdout
    shell.git("init", "-q")
    shell.git("add", "-A")
    shell.git("commit", "-q", "-m", "PolyAI client")

    shell.edit(READS, CONNECTOR, CONNECTOR.replace("false", "true"))
    breaking = ok(shell.make("regenerate"))
    assert "1 breaking, 0 compatible" in breaking.stdout
    assert NOW_REQUIRED in breaking.stdout

    shell.edit(READS, "          description: Filter by connector ID\n", PAGE_SIZE)
    gate = shell.clientgen("generate", "--fail-on-breaking")
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert "1 breaking, 1 compatible" in gate.stdout
    assert NOW_REQUIRED in gate.stdout and NEW_OPTIONAL in gate.stdout
    assert "error: breaking changes for callers (--fail-on-breaking)" in gate.stderr
    changes = (shell.root / "generated" / "CHANGES.md").read_text(encoding="utf-8")
    assert NOW_REQUIRED in changes and NEW_OPTIONAL in changes

    again = shell.clientgen("generate", "--fail-on-breaking")
    assert again.returncode == 1, again.stdout + again.stderr
    assert again.stdout.startswith("generated: up to date")
    assert NOW_REQUIRED in again.stdout
    ok(shell.clientgen("check"))

    shell.git("add", "-A")
    shell.git("commit", "-q", "-m", "connector_id required; page_size")
    passed = ok(shell.clientgen("generate", "--fail-on-breaking"))
    assert "What changed for callers" not in passed.stdout
    assert shell.git("status", "--porcelain").stdout == ""
