"""Formatting processes started before the text to format is known (`EarlyFormatter`),
and the modules they cut and format for the process that renders (`EarlyCuts`).

On a cold run, rendering a module and cutting it (a parse and a compile of its text) are
about as long as each other, and formatting most pieces is shorter than both: done one
after the other in the process that renders, they add up. Given to the formatting
processes, the modules are cut and formatted on every core, and the process that
renders only joins what they give back: with a core to spare beside rendering and
validation (`pipeline._cut_while_rendering`), each as it is rendered, while the next
renders; else all once they are rendered.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.render.format_jobs import Job, Result, cut_job, format_batch, import_black
from generator.render.pieces import PieceSpans, pieces_at
from generator.render.recut import Layout

if TYPE_CHECKING:
    from concurrent.futures import Future

# How far a formatting process gives way (`_yielding`): the scheduler then gives a busy
# process of normal priority about ten times its share of a core.
_NICENESS = 10
# A batch of pieces sent to a formatting process holds about this much text: small enough
# that the processes share a module's pieces, large enough that sending them costs little.
_BATCH_CHARS = 32_000


class EarlyFormatter:
    """Formatting processes started before the text to format is known.

    With `workers` > 1, one per core (a cold run), every job goes to them, and modules can
    be given to them as soon as their text is final (`cutter`). They import black only
    when a text needs it (`format_jobs`): a run whose every piece is recognised never
    does. With one (a warm cache: `pipeline._formatted`), it imports black as it starts,
    beside rendering, and takes jobs of less than `formatting._PARALLEL_MIN_CHARS`, so
    that a run that formats little (one schema edited) does not wait for the import; more
    text is shared out among processes started for it as without one (this one is
    stopped first: no fork while its thread runs). Used as a context manager, started
    after validation has been (for the same reason).
    """

    def __init__(self, workers: int = 1) -> None:
        self.pool: Any = None
        self.workers = workers
        self.cuts: EarlyCuts | None = None

    def __enter__(self) -> EarlyFormatter:
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context(),
            initializer=_yielding if self.workers > 1 else _yielding_with_black,
        )
        self.pool.submit(_started)  # forks them all now
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def cutter(self, wanted: Callable[[str], bool]) -> Callable[[str, str], None] | None:
        """What is called with each module's path and final text: with several processes,
        a module for which `wanted` holds is cut and its pieces formatted by them from
        then on; None with one (modules are cut when formatting begins)."""
        if self.workers < 2 or self.pool is None:
            return None
        self.cuts = EarlyCuts(self.pool, wanted)
        return self.cuts.add


def context() -> Any:
    """fork where there is one: workers inherit the imported modules instead of importing
    them."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _started() -> None:
    """A first job, so that the pool starts its processes at once."""


def _yielding() -> None:
    """A formatting process gives way to the process that renders and to validation.

    Those are one chain of work each, which no other core can shorten; formatting is
    many small jobs, which any idle core can take. Given way to, each chain keeps a core
    while it runs, and formatting takes what they leave: the cores are busy to the end,
    instead of one chain finishing alone, late, on one core.
    """
    # No `nice` (Windows), or not allowed: only the order of the work would change.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(_NICENESS)


def _yielding_with_black() -> None:
    _yielding()
    import_black()


# What `format_jobs.cut_job` gives back for a module.
_Cut = tuple[list[PieceSpans], list[int]] | None


class EarlyCuts:
    """Modules cut by the formatting processes as they are rendered, and the pieces black
    would change formatted there too, as soon as each cut is back (a text met before is
    not sent again). A cut comes back as positions in the module's text and the pieces
    black would change; the rest are their own formatting.

    `layouts` and `formatted` wait for what is still under way; the modules are joined,
    checked and cached by `formatting`, as if cut there.
    """

    def __init__(self, pool: Any, wanted: Callable[[str], bool]) -> None:
        self._pool = pool
        self._wanted = wanted
        self._cuts: dict[str, tuple[str, Future[_Cut]]] = {}
        self._layouts: dict[str, Layout | None] = {}  # the cuts back, as pieces
        self._unsent: dict[Future[_Cut], str] = {}  # cuts back but not read, by path
        self._results: dict[str, str | None] = {}  # texts recognised, as they are
        self._sent: set[str] = set()
        self._batches: list[tuple[list[str], Future[list[Result]]]] = []

    def add(self, path: str, text: str) -> None:
        """Cut the module at `path` in a formatting process, if it is Python and wanted."""
        if not path.endswith(".py") or not self._wanted(path):
            return
        future: Future[_Cut] = self._pool.submit(cut_job, path, text)
        self._cuts[path] = (text, future)
        self._unsent[future] = path
        self._read([done for done in self._unsent if done.done()])

    def layouts(self) -> dict[str, tuple[str, Layout | None]]:
        """Each module given: its text, and its pieces (None: to be formatted whole)."""
        self._read_all()
        return {path: (text, self._layouts[path]) for path, (text, _) in self._cuts.items()}

    def formatted(self, count: Callable[[int, int], None]) -> dict[str, str | None]:
        """Every piece of the modules cut, as black gives it (None where black refused
        it); `count` is told how many batches of pieces are back, of how many, as they
        come."""
        from concurrent.futures import as_completed

        self._read_all()
        batches = {future: texts for texts, future in self._batches}
        results = dict(self._results)
        for finished, future in enumerate(as_completed(batches), 1):
            for text, (_, formatted, _, _) in zip(batches[future], future.result(), strict=True):
                results[text] = formatted
            count(finished, len(batches))
        if not batches:
            count(1, 1)  # all recognised as they were cut
        return results

    def _read_all(self) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        while self._unsent:
            done, _ = wait(self._unsent, return_when=FIRST_COMPLETED)
            self._read(list(done))

    def _read(self, cuts: list[Future[_Cut]]) -> None:
        """The pieces of these finished cuts; those black would change and were not sent
        before go to the processes, in batches."""
        texts: list[str] = []
        for future in cuts:
            path = self._unsent.pop(future)
            cut = future.result()
            if cut is None:
                self._layouts[path] = None
                continue
            spans, left = cut
            pieces = pieces_at(self._cuts[path][0], spans)
            self._layouts[path] = [*pieces]
            every = [text for piece in pieces for text in piece.texts]
            changed = {every[index] for index in left}
            for text in every:
                if text not in changed:
                    self._results[text] = text  # recognised: its own formatting
                elif text not in self._sent:
                    self._sent.add(text)
                    texts.append(text)
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size >= _BATCH_CHARS:
                self._submit(batch)
                batch, size = [], 0
        if batch:
            self._submit(batch)

    def _submit(self, texts: list[str]) -> None:
        jobs: list[Job] = [(text, text, True) for text in texts]
        self._batches.append((texts, self._pool.submit(format_batch, jobs)))
