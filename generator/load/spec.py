"""The loaded API as later stages see it: the effective document and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Location
from generator.load.source_map import SourceMap


@dataclass(frozen=True)
class LoadedSpec:
    name: str  # API folder name (e.g. "polyai") or file stem for a single file
    document: dict[str, Any]  # fragments merged, overlays applied; plain JSON data
    source_map: SourceMap
    files: tuple[Path, ...] = ()  # every file read, referenced ones included

    def locate(self, pointer: str) -> Location | None:
        """Where the node at `pointer` was written, else its nearest located ancestor."""
        return self.source_map.locate(pointer)


def diagnostic_at(spec: LoadedSpec, pointer: str, message: str) -> Diagnostic:
    """A problem about the node at `pointer`, located in the file that wrote it."""
    return Diagnostic(message, spec.locate(pointer), pointer)
