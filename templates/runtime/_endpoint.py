"""The description of one API operation that generated code hands to `request`.

Generated resource modules create every endpoint at import, so the constructor only
stores its arguments; the path template and the msgspec decoders are prepared on first
use, then cached on the endpoint for every later call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import httpx
import msgspec

from ._errors import RequestValidationError, ResponseValidationError
from ._files import is_file
from ._models import dec_hook
from ._path import PathTemplate
from ._types import RawText

if TYPE_CHECKING:
    from ._call import Call
    from ._paging import Pagination
    from ._param_validation import Parameter, ParameterCheck
    from ._streaming import StreamDecoder

T = TypeVar("T")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Endpoint(Generic[T]):
    """One operation; `T` is what a successful call returns.

    `responses` and `errors` map a status (`"200"`), a range (`"2XX"`) or `"default"` to
    the type of the body; `None` as a success type means the call returns None.
    `path_names` are the method's names for `path_params` (in the same order) where they
    differ, so that a refused path argument is reported under the name the caller wrote.
    `encoding` says how the body is sent: "json", "form" (urlencoded), "multipart",
    "binary" or "text" (the last two as `content_type`). `query_styles` holds the
    OpenAPI style of each query parameter that is not the default (form, exploded);
    `form_styles` and `part_types` the same for the properties of a form body, and the
    media type of a multipart property's own part (see `_forms`).
    `result` is what a call gives back: "value" (the decoded body), "raw" (text),
    "binary" (a `BinaryResponse` holding the bytes), a stream kind of `_streaming`'s
    `STREAM_DECODERS` ("event_stream", "json_lines": the success type is the type of each
    item) or "page" (with `pagination` saying how to get the next page); each can also be
    read as a stream of bytes.
    `security` lists the alternatives of security scheme keys the operation accepts, in
    order (empty: it sends no credentials); None means all the client's schemes at once.
    `server` is the operation's own base URL from the spec, used instead of the client's
    server (see `Options.base_url_for`); None: the client's. `accept` is the `Accept`
    header, from the media types of the documented responses; None (no documented
    content): the http_client's own, `*/*` unless it sets one. `parameters` describes the
    path, query, header and cookie parameters to check before sending (`_param_validation`)
    as (Python name, location, wire name, annotated type); one that any text fits is left out.
    """

    __slots__ = (
        "_state",
        "accept",
        "content_type",
        "encoding",
        "errors",
        "form_styles",
        "method",
        "pagination",
        "parameters",
        "part_types",
        "path",
        "path_names",
        "path_params",
        "query_styles",
        "request_type",
        "responses",
        "result",
        "security",
        "server",
    )

    method: str
    path: str
    path_params: tuple[str, ...]
    path_names: tuple[str, ...]
    responses: Mapping[str, Any]
    errors: Mapping[str, Any]
    request_type: Any | None
    security: tuple[tuple[str, ...], ...] | None
    server: str | None
    encoding: str
    content_type: str | None
    query_styles: Mapping[str, str]
    form_styles: Mapping[str, str]
    part_types: Mapping[str, str]
    result: str
    pagination: Pagination | None
    accept: str | None
    parameters: tuple[Parameter, ...]
    _state: _State[T] | None

    def __init__(
        self,
        *,
        method: str,
        path: str,
        path_params: tuple[str, ...] = (),
        path_names: tuple[str, ...] = (),
        responses: Mapping[str, Any],
        errors: Mapping[str, Any] = _EMPTY,
        request_type: Any | None = None,
        security: tuple[tuple[str, ...], ...] | None = None,
        server: str | None = None,
        encoding: str = "json",
        content_type: str | None = None,
        query_styles: Mapping[str, str] = _EMPTY,
        form_styles: Mapping[str, str] = _EMPTY,
        part_types: Mapping[str, str] = _EMPTY,
        result: str = "value",
        pagination: Pagination | None = None,
        accept: str | None = None,
        parameters: tuple[Parameter, ...] = (),
    ) -> None:
        init = object.__setattr__
        init(self, "method", method)
        init(self, "path", path)
        init(self, "path_params", path_params)
        init(self, "path_names", path_names)
        init(self, "responses", responses)
        init(self, "errors", errors)
        init(self, "request_type", request_type)
        init(self, "security", security)
        init(self, "server", server)
        init(self, "encoding", encoding)
        init(self, "content_type", content_type)
        init(self, "query_styles", query_styles)
        init(self, "form_styles", form_styles)
        init(self, "part_types", part_types)
        init(self, "result", result)
        init(self, "pagination", pagination)
        init(self, "accept", accept)
        init(self, "parameters", parameters)
        init(self, "_state", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"<Endpoint {self.method} {self.path}>"

    def _prepare(self) -> _State[T]:
        state = _State(self)
        object.__setattr__(self, "_state", state)
        return state

    def fill_path(self, values: Sequence[object]) -> str:
        return (self._state or self._prepare()).path.fill(values)

    def check_parameters(self, call: Call) -> None:
        """Raise `RequestValidationError` unless every given parameter fits its type."""
        if not self.parameters:
            return
        state = self._state or self._prepare()
        if state.parameters is None:
            from ._param_validation import ParameterCheck  # endpoints with parameters only

            state.parameters = ParameterCheck(self.parameters, self.path_params)
        state.parameters(call)

    def check_body(self, content: bytes) -> None:
        """Raise `RequestValidationError` unless `content` matches `request_type`."""
        decoder = (self._state or self._prepare()).request
        if decoder is None:
            return
        try:
            decoder.decode(content)
        except msgspec.DecodeError as exc:
            from ._validation import python_path, split_message  # failures only

            message, json_path = split_message(exc)
            path = python_path(self.request_type, json_path)
            raise RequestValidationError(message, path=path) from None

    def check_fields(self, values: Mapping[str, Any]) -> None:
        """`check_body` for form bodies: the fields by wire name; files are checked when read."""
        if self.request_type is None:
            return
        checkable = {
            name: _file_placeholder(value) if _holds_files(value) else msgspec.to_builtins(value)
            for name, value in values.items()
        }
        try:
            msgspec.convert(checkable, self.request_type, dec_hook=dec_hook)
        except msgspec.ValidationError as exc:
            from ._validation import python_path, split_message  # failures only

            message, json_path = split_message(exc)
            raise RequestValidationError(
                message, path=python_path(self.request_type, json_path)
            ) from None

    def decode_success(
        self,
        status: int,
        headers: httpx.Headers,
        content: bytes,
        request: httpx.Request | None = None,
    ) -> T:
        """The typed success body, or `ResponseValidationError` when it does not fit (with
        `request`, the request answered, credentials masked)."""
        decoders = (self._state or self._prepare()).success
        try:
            decoder = decoders[status]
        except KeyError:
            found, tp = _lookup(self.responses, status, success=True)
            if not found:
                raise ResponseValidationError(
                    f"HTTP {status} is not a documented response",
                    status_code=status,
                    headers=headers,
                    body=content,
                    path="$",
                    request=request,
                ) from None
            decoder = decoders[status] = _decoder(tp)
        if decoder is None:
            return cast(T, None)
        try:
            return decoder.decode(content)
        except msgspec.DecodeError as exc:
            from ._validation import split_message, type_name  # failures only

            if isinstance(decoder, msgspec.json.Decoder) and not content.strip():
                # msgspec would say "Input data was truncated", which sends callers hunting
                # for a network fault rather than a server that answered with nothing.
                expected = type_name(decoder.type)
                message, path = f"empty response body, expected {expected} as JSON", "$"
            else:
                message, path = split_message(exc)
            raise ResponseValidationError(
                message,
                status_code=status,
                headers=headers,
                body=content,
                path=path,
                request=request,
            ) from None

    def stream_decoder(self) -> StreamDecoder[T]:
        """A new decoder of items for one stream of this endpoint, by its `result` kind
        (what it needs from the success type is prepared once)."""
        state = self._state or self._prepare()
        if state.stream is None:
            from ._streaming import STREAM_DECODERS  # streams only

            success = [tp for key, tp in self.responses.items() if key.startswith("2")]
            state.stream = STREAM_DECODERS[self.result](success[0] if success else None)
        return state.stream()

    def decode_error(self, response: httpx.Response) -> Any:
        """An error body: typed when documented and fitting, else JSON, else text."""
        content = response.content
        if not content:
            return None
        status = response.status_code
        decoders = (self._state or self._prepare()).failure
        try:
            decoder = decoders[status]
        except KeyError:
            decoder = decoders[status] = _decoder(_lookup(self.errors, status, success=False)[1])
        if decoder is not None:
            try:
                return decoder.decode(content)
            except msgspec.DecodeError:
                pass
        try:
            return msgspec.json.decode(content)
        except msgspec.DecodeError:
            return response.text


class _State(Generic[T]):
    """What an endpoint prepares on first use; mutable, unlike the endpoint."""

    __slots__ = ("failure", "parameters", "path", "request", "stream", "success")

    def __init__(self, endpoint: Endpoint[T]) -> None:
        self.path = PathTemplate(endpoint.path, endpoint.path_params, endpoint.path_names)
        self.success: dict[int, msgspec.json.Decoder[T] | _Raw | None] = {}
        self.failure: dict[int, msgspec.json.Decoder[Any] | _Raw | None] = {}
        self.request = _decoder(endpoint.request_type)
        self.stream: Callable[[], StreamDecoder[T]] | None = None
        self.parameters: ParameterCheck | None = None


def _file_placeholder(value: object) -> object:
    """What stands for files in the check: one None per file, so that an array of files
    is still an array, of the length its minItems and maxItems are checked against."""
    return [None] * len(cast("list[object]", value)) if isinstance(value, list) else None


def _holds_files(value: object) -> bool:
    if isinstance(value, list):
        items = cast("list[object]", value)
        return bool(items) and all(is_file(item) for item in items)
    return is_file(value)


def _lookup(types: Mapping[str, Any], status: int, *, success: bool) -> tuple[bool, Any]:
    """Whether `types` documents `status`, and the body type it gives."""
    for key in (str(status), f"{status // 100}XX", "default"):
        if key in types:
            return True, types[key]
    if success:
        # A server answering 200 where the spec says 201 (or the reverse) is common enough
        # that the only documented success shape is the best guess.
        documented = [key for key in types if key.startswith("2")]
        if len(documented) == 1:
            return True, types[documented[0]]
    return False, None


class _Raw:
    """Stands in for a JSON decoder where the body is returned as it came."""

    __slots__ = ("text",)

    def __init__(self, text: bool) -> None:
        self.text = text

    def decode(self, content: bytes) -> Any:
        return content.decode("utf-8", "replace") if self.text else content


def _decoder(tp: Any) -> msgspec.json.Decoder[Any] | _Raw | None:
    if tp is None:
        return None
    if tp is bytes or tp is RawText:
        return _Raw(text=tp is RawText)
    return msgspec.json.Decoder(tp, dec_hook=dec_hook)
