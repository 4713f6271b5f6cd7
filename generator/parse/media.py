"""Which media type of a `content` map the client sends or reads, and how; and the
`Accept` header an operation sends for the responses it documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model.results import BodyKind

JSON_TYPES = ("application/json",)

# The media types of bodies read item by item as they arrive, by base type: their body kind
# (each is the result kind of the same name, see model/results.py).
STREAMED_MEDIA_TYPES: dict[str, BodyKind] = {
    "text/event-stream": "event_stream",
    "application/jsonl": "json_lines",
    "application/x-ndjson": "json_lines",
    "application/x-jsonlines": "json_lines",
    "application/json-seq": "json_lines",
}


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


def response_body(content: Any) -> tuple[str, BodyKind] | None:
    """The media type of a response's `content` the client reads, and its body kind: the
    JSON one, else a streamed one, else the first (text or binary); None: no content."""
    if not isinstance(content, dict) or not content:
        return None
    media = json_media_type(content)
    if media is not None:
        return media, "json"
    for key in content:
        streamed = STREAMED_MEDIA_TYPES.get(_base(str(key)))
        if streamed is not None:
            return str(key), streamed
    first = str(next(iter(content)))
    return first, "text" if first.lower().startswith("text/") else "binary"


def _base(media: str) -> str:
    return media.split(";")[0].strip().lower()


def json_media_type(content: Any) -> str | None:
    if not isinstance(content, dict):
        return None
    for media in content:
        base = str(media).split(";")[0].strip().lower()
        if base in JSON_TYPES or base.endswith("+json"):
            return str(media)
    return None


def readable_media_types(content: Any) -> tuple[str, ...]:
    """The media types of a response's `content` that the client reads as documented, without
    parameters: the JSON one it decodes, else the stream, else any (returned raw)."""
    read = response_body(content)
    if read is None:
        return ()
    media, body = read
    chosen = [media] if body not in ("text", "binary") else [str(key) for key in content]
    bases = (key.split(";")[0].strip().lower() for key in chosen)
    return tuple(dict.fromkeys(base for base in bases if base))


def accept_header(success: Sequence[Sequence[str]], errors: Sequence[Sequence[str]]) -> str | None:
    """The `Accept` of an operation, from the readable media types of each response.

    Every success media type is accepted, so no success can be refused (406) by a server
    that negotiates; the error media types follow at a lower preference, so that a
    documented JSON error body still comes back from such a server, while a server with a
    choice still prefers the success's own type. None when no response documents content.
    """
    wanted = list(dict.fromkeys(media for types in success for media in types))
    extra = [m for m in dict.fromkeys(m for types in errors for m in types) if m not in wanted]
    if not wanted:
        wanted, extra = extra, []
    if not wanted:
        return None
    return ", ".join([*wanted, *(f"{media};q=0.9" for media in extra)])
