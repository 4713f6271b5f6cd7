"""The fast drift check: generated/'s record against the inputs, and `--full` agreeing with it.

The CLI runs in this process (`invoke`), except where the generator or a template of the
copy is edited (only a process importing the copy sees that) and where a fresh
interpreter's imports are the point.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from project_copy import Project

RECORD = "generated/clientgen-record.json"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.copy_of_repo(tmp_path)


def _edit(project: Project, path: str, old: str, new: str) -> None:
    target = project.root / path
    text = target.read_text(encoding="utf-8")
    assert text.count(old) >= 1, (path, old)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "cause"),
    [
        (
            ("specs/retell/openapi.yaml", "Import a phone number", "Import one phone number"),
            "input changed: specs/retell/openapi.yaml",
        ),
        (
            ("templates/models.py.jinja", "__all__ = [", "__all__: list[str] = ["),
            "template changed: templates/models.py.jinja",
        ),
        (
            ("generator/naming.py", "def split_words(", "# A comment.\ndef split_words("),
            "generator file changed: generator/naming.py",
        ),
        (
            ("generated/voice_clients/retell/models.py", '"""', '"""Edited by hand. '),
            "changed: generated/voice_clients/retell/models.py",
        ),
    ],
    ids=["spec", "template", "generator", "hand-edit"],
)
def test_each_kind_of_drift_is_named_and_full_finds_it_too(
    tmp_path: Path, edit: tuple[str, str, str], cause: str
) -> None:
    # An edited generator or template reaches only a process importing the copy.
    in_process = not edit[0].startswith(("generator/", "templates/"))
    project = Project.copy_of_repo(tmp_path, with_code=not in_process)
    run = project.invoke if in_process else project.run
    _edit(project, *edit)

    fast = run("check")
    assert fast.returncode == 1, fast.stdout
    causes = [line.strip() for line in fast.stderr.splitlines() if line.startswith("  ")]
    assert causes == [cause] or causes == [f"{cause} (edited by hand?)"], fast.stderr
    assert "Traceback" not in fast.stderr

    full = run("check", "--full")
    assert full.returncode == 1, full.stdout
    assert "has drifted" in full.stderr

    if edit[0].startswith("generated/"):
        assert f"changed: {edit[0]}" in full.stderr
        return
    # Regenerating settles it: the record follows the inputs, even when the output
    # itself is unchanged (a comment in the generator).
    before = project.snapshot()
    regenerate = run("generate")
    assert regenerate.returncode == 0, regenerate.stderr
    changed = {p for p, c in project.snapshot().items() if before.get(p) != c}
    if edit[0].startswith("generator/"):
        assert changed == {"clientgen-record.json"}
    else:
        assert "clientgen-record.json" in changed and len(changed) > 1
    assert run("check").returncode == 0
    assert run("check", "--full").returncode == 0


def test_a_missing_or_damaged_record_fails_the_fast_check(project: Project) -> None:
    record = project.root / RECORD
    record.write_text("{not json", encoding="utf-8")
    result = project.invoke("check")
    assert result.returncode == 1
    assert f"{RECORD} is missing or unreadable" in result.stderr
    record.unlink()
    assert project.invoke("check").returncode == 1


def test_an_other_tool_version_is_named(project: Project) -> None:
    record = project.root / RECORD
    content = json.loads(record.read_text(encoding="utf-8"))
    installed = content["made_from"]["tools"]["black"]
    content["made_from"]["tools"]["black"] = "0.0.1"
    record.write_text(json.dumps(content), encoding="utf-8")
    result = project.invoke("check")
    assert result.returncode == 1
    assert f"tool: black {installed} is installed, generated was made with 0.0.1" in result.stderr


def test_added_and_removed_files_are_named(project: Project) -> None:
    (project.root / "generated/voice_clients/stray.py").write_text("x = 1\n", encoding="utf-8")
    (project.root / "generated/voice_clients/polyai/api.md").unlink()
    (project.root / "specs/polyai/notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = project.invoke("check")
    assert result.returncode == 1
    lines = {line.strip() for line in result.stderr.splitlines()}
    assert "extra: generated/voice_clients/stray.py" in lines
    assert "missing: generated/voice_clients/polyai/api.md" in lines
    assert "input added: specs/polyai/notes.yaml" in lines


def test_the_project_is_found_from_a_subfolder_or_given_by_root(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    inside = project.root / "specs" / "polyai"
    result = project.invoke("check", cwd=inside)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout

    elsewhere = tmp_path_factory.mktemp("elsewhere")
    lost = project.invoke("check", cwd=elsewhere)
    assert lost.returncode == 1
    assert "no pyproject.toml with a [tool.clientgen] table" in lost.stderr
    given = project.invoke("--root", str(project.root), "check", cwd=elsewhere)
    assert given.returncode == 0, given.stderr


def test_ad_hoc_check_of_one_spec(project: Project) -> None:
    spec, out = "specs/retell/openapi.yaml", str(project.root / "adhoc")
    made = project.invoke("generate", "--spec", spec, "--out", out, "--package", "retell_client")
    assert made.returncode == 0, made.stderr
    args = ("--spec", spec, "--out", out, "--package", "retell_client")
    assert project.invoke("check", *args).returncode == 0
    assert project.invoke("check", *args, "--full").returncode == 0
    again = project.invoke("generate", *args)
    assert again.returncode == 0 and "up to date" in again.stdout

    other = project.invoke("check", "--spec", spec, "--out", out, "--package", "other")
    assert other.returncode == 1
    assert "setting changed: package" in other.stderr

    _edit(project, spec, "Import a phone number", "Import one phone number")
    fast = project.invoke("check", *args)
    assert fast.returncode == 1
    assert "input changed: openapi.yaml" in fast.stderr
    full = project.invoke("check", *args, "--full")
    assert full.returncode == 1
    assert f"changed: {out}/retell_client/resources/phone_number.py" in full.stderr


def test_the_fast_check_imports_no_generation_stage(tmp_path: Path) -> None:
    project = Project.copy_of_repo(tmp_path, with_code=True)
    probe = (
        "import sys; sys.argv = ['clientgen', 'check'];"
        # `main`, not the console script, which ends the process without returning here.
        "\ntry:\n    from generator.cli import main\n    main()"
        "\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code"
        "\nheavy = sorted(m for m in ('black', 'jinja2', 'openapi_spec_validator', 'yaml')"
        " if m in sys.modules)\nprint(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=project.root,
        env={"PYTHONPATH": str(project.root), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
