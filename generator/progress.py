"""Progress on stderr, for generations that take more than a moment.

A large spec keeps the generator busy for a minute or more (mostly black); without a sign
of life a user cannot tell work from a hang. The CLI turns progress on for a terminal
(never with --quiet, or when stderr is a file or a pipe, so logs and CI output stay as
they were); the pipeline reports its stages and how far formatting has got. Off, each
call does nothing, so library use and tests print nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_SHOWN: ContextVar[bool] = ContextVar("clientgen_progress", default=False)


@contextmanager
def shown(enabled: bool) -> Iterator[None]:
    """Report progress inside the block when `enabled`."""
    token = _SHOWN.set(enabled)
    try:
        yield
    finally:
        _SHOWN.reset(token)


def stage(message: str) -> None:
    """One line: what the generator is doing now."""
    if _SHOWN.get():
        sys.stderr.write(f"{message}\n")
        sys.stderr.flush()


def count(what: str, done: int, total: int) -> None:
    """`what: done/total`, rewritten in place on the terminal, ended at the total."""
    if _SHOWN.get():
        sys.stderr.write(f"\r{what}: {done}/{total}" + ("\n" if done >= total else ""))
        sys.stderr.flush()
