"""The formatting processes started before rendering (`EarlyFormatter`): what they format is
what black formats here; a single one (a warm run) leaves a large amount of text to
processes started for it; a cold run starts one per core, as many as the API keeps busy,
which cut and format each module as it is rendered (`EarlyCuts`), give way to the other
processes and import black only when a piece needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from generator import pipeline
from generator.cache import Cache
from generator.diagnostics import GeneratorError
from generator.render import format_jobs, formatting, renderer
from generator.render.formatting import format_files, module_cutter
from generator.render.formatting_processes import EarlyFormatter
from generator.render.recut import Cut, Layout
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

    monkeypatch.setattr("generator.render.formatting_processes.EarlyFormatter", recording)
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


# Modules of every kind the cutter meets: cut, cut with comments, formatted whole (a
# decorator), sharing a piece with another, and not Python.
_RENDERED = {
    "p/a.py": "x = {'a':1}\n\n\n\n\ndef f( a ):\n    return a\nclass B(object) :\n  pass\n",
    "p/b.py": "import os\n# why\nX = os\n\n\ndef f( a ):\n    return a\n",
    "p/c.py": "import functools\n@functools.cache\ndef f():\n    pass\n",
    "p/d.py": "x = (\n",
    "p/api.md": "# API\n",
}


def test_modules_cut_while_rendering_are_formatted_as_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = {**_RENDERED, **_large()}
    files.pop("p/d.py")
    expected = format_files(files, Cache(None))
    cut_here: list[str] = []
    real_cut = formatting.cut_module

    def recording(path: str, text: str, previous: Cut | None) -> Layout | None:
        cut_here.append(path)
        return real_cut(path, text, previous)

    with EarlyFormatter(2) as early:
        rendered = module_cutter(early, Cache(None))
        monkeypatch.setattr(formatting, "cut_module", recording)  # here, not in the processes
        for path, text in files.items():
            rendered(path, text)
        assert early.cuts is not None
        assert set(early.cuts.layouts()) == {p for p in files if p.endswith(".py")}
        assert format_files(files, Cache(None), early=early) == expected
    assert cut_here == []


def test_a_module_that_does_not_compile_is_reported_as_without_them() -> None:
    files = {"p/d.py": _RENDERED["p/d.py"]}
    with pytest.raises(GeneratorError) as without:
        format_files(files, Cache(None))
    with EarlyFormatter(2) as early, pytest.raises(GeneratorError) as given:
        module_cutter(early, Cache(None))("p/d.py", files["p/d.py"])
        format_files(files, Cache(None), early=early)
    assert str(given.value) == str(without.value)


def test_a_module_with_a_pieces_entry_is_cut_again_around_its_edit(tmp_path: Path) -> None:
    """Not by the early formatters: its entry holds its cut and its formatted pieces."""
    cache = Cache(tmp_path)
    files = {path: text for path, text in _RENDERED.items() if path != "p/d.py"}
    format_files(files, cache)
    edited = {**files, "p/a.py": files["p/a.py"].replace("'a':1", "'a':2")}
    new = {"p/e.py": "y=1\n"}
    with EarlyFormatter(2) as early:
        rendered = module_cutter(early, cache)
        for path, text in {**edited, **new}.items():
            rendered(path, text)
        assert early.cuts is not None
        assert set(early.cuts.layouts()) == {"p/e.py"}
        result = format_files({**edited, **new}, cache, early=early)
    assert result == format_files({**edited, **new}, Cache(None))


def test_the_formatting_processes_give_way() -> None:
    mine = os.nice(0)
    for workers in (1, 2):
        with EarlyFormatter(workers) as early:
            assert early.pool.submit(os.nice, 0).result() == min(19, mine + 10)


_PROBE = """
import sys, time
from generator.render.formatting_processes import EarlyFormatter
from generator.render.recut import Cut, Layout
from generator.render.formatting import format_files, module_cutter
from generator.cache import Cache
from generator.diagnostics import GeneratorError

def black_here(_: int) -> bool:
    time.sleep(0.02)
    return "black" in sys.modules

files = {"p/a.py": sys.argv[1]}
with EarlyFormatter(2) as early:
    module_cutter(early, Cache(None))("p/a.py", files["p/a.py"])
    format_files(files, Cache(None), early=early)
    print(any(early.pool.map(black_here, range(8))), "black" in sys.modules)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the processes are forked")
@pytest.mark.parametrize(
    ("text", "imported"), [("x = 1\n", "False False"), ("x=1\n", "True False")]
)
def test_black_is_imported_only_where_a_piece_needs_it(text: str, imported: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, text],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert run.stdout.split("\n")[0] == imported


def test_modules_are_cut_while_rendering_with_a_core_to_spare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Beside the process that renders and the one that validates; without one, every
    module is given to the formatting processes once all are rendered, the largest
    first."""
    given: list[tuple[bool, int]] = []  # (while rendering, the module's size)
    rendering = [False]
    real_cut, real_render = formatting.module_cutter, renderer.render_distribution

    def counting(early: EarlyFormatter, cache: Cache | None) -> Callable[[str, str], None]:
        add = real_cut(early, cache)

        def counted(path: str, text: str) -> None:
            given.append((rendering[0], len(text)))
            add(path, text)

        return counted

    def flagging(*args: Any, **kwargs: Any) -> dict[str, str]:
        rendering[0] = True
        try:
            return real_render(*args, **kwargs)
        finally:
            rendering[0] = False

    monkeypatch.setattr(formatting, "module_cutter", counting)
    monkeypatch.setattr(renderer, "render_distribution", flagging)
    expected = pipeline.build_single(_SEED, "seed")
    for cores, while_rendering in ((2, False), (3, True), (8, True)):
        given.clear()
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert pipeline.build_single(_SEED, "seed") == expected
        assert given and {during for during, _ in given} == {while_rendering}
        if not while_rendering:
            sizes = [size for _, size in given]
            assert sizes == sorted(sizes, reverse=True)


def test_a_cut_whose_pieces_cannot_be_placed_leaves_the_module_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _RENDERED["p/b.py"]
    spans, left = format_jobs.cut_job("p/b.py", text) or ([], [])
    assert spans and left  # `def f( a )` is left to black

    def refused(text: str, pieces: object) -> object:
        raise ValueError("a piece is not where the stretches before it end")

    monkeypatch.setattr(format_jobs, "spans_of", refused)
    assert format_jobs.cut_job("p/b.py", text) is None
