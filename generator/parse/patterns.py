"""Spec `pattern`s (ECMA-262 syntax) → patterns Python's `re` compiles, or a reason why not.

A generated module states each pattern in a `msgspec.Meta`, which compiles it at import
time, so a pattern `re` rejects would make the module fail to import. Unicode property
escapes (`\\p{L}`, `\\P{Lu}`, `\\p{General_Category=Nd}`) are common in real specs and
`re` has none: general categories are spelled out as the code point ranges they cover
(taken from `unicodedata`); whatever still does not compile is reported, never emitted.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cache

from generator.cache import digest, installation_cache

_MAJOR = {"L", "M", "N", "P", "S", "Z", "C"}
_LONG_NAMES = {
    "letter": "L",
    "cased_letter": "LC",
    "uppercase_letter": "Lu",
    "lowercase_letter": "Ll",
    "titlecase_letter": "Lt",
    "modifier_letter": "Lm",
    "other_letter": "Lo",
    "mark": "M",
    "combining_mark": "M",
    "nonspacing_mark": "Mn",
    "spacing_mark": "Mc",
    "enclosing_mark": "Me",
    "number": "N",
    "decimal_number": "Nd",
    "digit": "Nd",
    "letter_number": "Nl",
    "other_number": "No",
    "punctuation": "P",
    "punct": "P",
    "connector_punctuation": "Pc",
    "dash_punctuation": "Pd",
    "open_punctuation": "Ps",
    "close_punctuation": "Pe",
    "initial_punctuation": "Pi",
    "final_punctuation": "Pf",
    "other_punctuation": "Po",
    "symbol": "S",
    "math_symbol": "Sm",
    "currency_symbol": "Sc",
    "modifier_symbol": "Sk",
    "other_symbol": "So",
    "separator": "Z",
    "space_separator": "Zs",
    "line_separator": "Zl",
    "paragraph_separator": "Zp",
    "other": "C",
    "control": "Cc",
    "cntrl": "Cc",
    "format": "Cf",
    "surrogate": "Cs",
    "private_use": "Co",
    "unassigned": "Cn",
}
_PROPERTY = re.compile(r"\\([pP])(?:\{([^}]*)\}|([A-Za-z]))")


class PatternError(ValueError):
    """A pattern that Python's `re` cannot express; the message says why."""


def python_pattern(pattern: str) -> str:
    """`pattern` in Python's syntax, compiled once to prove it; raises `PatternError`."""
    translated = _translate_properties(pattern) if "\\p" in pattern or "\\P" in pattern else pattern
    try:
        re.compile(translated)
    except re.error as exc:
        raise PatternError(f"Python's `re` cannot compile it ({exc})") from None
    except (OverflowError, RecursionError):
        raise PatternError("Python's `re` cannot compile it (too large)") from None
    return translated


def _translate_properties(pattern: str) -> str:
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            match = _PROPERTY.match(pattern, index)
            if match is None:
                out.append(pattern[index : index + 2])
                index += 2
                continue
            negated = match.group(1) == "P"
            spans = _spans_of(match.group(2) if match.group(3) is None else match.group(3))
            if in_class:
                out.append(_spell(_invert(spans) if negated else spans))
            else:
                out.append(("[^" if negated else "[") + _spell(spans) + "]")
            index = match.end()
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if pattern.startswith("^", index + 1):
                out.append("^")
                index += 1
            if pattern.startswith("]", index + 1):  # a literal `]` first in a class
                out.append("\\]")
                index += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _spans_of(name: str) -> tuple[tuple[int, int], ...]:
    """The code point ranges of a property name; raises for what is not a category."""
    key = name.strip()
    if "=" in key:
        prop, _, key = key.partition("=")
        if prop.strip().lower() not in ("gc", "general_category"):
            raise PatternError(f"`\\p{{{name}}}` names a property Python's `re` has no form for")
        key = key.strip()
    category = key if key in _MAJOR or key == "LC" else None
    if category is None and len(key) == 2 and key[0] in _MAJOR:
        category = key if key in _all_categories() else None
    if category is None:
        category = _LONG_NAMES.get(key.lower().replace(" ", "_").replace("-", "_"))
    if category is None:
        raise PatternError(
            f"`\\p{{{name}}}` is not a Unicode general category, and Python's `re` supports "
            "no other properties"
        )
    return _spans(category)


@cache
def _all_categories() -> frozenset[str]:
    return frozenset(_code_point_categories())


@cache
def _code_point_categories() -> dict[str, tuple[tuple[int, int], ...]]:
    """Every general category's code point ranges, read from the installation's store or
    else computed (a walk of every code point: a tenth of a second) and stored there:
    they depend on the Unicode version of Python's `unicodedata` alone."""
    store = installation_cache()
    key = digest(_TABLE_FORMAT, unicodedata.unidata_version, str(sys.maxunicode))
    stored = store.get(_TABLE_NAMESPACE, key)
    if stored is not None:
        try:
            table = json.loads(stored)
            return {
                name: tuple((low, high) for low, high in spans) for name, spans in table.items()
            }
        except (ValueError, TypeError):
            pass  # not a table of ours: computed again, and replaced
    computed = _computed_categories()
    store.put(_TABLE_NAMESPACE, key, json.dumps(computed, sort_keys=True).encode())
    return computed


_TABLE_NAMESPACE = "unicode-categories"
_TABLE_FORMAT = "general category -> [[first, last] code point ranges] 1"


def _computed_categories() -> dict[str, tuple[tuple[int, int], ...]]:
    ranges: dict[str, list[tuple[int, int]]] = {}
    start, current = 0, unicodedata.category("\x00")
    for code in range(1, sys.maxunicode + 2):
        category = unicodedata.category(chr(code)) if code <= sys.maxunicode else ""
        if category != current:
            ranges.setdefault(current, []).append((start, code - 1))
            start, current = code, category
    return {name: tuple(spans) for name, spans in ranges.items()}


@cache
def _spans(category: str) -> tuple[tuple[int, int], ...]:
    table = _code_point_categories()
    if category == "LC":
        members = ["Lu", "Ll", "Lt"]
    elif len(category) == 1:
        members = [name for name in table if name.startswith(category)]
    else:
        members = [category]
    spans = sorted(span for name in members for span in table.get(name, ()))
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return tuple(merged)


def _invert(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Every code point not in `spans` (sorted, disjoint)."""
    result: list[tuple[int, int]] = []
    previous = 0
    for low, high in spans:
        if low > previous:
            result.append((previous, low - 1))
        previous = high + 1
    if previous <= sys.maxunicode:
        result.append((previous, sys.maxunicode))
    return tuple(result)


def _spell(spans: tuple[tuple[int, int], ...]) -> str:
    parts = []
    for low, high in spans:
        parts.append(_escape(low) if low == high else f"{_escape(low)}-{_escape(high)}")
    return "".join(parts)


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
