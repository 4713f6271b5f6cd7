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
def paused(*, kept: bool = False) -> Iterator[None]:
    """The collector off inside the block, then one collection of the young objects; or,
    `kept`, for a block whose objects live to the end of the run (the loaded document,
    the model), none: the process's objects are moved out of the collector's sight
    (`gc.freeze`) instead, as a collection would only scan them all to free nothing, and
    so would every later full one. They stay out of it: the command's process ends with
    the run, and one that runs the pipeline again and again (the tests) hands them back
    with `gc.unfreeze()`. Inside a block already paused, or with the collector turned off
    by the caller, it does nothing."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if kept:
            gc.freeze()
        else:
            gc.collect(0)
