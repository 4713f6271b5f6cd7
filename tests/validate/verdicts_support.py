"""One spec's verdict from the validator as it runs, and as the library alone would give it.

The validator skips work the library would do (generator/validate/openapi.py: a Schema
Object equal to one already found clean is not checked against the meta-schema again).
`reference_problems` runs the same passes with those skips turned off, so a test can show
that they never change a verdict: the same diagnostics, in the same places, in the same
order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic, GeneratorError
from generator.load import load_spec_file
from generator.validate import openapi, validate_spec


def problems(spec_file: Path) -> list[Diagnostic]:
    """What `validate_spec` reports for the file (no cache), as a list (empty: valid)."""
    try:
        validate_spec(load_spec_file(spec_file))
    except GeneratorError as refused:
        return list(refused.diagnostics)
    return []


def reference_problems(spec_file: Path) -> list[Diagnostic]:
    """The same, with every Schema Object checked against the meta-schema as the library
    does (nothing remembered between equal objects)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(openapi, "_REMEMBER_CLEAN", False)
        return problems(spec_file)


def schema_text_edited(spec_file: Path, out: Path) -> Path | None:
    """The JSON spec with every description and title string of its component schemas
    (and of the schemas nested in them) changed, written to `out`; None if it has none."""
    document = json.loads(spec_file.read_text(encoding="utf-8"))
    schemas = (document.get("components") or {}).get("schemas") or {}
    edited = 0

    def walk(node: Any) -> None:
        nonlocal edited
        if not isinstance(node, dict):
            return
        for key in ("description", "title"):
            if isinstance(node.get(key), str):
                node[key] = node[key] + " (edited)"
                edited += 1
        for key in ("items", "additionalProperties", "not"):
            walk(node.get(key))
        for key in ("allOf", "anyOf", "oneOf"):
            for item in node.get(key) or []:
                walk(item)
        for item in (node.get("properties") or {}).values():
            walk(item)

    for schema in schemas.values():
        walk(schema)
    if not edited:
        return None
    out.write_text(json.dumps(document), encoding="utf-8")
    return out
