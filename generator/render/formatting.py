"""Generated text → final bytes: black for Python, then a compile check of every module
(which also refuses a module that defines a top-level name twice).

Formatting is most of a generation's time, so it is done once per distinct text: results
are cached by (black's version, our mode, the text), and the modules that miss are
formatted in parallel, one process per core. The result is a dict keyed by path, so it
does not depend on the order in which workers finish. Files listed as `preformatted`
(the runtime, which lint keeps black-clean) are taken as they are.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
from collections.abc import Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from typing import Any

from generator import progress
from generator.cache import Cache, digest
from generator.diagnostics import Diagnostic, GeneratorError, Location

_NAMESPACE = "black"
# Part of every cache key: change it with any change to the mode below or to the checks
# a module passes before its text is cached (a hit skips them).
_MODE_KEY = "line_length=100 target_versions=py310 checks=compile,defined-twice"
# Below this much text to format, starting worker processes costs more than it saves.
_PARALLEL_MIN_CHARS = 200_000

# (path, formatted text or None, error message, error line)
_Result = tuple[str, str | None, str, int]


def format_files(
    files: dict[str, str],
    cache: Cache | None = None,
    preformatted: Collection[str] = (),
) -> dict[str, bytes]:
    """Format and compile-check; a template bug is reported against the file it produced."""
    cache = cache or Cache(None)
    version = metadata.version("black")
    formatted: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
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
            todo.append((path, text))
    problems: list[Diagnostic] = []
    if todo:
        progress.stage(f"formatting {len(todo)} modules ({len(keys) - len(todo)} cached)")
    for path, result, message, line in _format_all(todo):
        if result is None:
            problems.append(Diagnostic(message, Location(path, line, 1)))
            continue
        formatted[path] = result.encode("utf-8")
        cache.put(_NAMESPACE, keys[path], formatted[path])
    if problems:
        raise GeneratorError(sorted(problems, key=lambda d: d.location.file if d.location else ""))
    return {path: formatted[path] for path in sorted(formatted)}


def _format_all(todo: list[tuple[str, str]]) -> list[_Result]:
    workers = min(len(todo), os.cpu_count() or 1)
    if workers < 2 or sum(len(text) for _, text in todo) < _PARALLEL_MIN_CHARS:
        return _counted(map(_format_one, todo), len(todo))
    import black  # noqa: F401  (imported once here, inherited by forked workers)

    # Largest first, so that the longest module does not start last.
    ordered = sorted(todo, key=lambda item: -len(item[1]))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        return _counted(pool.map(_format_one, ordered), len(ordered))


def _counted(results: Iterator[_Result], total: int) -> list[_Result]:
    done: list[_Result] = []
    for result in results:
        done.append(result)
        progress.count("formatted", len(done), total)
    return done


def _context() -> Any:
    """fork where there is one: workers inherit the imported black instead of importing it."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _format_one(item: tuple[str, str]) -> _Result:
    import black
    from black.mode import TargetVersion

    path, text = item
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=100)
    try:
        text = black.format_str(text, mode=mode)
        tree = ast.parse(text, path)
        compile(tree, path, "exec", dont_inherit=True)
    except (black.parsing.InvalidInput, SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return path, None, f"generated code does not compile: {message}", line
    clash = _defined_twice(tree)
    if clash is not None:
        name, first, second = clash
        message = (
            f"`{name}` is defined twice (lines {first} and {second}): two names in the spec "
            "become the same Python name, and the second would silently replace the first"
        )
        return path, None, message, second
    return path, text, "", 0


def _defined_twice(tree: ast.Module) -> tuple[str, int, int] | None:
    """The first module-level class or assigned name that a later statement defines again."""
    seen: dict[str, int] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            defined = [statement.name]
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            defined = [statement.target.id]
        elif isinstance(statement, ast.Assign):
            defined = [t.id for t in statement.targets if isinstance(t, ast.Name)]
        else:
            continue
        for name in defined:
            if name in seen:
                return name, seen[name], statement.lineno
            seen[name] = statement.lineno
    return None
