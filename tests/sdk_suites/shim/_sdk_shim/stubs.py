"""Stainless' telemetry header, sent by our client in the diagnostic run only.

The raw- and streamed-response tests assert that `response.http_request` carries the
`X-Stainless-Lang` header before they call `.parse()`: Stainless' clients send it with
every request, ours does not (it is Stainless' telemetry), and the check hides whatever
comes after. With `SDK_SUITES_STUB_INTERNALS=1` the shim's client sends it as a default
header, which our `http_request` then shows as it shows any other, so the run shows the
next failure. The main run sends nothing of the kind.
"""

from __future__ import annotations

import os

ENABLED = os.environ.get("SDK_SUITES_STUB_INTERNALS") == "1"
TELEMETRY = {"X-Stainless-Lang": "python"}


def default_headers(given: dict[str, str] | None) -> dict[str, str] | None:
    """The constructor's `default_headers=`, with the telemetry header in the diagnostic run."""
    if not ENABLED:
        return given
    return {**TELEMETRY, **(given or {})}
