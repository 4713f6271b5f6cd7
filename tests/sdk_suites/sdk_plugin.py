"""pytest plugin for the official suites: run the tests Stainless ships disabled.

Every test of `tests/api_resources/` carries `@pytest.mark.skip(reason="Mock server tests
are disabled")` in the published sdists; the suites are meant to run against a Prism mock,
which the runner provides. Only that one skip is dropped; any other (the vendors' "custom
code" skips) stays.
"""

from __future__ import annotations

import pytest

DISABLED = "Mock server tests are disabled"


def _disabled_by_stainless(mark: pytest.Mark) -> bool:
    return mark.name == "skip" and mark.kwargs.get("reason") == DISABLED


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.own_markers[:] = [m for m in item.own_markers if not _disabled_by_stainless(m)]


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Collector, name: str, obj: object) -> object:
    """Collect only the test classes a suite defines, not the models it imports.

    `from retell.types import TestCaseJobResponse` puts a class named `Test…` into the
    test module; pytest skips the official pydantic model (it has an `__init__`), but
    would instantiate a msgspec model as a test class and fail the whole module.
    """
    module = getattr(collector, "module", None)
    if isinstance(obj, type) and module is not None and obj.__module__ != module.__name__:
        return []
    return None
