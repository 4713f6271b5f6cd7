"""The report of a project regenerate, and `CHANGES.md`: the last non-empty one.

The previous surface is the manifest in the output folder, read before it is
replaced. `CHANGES.md` depends on that previous state, so it cannot take part in the
drift check (right after a regenerate the report is empty): it is written with the
rest of the output when the report is not empty, carried over unchanged when it is,
and the drift check leaves it alone (`KEPT`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.changes.change import Report
from generator.changes.compare import compare_surfaces
from generator.changes.kept import CHANGES_FILE, KEPT
from generator.changes.manifest import SURFACE_FILE, parse_manifest
from generator.changes.render import render_markdown

__all__ = ["CHANGES_FILE", "KEPT", "changes_since", "with_changes_file"]


def changes_since(target: Path, files: Mapping[str, bytes]) -> Report | None:
    """What changed for callers from the surface in `target` to the one in `files`.

    None when there is nothing to compare: no manifest in `target` yet (the first
    generation) or one of another format.
    """
    previous = target / SURFACE_FILE
    if SURFACE_FILE not in files or not previous.is_file():
        return None
    old = parse_manifest(previous.read_bytes())
    new = parse_manifest(files[SURFACE_FILE])
    if old is None or new is None:
        return None
    return compare_surfaces(old, new)


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
