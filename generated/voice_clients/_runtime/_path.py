"""Filling a path template, one argument per path segment.

Arguments are caller data, so none of them may change the shape of the path: every
character outside RFC 3986's unreserved set is percent-encoded (`/` included), and a value
that is exactly `.` or `..` is encoded too, or URL normalisation would resolve it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from ._errors import RequestValidationError
from ._query import to_text

# A pattern string rather than a compiled pattern: compiling at import is measurable,
# and templates are only split once per endpoint, on its first call.
_PLACEHOLDER = r"\{([^{}]+)\}"
_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}


class PathTemplate:
    """A template split once into literals and the index of the value filling each gap.

    Some specs give two operations on one URL distinct path keys by a fragment
    (`/#X-Amz-Target=Service.Action`) or a literal query (`/?Action=List`). A fragment
    is never sent, so it is dropped here; a literal query stays (arguments are
    percent-encoded, so a `?` in the filled path is always the template's own).
    """

    __slots__ = ("indexes", "literals", "names")

    def __init__(self, template: str, params: Sequence[str]) -> None:
        template = template.split("#", 1)[0]
        pieces = re.split(_PLACEHOLDER, template)
        # `split` alternates literal, placeholder name, literal, ...
        self.literals: tuple[str, ...] = tuple(pieces[0::2])
        self.names: tuple[str, ...] = tuple(pieces[1::2])
        if sorted(self.names) != sorted(params):
            raise ValueError(f"path {template!r} has placeholders {self.names}, not {params}")
        self.indexes: tuple[int, ...] = tuple(params.index(name) for name in self.names)

    def fill(self, values: Sequence[object]) -> str:
        literals = self.literals
        if len(literals) == 1:
            return literals[0]
        if len(values) != len(self.indexes):
            raise TypeError(f"expected {len(self.indexes)} path values, got {len(values)}")
        parts = [literals[0]]
        for i, index in enumerate(self.indexes):
            parts.append(encode_segment(values[index], self.names[i]))
            parts.append(literals[i + 1])
        return "".join(parts)


def encode_segment(value: object, name: str) -> str:
    text = to_text(value)
    if not text:
        raise RequestValidationError("must not be empty (it fills a path segment)", path=name)
    return _DOT_SEGMENTS.get(text) or quote(text, safe="")
