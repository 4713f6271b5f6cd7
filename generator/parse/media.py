"""Which media type of a `content` map the client sends or reads, and how."""

from __future__ import annotations

from typing import Any

JSON_TYPES = ("application/json",)
EVENT_STREAM = "text/event-stream"


def body_media_type(content: dict[str, Any]) -> tuple[str, str]:
    """The media type a method sends, and how: JSON first, then forms, then raw content."""
    media = json_media_type(content)
    if media is not None:
        return media, "json"
    bases = {str(m).split(";")[0].strip().lower(): str(m) for m in content}
    for base, encoding in (
        ("application/x-www-form-urlencoded", "form"),
        ("multipart/form-data", "multipart"),
        ("multipart/mixed", "multipart"),
    ):
        if base in bases:
            return bases[base], encoding
    first = str(next(iter(content)))
    schema = content[first].get("schema") if isinstance(content[first], dict) else None
    is_text = first.lower().startswith("text/") or (
        isinstance(schema, dict)
        and schema.get("type") == "string"
        and "format" not in schema
        and first.lower() != "application/octet-stream"
    )
    return first, "text" if is_text else "binary"


def media_base(content: dict[str, Any], base: str) -> str | None:
    """The media type key of `content` whose base type is `base`, if any."""
    for media in content:
        if str(media).split(";")[0].strip().lower() == base:
            return str(media)
    return None


def json_media_type(content: Any) -> str | None:
    if not isinstance(content, dict):
        return None
    for media in content:
        base = str(media).split(";")[0].strip().lower()
        if base in JSON_TYPES or base.endswith("+json"):
            return str(media)
    return None
