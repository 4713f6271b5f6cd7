"""One Prism per API for the whole session, fed with the effective specs, stopped at the end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prism_server import PrismError, PrismServer, bundle_specs, start_all


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    """Prism servers by API name. A failure to start fails every contract test (never skips)."""
    directory = tmp_path_factory.mktemp("prism")
    servers: dict[str, PrismServer] | None = None
    problem = ""
    try:
        servers = start_all(bundle_specs(directory), directory)
    except PrismError as exc:
        problem = str(exc)
    if servers is None:  # failed outside the `except`, so the message stands alone
        pytest.fail(f"the contract tests cannot run: {problem}", pytrace=False)
    yield servers
    for server in servers.values():
        server.stop()
    still_running = [server.api for server in servers.values() if server.process.poll() is None]
    assert not still_running, f"Prism still running after teardown: {still_running}"
