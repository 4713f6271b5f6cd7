"""A throwaway copy of the project (generator, templates, specs, generated) to run the CLI in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache")


@dataclass
class Project:
    root: Path

    @classmethod
    def copy_of_repo(cls, target: Path) -> Project:
        for name in ("generator", "templates", "specs", "generated"):
            shutil.copytree(ROOT / name, target / name, ignore=_IGNORE)
        shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
        return cls(target)

    def run(
        self, *args: str, seed: str = "0", cwd: Path | None = None, **env_vars: str
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(self.root), "PYTHONHASHSEED": seed, **env_vars}
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd or self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    def snapshot(self, folder: str = "generated") -> dict[str, bytes]:
        base = self.root / folder
        return {
            p.relative_to(base).as_posix(): p.read_bytes()
            for p in sorted(base.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }
