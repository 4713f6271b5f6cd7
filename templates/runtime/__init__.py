"""The hand-written runtime that generated clients build on (copied verbatim into each)."""

from ._async_client import AsyncAPIClient
from ._auth import ApiKeyAuth, AuthScheme, BasicAuth, BearerAuth
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
    UnprocessableEntityError,
    make_status_error,
)
from ._files import FileContent, FileInput
from ._options import ClientConfig, RequestOptions, ServerVariable
from ._pagination import AsyncPage, AsyncPager, Pagination, SyncPage
from ._response import APIResponse, async_to_raw_response_wrapper, to_raw_response_wrapper
from ._streamed_response import (
    AsyncStreamedResponse,
    StreamedResponse,
    async_to_streamed_response_wrapper,
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
    "AsyncPage",
    "AsyncPager",
    "AsyncStream",
    "AsyncStreamedResponse",
    "AuthScheme",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "BearerAuth",
    "Body",
    "ClientConfig",
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
    "Timeout",
    "UnprocessableEntityError",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "make_status_error",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]
