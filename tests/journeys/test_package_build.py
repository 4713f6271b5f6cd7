"""`pip install ./generated` as a user runs it: the source folder is left as it was, and a
build after an API was removed does not ship the removed API from an earlier build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_wheel(source: Path, dist: Path) -> set[str]:
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(dist), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    wheel.unlink()
    return names


def test_building_leaves_the_source_untouched_and_ships_no_stale_module(tmp_path: Path) -> None:
    source = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", source, ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(p.relative_to(source) for p in source.rglob("*"))
    names = _build_wheel(source, tmp_path / "dist")
    assert sorted(p.relative_to(source) for p in source.rglob("*")) == before
    assert "voice_clients/retell/resources/phone_number.py" in names
    assert "voice_clients/retell/api.md" in names
    assert "voice_clients/py.typed" in names

    shutil.rmtree(source / "voice_clients" / "retell")
    names = _build_wheel(source, tmp_path / "dist")
    assert not [name for name in names if name.startswith("voice_clients/retell/")]
    assert "voice_clients/polyai/resources/phone_numbers.py" in names
