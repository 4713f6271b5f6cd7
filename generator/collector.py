"""The cyclic garbage collector paused over work that builds large object graphs.

CPython's collector runs every few hundred allocations and rescans the young objects
still alive, and from time to time every object of the process. Rendering a large API
(a model of thousands of objects, Jinja's contexts) and black (syntax trees whose nodes
point to their parents) allocate millions of objects that are either alive to the end
of the step or garbage at once, so those rescans find nothing to free: on GitHub's spec
they were a fifth of rendering and a sixth of black's time. Paused for the step, one
collection of the young objects afterwards frees its cycles (everything the step made is
young: nothing was collected, so nothing was promoted).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, then one collection of the young objects.
    Inside a block already paused, or with the collector turned off by the caller, it
    does nothing."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)
