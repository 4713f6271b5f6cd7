"""What a plain method returns for a successful response, by its endpoint's result kind.

The clients, `APIResponse.parse()` and the streamed response's `parse()` all go through
here, so `with_raw_response` and `with_streaming_response` give from `parse()` exactly
what the plain call returns (a binary call's raw response is the binary response itself,
as in the Stainless SDKs). `response` may be unread (a streamed response) or read.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

import httpx

from ._errors import connection_error
from ._masking import detached_response, masked_request, request_of

if TYPE_CHECKING:
    from ._endpoint import Endpoint

# The result kinds whose body is read whole and returned decoded (JSON, text, a page's
# body): they need nothing more, so the modules of the other kinds (binary responses,
# streams) are loaded by the first result of their kind, not by every raw JSON call. Every
# other kind but "binary" is a stream (`_streaming.STREAM_DECODERS`).
_DECODED = frozenset({"value", "raw", "page"})


def sync_result(
    endpoint: Endpoint[Any], response: httpx.Response, url: httpx.URL, retries_taken: int = 0
) -> Any:
    """`url` is the public URL (credentials masked) a binary response is tied to, and
    `retries_taken` what it reports."""
    kind = endpoint.result
    if kind not in _DECODED and kind != "binary":
        from ._streaming import Stream  # streams only

        return Stream(response, endpoint.stream_decoder())
    try:
        content = response.read()
    except httpx.TransportError as exc:
        raise connection_error(exc, 0) from exc
    decoded = endpoint.decode_success(
        response.status_code, response.headers, content, request_of(response)
    )
    if kind == "binary":  # decoded too: an undocumented status is refused alike
        from ._binary_response import BinaryResponse  # binary bodies only

        return BinaryResponse(_rebuilt(response, content, url), response.headers, retries_taken)
    return decoded


async def async_result(
    endpoint: Endpoint[Any], response: httpx.Response, url: httpx.URL, retries_taken: int = 0
) -> Any:
    """`sync_result` for async clients."""
    kind = endpoint.result
    if kind not in _DECODED and kind != "binary":
        from ._streaming import AsyncStream  # streams only

        return AsyncStream(response, endpoint.stream_decoder())
    try:
        content = await response.aread()
    except httpx.TransportError as exc:
        raise connection_error(exc, 0) from exc
    decoded = endpoint.decode_success(
        response.status_code, response.headers, content, request_of(response)
    )
    if kind == "binary":  # decoded too: an undocumented status is refused alike
        from ._binary_response import AsyncBinaryResponse  # binary bodies only

        rebuilt = _rebuilt(response, content, url)
        return AsyncBinaryResponse(rebuilt, response.headers, retries_taken)
    return decoded


def _rebuilt(response: httpx.Response, content: bytes, url: httpx.URL) -> httpx.Response:
    """`response` read, tied to the masked copy of its request, at the public `url`."""
    request = masked_request(response.request)
    request.url = url
    rebuilt = detached_response(
        response.status_code, response.headers, content, request, response.extensions
    )
    with suppress(RuntimeError):  # a response built with its content (mock transports) has none
        rebuilt.elapsed = response.elapsed
    return rebuilt
