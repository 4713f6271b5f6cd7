"""The edits the bench makes to a spec: the "one schema edited" and "one operation edited"
cases regenerate after one of these, with the cache the unedited spec filled."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
# A YAML `description:` holding a plain one-line scalar: text can be appended to it.
_PLAIN_DESCRIPTION = re.compile(r"^(\s+description: )([^'\"|>&*!%@`#\s].*)$")


def edited_schema_copy(spec: Path, folder: Path) -> Path:
    """The JSON spec with the description of one component schema changed (one from the
    middle of the list, so a class in the middle of models.py), under the same file name
    in `folder`. A spec without described schemas gets one operation's summary changed."""
    document = json.loads(spec.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {}) or {}
    names = sorted(n for n in schemas if isinstance(schemas[n], dict))
    described = [n for n in names[len(names) // 2 :] + names if "description" in schemas[n]]
    if described:
        schema = schemas[described[0]]
        schema["description"] = str(schema["description"]) + " (edited)"
    elif names:
        schemas[names[len(names) // 2]]["description"] = "edited"
    else:
        _edit_summary(document)
    return _written(document, folder / spec.name)


def edited_operation_copy(spec: Path, folder: Path) -> Path:
    """The JSON spec with one operation's summary changed, under the same file name."""
    document = json.loads(spec.read_text(encoding="utf-8"))
    _edit_summary(document)
    return _written(document, folder / spec.name)


def edit_yaml_schema(spec: Path) -> None:
    """Append to one plain one-line description under `components:` of a YAML spec, in
    place: the text stays YAML and the rest of the file byte for byte what it was."""
    lines = spec.read_text(encoding="utf-8").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("components:")), 0)
    found = [i for i in range(start, len(lines)) if _PLAIN_DESCRIPTION.match(lines[i])]
    if not found:
        raise SystemExit(f"bench: no plain description to edit in {spec}")
    index = found[len(found) // 2]
    lines[index] = lines[index].rstrip() + " (edited)"
    spec.write_text("\n".join(lines), encoding="utf-8")


def _edit_summary(document: dict[str, Any]) -> None:
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                operation["summary"] = str(operation.get("summary", "")) + " (edited)"
                return


def _written(document: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
