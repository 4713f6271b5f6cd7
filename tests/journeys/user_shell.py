"""A user's shell in a throwaway copy of the project: the installed `clientgen`, `make`, git.

Every step is a subprocess, typed as a user would type it. The fast journeys reuse the
project's `.venv` (the one running the tests): `make` is given it as `VENV=` and told its
install stamps are up to date (`-o`), so no journey ever reinstalls into it; the fresh
clone journeys (`make journeys`) bootstrap a `.venv` of their own instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
CLIENTGEN = VENV / "bin" / "clientgen"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache")
# What a located message starts with: `error: path:line:col: ...`.
LOCATED = re.compile(r"^error: [^\s:]+:\d+:\d+: ", re.MULTILINE)


@dataclass
class Shell:
    """A project folder and the commands a user runs in it."""

    root: Path
    venv: Path = VENV

    @classmethod
    def copy_of_project(cls, target: Path) -> Shell:
        """The repository's working files: what `make regenerate` and `clientgen` read."""
        for name in ("generator", "templates", "specs", "generated", "requirements"):
            shutil.copytree(ROOT / name, target / name, ignore=_IGNORE)
        for name in ("pyproject.toml", "Makefile"):
            shutil.copy(ROOT / name, target / name)
        return cls(target)

    @classmethod
    def small_project(cls, target: Path, *apis: str) -> Shell:
        """A project of its own: a pyproject.toml, some of our specs, the Makefile."""
        target.mkdir(parents=True, exist_ok=True)
        (target / "pyproject.toml").write_text(
            '[tool.clientgen]\ndistribution = "voice-clients"\npackage = "voice_clients"\n'
            'version = "0.1.0"\nspecs = "specs"\noutput = "generated"\n',
            encoding="utf-8",
        )
        for api in apis:
            shutil.copytree(ROOT / "specs" / api, target / "specs" / api)
        shutil.copy(ROOT / "Makefile", target / "Makefile")
        return cls(target)

    def run(
        self, *argv: str | Path, timeout: float = 300, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(arg) for arg in argv],
            cwd=self.root,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )

    def clientgen(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.venv / "bin" / "clientgen", *args)

    def make(self, *targets: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """`make TARGET`; with a shared .venv, its stamps are taken as up to date."""
        options: list[str] = []
        if self.venv != self.root / ".venv":
            options = [f"VENV={self.venv}", "-o", f"{self.venv}/.installed"]
            options += ["-o", f"{self.venv}/.installed-generated"]
        return self.run("make", "--no-print-directory", *options, *targets, timeout=timeout)

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run("git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", *args)
        assert done.returncode == 0, done.stderr
        return done

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.root / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        file.write_text(text.replace(old, new), encoding="utf-8")

    def snapshot(self, folder: str = "generated") -> dict[str, bytes]:
        base = self.root / folder
        return {
            p.relative_to(base).as_posix(): p.read_bytes()
            for p in sorted(base.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """`done`, asserted to have succeeded (its output shown if not)."""
    assert done.returncode == 0, done.stdout + done.stderr
    return done
