"""The one line an error shows: what the vendor said, in its own words, without secrets.

Error bodies come in every shape (`{"message": …}`, `{"error": {"message": …}}`,
`{"detail": [{"msg": …}]}`, plain text, an HTML error page from a proxy), so the message
is looked up under the names vendors commonly use, and the raw text is the fallback. Only
failures pay for this module.
"""

from __future__ import annotations

import re
from typing import Any, cast

import msgspec

MAX_SHOWN = 500
# Most specific first: `error` often holds a code ("invalid_request") next to a `message`.
_MESSAGE_KEYS = (
    "message",
    "error_message",
    "errormessage",
    "detail",
    "details",
    "error_description",
    "description",
    "title",
    "msg",
    "reason",
    "error",
    "errors",
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_DEPTH = 4
_MAX_ITEMS = 3


def parse_json(content: bytes) -> Any:
    """The body as JSON, whatever its shape; None when it is empty or not JSON."""
    if not content:
        return None
    try:
        return msgspec.json.decode(content)
    except msgspec.DecodeError:
        return None


def describe_body(parsed: Any, content: bytes, encoding: str | None) -> str | None:
    """The vendor's own message, else the body itself, shortened; None for an empty body."""
    if parsed is not None:
        found = _find_message(parsed, _MAX_DEPTH)
        if found:
            return shorten(found)
        return shorten(msgspec.json.encode(parsed).decode())
    text = content.decode(encoding or "utf-8", "replace").strip()
    if not text:
        return None
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if title and title.group(1).strip():  # an HTML error page, typically from a proxy
        return shorten(title.group(1))
    return shorten(text)


def redirect_note(status: int, location: str | None) -> str | None:
    """Why a 3xx reached the caller: the client does not follow redirects by default."""
    if status in _REDIRECTS and location:
        return f"redirected to {shorten(location)}; not followed"
    return None


def shorten(text: str) -> str:
    """One line of at most `MAX_SHOWN` characters, so a log line stays a line."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_SHOWN else line[:MAX_SHOWN] + "…"


def redact(text: str, *secrets: str | None) -> str:
    """`text` without `secrets`: vendors do echo a rejected key back in their error body."""
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, "[redacted]")
    return text


def redact_bytes(content: bytes, *secrets: str | None) -> bytes:
    """`redact` for a body as received, before it is shortened (a secret cut in two by
    the shortening would no longer be found)."""
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        content = content.replace(secret.encode("utf-8"), b"[redacted]")
    return content


def _find_message(value: Any, depth: int) -> str | None:
    if depth == 0:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        items = cast("list[object]", value)
        found = [_find_message(item, depth - 1) for item in items[:_MAX_ITEMS]]
        texts = [text for text in found if text]
        return "; ".join(texts) or None
    if isinstance(value, dict):
        mapping = cast("dict[object, object]", value)
        by_key = {str(key).lower(): item for key, item in mapping.items()}
        for key in _MESSAGE_KEYS:
            if key in by_key:
                found_text = _find_message(by_key[key], depth - 1)
                if found_text:
                    return found_text
    return None
