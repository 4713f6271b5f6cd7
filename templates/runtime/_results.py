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

from ._binary_response import AsyncBinaryResponse, BinaryResponse
from ._errors import connection_error
from ._masking import detached_response, masked_request

if TYPE_CHECKING:
    from ._endpoint import Endpoint


def sync_result(
    endpoint: Endpoint[Any], response: httpx.Response, url: httpx.URL, retries_taken: int = 0
) -> Any:
    """`url` is the public URL (credentials masked) a binary response is tied to, and
    `retries_taken` what it reports."""
    from ._streaming import STREAM_DECODERS, Stream

    if endpoint.result in STREAM_DECODERS:
        return Stream(response, endpoint.stream_decoder())
    try:
        content = response.read()
    except httpx.TransportError as exc:
        raise connection_error(exc, 0) from exc
    decoded = endpoint.decode_success(response.status_code, response.headers, content)
    if endpoint.result == "binary":  # decoded too: an undocumented status is refused alike
        return BinaryResponse(_rebuilt(response, content, url), response.headers, retries_taken)
    return decoded


async def async_result(
    endpoint: Endpoint[Any], response: httpx.Response, url: httpx.URL, retries_taken: int = 0
) -> Any:
    """`sync_result` for async clients."""
    from ._streaming import STREAM_DECODERS, AsyncStream

    if endpoint.result in STREAM_DECODERS:
        return AsyncStream(response, endpoint.stream_decoder())
    try:
        content = await response.aread()
    except httpx.TransportError as exc:
        raise connection_error(exc, 0) from exc
    decoded = endpoint.decode_success(response.status_code, response.headers, content)
    if endpoint.result == "binary":  # decoded too: an undocumented status is refused alike
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
