"""The garbage collector paused over a step, and the step's cycles freed after it."""

from __future__ import annotations

import gc
import weakref

from generator import collector


class _Node:
    def __init__(self) -> None:
        self.parent: _Node | None = None
        self.children: list[_Node] = []


def _cycle() -> weakref.ref[_Node]:
    root, child = _Node(), _Node()
    root.children.append(child)
    child.parent = root
    return weakref.ref(root)


def test_the_collector_is_off_inside_and_on_after() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_cycles_made_inside_are_freed_when_the_block_ends() -> None:
    with collector.paused():
        held = _cycle()
        assert held() is not None  # a cycle: reference counting alone never frees it
    assert held() is None


def test_a_nested_pause_leaves_the_outer_one_in_charge() -> None:
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_back_on_after_an_exception() -> None:
    try:
        with collector.paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_kept_block_makes_is_out_of_the_collectors_sight_after() -> None:
    before = gc.get_freeze_count()
    try:
        with collector.paused(kept=True):
            kept = [_Node() for _ in range(100)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)  # frozen, not scanned again
        assert not any(gc.is_tracked(node) and node in gc.get_objects(0) for node in kept[:3])
    finally:
        gc.unfreeze()
