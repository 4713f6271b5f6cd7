"""The hand-written runtime that generated clients build on (copied verbatim into each).

Its names are loaded on first use (PEP 562): `import` of a generated package costs little
more than httpx's own, and event streams, binary responses, pages, streamed responses,
forms and uploads are loaded by the first call that needs them, not by every program that
imports a client (nor by the `parse()` of a raw JSON response).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._async_client import AsyncAPIClient
    from ._auth import ApiKeyAuth, AuthScheme, BasicAuth, BearerAuth, ClientCredentialsAuth
    from ._binary_response import AsyncBinaryResponse, BinaryResponse
    from ._call import RequestOptions
    from ._endpoint import Endpoint
    from ._errors import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        MissingAPIKeyError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RequestValidationError,
        ResponseValidationError,
        TokenError,
        UnprocessableEntityError,
        make_status_error,
    )
    from ._files import FileContent, FileInput
    from ._options import ClientConfig, ServerVariable
    from ._pagination import (
        AsyncPage,
        AsyncPager,
        AsyncPageResponse,
        SyncPage,
        SyncPageResponse,
        async_to_raw_page_wrapper,
        to_raw_page_wrapper,
    )
    from ._paging import Pagination
    from ._response import (
        APIResponse,
        AsyncAPIResponse,
        async_to_raw_binary_wrapper,
        async_to_raw_response_wrapper,
        to_raw_binary_wrapper,
        to_raw_response_wrapper,
    )
    from ._streamed_response import (
        AsyncStreamedResponse,
        StreamedResponse,
        async_to_streamed_binary_wrapper,
        async_to_streamed_response_wrapper,
        to_streamed_binary_wrapper,
        to_streamed_response_wrapper,
    )
    from ._streaming import AsyncStream, ServerSentEvent, Stream
    from ._sync_client import SyncAPIClient
    from ._types import (
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
        NOT_GIVEN,
        Body,
        Headers,
        NotGiven,
        Query,
        RawText,
        Timeout,
    )

# Where each public name is defined; the test of the runtime's imports keeps this in step
# with the imports above, which only type checkers read.
_MODULES = {
    "AsyncAPIClient": "_async_client",
    "ApiKeyAuth": "_auth",
    "AuthScheme": "_auth",
    "BasicAuth": "_auth",
    "BearerAuth": "_auth",
    "ClientCredentialsAuth": "_auth",
    "AsyncBinaryResponse": "_binary_response",
    "BinaryResponse": "_binary_response",
    "Endpoint": "_endpoint",
    "APIConnectionError": "_errors",
    "APIError": "_errors",
    "APIStatusError": "_errors",
    "APITimeoutError": "_errors",
    "AuthenticationError": "_errors",
    "BadRequestError": "_errors",
    "ConflictError": "_errors",
    "InternalServerError": "_errors",
    "MissingAPIKeyError": "_errors",
    "NotFoundError": "_errors",
    "PermissionDeniedError": "_errors",
    "RateLimitError": "_errors",
    "RequestValidationError": "_errors",
    "ResponseValidationError": "_errors",
    "TokenError": "_errors",
    "UnprocessableEntityError": "_errors",
    "make_status_error": "_errors",
    "FileContent": "_files",
    "FileInput": "_files",
    "ClientConfig": "_options",
    "RequestOptions": "_call",
    "ServerVariable": "_options",
    "AsyncPage": "_pagination",
    "AsyncPageResponse": "_pagination",
    "AsyncPager": "_pagination",
    "Pagination": "_paging",
    "SyncPage": "_pagination",
    "SyncPageResponse": "_pagination",
    "async_to_raw_page_wrapper": "_pagination",
    "to_raw_page_wrapper": "_pagination",
    "APIResponse": "_response",
    "AsyncAPIResponse": "_response",
    "async_to_raw_binary_wrapper": "_response",
    "async_to_raw_response_wrapper": "_response",
    "to_raw_binary_wrapper": "_response",
    "to_raw_response_wrapper": "_response",
    "AsyncStreamedResponse": "_streamed_response",
    "StreamedResponse": "_streamed_response",
    "async_to_streamed_binary_wrapper": "_streamed_response",
    "async_to_streamed_response_wrapper": "_streamed_response",
    "to_streamed_binary_wrapper": "_streamed_response",
    "to_streamed_response_wrapper": "_streamed_response",
    "AsyncStream": "_streaming",
    "ServerSentEvent": "_streaming",
    "Stream": "_streaming",
    "SyncAPIClient": "_sync_client",
    "DEFAULT_MAX_RETRIES": "_types",
    "DEFAULT_TIMEOUT": "_types",
    "NOT_GIVEN": "_types",
    "Body": "_types",
    "Headers": "_types",
    "NotGiven": "_types",
    "Query": "_types",
    "RawText": "_types",
    "Timeout": "_types",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "ApiKeyAuth",
    "AsyncAPIClient",
    "AsyncAPIResponse",
    "AsyncBinaryResponse",
    "AsyncPage",
    "AsyncPageResponse",
    "AsyncPager",
    "AsyncStream",
    "AsyncStreamedResponse",
    "AuthScheme",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "BearerAuth",
    "BinaryResponse",
    "Body",
    "ClientConfig",
    "ClientCredentialsAuth",
    "ConflictError",
    "Endpoint",
    "FileContent",
    "FileInput",
    "Headers",
    "InternalServerError",
    "MissingAPIKeyError",
    "NotFoundError",
    "NotGiven",
    "Pagination",
    "PermissionDeniedError",
    "Query",
    "RateLimitError",
    "RawText",
    "RequestOptions",
    "RequestValidationError",
    "ResponseValidationError",
    "ServerSentEvent",
    "ServerVariable",
    "Stream",
    "StreamedResponse",
    "SyncAPIClient",
    "SyncPage",
    "SyncPageResponse",
    "Timeout",
    "TokenError",
    "UnprocessableEntityError",
    "async_to_raw_binary_wrapper",
    "async_to_raw_page_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_binary_wrapper",
    "async_to_streamed_response_wrapper",
    "make_status_error",
    "to_raw_binary_wrapper",
    "to_raw_page_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_binary_wrapper",
    "to_streamed_response_wrapper",
]
