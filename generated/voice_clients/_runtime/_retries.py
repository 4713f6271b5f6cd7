"""When to retry a failed attempt, and how long to wait first.

Retries cover failures that say nothing about the request itself: the connection, a
timeout, throttling (408, 429) and gateway or server trouble (500, 502-504). A 409 is
never retried by default, since it reports a conflict with the current state that a
retry would just hit again. A server can override the decision with `x-should-retry`.

A server's `Retry-After` (or `retry-after-ms`) is followed when it asks for a positive
wait up to `MAX_RETRY_AFTER`. Asking for none (0, or a date already past) gets the usual
backoff instead: retrying at once would spend every attempt within milliseconds, before
the trouble could clear.
"""

from __future__ import annotations

import random
import time

import httpx

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
# A longer server-requested wait is likelier a misconfiguration than a plan; back off instead.
MAX_RETRY_AFTER = 60.0


def sleep(seconds: float) -> None:
    """The sync client waits through this name, so tests can patch it."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """The async client waits through this name, so tests can patch it."""
    import asyncio  # only retries need it, and importing asyncio is slow

    await asyncio.sleep(seconds)


def should_retry(response: httpx.Response) -> bool:
    verdict = response.headers.get("x-should-retry")
    if verdict == "true":
        return True
    if verdict == "false":
        return False
    return response.status_code in RETRY_STATUSES


def retry_delay(headers: httpx.Headers | None, retries_taken: int) -> float:
    """Seconds to wait before retry number `retries_taken + 1`."""
    if headers is not None:
        requested = _requested_delay(headers)
        if requested is not None and 0 < requested <= MAX_RETRY_AFTER:
            return requested
    backoff = min(INITIAL_BACKOFF * 2.0**retries_taken, MAX_BACKOFF)
    # Jitter keeps clients that failed together from retrying together.
    return backoff * (1.0 - 0.25 * random.random())


def _requested_delay(headers: httpx.Headers) -> float | None:
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    from datetime import timezone
    from email.utils import parsedate_to_datetime  # rarely needed, and slow to import

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # HTTP dates are in GMT, whatever the zone says
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp() - time.time()
