"""The generator as an installed tool: a wheel carries its templates and runtime, and works
from a fresh virtualenv outside the repository; the exact pins agree everywhere."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PINNED = ("black", "jinja2", "openapi-spec-validator")


def _dev_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8").splitlines():
        name, _, version = line.partition("==")
        pins[re.sub(r"[-_.]+", "-", name.strip().lower())] = version.strip()
    return pins


def test_the_tools_that_decide_the_output_are_pinned_exactly_and_alike() -> None:
    declared = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        name, _, version = requirement.partition("==")
        declared[name.lower()] = version
    dev = _dev_pins()
    for name in PINNED:
        assert declared.get(name), f"pyproject.toml must pin {name} with ==, not a range"
        assert declared[name] == dev[name], (
            f"{name} is pinned to {declared[name]} in pyproject.toml but {dev[name]} in "
            "requirements/dev.txt"
        )


def test_the_installed_tools_are_those_generated_was_made_with() -> None:
    record = json.loads((ROOT / "generated" / "clientgen-record.json").read_text("utf-8"))
    recorded = record["made_from"]["tools"]
    for name in PINNED:
        installed = metadata.version(name)
        assert installed == recorded[name], (
            f"{name} {installed} is installed, but generated/ was made with {recorded[name]}: "
            "the output's bytes depend on it; reinstall from requirements/dev.txt (make clean "
            "test) or regenerate deliberately after changing the pins"
        )


def test_every_subpackage_of_the_generator_is_packaged() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.relative_to(ROOT).parts)
        for p in (ROOT / "generator").rglob("*")
        if p.is_dir() and p.name != "__pycache__" and any(p.glob("*.py"))
    }
    missing = ({"generator"} | found) - listed
    assert not missing, f"add {sorted(missing)} to [tool.setuptools] packages in pyproject.toml"


@pytest.mark.slow
def test_a_wheel_installed_outside_the_repository_generates_a_working_client(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source / "pyproject.toml")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["CLIENTGEN_CACHE_DIR"] = str(tmp_path / "cache")

    def run(*argv: str | Path, cwd: Path = tmp_path) -> str:
        result = subprocess.run(
            [str(a) for a in argv],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert result.returncode == 0, f"{argv}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    pip = ("-m", "pip", "--disable-pip-version-check", "--quiet")
    run(sys.executable, *pip, "wheel", "--no-deps", "--no-build-isolation", "-w", "dist", source)
    (wheel,) = (tmp_path / "dist").glob("clientgen-*.whl")
    run(sys.executable, "-m", "venv", "venv")
    python = tmp_path / "venv" / "bin" / "python"
    constraints = ROOT / "requirements" / "dev.txt"
    run(python, *pip, "install", "-c", constraints, wheel, "httpx", "msgspec")

    spec = tmp_path / "spec" / "widgets.yaml"
    spec.parent.mkdir()
    shutil.copy(ROOT / "tests" / "golden" / "specs" / "widgets-3.0.yaml", spec)
    clientgen = tmp_path / "venv" / "bin" / "clientgen"
    out = tmp_path / "out"
    run(clientgen, "generate", "--spec", spec, "--out", out, "--package", "widgets")
    run(clientgen, "check", "--spec", spec, "--out", out, "--package", "widgets", "--full")
    probe = "import widgets, widgets.models; print(widgets.Widgets.__name__)"
    assert run(python, "-c", probe, cwd=out).strip() == "Widgets"
    # The installed generator is not the repository's.
    where = run(python, "-c", "import generator; print(generator.__file__)")
    assert str(tmp_path / "venv") in where
