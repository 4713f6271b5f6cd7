"""A fresh clone of the committed HEAD, as README's "The two commands" promise: `make
regenerate` bootstraps its own .venv from requirements/dev.txt (from the package registry:
a minute or more, hence `make journeys` only) and finds nothing to regenerate; then the
drift check in CI, and the generator installed as a tool with `pip install .`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from user_shell import ROOT, Shell, ok

pytestmark = pytest.mark.journey

WIDGETS = "tests/golden/specs/widgets-3.1.yaml"
RETELL = "specs/retell/openapi.yaml"
USER_SCRIPT = """\
from voice_clients.retell import Retell

client = Retell(api_key="key", base_url="http://127.0.0.1:9")
print(type(client.phone_number).__name__)
"""


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Shell:
    """The clone, after its first `make regenerate`, which is checked here."""
    target = tmp_path_factory.mktemp("clone") / "clientgen"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target)],
        check=True,
        capture_output=True,
    )
    shell = Shell(target, venv=target / ".venv")
    before = shell.snapshot()
    regenerated = shell.make("regenerate", timeout=1200)
    assert regenerated.returncode == 0, regenerated.stdout + regenerated.stderr
    assert "generated: up to date" in regenerated.stdout
    assert shell.snapshot() == before
    return shell


def test_the_first_regenerate_bootstraps_and_leaves_the_clone_clean(clone: Shell) -> None:
    assert clone.git("status", "--porcelain").stdout == ""
    assert (clone.root / ".venv" / ".installed-generated").is_file()
    assert "up to date" in ok(clone.clientgen("check")).stdout
    (clone.root.parent / "app.py").write_text(USER_SCRIPT, encoding="utf-8")
    used = clone.run(clone.venv / "bin" / "python", clone.root.parent / "app.py")
    assert used.stdout == "PhoneNumber\n", used.stderr
    again = ok(clone.make("regenerate"))
    assert again.stdout.splitlines()[-1].startswith("generated: up to date")


def test_ci_fails_on_a_spec_edited_without_regenerating(clone: Shell) -> None:
    clone.edit(RETELL, "custom telephony & Bind agents", "your own telephony and bind agents")
    try:
        failed = clone.make("drift")
        assert failed.returncode != 0
        assert f"input changed: {RETELL}" in failed.stderr
        ok(clone.make("regenerate"))
        ok(clone.make("drift"))
    finally:
        clone.run("git", "checkout", "--", RETELL)
        ok(clone.make("regenerate"))
    assert clone.git("status", "--porcelain").stdout == ""


def test_the_generator_installed_as_a_tool_works_anywhere(clone: Shell, tmp_path: Path) -> None:
    tool = tmp_path / "tool"
    ok(clone.run(sys.executable, "-m", "venv", tool))
    pip = [tool / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--quiet"]
    ok(clone.run(*pip, "install", clone.root, timeout=1200))
    elsewhere = Shell(tmp_path, venv=tool)
    assert ok(elsewhere.clientgen("--version")).stdout == "clientgen, version 0.1.0\n"
    made = ok(elsewhere.clientgen("generate", "--spec", clone.root / WIDGETS, "--out", "out"))
    assert "generated widgets_3_1 into out" in made.stdout
    assert (tmp_path / "out" / "widgets_3_1" / "_client.py").is_file()
    ok(elsewhere.clientgen("check", "--spec", clone.root / WIDGETS, "--out", "out"))
    assert clone.git("status", "--porcelain").stdout == ""
