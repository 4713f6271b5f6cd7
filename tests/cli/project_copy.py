"""A throwaway copy of the project to run the CLI in: in this process, or as a real one.

`invoke` runs the command line in this process (click's `CliRunner`), with the copy as the
current folder: the generator and templates under test are this checkout's, so the copy
holds only what a project owns (specs, generated, pyproject.toml). `run` starts a real
`python -m generator` on a copy made `with_code=True`, whose own generator and templates
it imports: for what needs a process of its own (a hash seed, an edited generator or
template, a fresh interpreter's imports) and for one end-to-end test of each command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache")


@dataclass(frozen=True)
class Ran:
    """What a command did, alike for both ways of running it."""

    returncode: int
    stdout: str
    stderr: str


@dataclass
class Project:
    root: Path

    @classmethod
    def copy_of_repo(cls, target: Path, with_code: bool = False) -> Project:
        for name in ("specs", "generated", *(("generator", "templates") if with_code else ())):
            shutil.copytree(ROOT / name, target / name, ignore=_IGNORE)
        shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
        return cls(target)

    def invoke(self, *args: str, cwd: Path | None = None, **env_vars: str) -> Ran:
        """The CLI in this process, in `cwd` (default: the copy); the folder, the
        environment and the standard streams are restored afterwards."""
        with _inside(cwd or self.root):
            result = CliRunner().invoke(main, list(args), env=env_vars, prog_name="clientgen")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # an exception the CLI let through is a failure of its own
        return Ran(result.exit_code, result.stdout, result.stderr)

    def run(self, *args: str, seed: str = "0", cwd: Path | None = None, **env_vars: str) -> Ran:
        """The CLI as a process of its own, importing the copy's generator and templates."""
        assert (self.root / "generator").is_dir(), "run() needs a copy made with_code=True"
        env = {**os.environ, "PYTHONPATH": str(self.root), "PYTHONHASHSEED": seed, **env_vars}
        done = subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd or self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        return Ran(done.returncode, done.stdout, done.stderr)

    def snapshot(self, folder: str = "generated") -> dict[str, bytes]:
        base = self.root / folder
        return {
            p.relative_to(base).as_posix(): p.read_bytes()
            for p in sorted(base.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
