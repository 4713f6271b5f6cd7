"""Turning msgspec's validation errors into errors that speak the caller's language.

msgspec reports where a document fails as a JSON path with wire names (`$.phoneNumbers[0]`).
For a request, the caller wrote Python names (`phone_numbers[0]`), so the path is walked
through the request type to translate each field name back.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

import msgspec

from ._models import UnionMarker

# Only used when validation fails, so not compiled at import.
_PATH_STEP = r"\.([^.\[]+)|\[([^\]]*)\]"


def split_message(exc: msgspec.DecodeError) -> tuple[str, str]:
    """The message and the JSON path msgspec appends to it (`$` when it names none).

    A union marker's `dec_hook` re-raises a variant's error as a message that already ends
    with a path relative to the variant; the two paths are joined into one.
    """
    message, path = str(exc), "$"
    while True:
        head, found, rest = message.rpartition(" - at `$")
        if not found or not rest.endswith("`"):
            return message, path
        message, path = head, path + rest[:-1]


def type_name(tp: Any) -> str:
    """`tp` as a reader would write it: `list[Item]`, not `list[voice_clients.x.models.Item]`."""
    if isinstance(tp, type) and not get_args(tp):
        return tp.__name__
    return re.sub(r"\b(?:\w+\.)+(\w+)", r"\1", repr(tp))


def python_path(tp: Any, json_path: str) -> str:
    """`json_path` with field names swapped for the Python names in `tp`, where known."""
    parts: list[str] = []
    current: Any = tp
    for field, index in re.findall(_PATH_STEP, json_path[1:]):
        if field:
            name, current = _field(current, field)
            parts.append(f".{name}" if parts else name)
        else:
            parts.append(f"[{index}]")
            current = _item_type(current)
    return "".join(parts)


def _alternatives(tp: Any) -> Iterator[Any]:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        for arg in get_args(tp):
            yield from _alternatives(arg)
    elif origin is Annotated:
        yield from _alternatives(get_args(tp)[0])
    elif isinstance(tp, type) and issubclass(tp, UnionMarker):
        yield from tp.clientgen_variants
        yield from tp.clientgen_mapping.values()
    else:
        yield tp


def _field(tp: Any, wire_name: str) -> tuple[str, Any]:
    for option in _alternatives(tp):
        if isinstance(option, type) and issubclass(option, msgspec.Struct):
            for info in msgspec.structs.fields(option):
                if info.encode_name == wire_name:
                    return info.name, info.type
    return wire_name, None


def _item_type(tp: Any) -> Any:
    for option in _alternatives(tp):
        origin = get_origin(option)
        args = get_args(option)
        if isinstance(origin, type) and args:
            if issubclass(origin, Mapping):
                return args[-1]
            return args[0]
    return None
