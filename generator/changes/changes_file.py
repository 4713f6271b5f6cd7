"""The report of a project regenerate, and `CHANGES.md`: the last non-empty one.

A regenerate is judged against the surface callers last saw: the manifest committed
with the output folder (git's HEAD) when the folder is in a git work tree, so a breaking
change stays in the report, and fails `--fail-on-breaking`, however many regenerates
follow it before the commit; else the manifest in the output folder, read before it is
replaced. `CHANGES.md` depends on that previous state, so it cannot take part in the
drift check (right after a regenerate the report is empty): it is written with the
rest of the output when the report is not empty, carried over unchanged when it is,
and the drift check leaves it alone (`KEPT`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

from generator.changes.change import Report
from generator.changes.compare import compare_surfaces
from generator.changes.kept import CHANGES_FILE, KEPT
from generator.changes.manifest import SURFACE_FILE, parse_manifest
from generator.changes.render import render_markdown

__all__ = [
    "CHANGES_FILE",
    "KEPT",
    "SURFACE_FILE",
    "baseline_surface",
    "changes_since",
    "current_surface",
    "with_changes_file",
]


def changes_since(previous: bytes | None, files: Mapping[str, bytes]) -> Report | None:
    """What changed for callers from the `previous` manifest to the one in `files`.

    None when there is nothing to compare: no previous manifest (the first generation)
    or one of another format.
    """
    if previous is None or SURFACE_FILE not in files:
        return None
    old = parse_manifest(previous)
    new = parse_manifest(files[SURFACE_FILE])
    if old is None or new is None:
        return None
    return compare_surfaces(old, new)


def current_surface(target: Path) -> bytes | None:
    """The manifest in the output folder as it is on disk, if there is one."""
    path = target / SURFACE_FILE
    return path.read_bytes() if path.is_file() else None


def baseline_surface(target: Path) -> bytes | None:
    """The manifest committed with the output folder, else the one on disk."""
    committed = _committed_file(target, SURFACE_FILE)
    return committed if committed is not None else current_surface(target)


def _committed_file(folder: Path, name: str) -> bytes | None:
    """`folder/name` as git's HEAD has it; None outside git or where HEAD lacks it."""
    if not folder.is_dir():
        return None
    try:
        shown = subprocess.run(
            ["git", "show", f"HEAD:./{name}"],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return shown.stdout if shown.returncode == 0 else None


def with_changes_file(
    files: Mapping[str, bytes], report: Report | None, target: Path
) -> dict[str, bytes]:
    """`files` plus `CHANGES.md`: this report if it says anything, else the last one."""
    if report:
        return {**files, CHANGES_FILE: render_markdown(report).encode("utf-8")}
    last = target / CHANGES_FILE
    if last.is_file():
        return {**files, CHANGES_FILE: last.read_bytes()}
    return dict(files)
