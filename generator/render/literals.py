"""Spec text → Python source text that can never be anything but data.

Every string from a spec (descriptions, enum values, defaults, URLs) reaches the
generated code through these two functions: `py_literal` for values (built on
`repr`, which always yields a valid, inert literal) and `docstring` for prose.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_DOC_WIDTH = 88


def py_literal(value: Any) -> str:
    """A Python literal for a JSON value."""
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool | int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f"float({str(value)!r})"
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        return py_tuple(py_literal(v) for v in value)
    if isinstance(value, dict):
        items = ", ".join(f"{py_literal(str(k))}: {py_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    return _string(str(value))


def py_tuple(items: Iterable[str]) -> str:
    """A tuple display of the given source texts, as black writes one that fits a line."""
    items = list(items)
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _string(value: str) -> str:
    """`repr`, in the quotes black would choose: double, unless that needs more escapes.

    black rewrites a literal into double quotes when that adds no backslashes, and keeps
    it when the counts tie and it is already double-quoted; writing it so saves black the
    rewrite (the escapes other than quotes are `repr`'s, which black leaves alone).
    """
    text = repr(value)
    if text[0] == '"':
        return text  # repr chose double quotes: the value has a ' and no "
    if '"' not in value:
        return '"' + text[1:-1] + '"'
    if value.count('"') > value.count("'"):
        return text
    return '"' + "".join(_in_double_quotes(char) for char in value) + '"'


def _in_double_quotes(char: str) -> str:
    if char == '"':
        return '\\"'
    return "'" if char == "'" else repr(char)[1:-1]


@lru_cache(maxsize=4096)
def docstring(*paragraphs: str | None, indent: int = 4) -> str:
    """A triple-quoted docstring holding the given paragraphs, safely escaped.

    Returns an empty string when there is no text, so templates can emit it as is.
    Lines end without trailing spaces, as black leaves them. Kept once computed: a
    method's docstring is written again for its async twin.
    """
    text = "\n\n".join(p.strip() for p in paragraphs if p and p.strip())
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    wrapped = "\n".join(line.rstrip() for line in _wrap(text, _DOC_WIDTH - indent).split("\n"))
    pad = " " * indent
    lines = _escape(wrapped).split("\n")
    body = "\n".join((pad + line) if line else "" for line in lines[1:])
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    return f'"""{lines[0]}\n{body}\n{pad}"""'


def _wrap(text: str, width: int) -> str:
    """Wrap long lines one by one, so lists and code blocks in Markdown keep their shape."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        stripped = line.lstrip()
        lead = line[: len(line) - len(stripped)]
        # Continuation lines hang under a list item's text, or an indented entry's.
        bullet = re.match(r"([-*+]|\d+[.)]) ", stripped)
        hanging = lead + " " * (len(bullet.group(0)) if bullet else 2 if lead else 0)
        lines.extend(
            textwrap.wrap(
                line,
                width=max(width, 40),
                subsequent_indent=hanging,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [line]
        )
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Make arbitrary text safe inside a non-raw triple-quoted string."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.replace("\n", "").replace("\t", "").isprintable():  # the usual case, in one call
        return _closing_quote(text).replace("\t", "    ")
    out = []
    for char in text:
        if char == "\n" or char == "\t" or (char.isprintable() and char not in "\u2028\u2029"):
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
    return _closing_quote("".join(out)).replace("\t", "    ")


def _closing_quote(escaped: str) -> str:
    body = escaped[:-1]
    if escaped.endswith('"') and (len(body) - len(body.rstrip("\\"))) % 2 == 0:
        escaped = body + '\\"'  # a bare quote would close the docstring early
    return escaped
