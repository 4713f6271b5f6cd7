"""Generated text → final bytes: black for Python, then a compile check of every module
(which also refuses a module that defines a top-level name twice).

Formatting is most of a generation's time, so it is done once per distinct text and spread
over every core. A module is cut into its top-level statements (`pieces.py`) when that is
safe, and each statement (each method, in a class) is formatted apart: results are cached
per module path, each under (our mode, its text), in one entry keyed by (black's version,
our mode, the path), so editing one schema reformats one class, and a 29,000-line module
keeps every core busy. The entry also keeps how the module's text was cut, so that the
next text of the path is cut again only around what changed (`recut.py`): editing one
schema costs in proportion to the edit, not to the module. A module that cannot be cut
safely is formatted whole. Whole results are cached too, by the module's text, so an
unchanged module costs one lookup. A piece already in black's form (`fixed_points/`
recognises most of them) is taken as it is, without black. On a cold run, modules met
for the first time are cut and their pieces formatted by the formatting processes, with
a core to spare while the rest renders (`module_cutter`,
`formatting_processes.EarlyCuts`); they are joined, checked and cached here as the
others. The result is a dict keyed by path, so it does not depend on the order in which
workers finish. Files listed as
`preformatted` (the runtime, which lint keeps black-clean) are taken as they are.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, TypeGuard

from generator import progress
from generator.cache import Cache, digest
from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.render.format_jobs import Job, Result, format_batch, format_job
from generator.render.formatting_processes import EarlyFormatter, context
from generator.render.pieces import Kind, join_formatted, join_parts
from generator.render.recut import Cut, Layout, cut_module, cut_of

_NAMESPACE = "black"
# Part of every cache key: change it with any change to the mode below or to the checks
# a module passes before its text is cached (a hit skips them).
_MODE_KEY = "line_length=100 target_versions=py310 checks=compile,defined-twice"
# Per module path, its pieces formatted, each under a digest of its text (`_pieces_entry`).
_PIECES_NAMESPACE = "black-pieces"
# A piece's result passes no checks of its own: the module it came from compiled whole.
# Its text is taken as it is when `fixed_points` knows black would leave it so: change
# `fixed-points=` with any change there, so that no answer of an earlier version is kept.
_PIECE_MODE_KEY = "line_length=100 target_versions=py310 fixed-points=2"
# Below this much text to format (about a thousand lines), forking the workers costs more
# than it saves; at 60,000 characters two workers already save a fifth of formatting.
_PARALLEL_MIN_CHARS = 40_000


def format_files(
    files: dict[str, str],
    cache: Cache | None = None,
    preformatted: Collection[str] = (),
    early: EarlyFormatter | None = None,
) -> dict[str, bytes]:
    """Format and compile-check; a template bug is reported against the file it produced.
    `early`, when given, formats what little there is to format (see `EarlyFormatter`)."""
    cache = cache or Cache(None)
    version = metadata.version("black")
    formatted: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    todo: dict[str, str] = {}
    for path in sorted(files):
        text = files[path]
        if not path.endswith(".py") or path in preformatted:
            formatted[path] = text.encode("utf-8")
            continue
        keys[path] = digest(version, _MODE_KEY, text)
        hit = cache.get(_NAMESPACE, keys[path])
        if hit is not None:
            formatted[path] = hit
        else:
            todo[path] = text
    if todo:
        progress.stage(f"formatting {len(todo)} modules ({len(keys) - len(todo)} cached)")
    problems: list[Diagnostic] = []
    for path, result, message, line in _format_modules(todo, cache, version, early):
        if result is None:
            problems.append(Diagnostic(message, Location(path, line, 1)))
            continue
        formatted[path] = result.encode("utf-8")
        cache.put(_NAMESPACE, keys[path], formatted[path])
    if problems:
        raise GeneratorError(sorted(problems, key=lambda d: d.location.file if d.location else ""))
    return {path: formatted[path] for path in sorted(formatted)}


def module_cutter(early: EarlyFormatter, cache: Cache | None) -> Callable[[str, str], None] | None:
    """What is called with each module once its text is final (by the renderer, or when
    all are rendered): with several early formatters, a module with no pieces entry
    (nothing to cut again around an edit, no formatted pieces to take) is cut and
    formatted by them from then on (`formatting_processes.EarlyCuts`); `format_files`
    takes what they give back. None with a single early formatter."""
    cache = cache or Cache(None)
    version = metadata.version("black")
    return early.cutter(lambda path: _pieces_entry(cache, version, path) is None)


def _format_modules(
    todo: dict[str, str], cache: Cache, version: str, early: EarlyFormatter | None
) -> list[Result]:
    """Cut what can be cut, format the pieces and whole modules that miss, then join."""
    cuts = early.cuts if early is not None else None
    early_cut = cuts.layouts() if cuts is not None else {}
    # A module given to `cuts` had no entry then (`module_cutter`).
    found = {
        path: None if path in early_cut else _pieces_entry(cache, version, path) for path in todo
    }
    entries = {path: entry or _Entry({}) for path, entry in found.items()}
    split: dict[str, Layout | None] = {}
    for path, text in todo.items():
        if path in early_cut and early_cut[path][0] == text:
            split[path] = early_cut[path][1]
        else:
            split[path] = cut_module(path, text, entries[path].cut)
    piece_keys: dict[str, str] = {}  # piece text → its key in a module's entry
    done_pieces: dict[str, str] = {}  # piece text → formatted
    stored = {key: text for entry in entries.values() for key, text in entry.formatted.items()}
    early_done = cuts.formatted(_counter(len(todo))) if cuts is not None else {}
    for layout in split.values():
        for piece in layout or ():
            if isinstance(piece, int):
                continue  # an old piece: formatted in its entry
            for text in piece.texts:
                if text in piece_keys:
                    continue
                piece_keys[text] = digest(_PIECE_MODE_KEY, text)
                if piece_keys[text] in stored:
                    done_pieces[text] = stored[piece_keys[text]]
                elif (formatted := early_done.get(text)) is not None:
                    done_pieces[text] = formatted
    jobs: list[Job] = [(path, text, False) for path, text in todo.items() if split[path] is None]
    jobs += [
        (text, text, True)
        for text in piece_keys
        if text not in done_pieces and text not in early_done
    ]
    results: list[Result] = []
    whole: list[Job] = []
    for (name, _, is_piece), (_, result, message, line) in zip(
        jobs, _run(jobs, len(todo), early), strict=True
    ):
        if not is_piece:
            results.append((name, result, message, line))
        elif result is not None:
            done_pieces[name] = result
    for path, layout in split.items():
        entry = entries[path]
        joined = (
            None if layout is None else _joined(todo[path], layout, entry, piece_keys, done_pieces)
        )
        if joined is None:
            if layout is not None:
                whole.append((path, todo[path], False))
            if found[path] is None:
                # An empty entry, so that the next lookup of a module formatted whole
                # (every module's entry is looked up, to cut it again) finds one.
                _store_pieces_entry(cache, version, path, entry)
            continue
        results.append((path, joined[0], "", 0))
        if joined[1] != entry or list(joined[1].formatted) != list(entry.formatted):
            _store_pieces_entry(cache, version, path, joined[1])
    return results + (_run(whole, len(whole), early) if whole else [])


@dataclass
class _Entry:
    """A module's pieces entry: its pieces formatted, by key (a digest of the text black
    was given), in the order the text uses them; for each piece, the places in that order
    of the texts it was formatted from; and how the text was cut (none in an entry written
    before cuts were kept: its pieces are still found, the text is cut whole)."""

    formatted: dict[str, str]
    texts: list[list[int]] = field(default_factory=list)
    cut: Cut | None = None


def _joined(
    text: str, layout: Layout, entry: _Entry, keys: dict[str, str], done: dict[str, str]
) -> tuple[str, _Entry] | None:
    """The module formatted from its pieces and its new entry; None if black refused a
    piece or joining is unsure (the module is then formatted whole)."""
    old_keys = list(entry.formatted) if entry.cut is not None else []
    kinds: list[Kind] = []
    blanks: list[int] = []
    formatted: list[str] = []
    places: dict[str, int] = {}  # key → its place in the new entry
    refs: list[list[int]] = []
    kept: dict[str, str] = {}  # key → formatted, in the new entry's order
    for item in layout:
        if isinstance(item, int):
            assert entry.cut is not None
            piece_keys = [old_keys[place] for place in entry.texts[item]]
            texts = [entry.formatted[key] for key in piece_keys]
            kinds.append(entry.cut.kinds[item])
            blanks.append(entry.cut.blanks[item])
        else:
            if any(piece not in done for piece in item.texts):
                return None
            piece_keys = [keys[piece] for piece in item.texts]
            texts = [done[piece] for piece in item.texts]
            kinds.append(item.kind)
            blanks.append(item.blank_before)
        one = texts[0] if len(texts) == 1 else join_parts(texts)
        if one is None:
            return None
        formatted.append(one)
        for key, piece in zip(piece_keys, texts, strict=True):
            if key not in places:
                places[key] = len(places)
                kept[key] = piece
        refs.append([places[key] for key in piece_keys])
    joined = join_formatted(kinds, blanks, formatted)
    if joined is None:
        return None
    return joined, _Entry(kept, refs, cut_of(text, layout, entry.cut))


def _pieces_entry(cache: Cache, version: str, path: str) -> _Entry | None:
    """The pieces entry of the module at `path` as it was last formatted, if any.

    One entry per module, not one per piece: a cold run of a large API writes a few dozen
    files instead of thousands (creating files was a third of a small spec's cold run),
    and a module that changed reads one. A damaged entry is none.
    """
    raw = cache.get(_PIECES_NAMESPACE, digest(version, _PIECE_MODE_KEY, path))
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    formatted = value.get("formatted")
    if formatted is None:
        formatted = value  # written before cuts were kept: the formatted pieces alone
    if not isinstance(formatted, dict) or not all(isinstance(v, str) for v in formatted.values()):
        return None
    cut = Cut.from_json(value.get("cut")) if formatted is not value else None
    texts = value.get("texts")
    if cut is None or not _places_hold(texts, len(cut.spans), len(formatted)):
        return _Entry(formatted)
    return _Entry(formatted, texts, cut)


def _places_hold(texts: Any, pieces: int, places: int) -> TypeGuard[list[list[int]]]:
    """Whether `texts` gives each of so many pieces at least one of so many places."""
    if type(texts) is not list or len(texts) != pieces:
        return False
    for refs in texts:
        if type(refs) is not list or not refs:
            return False
        if not all(type(place) is int and 0 <= place < places for place in refs):
            return False
    return True


def _store_pieces_entry(cache: Cache, version: str, path: str, entry: _Entry) -> None:
    cut = entry.cut.to_json() if entry.cut is not None else None
    value = {"formatted": entry.formatted, "texts": entry.texts, "cut": cut}
    raw = json.dumps(value, ensure_ascii=False).encode("utf-8")
    cache.put(_PIECES_NAMESPACE, digest(version, _PIECE_MODE_KEY, path), raw)


def _run(jobs: list[Job], modules: int, early: EarlyFormatter | None = None) -> list[Result]:
    """Every job's result in the jobs' order: by the `early` formatters when there are
    several or there is little text, else in parallel when there is enough to pay for
    starting workers, else here."""
    if not jobs:
        return []
    text = sum(len(job[1]) for job in jobs)
    few = text < _PARALLEL_MIN_CHARS
    if early is not None and early.pool is not None and (early.workers > 1 or few):
        return _pooled(early.pool, early.workers, jobs, modules)
    if early is not None:
        early.stop()
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2 or text < _PARALLEL_MIN_CHARS:
        return _counted(map(format_job, jobs), len(jobs), modules)
    from concurrent.futures import ProcessPoolExecutor

    import black  # noqa: F401  (imported once here, inherited by forked workers)

    with ProcessPoolExecutor(max_workers=workers, mp_context=context()) as pool:
        return _pooled(pool, workers, jobs, modules)


def _pooled(pool: Any, workers: int, jobs: list[Job], modules: int) -> list[Result]:
    batches = _batches([len(job[1]) for job in jobs], workers)
    results: list[Result | None] = [None] * len(jobs)
    done = pool.map(format_batch, [[jobs[i] for i in batch] for batch in batches])
    finished = 0
    for batch, batch_results in zip(batches, done, strict=True):
        for index, result in zip(batch, batch_results, strict=True):
            results[index] = result
        finished += len(batch)
        progress.count("formatted", finished * modules // len(jobs), modules)
    return [result for result in results if result is not None]


def _batches(sizes: list[int], workers: int) -> list[list[int]]:
    """The jobs' indexes in batches of about equal text, largest first.

    A batch holds at most a sixteenth of one worker's share, so that the workers finish
    together; a job larger than that is a batch of its own. Handing out small pieces one
    by one would cost more than formatting them, so they go together. (Batches of a fixed
    count would give the largest pieces, most of the work, to one worker.)
    """
    limit = max(1, sum(sizes) // (workers * 16))
    batches: list[list[int]] = []
    held = limit
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        if held + sizes[index] > limit:
            batches.append([])
            held = 0
        batches[-1].append(index)
        held += sizes[index]
    return batches


def _counter(modules: int) -> Callable[[int, int], None]:
    """Progress in modules, told in shares of other units of work (see `_counted`)."""

    def count(done: int, total: int) -> None:
        progress.count("formatted", done * modules // total, modules)

    return count


def _counted(results: Iterator[Result], total: int, modules: int) -> list[Result]:
    """Progress in modules: pieces are counted as the share of the modules' work they are."""
    done: list[Result] = []
    for result in results:
        done.append(result)
        progress.count("formatted", len(done) * modules // total, modules)
    return done
