"""Copies of a request and of its response that are safe to show: credentials masked.

Errors and results give users the request that was sent and the response that came back
as httpx objects, as Stainless SDKs do (`exc.request`, `exc.response`), and errors end up
in logs and error trackers. The request that was sent carries the credentials, in its
headers, its cookies and its query, so what users get is a copy in which those read
`[redacted]`. A request a client builds is a `SentRequest`, which knows its secret parts
(its `Mask`), so that every place an error is made (the retry loop, a stream broken midway,
the token URL of an OAuth2 flow) masks alike, without being handed the client's options.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress

import httpx

REDACTED = "[redacted]"
# Headers that carry credentials whoever set them: the client's schemes, the http_client's
# own auth or cookie jar, a proxy.
_ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie"})


class Mask:
    """What of a client's requests is secret: its credential headers and query parameters."""

    __slots__ = ("headers", "params")

    def __init__(self, headers: Iterable[str] = (), params: Iterable[str] = ()) -> None:
        self.headers = _ALWAYS_SECRET | {name.lower() for name in headers}
        self.params = frozenset(params)

    def url(self, url: httpx.URL) -> httpx.URL:
        """`url` with its secret query parameters and any password masked."""
        if url.password:
            url = url.copy_with(username=url.username, password=REDACTED)
        if not self.params or not url.query:
            return url
        masked = [
            (name, REDACTED if name in self.params else value)
            for name, value in url.params.multi_items()
        ]
        return url.copy_with(params=masked)

    def request(self, request: httpx.Request) -> httpx.Request:
        """A copy of `request` with the credentials masked, and its body when it was read
        (an upload streamed from a file was not, and is left out)."""
        headers = [
            (name, REDACTED if name.lower() in self.headers else value)
            for name, value in request.headers.multi_items()
        ]
        try:
            content = request.content
        except httpx.RequestNotRead:
            content = b""
        return httpx.Request(
            request.method, self.url(request.url), headers=headers, content=content
        )


_DEFAULT = Mask()


class SentRequest(httpx.Request):
    """A request a client built, which knows which of its parts are secret."""

    mask: Mask = _DEFAULT


def masked_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` to show: credentials masked (by its own mask when it has one)."""
    mask = request.mask if isinstance(request, SentRequest) else _DEFAULT
    return mask.request(request)


# Shorter values are not looked for in what a server says: masking them would garble it.
_MIN_SECRET = 8


def secret_values(request: httpx.Request) -> list[str]:
    """The credentials `request` carries (by its own mask when it has one), as a server
    could echo them back in an error body: each secret header's value and the credential
    after its scheme (the token of `Bearer <token>`), and each secret query value."""
    mask = request.mask if isinstance(request, SentRequest) else _DEFAULT
    values: list[str] = []
    for name, value in request.headers.multi_items():
        if name.lower() in mask.headers:
            values += [value, value.partition(" ")[2].strip()]
    if mask.params and request.url.query:
        values += [value for name, value in request.url.params.multi_items() if name in mask.params]
    return [value for value in values if len(value) >= _MIN_SECRET and value != REDACTED]


def request_of(response: httpx.Response) -> httpx.Request | None:
    """The request `response` answers; None for a response made by hand, tied to none."""
    try:
        return response.request
    except RuntimeError:
        return None


def masked_response(response: httpx.Response) -> httpx.Response:
    """A copy of a read `response` to show, tied to the masked copy of its request."""
    try:
        request: httpx.Request | None = masked_request(response.request)
    except RuntimeError:  # a response made by hand, tied to no request
        request = None
    copy = detached_response(
        response.status_code, response.headers, response.content, request, response.extensions
    )
    with suppress(RuntimeError):  # a response built with its content (mock transports) has none
        copy.elapsed = response.elapsed
    return copy


def detached_response(
    status_code: int,
    headers: httpx.Headers,
    content: bytes,
    request: httpx.Request | None,
    extensions: Mapping[str, object] | None = None,
) -> httpx.Response:
    """An httpx response holding `content`, tied to `request` (a copy safe to show).

    `content` is the decoded body, so `Content-Encoding` is left out: httpx would otherwise
    decode it a second time. Of the extensions, the HTTP version and reason are kept; the
    others (the network stream) belong to the connection.
    """
    kept = [(name, value) for name, value in headers.multi_items() if name != "content-encoding"]
    shown = {
        key: value
        for key, value in (extensions or {}).items()
        if key in ("http_version", "reason_phrase")
    }
    return httpx.Response(
        status_code, headers=kept, content=content, request=request, extensions=shown
    )
