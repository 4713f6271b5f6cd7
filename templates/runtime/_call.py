"""The value types of one method call: its arguments (`Call`) and its per-call options
(`RequestOptions`).

They sit at the bottom of the runtime's imports, with the errors: the endpoint, the
request builder, pages and both clients all pass them around, and none of those is
needed to make one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from ._errors import RequestValidationError
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout


class RequestOptions:
    """The per-call options of one method call, checked where the generated method gets them.

    A wrong type here would otherwise surface deep inside httpx or the retry loop, after
    part of the work is done; checking once at the boundary names the option instead.
    Generated methods pass the options by position, in the order of their signatures, so
    that the call takes one line in every method.
    """

    __slots__ = ("extra_body", "extra_headers", "extra_query", "max_retries", "timeout")

    def __init__(
        self,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        if extra_headers is not None:
            _check_mapping("extra_headers", extra_headers)
            for name, value in extra_headers.items():
                _check_header(name, value)
        if extra_query is not None:
            _check_mapping("extra_query", extra_query)
        if extra_body is not None:
            _check_mapping("extra_body", extra_body)
        if not isinstance(timeout, NotGiven):
            _check_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            _check_max_retries(max_retries)
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout
        self.max_retries = max_retries

    def __repr__(self) -> str:
        given = {name: getattr(self, name) for name in self.__slots__}
        shown = ", ".join(
            f"{k}={v!r}" for k, v in given.items() if v is not None and v is not NOT_GIVEN
        )
        return f"RequestOptions({shown})"


DEFAULT_REQUEST_OPTIONS = RequestOptions()


def _check_mapping(name: str, value: object) -> None:
    if not isinstance(value, Mapping):
        raise RequestValidationError(
            f"expected a mapping or None, got {type(value).__name__}", path=name
        )


def _check_header(name: object, value: object) -> None:
    if not isinstance(name, str) or not isinstance(value, str):
        raise RequestValidationError(
            f"expected str names and values, got {name!r}: {value!r}", path="extra_headers"
        )


def _check_timeout(value: object) -> None:
    if value is None or isinstance(value, httpx.Timeout):
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RequestValidationError(
            f"expected seconds (a number), an httpx.Timeout or None, got {value!r}", path="timeout"
        )
    if not value >= 0:  # also rejects NaN
        raise RequestValidationError(
            f"expected a non-negative number, got {value!r}", path="timeout"
        )


def _check_max_retries(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError(
            f"expected a non-negative int, got {value!r}", path="max_retries"
        )
    if value < 0:
        raise RequestValidationError(
            f"expected a non-negative int, got {value!r}", path="max_retries"
        )


class Call:
    """The arguments of one method call, as the generated method hands them over.

    A page re-sends the call that produced it with the next cursor, so a call is a value
    that can be copied with one argument changed.
    """

    __slots__ = ("body", "cookies", "headers", "options", "path", "query")

    def __init__(
        self,
        *,
        path: Sequence[object] = (),
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
    ) -> None:
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.options = options

    def replace(self, **changes: Any) -> Call:
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return Call(**values)
