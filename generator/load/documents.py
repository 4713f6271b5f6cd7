"""One input file → its top-level mapping and source map, whatever the file format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError
from generator.load.json_source import parse_json
from generator.load.source_map import SourceMap
from generator.load.text import decode


@dataclass(frozen=True)
class SourceDocument:
    """A parsed file: an OpenAPI document, a fragment of one, or an overlay."""

    file: str  # as shown in locations
    document: dict[str, Any]
    source_map: SourceMap


def display_name(path: Path) -> str:
    """The path as the caller gave it, relative to the working directory when under it.

    Locations are printed for people and CI logs: an absolute path of the machine that
    ran the generator is noise, and a path the caller never wrote is confusing.
    """
    cwd = Path.cwd()
    if path.is_absolute() and path.is_relative_to(cwd):
        return str(path.relative_to(cwd))
    return str(path)


def read_document(path: Path) -> SourceDocument:
    file = display_name(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GeneratorError([Diagnostic(f"cannot read {file}: {error.strerror}")]) from None
    text = decode(data, file)
    if path.suffix.lower() == ".json":
        document, source_map = parse_json(text, file)
    else:
        # Imported here: a JSON spec does not pay for loading the YAML library.
        from generator.load.yaml_source import parse_yaml

        document, source_map = parse_yaml(text, file)
    if not isinstance(document, dict):
        message = f"the top level must be a mapping, not {describe(document)}"
        raise GeneratorError([Diagnostic(message, source_map.get(""), "")])
    return SourceDocument(file, document, source_map)


def describe(value: Any) -> str:
    """A short, one-line account of a value read from a file, for messages."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    text = repr(value) if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."
