"""What the spec says about a deprecation, to repeat in docstrings, api.md and warnings.

OpenAPI has only `deprecated: true`; vendors put the why and the replacement either in a
vendor extension or in the description ("Deprecated: use `list_v2`").
"""

from __future__ import annotations

from typing import Any

_EXTENSIONS = ("x-deprecation-message", "x-deprecated-message", "x-deprecation", "x-deprecated")


def deprecation_text(node: dict[str, Any]) -> str | None:
    """The extension's text, else the description when it speaks of the deprecation."""
    for key in _EXTENSIONS:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return about_deprecation(node.get("description"))


def about_deprecation(description: object) -> str | None:
    if isinstance(description, str) and "deprecat" in description.lower():
        return " ".join(description.split())
    return None
