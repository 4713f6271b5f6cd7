"""The generator cache of the test run, for helpers that generate in this process."""

from __future__ import annotations

from generator.cache import Cache, default_cache_dir


def run_cache() -> Cache:
    """The folder tests/conftest.py gives the run (through $CLIENTGEN_CACHE_DIR, which the
    CLI run in subprocesses reads too): a module already formatted by this run is not
    formatted again, and the user's own cache is never read or filled by a test."""
    return Cache(default_cache_dir())
