"""The fixture packages, generated once per session (generation is the slow part)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from streams_specs import (
    CARTESIA,
    CARTESIA_OPERATIONS,
    CARTESIA_PAGINATION,
    POLYAI,
    RETELL,
    RETELL_PAGINATION,
)
from streams_support import generated_with


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def cartesia(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    tmp = tmp_path_factory.mktemp("cartesia")
    with generated_with(
        CARTESIA, tmp, "cartesia_s", operations=CARTESIA_OPERATIONS, pagination=CARTESIA_PAGINATION
    ) as package:
        yield package


@pytest.fixture(scope="session")
def retell(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    tmp = tmp_path_factory.mktemp("retell")
    with generated_with(RETELL, tmp, "retell_s", pagination=RETELL_PAGINATION) as package:
        yield package


@pytest.fixture(scope="session")
def polyai(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_with(POLYAI, tmp_path_factory.mktemp("polyai"), "polyai_s") as package:
        yield package


@pytest.fixture(scope="session")
def lines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The JSON Lines package of the golden area of that name, generated from its spec."""
    spec_file = Path(__file__).parents[1] / "golden" / "specs" / "lines.yaml"
    spec = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    with generated_with(spec, tmp_path_factory.mktemp("lines"), "lines_s") as package:
        yield package
