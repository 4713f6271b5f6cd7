"""The output folder as a whole: atomic replacement and drift comparison.

A run renders everything in memory first; only then is the folder replaced, by
writing a sibling temporary folder and swapping it in, so a failing run leaves the
old output exactly as it was.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

# Files in the output folder that are not ours: build and tool by-products.
_FOREIGN_PARTS = ("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist")
_FOREIGN_SUFFIXES = (".egg-info", ".pyc")


@dataclass(frozen=True)
class Drift:
    """How an output folder differs from what a run produced; the diff is written when
    asked for (a run that only writes the folder does not need it)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    # The files on disk and those produced, for the diff.
    actual: Mapping[str, bytes] = field(repr=False, compare=False)
    expected: Mapping[str, bytes] = field(repr=False, compare=False)
    context_lines: int = 3

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @cached_property
    def diff(self) -> str:
        """A unified diff of every differing file, code first: the JSON files (the
        record's hashes, the surface manifest) restate what the code's own diff shows,
        and would fill a cut-off diff before any code."""
        chunks: list[str] = []
        paths = self.changed + self.added + self.removed
        for path in sorted(paths, key=lambda p: (p.endswith(".json"), p)):
            old = self.actual.get(path, b"").decode("utf-8", "replace").splitlines(keepends=True)
            new = self.expected.get(path, b"").decode("utf-8", "replace").splitlines(keepends=True)
            chunks.extend(
                difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", n=self.context_lines)
            )
        return "".join(chunks)


def read_tree(root: Path) -> dict[str, bytes]:
    """Our files under `root`, by POSIX relative path."""
    if not root.is_dir():
        return {}
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _is_foreign(relative):
            found[relative.as_posix()] = path.read_bytes()
    return found


def compare(
    expected: dict[str, bytes],
    root: Path,
    context_lines: int = 3,
    ignore: Collection[str] = (),
) -> Drift:
    """How `root` differs from `expected`, leaving the paths in `ignore` out on both sides."""
    expected = {p: c for p, c in expected.items() if p not in ignore}
    actual = {p: c for p, c in read_tree(root).items() if p not in ignore}
    added = tuple(sorted(set(expected) - set(actual)))
    removed = tuple(sorted(set(actual) - set(expected)))
    changed = tuple(sorted(p for p in set(expected) & set(actual) if expected[p] != actual[p]))
    return Drift(added, removed, changed, actual, expected, context_lines)


def write_tree(files: dict[str, bytes], root: Path) -> None:
    """Replace `root` with exactly `files`, keeping foreign by-products (e.g. *.egg-info)."""
    root = root.absolute()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.new-", dir=root.parent))
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if root.exists():
            for entry in root.iterdir():
                if _is_foreign(Path(entry.name)) and entry.name != "__pycache__":
                    os.replace(entry, staging / entry.name)
        _swap(staging, root)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, root: Path) -> None:
    if not root.exists():
        os.replace(staging, root)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{root.name}.old-", dir=root.parent))
    os.rmdir(retired)
    os.replace(root, retired)
    try:
        os.replace(staging, root)
    except OSError:
        os.replace(retired, root)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _is_foreign(relative: Path) -> bool:
    return any(
        part in _FOREIGN_PARTS or part.endswith(_FOREIGN_SUFFIXES) for part in relative.parts
    )
