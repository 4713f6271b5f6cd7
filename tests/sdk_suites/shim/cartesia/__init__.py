"""`cartesia` for the official SDK's test suite: our `voice_clients.cartesia` under its names."""

from __future__ import annotations

from _sdk_shim import client_class, install
from _sdk_shim.aiohttp import DefaultAioHttpClient
from voice_clients.cartesia import AsyncCartesia as _AsyncCartesia
from voice_clients.cartesia import Cartesia as _Cartesia

_names = install("cartesia", "cartesia")
# The official client sends `token=` and `api_key=` alike as `Authorization: Bearer`.
_SAME = ("token", "api_key")
Cartesia = client_class(_names, _Cartesia, "Cartesia", _SAME)
AsyncCartesia = client_class(_names, _AsyncCartesia, "AsyncCartesia", _SAME)

__all__ = ["AsyncCartesia", "Cartesia", "DefaultAioHttpClient"]
