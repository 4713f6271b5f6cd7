"""`retell` for the official SDK's test suite: our `voice_clients.retell` under its names."""

from __future__ import annotations

from _sdk_shim import client_class, install
from _sdk_shim.aiohttp import DefaultAioHttpClient
from voice_clients.retell import AsyncRetell as _AsyncRetell
from voice_clients.retell import Retell as _Retell

_names = install("retell", "retell")
Retell = client_class(_names, _Retell, "Retell")
AsyncRetell = client_class(_names, _AsyncRetell, "AsyncRetell")

__all__ = ["AsyncRetell", "DefaultAioHttpClient", "Retell"]
