"""Shared aliases and defaults of the runtime.

"Not given" is msgspec's UNSET so that a request Struct whose fields keep the per-call
default omits them from the body without any extra pass over the object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

import httpx
import msgspec

NotGiven = msgspec.UnsetType
NOT_GIVEN = msgspec.UNSET

Timeout: TypeAlias = float | httpx.Timeout | None
Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]


class RawText:
    """As a response type: the body is text (e.g. `text/plain`), returned undecoded.

    (`bytes` as a response type likewise returns the raw bytes of a binary body.)
    """


DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
