"""`clientgen generate` and `check` with the report, in a small project of the PolyAI spec.

The project holds only pyproject.toml and specs/polyai; the generator and templates are
this repository's. Runs differ in PYTHONHASHSEED so the report's bytes cannot depend
on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READS = "specs/polyai/reference-page-operations.yaml"
BATCH = "  /v1/agents/{agentId}/telephony/phone-numbers/batch:\n"
AFTER_BATCH = "  /v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}:\n"
BATCH_GET_PIN = (
    '"POST /v1/agents/{agentId}/telephony/phone-numbers/batch" = "phone_numbers.batch_get"\n'
)
PYPROJECT = """[tool.clientgen]
distribution = "voice-clients"
package = "voice_clients"
version = "0.1.0"
specs = "specs"
output = "generated"
"""
BATCH_GET_REMOVED = """# What changed for callers

The last regenerate that changed the public API of the generated package: 2 breaking, 0 compatible.

## polyai (`voice_clients.polyai`): PolyAI Agents API 1.0.3

Breaking:

- `PolyAI.phone_numbers.batch_get()`: removed; calls to it fail with AttributeError
- `models.BatchGetPhoneNumbersResponse`: removed; imports of it fail
"""


@dataclass
class SmallProject:
    root: Path

    def run(self, *args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    def remove_batch_get(self, *, keep_pin: bool = False) -> None:
        """The vendor drops the operation; we drop its pin from api.toml (unless `keep_pin`)."""
        path = self.root / READS
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index(BATCH)] + text[text.index(AFTER_BATCH) :])
        if not keep_pin:
            self.replace("specs/polyai/api.toml", BATCH_GET_PIN, "")

    def replace(self, path: str, old: str, new: str) -> None:
        text = (self.root / path).read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        (self.root / path).write_text(text.replace(old, new), encoding="utf-8")

    def output(self, name: str) -> str:
        return (self.root / "generated" / name).read_text(encoding="utf-8")

    def snapshot(self) -> dict[str, bytes]:
        base = self.root / "generated"
        return {
            p.relative_to(base).as_posix(): p.read_bytes()
            for p in sorted(base.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }


@pytest.fixture
def project(tmp_path: Path) -> SmallProject:
    """Generated once: the surface manifest is there, and no report yet."""
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    shutil.copytree(ROOT / "specs" / "polyai", tmp_path / "specs" / "polyai")
    small = SmallProject(tmp_path)
    first = small.run("generate")
    assert first.returncode == 0, first.stderr
    assert "What changed for callers" not in first.stdout
    assert (tmp_path / "generated" / "surface.json").is_file()
    assert not (tmp_path / "generated" / "CHANGES.md").exists()
    return small


def test_a_pin_left_for_a_removed_operation_is_an_error_at_its_line(
    project: SmallProject,
) -> None:
    project.remove_batch_get(keep_pin=True)
    before = project.snapshot()
    failed = project.run("generate")
    assert failed.returncode == 1
    assert failed.stderr.startswith(
        "error: specs/polyai/api.toml:20:1: [operations] 'POST /v1/agents/{agentId}/telephony/"
        "phone-numbers/batch' matches no operation of the spec"
    )
    assert project.snapshot() == before


def test_check_shows_the_report_then_generate_writes_it_and_keeps_it(
    project: SmallProject,
) -> None:
    project.remove_batch_get()

    fast = project.run("check")
    assert fast.returncode == 1
    assert f"  input changed: {READS}\n" in fast.stderr

    check = project.run("check", "--full")
    assert check.returncode == 1
    report_at = check.stderr.index("What changed for callers: 2 breaking, 0 compatible")
    assert check.stderr.index("  changed: generated/surface.json") > report_at
    assert (
        "  breaking: `PolyAI.phone_numbers.batch_get()`: removed; calls to it fail with "
        "AttributeError\n" in check.stderr
    )

    generate = project.run("generate", seed="1")
    assert generate.returncode == 0, generate.stderr
    assert "polyai (voice_clients.polyai): PolyAI Agents API 1.0.3\n" in generate.stdout
    assert "(also in generated/CHANGES.md)" in generate.stdout
    assert project.output("CHANGES.md") == BATCH_GET_REMOVED

    # CHANGES.md is not part of the drift check, and survives runs that change no API.
    assert project.run("check").returncode == 0
    assert project.run("check", "--full").returncode == 0
    project.replace(READS, "summary: Get a specific phone number", "summary: Get one number")
    again = project.run("generate", seed="2")
    assert again.returncode == 0, again.stderr
    assert "changed, 0 added, 0 removed" in again.stdout  # written, with no report
    assert "What changed for callers" not in again.stdout
    assert project.output("CHANGES.md") == BATCH_GET_REMOVED
    before = project.snapshot()
    assert project.run("generate", seed="3").stdout.startswith("generated: up to date")
    assert project.snapshot() == before


def test_fail_on_breaking_writes_the_output_and_exits_non_zero(project: SmallProject) -> None:
    project.remove_batch_get()
    result = project.run("generate", "--fail-on-breaking", seed="4242")
    assert result.returncode == 1
    assert "error: breaking changes for callers (--fail-on-breaking)" in result.stderr
    assert project.output("CHANGES.md") == BATCH_GET_REMOVED
    assert project.run("check").returncode == 0


def test_fail_on_breaking_passes_compatible_changes(project: SmallProject) -> None:
    project.replace(
        READS,
        "          description: Filter by connector ID\n",
        "          description: Filter by connector ID\n"
        "          schema:\n            type: string\n"
        "        - name: pageSize\n          in: query\n          required: false\n"
        "          description: Page size\n",
    )
    result = project.run("generate", "--fail-on-breaking")
    assert result.returncode == 0, result.stderr
    assert (
        "  compatible: `PolyAI.phone_numbers.list(page_size=...)`: new and optional\n"
        in result.stdout
    )
    assert "0 breaking, 1 compatible" in project.output("CHANGES.md")


def test_fail_on_breaking_is_not_for_the_ad_hoc_mode(project: SmallProject) -> None:
    result = project.run("generate", "--spec", READS, "--out", "adhoc", "--fail-on-breaking")
    assert result.returncode == 2
    assert "--fail-on-breaking" in result.stderr


def _git(project: SmallProject, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", *args],
        cwd=project.root,
        check=True,
        capture_output=True,
    )


def test_the_gate_judges_against_the_committed_surface_however_often_it_runs(
    project: SmallProject,
) -> None:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "generated")
    connector = "          required: false\n          description: Filter by connector ID\n"
    project.replace(READS, connector, connector.replace("false", "true"))
    first = project.run("generate")
    assert first.returncode == 0, first.stderr
    assert "1 breaking, 0 compatible" in first.stdout

    project.replace(
        READS,
        "          description: Filter by connector ID\n",
        "          description: Filter by connector ID\n"
        "          schema:\n            type: string\n"
        "        - name: pageSize\n          in: query\n          required: false\n"
        "          description: Page size\n",
    )
    gate = project.run("generate", "--fail-on-breaking")
    assert gate.returncode == 1, gate.stdout
    assert "1 breaking, 1 compatible" in gate.stdout
    changes = project.output("CHANGES.md")
    assert "`PolyAI.phone_numbers.list(connector_id=...)`: now required" in changes
    assert "`PolyAI.phone_numbers.list(page_size=...)`: new and optional" in changes

    again = project.run("generate", "--fail-on-breaking")
    assert again.returncode == 1, again.stdout
    assert again.stdout.startswith("generated: up to date")
    assert "1 breaking, 1 compatible" in again.stdout

    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "reviewed")
    assert project.run("generate", "--fail-on-breaking").returncode == 0
