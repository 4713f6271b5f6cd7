"""What a formatting process runs: a module cut into pieces (`cut_job`), a piece through
black (unless black would leave it as it is), or a whole module through black and the
compile checks.

The functions here run in the formatting processes (`formatting_processes.py`) or, for
little text, in the process that renders; they import black only when a text needs it,
so a process whose every piece is recognised by `fixed_points` never imports it.
"""

from __future__ import annotations

import ast
from functools import cache
from importlib import metadata
from typing import Any

from generator import collector
from generator.render import fixed_points
from generator.render.fixed_points import unchanged_by_black
from generator.render.module_checks import defined_twice
from generator.render.pieces import PieceSpans, spans_of, split_module

# (path, formatted text or None, error message, error line)
Result = tuple[str, str | None, str, int]
# (module path or piece text, text to format, is a piece)
Job = tuple[str, str, bool]


def cut_job(path: str, text: str) -> tuple[list[PieceSpans], list[int]] | None:
    """A module met for the first time, cut (`pieces.split_module`) in a formatting process:
    where its pieces lie in its text, and which of their texts (`Piece.texts`, in order)
    black would not leave as they are; None if it must be formatted whole.

    The texts themselves are not sent back: the process that rendered the module has
    them, and a text recognised here is its own formatting (`fixed_points`). Pieces that
    are not where the text has them (`spans_of` refuses them) leave the module whole."""
    with collector.paused():
        pieces = split_module(path, text)
        if pieces is None:
            return None
        try:
            spans = spans_of(text, pieces)
        except ValueError:
            return None
        texts = [piece_text for piece in pieces for piece_text in piece.texts]
        recognised = knows_black()
        left = [i for i, t in enumerate(texts) if not (recognised and unchanged_by_black(t))]
        return spans, left


def format_batch(batch: list[Job]) -> list[Result]:
    return [format_job(job) for job in batch]


def format_job(job: Job) -> Result:
    name, text, is_piece = job
    with collector.paused():
        if is_piece:
            return name, formatted_piece(text), "", 0
        return format_module(name, text)


def formatted_piece(text: str) -> str | None:
    """black's output, or None if black refuses (the whole module then reports why).
    A piece black would leave as it is is not given to black (`fixed_points`)."""
    if knows_black() and unchanged_by_black(text):
        return text
    import black

    try:
        return black.format_str(text, mode=black_mode())
    except (black.parsing.InvalidInput, ValueError):
        return None


def import_black() -> None:
    import black  # noqa: F401


@cache
def knows_black() -> bool:
    """Whether the installed black is the one `fixed_points` restates the rules of."""
    installed = metadata.version("black").split(".")[:2]
    return installed == fixed_points.BLACK_VERSION.split(".")


@cache
def black_mode() -> Any:
    """One mode for every call: black's caches are keyed by it, and find the same object
    by identity before comparing a new one field by field."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY310}, line_length=100)


def format_module(path: str, text: str) -> Result:
    import black

    try:
        text = black.format_str(text, mode=black_mode())
        tree = ast.parse(text, path)
        compile(tree, path, "exec", dont_inherit=True)
    except (black.parsing.InvalidInput, SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return path, None, f"generated code does not compile: {message}", line
    clash = defined_twice(tree)
    if clash is not None:
        name, first, second = clash
        message = (
            f"`{name}` is defined twice (lines {first} and {second}): two names in the spec "
            "become the same Python name, and the second would silently replace the first"
        )
        return path, None, message, second
    return path, text, "", 0
