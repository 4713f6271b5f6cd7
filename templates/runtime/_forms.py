"""Form bodies: `application/x-www-form-urlencoded` and `multipart/form-data`.

The request model is checked like a JSON body (file fields are checked here instead),
then flattened as OpenAPI's defaults say: arrays repeat their name; in a urlencoded form
an object's properties become fields of their own; in a multipart form an object is a
JSON part.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

import msgspec

from ._errors import RequestValidationError
from ._files import file_part, is_file
from ._text import to_text

FormFields = dict[str, list[str]]
FormFiles = list[tuple[str, tuple[str | None, bytes, str | None]]]

_encoder = msgspec.json.Encoder()


def urlencoded_body(values: dict[str, Any]) -> tuple[bytes, str]:
    """The body and its content type."""
    fields, _ = encode_form(values, multipart=False)
    pairs = [(name, value) for name, texts in fields.items() for value in texts]
    return urlencode(pairs).encode("ascii"), "application/x-www-form-urlencoded"


def multipart_body(values: dict[str, Any]) -> tuple[bytes, str]:
    """The body and its content type (with a fresh boundary)."""
    fields, files = encode_form(values, multipart=True)
    boundary = os.urandom(16).hex()
    chunks: list[bytes] = []
    for name, texts in fields.items():
        for text in texts:
            chunks.append(_part_head(boundary, name, None, None) + text.encode("utf-8"))
    for name, (filename, content, media_type) in files:
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
        return dict(body)
    raise RequestValidationError("a form body must be an object", path="")


def encode_form(values: dict[str, Any], *, multipart: bool) -> tuple[FormFields, FormFiles]:
    fields: FormFields = {}
    files: FormFiles = []
    for name, value in values.items():
        if value is None:
            continue
        if is_file(value):
            if not multipart:
                raise RequestValidationError("files need a multipart body", path=name)
            files.append((name, file_part(value, name)))
        elif isinstance(value, list | tuple) and value and all(is_file(v) for v in value):
            files.extend((name, file_part(v, name)) for v in value)
        else:
            _add_field(fields, files, name, msgspec.to_builtins(value), multipart)
    return fields, files


def _add_field(
    fields: FormFields, files: FormFiles, name: str, value: Any, multipart: bool
) -> None:
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        fields.setdefault(name, []).extend(to_text(v) for v in value if v is not None)
    elif isinstance(value, dict | list):
        if multipart:
            files.append((name, (None, _encoder.encode(value), "application/json")))
        elif isinstance(value, dict):
            for key, item in value.items():
                _add_field(fields, files, key, item, multipart)
        else:
            fields.setdefault(name, []).append(_encoder.encode(value).decode())
    else:
        fields.setdefault(name, []).append(to_text(value))
