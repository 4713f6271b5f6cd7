"""Form bodies: `application/x-www-form-urlencoded` and `multipart/form-data`.

The request model is checked like a JSON body (file fields are checked here instead),
then flattened as the spec's `encoding` of each property says, else as OpenAPI's defaults
do: arrays of values repeat their name; in a urlencoded form an object's properties become
fields of their own; in a multipart form an object (or an array of objects) is one
`application/json` part. A property's style (its `style` and `explode`, or a JSON
`contentType`), by wire name, is one of the query styles of `_query` ("form": an object's
properties as fields of their own, "deep": `name[key]` fields, "csv", "ssv", "pipes":
one joined field) or "json" (one JSON part, or JSON text in a urlencoded form);
`part_types` gives the `Content-Type` of a property's own part in a multipart form.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeGuard, cast
from urllib.parse import urlencode

import msgspec

from ._errors import RequestValidationError
from ._files import file_part, is_file
from ._query import SEPARATORS
from ._text import to_text

FormFields = dict[str, list[str]]
FormFiles = list[tuple[str, tuple[str | None, bytes, str | None]]]

_encoder = msgspec.json.Encoder()
_NONE: Mapping[str, str] = MappingProxyType({})


def urlencoded_body(values: dict[str, Any], styles: Mapping[str, str] = _NONE) -> tuple[bytes, str]:
    """The body and its content type."""
    fields, _ = encode_form(values, multipart=False, styles=styles)
    pairs = [(name, value) for name, texts in fields.items() for value in texts]
    return urlencode(pairs).encode("ascii"), "application/x-www-form-urlencoded"


def multipart_body(
    values: dict[str, Any],
    styles: Mapping[str, str] = _NONE,
    part_types: Mapping[str, str] = _NONE,
) -> tuple[bytes, str]:
    """The body and its content type (with a fresh boundary)."""
    fields, files = encode_form(values, multipart=True, styles=styles)
    boundary = os.urandom(16).hex()
    chunks: list[bytes] = []
    for name, texts in fields.items():
        for text in texts:
            head = _part_head(boundary, name, None, part_types.get(name))
            chunks.append(head + text.encode("utf-8"))
    for name, (filename, content, media_type) in files:
        media_type = media_type or part_types.get(name)
        media_type = media_type or ("application/octet-stream" if filename else None)
        chunks.append(_part_head(boundary, name, filename, media_type) + content)
    body = b"\r\n".join(chunks) + (b"\r\n" if chunks else b"")
    body += f"--{boundary}--\r\n".encode("ascii")
    return body, f"multipart/form-data; boundary={boundary}"


def _part_head(boundary: str, name: str, filename: str | None, media_type: str | None) -> bytes:
    disposition = f'form-data; name="{_quote(name)}"'
    if filename is not None:
        disposition += f'; filename="{_quote(filename)}"'
    head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
    if media_type:
        head += f"Content-Type: {media_type}\r\n"
    return (head + "\r\n").encode("utf-8")


def _quote(text: str) -> str:
    """Quote a name as browsers do, so no value can break out of its header."""
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def wire_values(body: object) -> dict[str, Any]:
    """A request model's given fields by wire name (or a mapping body as it is)."""
    if isinstance(body, msgspec.Struct):
        names = zip(body.__struct_fields__, body.__struct_encode_fields__, strict=True)
        values = {wire: getattr(body, name) for name, wire in names}
        return {wire: value for wire, value in values.items() if value is not msgspec.UNSET}
    if isinstance(body, dict):
        return dict(cast("dict[str, Any]", body))
    raise RequestValidationError("a form body must be an object", path="")


def encode_form(
    values: dict[str, Any], *, multipart: bool, styles: Mapping[str, str] = _NONE
) -> tuple[FormFields, FormFiles]:
    fields: FormFields = {}
    files: FormFiles = []
    for name, value in values.items():
        if value is None:
            continue
        if is_file(value):
            if not multipart:
                raise RequestValidationError("files need a multipart body", path=name)
            files.append((name, file_part(value, name)))
        elif _all_files(value):
            files.extend((name, file_part(v, name)) for v in value)
        else:
            style = styles.get(name)
            _add_field(fields, files, name, msgspec.to_builtins(value), multipart, style)
    return fields, files


def _all_files(value: object) -> TypeGuard[list[object] | tuple[object, ...]]:
    """Whether `value` is a non-empty array of files (sent as one part each)."""
    if not isinstance(value, list | tuple):
        return False
    items = cast("list[object] | tuple[object, ...]", value)
    return bool(items) and all(is_file(item) for item in items)


def _add_field(
    fields: FormFields,
    files: FormFiles,
    name: str,
    value: Any,
    multipart: bool,
    style: str | None,
) -> None:
    if style == "json" or (style is None and multipart and _is_structured(value)):
        if multipart:
            files.append((name, (None, _encoder.encode(value), "application/json")))
        else:
            fields.setdefault(name, []).append(_encoder.encode(value).decode())
    elif isinstance(value, dict):
        mapping = cast("dict[object, object]", value)
        pairs = [(str(key), item) for key, item in mapping.items() if item is not None]
        if style == "deep":
            for key, item in pairs:
                _add_field(fields, files, f"{name}[{key}]", item, multipart, "deep")
        elif style == "csv" and all(not isinstance(item, dict | list) for _, item in pairs):
            texts = [text for key, item in pairs for text in (key, to_text(item))]
            fields.setdefault(name, []).append(",".join(texts))
        else:  # form, exploded: the properties are fields of their own
            for key, item in pairs:
                _add_field(fields, files, key, item, multipart, None)
    elif isinstance(value, list):
        items = cast("list[object]", value)
        if any(isinstance(item, dict | list) for item in items):
            # Neither a repeated field nor a joined one can carry nested values: JSON text.
            _add_field(fields, files, name, items, multipart, "json")
            return
        texts = [to_text(item) for item in items if item is not None]
        separator = SEPARATORS.get(style or "")
        if separator is not None:
            fields.setdefault(name, []).append(separator.join(texts))
        else:
            fields.setdefault(name, []).extend(texts)
    else:
        fields.setdefault(name, []).append(to_text(value))


def _is_structured(value: Any) -> bool:
    """An object, or an array of objects or arrays: a JSON part by default in multipart."""
    if isinstance(value, dict):
        return True
    if not isinstance(value, list):
        return False
    return any(isinstance(item, dict | list) for item in cast("list[object]", value))
