"""Free text of the spec (summaries, descriptions), kept only when it says something."""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
