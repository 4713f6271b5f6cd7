"""Query parameters: values as the API expects them, and the wire encoding.

A parameter keeps its name's position but takes the values of the last source that sets
it (client defaults, then the call's own, then `extra_query`). Arrays and objects follow
the parameter's OpenAPI style: by default (form, exploded) a list repeats the name and
an object's properties become parameters of their own; `csv`, `ssv` and `pipes` join a
list (form unexploded, spaceDelimited, pipeDelimited); `deep` writes `name[key]=value`;
`json` sends the value as JSON text (a parameter described by `content`). Each single
value, alone or inside an array or object, is spelled by `_text.to_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeGuard, cast
from urllib.parse import urlencode

import msgspec

from ._text import to_text

# How the joined styles separate an array's items (also those of form fields).
SEPARATORS = {"csv": ",", "ssv": " ", "pipes": "|"}
_NOT_ARRAYS = (str, bytes, bytearray, memoryview)


def merge_query(
    merged: dict[str, list[str]],
    items: Iterable[tuple[str, object]],
    styles: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """Add `items` to `merged` (in place) and return it; unset and None values are left out."""
    for name, value in items:
        if value is msgspec.UNSET or value is None:
            continue
        style = styles.get(name) if styles else None
        if style == "json":  # a parameter described by JSON `content`
            merged[name] = [msgspec.json.encode(value).decode()]
            continue
        if isinstance(value, msgspec.Struct):
            value = msgspec.to_builtins(value)
        if is_array(value):
            texts = [to_text(item) for item in value]
            separator = SEPARATORS.get(style or "")
            merged[name] = [separator.join(texts)] if separator else texts
        elif isinstance(value, Mapping):
            mapping = cast("Mapping[object, object]", value)
            pairs = [(str(key), to_text(item)) for key, item in mapping.items() if item is not None]
            if style == "deep":
                merged.update({f"{name}[{key}]": [text] for key, text in pairs})
            elif style == "csv":
                merged[name] = [",".join(part for pair in pairs for part in pair)]
            else:
                merged.update({key: [text] for key, text in pairs})
        else:
            merged[name] = [to_text(value)]
    return merged


def encode_query(merged: Mapping[str, list[str]]) -> str:
    return urlencode([(name, value) for name, values in merged.items() for value in values])


def is_array(value: object) -> TypeGuard[Sequence[object]]:
    """Whether a parameter value is an array: a list or a tuple, and any other sequence a
    caller may pass for a `Sequence[...]` parameter (a range, a deque, its own), which
    `str()` would send as its Python spelling. Text and bytes are single values."""
    return isinstance(value, list | tuple) or (
        isinstance(value, Sequence) and not isinstance(value, _NOT_ARRAYS)
    )


def simple_text(value: object) -> str:
    """A header or cookie value in OpenAPI's "simple" style (not exploded): an array's items
    joined by commas, an object's keys and values likewise (`role,admin,age,3`)."""
    if isinstance(value, msgspec.Struct):
        value = msgspec.to_builtins(value)
    if is_array(value):
        return ",".join(to_text(item) for item in value)
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        pairs = [(str(key), item) for key, item in mapping.items() if item is not None]
        return ",".join(text for key, item in pairs for text in (key, to_text(item)))
    return to_text(value)
