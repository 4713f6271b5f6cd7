"""Shared fixtures. Tests run from the repository root so displayed paths are relative."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.ssl_context import one_default_ssl_context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _run_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One generator cache for the whole run, in a fresh temporary folder.

    Several tests generate the same modules (the project, a fixture spec per test); with
    it black formats each distinct module once per run. The run starts cold, so a stale
    entry from an earlier run cannot hide anything, and the user's cache stays untouched.
    Tests of the cache itself build with their own `Cache(folder)` or `Cache(None)`.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path_factory.mktemp("clientgen-cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def _run_mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One mypy cache for the run's type checks of generated packages, in a fresh folder.

    Each check used to analyse the standard library, httpx and msgspec again: most of its
    time. mypy re-checks every module whose source, or a dependency's interface, changed
    (same-named packages of different tests differ in content), and it never caches a
    module with errors, so every error is reported on every run.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MYPY_CACHE_DIR", str(tmp_path_factory.mktemp("mypy-cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def _one_ssl_context() -> Iterator[None]:
    """httpx clients share the default SSL context (see support/ssl_context.py)."""
    with one_default_ssl_context():
        yield


@pytest.fixture(autouse=True)
def _at_repo_root() -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(previous)


@pytest.fixture(autouse=True)
def _collector_given_back() -> Iterator[None]:
    """A generation freezes the loaded document and the model out of the collector's
    sight (generator/collector.py) for the rest of its process, which for the command
    ends with it; here, many run in one process, so the frozen objects are given back
    after each test."""
    try:
        yield
    finally:
        gc.unfreeze()
