"""`DefaultAioHttpClient`: an httpx client over aiohttp, as the suites' aiohttp cases pass it.

Our async clients take any `httpx.AsyncClient` as `http_client=`; this is the one the
official SDKs export for aiohttp (httpx-aiohttp's client), with follow_redirects on as
theirs.
"""

from __future__ import annotations

from typing import Any

import httpx_aiohttp


class DefaultAioHttpClient(httpx_aiohttp.HttpxAiohttpClient):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)
