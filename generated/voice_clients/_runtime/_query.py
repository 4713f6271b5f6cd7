"""Query parameters: values as the API expects them, and the wire encoding.

A parameter keeps its name's position but takes the values of the last source that sets
it (client defaults, then the call's own, then `extra_query`); a list repeats the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

import msgspec


def merge_query(
    merged: dict[str, list[str]], items: Iterable[tuple[str, object]]
) -> dict[str, list[str]]:
    """Add `items` to `merged` (in place) and return it; unset and None values are left out."""
    for name, value in items:
        if value is msgspec.UNSET or value is None:
            continue
        if isinstance(value, list | tuple):
            merged[name] = [to_text(item) for item in value]
        else:
            merged[name] = [to_text(value)]
    return merged


def encode_query(merged: Mapping[str, list[str]]) -> str:
    return urlencode([(name, value) for name, values in merged.items() for value in values])


def to_text(value: object) -> str:
    """A parameter value as text: JSON spelling for booleans, `str` for the rest."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value if isinstance(value, str) else str(value)
