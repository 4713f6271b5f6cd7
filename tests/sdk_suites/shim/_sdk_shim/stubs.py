"""Stand-ins for Stainless' response internals, for the diagnostic run only.

The raw- and streamed-response tests assert `response.is_closed` and the
`X-Stainless-Lang` header of `response.http_request` before they call `.parse()`. Those are
Stainless-internal, and they hide whatever comes after. With `SDK_SUITES_STUB_INTERNALS=1`
the shim wraps our responses in `Stubbed`, which answers those two attributes as a
Stainless response would and hands everything else to ours, so the run shows the next
failure. The main run never stubs anything.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

ENABLED = os.environ.get("SDK_SUITES_STUB_INTERNALS") == "1"
_REQUEST = SimpleNamespace(headers={"X-Stainless-Lang": "python"})


class Stubbed:
    """Our response, plus `is_closed` and `http_request`."""

    def __init__(self, response: Any, *, closed: bool) -> None:
        self._response = response
        self.is_closed = closed
        self.http_request = _REQUEST

    def __getattr__(self, name: str) -> Any:
        return getattr(self._response, name)


class _Streamed:
    """Our streamed-response context manager, yielding a `Stubbed` closed on exit."""

    def __init__(self, manager: Any) -> None:
        self._manager = manager
        self._stubbed: Stubbed | None = None

    def __enter__(self) -> Stubbed:
        self._stubbed = Stubbed(self._manager.__enter__(), closed=False)
        return self._stubbed

    def __exit__(self, *exc: object) -> None:
        self._manager.__exit__(*exc)
        self._close()

    async def __aenter__(self) -> Stubbed:
        self._stubbed = Stubbed(await self._manager.__aenter__(), closed=False)
        return self._stubbed

    async def __aexit__(self, *exc: object) -> None:
        await self._manager.__aexit__(*exc)
        self._close()

    def _close(self) -> None:
        if self._stubbed is not None:
            self._stubbed.is_closed = True


def wrap(method: Callable[..., Any], mode: str) -> Callable[..., Any]:
    """`method` of our raw or streaming view, returning stubbed responses."""
    if not ENABLED or not mode:
        return method
    if mode == "with_streaming_response":
        return functools.wraps(method)(lambda *a, **k: _Streamed(method(*a, **k)))
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def raw_async(*args: Any, **kwargs: Any) -> Stubbed:
            return Stubbed(await method(*args, **kwargs), closed=True)

        return raw_async
    return functools.wraps(method)(lambda *a, **k: Stubbed(method(*a, **k), closed=True))
