"""How each property of a form or multipart body is written: the media type's `encoding`.

OpenAPI describes it per property: `style` and `explode` as for a query parameter, and
`contentType` for a multipart part (an object's defaults to `application/json`). An
explicit `style` (or `explode`) wins over `contentType`, as OpenAPI 3.1 says. OpenAPI 3.0
has multipart ignore `style`; one written there is honoured all the same, since a spec
author writes it only to be followed, and mock servers (Prism) follow it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model.types import Field
from generator.parse.media import json_media_type

# (wire name, value) pairs, in the order of the body's fields.
ByWireName = tuple[tuple[str, str], ...]
# OpenAPI style → the runtime's name for it (see the runtime's _forms and _query).
_STYLES = {"deepObject": "deep", "spaceDelimited": "ssv", "pipeDelimited": "pipes"}


def field_encodings(
    media_object: Any, fields: Sequence[Field], multipart: bool
) -> tuple[ByWireName, ByWireName]:
    """The runtime style of each property whose `encoding` sets one, and the media type of
    each multipart part whose `contentType` names one, both by wire name in field order."""
    encodings = media_object.get("encoding") if isinstance(media_object, dict) else None
    if not isinstance(encodings, dict):
        return (), ()
    styles: list[tuple[str, str]] = []
    part_types: list[tuple[str, str]] = []
    for field in fields:
        encoding = encodings.get(field.wire_name)
        if not isinstance(encoding, dict):
            continue
        if "style" in encoding or "explode" in encoding:
            styles.append((field.wire_name, _style(encoding)))
            continue
        content_type = encoding.get("contentType")
        if not isinstance(content_type, str):
            continue
        if json_media_type({media.strip(): {} for media in content_type.split(",")}):
            styles.append((field.wire_name, "json"))
        elif multipart:
            first = content_type.split(",")[0].strip()
            if first and "*" not in first:  # a wildcard names no type to send
                part_types.append((field.wire_name, first))
    return tuple(styles), tuple(part_types)


def _style(encoding: dict[str, Any]) -> str:
    style = encoding.get("style", "form")
    explode = encoding.get("explode", style == "form")
    if style in _STYLES:
        return _STYLES[style]
    return "form" if explode is not False else "csv"
