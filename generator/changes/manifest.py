"""The surface manifest file: every API's surface as one deterministic JSON document.

Written at the root of the generated distribution (outside the package, so it is not
installed) and read back on the next run as the previous surface. Keys are sorted and
any value whose one-line form fits in a line stays on one line, so that a change to
one argument is a one-line diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from generator.changes.spelling import SpellingFor
from generator.changes.surface import Json, api_surface
from generator.model.api import Api
from generator.model.types import JsonValue

SURFACE_FILE = "surface.json"
# Bumped when the layout changes; a manifest of another format is not compared.
FORMAT = 1
# API name → surface, as read back (see `surface.py` for the layout).
Surfaces = Mapping[str, Mapping[str, Any]]
_WIDTH = 100
_INDENT = "  "


def manifest_text(package: str, apis: Iterable[Api], spelling: SpellingFor) -> str:
    surfaces: Json = {
        api.name: api_surface(api, f"{package}.{api.package}", spelling) for api in apis
    }
    return _dump({"format": FORMAT, "apis": surfaces}, 0) + "\n"


def parse_manifest(content: bytes) -> Surfaces | None:
    """The surfaces by API name, or None for content that is not a manifest we can compare."""
    try:
        document = json.loads(content)
    except ValueError:
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None
    apis = document.get("apis")
    if not isinstance(apis, dict) or not all(isinstance(s, dict) for s in apis.values()):
        return None
    return apis


def _dump(value: JsonValue, depth: int, lead: int = 0) -> str:
    """`value` at nesting `depth`, after `lead` characters of its line (a key)."""
    flat = json.dumps(value, sort_keys=True, ensure_ascii=False)
    if not isinstance(value, dict | list) or not value:
        return flat
    if len(_INDENT) * depth + lead + len(flat) <= _WIDTH:
        return flat
    inner = _INDENT * (depth + 1)
    if isinstance(value, dict):
        items = []
        for key in sorted(value):
            label = json.dumps(key, ensure_ascii=False) + ": "
            items.append(inner + label + _dump(value[key], depth + 1, len(label)))
        return "{\n" + ",\n".join(items) + "\n" + _INDENT * depth + "}"
    items = [inner + _dump(item, depth + 1) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + _INDENT * depth + "]"
