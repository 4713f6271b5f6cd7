"""What a run works out from the installed generator and Python alone, kept beside the
generator's code as Python keeps its bytecode.

Compiling the templates and tabulating Unicode's general categories (for `\\p{L}` in a
spec's patterns) take a tenth of a second each and give the same result on every run
of one installation, whatever the spec: so they are worked out once per installation,
not once per user cache (an empty one, in CI or with `--no-cache`, would redo them on
every run). The store is the generator package's `__pycache__` folder, in a folder of
its own; a read-only installation only costs the time (the store's writes fail
quietly), and the entries are checked as those of the user cache are. Deleting it is
always safe.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.cache.store import Cache


@cache
def installation_cache() -> Cache:
    """The store beside the generator's code."""
    return Cache(Path(__file__).resolve().parent.parent / "__pycache__" / "clientgen")
