"""The formatting processes started before rendering (`EarlyFormatter`): what they format is
what black formats here; a single one (a warm run) leaves a large amount of text to
processes started for it; a cold run starts one per core, as many as the API keeps busy."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import pipeline
from generator.cache import Cache
from generator.render import formatting
from generator.render.formatting import EarlyFormatter, format_files
from generator.render.renderer import Distribution

_SEED = Path(__file__).resolve().parents[2] / "specs" / "polyai" / "import-phone-numbers.yaml"
_SMALL = {
    "p/a.py": "x = {'a':1}\n\n\n\n\ndef f( a ):\n    return a\n",
    "p/b.py": "class B(object) :\n  pass\n",
}


def _large() -> dict[str, str]:
    """More text than `_PARALLEL_MIN_CHARS`, in many top-level statements."""
    body = "".join(f"value_{i} = {{'key':[ {i},{i} ]}}\n" for i in range(4_000))
    assert len(body) > formatting._PARALLEL_MIN_CHARS
    return {"p/large.py": body}


def test_what_the_early_formatter_formats_is_what_is_formatted_here() -> None:
    expected = format_files(_SMALL, Cache(None))
    with EarlyFormatter() as early:
        assert format_files(_SMALL, Cache(None), early=early) == expected
        assert early.pool is not None  # it did the work, and is still there


def test_much_text_goes_to_processes_started_for_it() -> None:
    files = _large()
    expected = format_files(files, Cache(None))
    with EarlyFormatter() as early:
        assert format_files(files, Cache(None), early=early) == expected
        assert early.pool is None  # stopped before the others were started


def test_several_early_formatters_take_every_job() -> None:
    """One per core on a cold run: much text stays with them, formatted as here."""
    files = {**_large(), **_SMALL}
    expected = format_files(files, Cache(None))
    with EarlyFormatter(2) as early:
        pool = early.pool
        assert format_files(files, Cache(None), early=early) == expected
        assert early.pool is pool  # no other processes were started


def test_a_cold_run_starts_one_early_formatter_per_core_it_keeps_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[int] = []
    real = EarlyFormatter

    def recording(workers: int = 1) -> EarlyFormatter:
        started.append(workers)
        return real(workers)

    monkeypatch.setattr("generator.pipeline.EarlyFormatter", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pipeline.build_single(_SEED, "seed")
    assert started == [2]
    started.clear()
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    pipeline.build_single(_SEED, "seed")
    assert started == [2]  # a small API keeps no more busy
    started.clear()
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    pipeline.build_single(_SEED, "seed")
    assert started == []  # with one core, rendering would only take turns with it


def test_the_early_formatters_grow_with_the_api_up_to_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def distribution(operations: int) -> Distribution:
        api = SimpleNamespace(
            operations=range(operations), response_definitions=(), request_definitions=()
        )
        return Distribution("d", "d", "0.1.0", (api,))  # type: ignore[arg-type]

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    per = pipeline._PARTS_PER_FORMATTER
    assert pipeline._early_formatters(distribution(3)) == 2
    assert pipeline._early_formatters(distribution(5 * per)) == 5
    assert pipeline._early_formatters(distribution(100 * per)) == 8
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert pipeline._early_formatters(distribution(100 * per)) == 1
