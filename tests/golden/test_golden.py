"""Golden records: small specs → a committed, reviewed tree, compared file by file.

Set CLIENTGEN_UPDATE_GOLDEN=1 to rewrite the expected tree after a deliberate change,
then review its diff like any other code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_single
from generator.write.tree import compare, read_tree, write_tree

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
EXPECTED = HERE / "expected" / "widgets"


def _without_digest(files: dict[str, bytes]) -> dict[str, bytes]:
    """The tree with the spec digest blanked out (the 3.0 and 3.1 documents differ there)."""
    return {path: re.sub(rb"\b[0-9a-f]{64}\b", b"<sha256>", c) for path, c in files.items()}


def _generated_code(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files rendered from templates; the runtime copy is tested where it is written."""
    return {path: content for path, content in files.items() if "/_runtime/" not in path}


def test_widgets_matches_the_golden_tree() -> None:
    files = _generated_code(build_single(SPECS / "widgets-3.0.yaml", "widgets"))
    if os.environ.get("CLIENTGEN_UPDATE_GOLDEN"):
        write_tree(files, EXPECTED)
    drift = compare(files, EXPECTED)
    assert not drift, f"golden tree differs:\n{drift.diff[:4000]}"


def test_openapi_30_and_31_forms_give_the_same_tree() -> None:
    v30 = build_single(SPECS / "widgets-3.0.yaml", "widgets")
    v31 = build_single(SPECS / "widgets-3.1.yaml", "widgets")
    assert _without_digest(v30) == _without_digest(v31)


@pytest.mark.slow
def test_golden_tree_passes_mypy_strict(tmp_path: Path) -> None:
    write_tree(build_single(SPECS / "widgets-3.0.yaml", "widgets"), tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "widgets"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_golden_tree_is_the_expected_shape() -> None:
    """What the tree must hold, stated independently of the generator's output."""
    files = read_tree(EXPECTED)
    assert {
        "pyproject.toml",
        "widgets/__init__.py",
        "widgets/_client.py",
        "widgets/models.py",
        "widgets/params.py",
        "widgets/api.md",
        "widgets/resources/widgets.py",
    } <= set(files)
    resource = files["widgets/resources/widgets.py"].decode()
    assert "def get(" in resource and "def create(" in resource
    # The resource would share the client's name; it is told apart.
    assert "class WidgetsResource:" in resource
    assert 'api_version: str = "2024-01-01"' in resource
    params = files["widgets/params.py"].decode()
    assert "name: _Annotated[str, _Meta(min_length=1, max_length=40)]" in params
    assert "size: _Annotated[float, _Meta(gt=0)]" in params
    assert "note: str | None | _UnsetType = _UNSET" in params
    assert 'Color: _TypeAlias = _Literal["red", "green"]' in params
    models = files["widgets/models.py"].decode()
    assert "class Widget(_ResponseModel, kw_only=True):" in models
    assert 'color: str = "red"' in models  # spec default, through the $ref
    assert "created_at: _datetime.datetime | None = None" in models
    assert "dimensions: WidgetDimensions | None = None" in models
