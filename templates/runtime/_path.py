"""Filling a path template, one argument per path segment.

Arguments are caller data, so none of them may change the shape of the path: every
character outside RFC 3986's unreserved set is percent-encoded (`/` included). What no
encoding can make safe is refused before anything is sent: a value that is exactly `.` or
`..` (URL normalisers resolve `%2E%2E` back into a step up, whatever the client sends),
an empty one (it merges two segments; refused in the Stainless SDKs' words), and anything
that is not a scalar, since `None`, bytes or a list would otherwise be sent as their
Python spelling (`/numbers/None`).
"""

from __future__ import annotations

import datetime
import math
import re
import uuid
from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from urllib.parse import quote

from ._errors import RequestValidationError
from ._text import to_text

# A pattern string rather than a compiled pattern: compiling at import is measurable,
# and templates are only split once per endpoint, on its first call.
_PLACEHOLDER = r"\{([^{}]+)\}"


class PathTemplate:
    """A template split once into literals and the index of the value filling each gap.

    Some specs give two operations on one URL distinct path keys by a fragment
    (`/#X-Amz-Target=Service.Action`) or a literal query (`/?Action=List`). A fragment
    is never sent, so it is dropped here; a literal query stays (arguments are
    percent-encoded, so a `?` in the filled path is always the template's own).

    `python_names` (parallel to `params`) are the caller's names for the values, used in
    error messages; by default they are the placeholders' own names.
    """

    __slots__ = ("indexes", "labels", "literals", "names")

    def __init__(
        self, template: str, params: Sequence[str], python_names: Sequence[str] = ()
    ) -> None:
        template = template.split("#", 1)[0]
        pieces = re.split(_PLACEHOLDER, template)
        # `split` alternates literal, placeholder name, literal, ...
        self.literals: tuple[str, ...] = tuple(pieces[0::2])
        self.names: tuple[str, ...] = tuple(pieces[1::2])
        if sorted(self.names) != sorted(params):
            raise ValueError(f"path {template!r} has placeholders {self.names}, not {params}")
        self.indexes: tuple[int, ...] = tuple(params.index(name) for name in self.names)
        labels = python_names or params
        self.labels: tuple[str, ...] = tuple(labels[index] for index in self.indexes)

    def fill(self, values: Sequence[object]) -> str:
        literals = self.literals
        if len(literals) == 1:
            return literals[0]
        if len(values) != len(self.indexes):
            raise TypeError(f"expected {len(self.indexes)} path values, got {len(values)}")
        parts = [literals[0]]
        for i, index in enumerate(self.indexes):
            parts.append(encode_segment(values[index], self.labels[i]))
            parts.append(literals[i + 1])
        return "".join(parts)


def encode_segment(value: object, name: str) -> str:
    """`value` as one percent-encoded path segment; `name` is the argument it came from."""
    text = _segment_text(value, name)
    if not text:
        # The first sentence is the Stainless SDKs' own, so code and tests written against
        # them (`pytest.raises(ValueError, match=...)`) still match.
        raise RequestValidationError(
            f"Expected a non-empty value for `{name}` but received {value!r}:"
            " a path segment must not be empty",
            path=name,
        )
    if text == "." or text == "..":
        raise RequestValidationError(
            f"must not be {text!r}: servers resolve it as a dot segment, changing the path",
            path=name,
        )
    return quote(text, safe="")


def _segment_text(value: object, name: str) -> str:
    if isinstance(value, Enum):  # an enum member stands for its value
        value = value.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RequestValidationError(f"must be a finite number, got {value!r}", path=name)
        return repr(float(value))
    if isinstance(value, datetime.date | datetime.time | uuid.UUID | Decimal):
        return to_text(value)  # spelled as everywhere else: RFC 3339, ISO 8601
    raise RequestValidationError(
        "expected str, int, float, bool, a date, time or datetime, a UUID or a Decimal"
        f" (it fills a path segment), got {type(value).__name__}",
        path=name,
    )
