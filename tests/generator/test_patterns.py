"""Spec patterns → Python's `re`: Unicode categories spelled out, the rest refused."""

from __future__ import annotations

import re

import pytest

from generator.parse.patterns import PatternError, python_pattern


@pytest.mark.parametrize(
    ("pattern", "matches", "rejects"),
    [
        (r"^\p{L}+$", ["Zoë", "日本", "Łódź"], ["a1", "a_b", ""]),
        (r"^\p{Letter}+$", ["abc"], ["a b"]),
        (r"^\p{Lu}\p{Ll}*$", ["Ann", "Émile"], ["ann", "AnN"]),
        (r"^\pL\pN$", ["a1", "é٣"], ["1a"]),
        (r"^\p{N}+$", ["123", "٣½"], ["12a"]),
        (r"^\p{gc=Nd}+$", ["0\u0661"], ["½"]),
        (r"^\P{L}+$", ["12 -"], ["1a"]),
        (r"^[\p{L}\p{N} .'-]+$", ["Zoë O'Brien-2"], ["a_b", "x!"]),
        (r"^[^\p{L}]+$", ["123"], ["1a"]),
        (r"^[\P{L}]+$", ["1 2"], ["b"]),
        (r"^[\]\p{Lu}]+$", ["A]B"], ["a"]),
        (r"^\p{Sc}$", ["€", "$"], ["e"]),
        (r"^\\p{L}$", ["\\p{L}"], ["a"]),  # an escaped backslash, not a property
    ],
)
def test_categories_are_translated(pattern: str, matches: list[str], rejects: list[str]) -> None:
    compiled = re.compile(python_pattern(pattern))
    assert [bool(compiled.search(text)) for text in matches] == [True] * len(matches)
    assert [bool(compiled.search(text)) for text in rejects] == [False] * len(rejects)


def test_patterns_without_properties_are_kept_as_written() -> None:
    assert python_pattern(r"^\d{3}-[a-z]+$") == r"^\d{3}-[a-z]+$"


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"^\p{Script=Greek}+$", "names a property"),
        (r"^\p{Greek}+$", "not a Unicode general category"),
        (r"^\p{Xx}$", "not a Unicode general category"),
        (r"(?<=a+)b", "cannot compile"),
        (r"[a-", "cannot compile"),
    ],
)
def test_what_re_cannot_express_is_refused(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=re.escape(reason)):
        python_pattern(pattern)
