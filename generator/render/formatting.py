"""Generated text → final bytes: black for Python, then a compile check of every module."""

from __future__ import annotations

import black
from black.mode import TargetVersion

from generator.diagnostics import Diagnostic, GeneratorError, Location

_MODE = black.Mode(
    target_versions={TargetVersion.PY310},
    line_length=100,
)


def format_files(files: dict[str, str]) -> dict[str, bytes]:
    """Format and compile-check; a template bug is reported against the file it produced."""
    formatted: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for path in sorted(files):
        text = files[path]
        if path.endswith(".py"):
            try:
                text = black.format_str(text, mode=_MODE)
                compile(text, path, "exec", dont_inherit=True)
            except (black.parsing.InvalidInput, SyntaxError, ValueError) as exc:
                problems.append(_located(path, exc))
                continue
        formatted[path] = text.encode("utf-8")
    if problems:
        raise GeneratorError(problems)
    return formatted


def _located(path: str, exc: Exception) -> Diagnostic:
    line = getattr(exc, "lineno", None) or 1
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return Diagnostic(f"generated code does not compile: {message}", Location(path, line, 1))
