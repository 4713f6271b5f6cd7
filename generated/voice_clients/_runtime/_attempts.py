"""The retry policy as one decision, free of I/O, that the sync and async clients both drive.

Given the outcome of an attempt (a response whose body has been read when it failed, or a
transport error), the step says what happens next: the response is the result (`None`),
the call fails (the typed error is raised), or the caller waits the returned number of
seconds and tries again. The clients differ only in how they send and how they sleep.
"""

from __future__ import annotations

from typing import Any

import httpx

from . import _retries
from ._endpoint import Endpoint
from ._errors import connection_error, make_status_error


def next_step(
    endpoint: Endpoint[Any],
    outcome: httpx.Response | httpx.TransportError,
    retries_taken: int,
    max_retries: int,
    secret: str | None = None,
) -> float | None:
    """None to return `outcome`, seconds to wait before retrying, or raise the final error.

    `secret` (the API key) is masked wherever the error repeats what the server said.
    """
    if isinstance(outcome, httpx.TransportError):
        if retries_taken >= max_retries:
            raise connection_error(outcome, retries_taken) from outcome
        return _retries.retry_delay(None, retries_taken)
    if 200 <= outcome.status_code < 300:
        return None
    if retries_taken >= max_retries or not _retries.should_retry(outcome):
        raise make_status_error(outcome, endpoint.decode_error(outcome), retries_taken, secret)
    return _retries.retry_delay(outcome.headers, retries_taken)
