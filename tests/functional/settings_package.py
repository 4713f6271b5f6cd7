"""Generate a package from an inline spec plus an api.toml, as a specs/ folder would."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generated_package import importable
from support.generator_cache import run_cache

from generator.load import load_api_folder
from generator.parse.api import build_api
from generator.render.formatting import format_files
from generator.render.renderer import Distribution, render_distribution
from generator.settings import load_api_settings
from generator.validate import validate_spec
from generator.write.tree import write_tree


def build_folder(spec: dict[str, Any], settings: str, folder: Path) -> dict[str, bytes]:
    """The flat distribution for `spec` with `settings` as its api.toml (raises GeneratorError)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "openapi.json").write_text(json.dumps(spec))
    (folder / "api.toml").write_text(settings)
    loaded = load_api_folder(folder)
    validate_spec(loaded, run_cache())
    api_settings = load_api_settings(folder, "api.toml")
    api = build_api(loaded, api_settings)
    dist = Distribution(api.package, api.package, "0.1.0", (api,), flat=True)
    return format_files(render_distribution(dist), run_cache())


def write_package(
    spec: dict[str, Any], settings: str, tmp_path: Path, *, mypy: bool = False
) -> tuple[Path, str]:
    """The folder the package is written to, and its name (`package` in `settings`).

    With `mypy`, the package must also pass `mypy --strict`.
    """
    files = build_folder(spec, settings, tmp_path / "spec")
    out = tmp_path / "out"
    write_tree(files, out)
    package = next(path.split("/")[0] for path in files if path.endswith("/_client.py"))
    if mypy:
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", package],
            cwd=out,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return out, package


@contextmanager
def generated_with(
    spec: dict[str, Any], settings: str, tmp_path: Path, *, mypy: bool = False
) -> Iterator[ModuleType]:
    """The generated package (named by `package` in `settings`), importable in the block.

    With `mypy`, the package must also pass `mypy --strict`.
    """
    out, package = write_package(spec, settings, tmp_path, mypy=mypy)
    with importable(out, package) as module:
        yield module
