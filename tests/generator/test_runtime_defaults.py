"""The defaults a client's docstring states are the ones its runtime has."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.runtime_defaults import RuntimeDefaults, read_runtime_defaults
from generator.render.template_files import templates_dir


def test_the_parsed_defaults_are_the_runtime_values() -> None:
    from voice_clients._runtime._retries import RETRY_STATUSES
    from voice_clients._runtime._types import DEFAULT_TIMEOUT

    defaults = read_runtime_defaults(templates_dir() / "runtime")
    assert defaults.timeout == DEFAULT_TIMEOUT.read == DEFAULT_TIMEOUT.write
    assert defaults.connect_timeout == DEFAULT_TIMEOUT.connect
    assert set(defaults.retry_statuses) == set(RETRY_STATUSES)


def test_the_texts_spell_seconds_and_list_statuses() -> None:
    defaults = RuntimeDefaults(timeout=60.0, connect_timeout=2.5, retry_statuses=(408, 429, 503))
    assert defaults.timeout_text() == "60 s by default (2.5 s to connect)"
    assert defaults.retry_statuses_text() == "408, 429 and 503"
    assert RuntimeDefaults(1.0, 1.0, (503,)).retry_statuses_text() == "503"


def test_a_runtime_whose_timeout_has_another_shape_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "_types.py").write_text("DEFAULT_TIMEOUT = make_timeout()\n")
    (tmp_path / "_retries.py").write_text("RETRY_STATUSES = frozenset({503})\n")
    with pytest.raises(ValueError, match="DEFAULT_TIMEOUT"):
        read_runtime_defaults(tmp_path)
