"""Turning the arguments of one call into an `httpx.Request`, and logging its attempts.

This is the hot path of every call, so it leans on what `Options` and the endpoint
precomputed and only copies the defaults when the call actually adds something.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

import httpx
import msgspec

from ._call import Call
from ._errors import RequestValidationError
from ._masking import SentRequest
from ._options import Options
from ._query import encode_query, merge_query, simple_text
from ._types import NOT_GIVEN, Body, NotGiven

if TYPE_CHECKING:
    from ._endpoint import Endpoint
    from ._uploads import UploadStream

logger = logging.getLogger(__name__.rpartition(".")[0])

_encoder = msgspec.json.Encoder()


def build_request(
    options: Options, cookies: httpx.Cookies, endpoint: Endpoint[Any], call: Call
) -> httpx.Request:
    extra = call.options
    body, extra_body, extra_query, extra_headers = (
        call.body,
        extra.extra_body,
        extra.extra_query,
        extra.extra_headers,
    )
    query, headers, timeout = call.query, call.headers, extra.timeout
    content_type = None
    content: bytes | UploadStream | None
    if body is NOT_GIVEN and not extra_body:
        content = None
    elif endpoint.encoding == "json":
        content = encode_body(endpoint, body, extra_body)
    else:
        content, content_type = encode_other_body(endpoint, body, extra_body)
    defaults = options.for_endpoint(endpoint)
    filled = endpoint.fill_path(call.path)  # refuses what no path may hold (None, "..")
    endpoint.check_parameters(call)
    url = options.base_url_for(endpoint) + filled
    if query is None and extra_query is None:
        encoded_query = defaults.query[1]
    else:
        merged = merge_query(
            dict(defaults.query[0]), query.items() if query else (), endpoint.query_styles
        )
        if extra_query:
            merge_query(merged, extra_query.items())
        encoded_query = encode_query(merged)
    if encoded_query:  # after the path's own literal query, if it has one
        url = f"{url}{'&' if '?' in filled else '?'}{encoded_query}"
    request_headers = defaults.headers[content is not None and content_type is None]
    if headers or extra_headers:
        request_headers = httpx.Headers(request_headers)
        if headers:
            for name, value in headers.items():
                if value is not NOT_GIVEN and value is not None:
                    request_headers[name] = simple_text(value)
        if extra_headers:
            for name, text in extra_headers.items():
                request_headers[name] = text
    if content_type is not None:
        request_headers = httpx.Headers(request_headers)
        request_headers["Content-Type"] = content_type
    if call.cookies or defaults.cookies:
        # A copy of the http_client's jar, so that neither the credential nor the call's
        # cookies stay in it; httpx joins them all into one Cookie header.
        cookies = httpx.Cookies(cookies)
        for name, text in defaults.cookies:
            cookies.set(name, text)
        for name, value in call.cookies.items() if call.cookies else ():
            if value is not NOT_GIVEN and value is not None:
                cookies.set(name, simple_text(value))
    stream = None
    if content is not None and not isinstance(content, bytes):  # an UploadStream
        stream, content = content, None
        # httpx takes a given stream as it is: Host and the length (or chunking) are ours.
        request_headers = httpx.Headers(request_headers)
        request_headers["Host"] = httpx.URL(url).netloc.decode("ascii")
        if stream.length is not None:
            request_headers["Content-Length"] = str(stream.length)
        else:
            request_headers["Transfer-Encoding"] = "chunked"
    if isinstance(timeout, NotGiven):
        extensions = options.extensions
    else:
        extensions = {"timeout": httpx.Timeout(timeout).as_dict()}
    request = SentRequest(
        endpoint.method,
        url,
        headers=request_headers,
        content=content,
        stream=stream,
        extensions=extensions,
        cookies=cookies,
    )
    request.mask = options.mask
    return request


def encode_body(endpoint: Endpoint[Any], body: object, extra_body: Body | None) -> bytes:
    """The JSON body, checked against the endpoint's request type before anything is sent.

    `extra_body` is the escape hatch for what the schema gets wrong, so it is merged in
    after the check rather than being held to the schema itself.
    """
    merged: dict[str, Any] = {}
    if body is not NOT_GIVEN:
        try:
            content = _encoder.encode(body)
        except (TypeError, msgspec.EncodeError) as exc:
            raise RequestValidationError(f"cannot be sent as JSON: {exc}", path="") from None
        endpoint.check_body(content)
        if not extra_body:
            return content
        decoded = msgspec.json.decode(content)
        if not isinstance(decoded, dict):
            raise RequestValidationError("extra_body needs a JSON object body to add to", path="")
        merged = cast("dict[str, Any]", decoded)
    merged.update(extra_body or ())
    try:
        return _encoder.encode(merged)
    except (TypeError, msgspec.EncodeError) as exc:
        raise RequestValidationError(f"extra_body cannot be sent as JSON: {exc}", path="") from None


def encode_other_body(
    endpoint: Endpoint[Any], body: object, extra_body: Body | None
) -> tuple[bytes | UploadStream, str]:
    """A form, multipart, binary or text body, checked first, and its content type."""
    # Forms and uploads are loaded by the first call that sends one, not by `import`.
    from ._forms import multipart_body, urlencoded_body, wire_values
    from ._uploads import upload_body

    encoding = endpoint.encoding
    if encoding in ("form", "multipart"):
        values = wire_values(body) if body is not NOT_GIVEN else {}
        endpoint.check_fields(values)
        values.update(extra_body or ())
        if encoding == "multipart":
            return multipart_body(values, endpoint.form_styles, endpoint.part_types)
        return urlencoded_body(values, endpoint.form_styles)
    media_type = endpoint.content_type or "application/octet-stream"
    if encoding == "text":
        if not isinstance(body, str):
            raise RequestValidationError(f"expected str, got {type(body).__name__}", path="body")
        return body.encode("utf-8"), media_type
    try:
        return upload_body(body), media_type
    except TypeError as exc:
        raise RequestValidationError(str(exc), path="body") from None


def public_url(options: Options, url: httpx.URL) -> httpx.URL:
    """`url` as it may be shown: query parameters carrying the API key are masked."""
    return options.mask.url(url)


def log_attempt(options: Options, request: httpx.Request, retries_taken: int) -> None:
    logger.debug(
        "Sending %s %s (attempt %d)",
        request.method,
        public_url(options, request.url),
        retries_taken + 1,
    )


def log_retry(
    options: Options, request: httpx.Request, outcome: httpx.Response | Exception, delay: float
) -> None:
    reason = (
        f"HTTP {outcome.status_code}"
        if isinstance(outcome, httpx.Response)
        else type(outcome).__name__
    )
    logger.debug(
        "Retrying %s %s in %.3fs after %s",
        request.method,
        public_url(options, request.url),
        delay,
        reason,
    )
