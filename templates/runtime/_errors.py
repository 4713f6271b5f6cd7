"""The exceptions a client raises, one class per way a call can go wrong.

Status errors keep the response (`response`, `request`) and connection errors the request,
as the Stainless SDKs do, but as copies (`_masking`): the request that was sent carries the
credentials, and errors end up in logs and error trackers, so in the copies they read
`[redacted]`. Status errors keep the body three ways: `body` as documented (typed),
`json_body` as parsed (every field, even undocumented ones) and `content` as received
(bytes), since a vendor's reason for refusing a call is often in a field its spec never
mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from typing import Any, TypeVar

import httpx

from ._masking import masked_request, masked_response, secret_values

_Body = TypeVar("_Body")

# Headers services commonly use to name a request in their logs, most specific first.
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid")


class APIError(Exception):
    """Base of every error a client raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingAPIKeyError(APIError):
    """Raised at construction: failing early beats a 401 on the first call."""


class APIConnectionError(APIError):
    """No response arrived (connection refused or dropped, protocol error), after retries.

    `request` is the request that failed, credentials masked.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
        retries_taken: int = 0,
    ) -> None:
        super().__init__(message)
        self._request = request
        self.retries_taken = retries_taken

    @property
    def request(self) -> httpx.Request:
        """The request that failed, credentials masked (as `httpx.TransportError.request`,
        a `RuntimeError` when the error was made without one)."""
        if self._request is None:
            raise RuntimeError("This error was made without its request.")
        return self._request


class APITimeoutError(APIConnectionError):
    """The request timed out on every attempt."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
        retries_taken: int = 0,
    ) -> None:
        super().__init__(message, request=request, retries_taken=retries_taken)


class RequestValidationError(APIError, ValueError):
    """An argument does not match the API schema; raised before anything is sent.

    Also a `ValueError`, as a bad argument is in Python (and in Stainless SDKs, which
    refuse an empty path argument with one), so `except ValueError` around a call catches
    it too. `path` names the offending argument with the Python parameter names where known
    (`phone_numbers[0]`), or is empty when the whole body is at fault.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


class ResponseValidationError(APIError):
    """A 2xx body does not match the documented schema.

    The call itself succeeded (the server did act on it), so callers that only need the
    side effect can catch this and read the raw `body` (also as `content`, like status
    errors) or the parsed `json_body` (None when the body is empty or not JSON). For an
    item of a stream, `body` is that item's text, and `status_code`, `headers` and
    `request` are the stream's response's.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: httpx.Headers,
        body: bytes,
        path: str,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(
            f"The request succeeded (HTTP {status_code}), but the response body does not match"
            f" the documented schema at `{path}`: {message}"
        )
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.content = body
        self.path = path
        self._request = None if request is None else masked_request(request)

    @property
    def request(self) -> httpx.Request:
        """The request that was answered, credentials masked (a `RuntimeError` when the
        error was made without it)."""
        if self._request is None:
            raise RuntimeError("This error was made without its request.")
        return self._request

    @property
    def json_body(self) -> Any:
        from ._messages import parse_json  # failures only

        return parse_json(self.content)


class TokenError(APIError):
    """The token URL of an OAuth2 client credentials flow answered 2xx without a usable
    token (no `access_token`, or not a bearer token); a refusal is an `APIStatusError`."""


class APIStatusError(APIError):
    """The server answered with a non-2xx status (after retries, when retryable).

    `body` is the documented error model when the body fits it, else the parsed JSON, else
    the text (None when empty); `json_body` is the parsed JSON whatever its shape (None when
    empty or not JSON), with the fields the error model leaves out; `content` is the raw
    bytes. `str(exc)` shows the vendor's own message, never the API key. `response` is the
    httpx response (read) and `request` the request it answered, credentials masked.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        status_code: int,
        headers: httpx.Headers,
        body: Any,
        retries_taken: int,
        content: bytes = b"",
        json_body: Any = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.content = content
        self.json_body = json_body
        self.retries_taken = retries_taken
        self.request_id: str | None = next(
            (headers[name] for name in _REQUEST_ID_HEADERS if name in headers), None
        )

    @property
    def request(self) -> httpx.Request:
        """The request `response` answered, credentials masked (as `httpx.Response.request`,
        a `RuntimeError` when the response was made without one)."""
        return self.response.request

    def body_as(self, model: type[_Body]) -> _Body | None:
        """`body` typed as the error model the operation documents for this status (api.md
        lists them), or None when the body is not that model: `body` alone is typed `Any`,
        since one exception class serves every operation.

            except BadRequestError as e:
                if (problem := e.body_as(models.BadRequestBody)) is not None:
                    print(problem.message)
        """
        return self.body if isinstance(self.body, model) else None


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(
    response: httpx.Response,
    body: Any,
    retries_taken: int,
    secret: str | None = None,
    *,
    secrets: Iterable[str] = (),
) -> APIStatusError:
    """The error for a non-2xx `response` whose body decoded as `body`.

    `secret` (the API key), `secrets` and the credentials of the request `response`
    answers (a bearer token an OAuth2 flow added) are masked wherever the message would
    show them; the credentials of the request, in the copy of the response the error keeps.
    """
    from . import _messages  # failures only

    status = response.status_code
    if status >= 500:
        cls: type[APIStatusError] = InternalServerError
    else:
        cls = _STATUS_ERRORS.get(status, APIStatusError)
    hidden = [secret, *secrets]
    with suppress(RuntimeError):  # a response made by hand, tied to no request
        hidden += secret_values(response.request)
    content = response.content
    json_body = _messages.parse_json(content)
    shown = _messages.redirect_note(status, response.headers.get("location"))
    if shown is None:
        said = _messages.redact_bytes(content, *hidden)
        parsed = json_body if said == content else _messages.parse_json(said)
        shown = _messages.describe_body(parsed, said, response.encoding)
    message = f"Error code: {status}" if shown is None else f"Error code: {status} - {shown}"
    return cls(
        _messages.redact(message, *hidden),
        response=masked_response(response),
        status_code=status,
        headers=response.headers,
        body=body,
        retries_taken=retries_taken,
        content=content,
        json_body=json_body,
    )


def connection_error(exc: httpx.TransportError, retries_taken: int) -> APIConnectionError:
    """The error for a request that got no response, naming its method and (masked) URL.

    httpx ties every transport error raised while sending or reading to its request; `exc`
    is given the masked copy in its place, since it stays reachable as the `__cause__`.
    """
    request: httpx.Request | None
    try:
        sent_request = exc.request
    except RuntimeError:  # an error made by hand, tied to no request
        request = None
    else:
        request = exc.request = masked_request(sent_request)
    sent = "." if request is None else f": {request.method} {request.url}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Request timed out{sent}", request=request, retries_taken=retries_taken
        )
    return APIConnectionError(
        f"Connection error ({type(exc).__name__}){sent}",
        request=request,
        retries_taken=retries_taken,
    )
