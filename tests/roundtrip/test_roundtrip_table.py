"""The round trip's section of docs/corpus.md: totals, causes grouped, other sections kept."""

from __future__ import annotations

from pathlib import Path

from harness import MOCK_LIMIT, OK, REFUSED, UNROUTABLE, Call, SpecResult
from roundtrip import SECTION, Target, cause, write_table


def test_causes_leave_out_names_paths_and_numbers_but_keep_types() -> None:
    assert cause(REFUSED, "RequestValidationError: tags[0].key: Expected `object`, got `str`") == (
        cause(REFUSED, "RequestValidationError: name: Expected `object`, got `str`")
    )
    assert cause(REFUSED, "RequestValidationError: x: Expected `object`, got `int`") != (
        cause(REFUSED, "RequestValidationError: x: Expected `object`, got `str`")
    )
    assert cause(MOCK_LIMIT, "(dynamic response) Body property 'a' must be >= 3; more") == (
        "mock limit: Body property … must be >= N"
    )
    unrouted = f"{UNROUTABLE}: NO_METHOD_MATCHED_ERROR: The route /a has been matched"
    assert cause(MOCK_LIMIT, unrouted) == f"mock limit: {UNROUTABLE}"


def test_the_section_replaces_its_last_version_and_keeps_what_comes_before(
    tmp_path: Path,
) -> None:
    table = tmp_path / "corpus.md"
    table.write_text("# Corpus\n\nkept\n" + SECTION + "\n\nold rows\n", encoding="utf-8")
    calls = [
        Call("GET /a", "sync", OK),
        Call("GET /a", "async", OK),
        Call("GET /b", "sync", OK),
        Call("GET /b", "async", REFUSED, "RequestValidationError: b: Expected `object`, got `str`"),
    ]
    result = SpecResult("one.json", operations=3, calls=calls, seconds=1.0)
    rows = [
        (Target("one.json", Path("one.json"), None), result),
        (Target("two.json", Path("two.json"), None), None),
    ]

    write_table(rows, table)

    text = table.read_text(encoding="utf-8")
    assert text.startswith("# Corpus\n\nkept\n") and "old rows" not in text
    assert "| the public corpus sample | 1 of 2 | 3 | 1 | 1 | 0 | 0 | 0 | 0 | 1 |" in text
    assert "| refused: RequestValidationError: …: Expected `object`, got `str` | 1 | 1 |" in text
    assert "| two.json | | | | | | | | | | not run |" in text
    assert "Round trip OK: 1 of 3 operations of the public corpus sample (33%)." in text


def test_the_public_corpus_table_keeps_the_round_trip_section_after_it(tmp_path: Path) -> None:
    import public

    table = tmp_path / "corpus.md"
    table.write_text(
        "# Corpus\n\nintro\n" + public.PUBLIC_SECTION + ": old\n\nold rows\n"
        "\n## Round trip: every operation called\n\nround trip rows\n",
        encoding="utf-8",
    )
    public.write_table([], "1.0.0", table)
    text = table.read_text(encoding="utf-8")
    assert text.startswith("# Corpus\n\nintro\n")
    assert "old rows" not in text
    assert text.endswith("\n## Round trip: every operation called\n\nround trip rows\n")
