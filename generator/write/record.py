"""What an output folder was made from, so that checking it needs no regeneration.

`clientgen-record.json` sits in the output folder. It holds the versions of the tools
that decide the output's bytes, a digest of every file of the generator, the templates
and the inputs (the specs, or the ad-hoc spec file and the files it references), the
settings, and a digest of every output file. Comparing those with the current ones
costs a few reads and hashes; any difference is named: a tool version, a generator or
template file, an input, a setting, or an output file edited by hand. The record is
rewritten by every generation, so an input change that leaves the output identical
(a comment in a spec, a refactor of the generator) is absorbed by one regenerate.

This module imports nothing heavy: the fast check must not pay for black or Jinja.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

RECORD_FILE = "clientgen-record.json"
# The tools whose versions decide the bytes of the output.
TOOLS = ("black", "jinja2", "openapi-spec-validator")
_FORMAT = 1
_SKIPPED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


@dataclass(frozen=True)
class MadeFrom:
    """Everything the output's bytes depend on, as digests by relative POSIX path."""

    tools: Mapping[str, str]
    generator: Mapping[str, str]
    templates: Mapping[str, str]
    inputs: Mapping[str, str]
    settings: Mapping[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "tools": dict(sorted(self.tools.items())),
            "generator": dict(sorted(self.generator.items())),
            "templates": dict(sorted(self.templates.items())),
            "inputs": dict(sorted(self.inputs.items())),
            "settings": dict(sorted(self.settings.items())),
        }


def installed_tools() -> dict[str, str]:
    return {name: metadata.version(name) for name in TOOLS}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_digests(
    root: Path, suffixes: tuple[str, ...] = (), skip: Iterable[str] = ()
) -> dict[str, str]:
    """Digests of the files under `root` (dot-files, caches and `skip` folders left out)."""
    skipped = _SKIPPED_PARTS | set(skip)
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in skipped or part.startswith(".") for part in relative.parts):
            continue
        if path.suffix == ".pyc" or (suffixes and not path.name.endswith(suffixes)):
            continue
        if path.is_file():
            found[relative.as_posix()] = sha256(path.read_bytes())
    return found


def file_digests(base: Path, files: Iterable[Path]) -> dict[str, str]:
    """Digests of `files` by their path relative to `base`."""
    real_base = base.resolve()
    return {
        path.resolve().relative_to(real_base).as_posix(): sha256(path.read_bytes())
        for path in files
    }


def generator_digests() -> dict[str, str]:
    """The generator's own source (an installed copy holds the templates: they count apart)."""
    return tree_digests(Path(__file__).resolve().parent.parent, (".py",), skip=("templates",))


def record_bytes(made: MadeFrom, files: Mapping[str, bytes]) -> bytes:
    """The record for output `files` (the record itself and `CHANGES.md` are not in it)."""
    content = {
        "format": _FORMAT,
        "made_from": made.as_json(),
        "files": {path: sha256(files[path]) for path in sorted(files) if path != RECORD_FILE},
    }
    return (json.dumps(content, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def read_record(root: Path) -> dict[str, Any] | None:
    """The record in `root`, or None if there is none or it is not one we can read."""
    try:
        content = json.loads((root / RECORD_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("format") != _FORMAT:
        return None
    made, files = content.get("made_from"), content.get("files")
    if not isinstance(made, dict) or not isinstance(files, dict):
        return None
    return content


def drift_causes(
    record: dict[str, Any], made: MadeFrom, on_disk: Mapping[str, bytes], target: str
) -> list[str]:
    """Every way in which the output folder is no longer what `made` would give: one line each.

    `on_disk` is the output folder's content without the record and the kept files.
    """
    causes: list[str] = []
    recorded = record["made_from"]
    current = made.as_json()
    for name in TOOLS:
        was, now = recorded.get("tools", {}).get(name), current["tools"].get(name)
        if was != now:
            causes.append(f"tool: {name} {now} is installed, {target} was made with {was}")
    for section, label, prefix in (
        ("generator", "generator file", "generator/"),
        ("templates", "template", "templates/"),
        ("inputs", "input", ""),
        ("settings", "setting", ""),
    ):
        causes.extend(
            f"{label} {how}: {prefix}{path}"
            for path, how in _differences(recorded.get(section, {}), current[section])
        )
    expected = record["files"]
    actual = {path: sha256(data) for path, data in on_disk.items()}
    for path, how in _differences(expected, actual):
        what = {"changed": "changed", "added": "extra", "removed": "missing"}[how]
        suffix = " (edited by hand?)" if how == "changed" else ""
        causes.append(f"{what}: {target}/{path}{suffix}")
    return causes


def _differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, str]]:
    if not isinstance(old, Mapping):
        old = {}
    keys = sorted(set(old) | set(new))
    return [
        (key, "added" if key not in old else "removed" if key not in new else "changed")
        for key in keys
        if old.get(key) != new.get(key)
    ]
