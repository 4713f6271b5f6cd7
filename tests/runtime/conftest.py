from __future__ import annotations

from collections.abc import Iterator

import pytest
from runtime import _retries
from runtime_support import API_KEY_ENV, BASE_URL_ENV


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (API_KEY_ENV, BASE_URL_ENV, "RTTEST_BEARER_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Record the waits between retries instead of sleeping (sync and async clients)."""
    waited: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(_retries, "sleep", waited.append)
    monkeypatch.setattr(_retries, "async_sleep", fake_async_sleep)
    yield waited
