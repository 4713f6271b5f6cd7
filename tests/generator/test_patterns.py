"""Spec patterns → Python's `re`: Unicode categories spelled out, the rest refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.parse import patterns
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


def test_the_category_table_is_kept_in_the_installations_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Computed once per installation (a walk of every code point), then read back equal;
    an entry that is not a table of ours is computed again."""
    store = Cache(tmp_path)
    monkeypatch.setattr(patterns, "installation_cache", lambda: store)
    computed = patterns._computed_categories()
    patterns._code_point_categories.cache_clear()
    try:
        assert patterns._code_point_categories() == computed  # computed and stored
        (entry,) = (tmp_path / "unicode-categories").iterdir()
        patterns._code_point_categories.cache_clear()
        monkeypatch.setattr(patterns, "_computed_categories", _not_called)
        assert patterns._code_point_categories() == computed  # read back
        store.put("unicode-categories", entry.name, b'{"Lu": "not ranges"}')
        patterns._code_point_categories.cache_clear()
        monkeypatch.undo()
        monkeypatch.setattr(patterns, "installation_cache", lambda: store)
        assert patterns._code_point_categories() == computed  # computed again
    finally:
        patterns._code_point_categories.cache_clear()


def _not_called() -> dict[str, tuple[tuple[int, int], ...]]:
    raise AssertionError("the table was computed again")
