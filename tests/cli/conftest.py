"""The CLI runs in this process in most of these tests: each must leave the process as it
found it, or a later test would pass or fail because of an earlier one."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator

import pytest

from generator import progress


@pytest.fixture(autouse=True)
def _no_state_left_behind() -> Iterator[None]:
    """The current folder, the environment, the standard streams, logging and progress
    are what they were before the test."""

    def state() -> tuple[object, ...]:
        root = logging.getLogger()
        return (
            os.getcwd(),
            # pytest names the test and its phase in the environment.
            {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"},
            (sys.stdin, sys.stdout, sys.stderr),
            (root.level, list(root.handlers), logging.root.manager.disable),
            progress._SHOWN.get(),
        )

    before = state()
    yield
    after = state()
    for label, was, now in zip(_LABELS, before, after, strict=True):
        assert now == was, f"the test changed {label}"


_LABELS = ("the current folder", "the environment", "the standard streams", "logging", "progress")
