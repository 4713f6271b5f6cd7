"""Checking a call's path, query, header and cookie arguments before anything is sent.

A body is checked by decoding it against its request model; parameters have no model, so
the endpoint describes each one (the caller's name for it, where it goes, its name on the
wire and its annotated type, `msgspec.Meta` constraints and `Literal` enums included) and
the first call makes a Struct of them. Each call then converts the arguments it was given
into that Struct once: a refused argument raises `RequestValidationError` under the name
the caller wrote, as a refused body field does.

What is checked is what the server reads: every scalar as the text it is sent as, read
back leniently (`42` for a string parameter is the segment "42"; "7" for an integer one
is the number 7), so that the constraints hold for the request as sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import GenericAlias, UnionType
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, cast, get_args, get_origin

import msgspec

from ._errors import RequestValidationError
from ._models import dec_hook
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from ._call import Call

# (python name, location, wire name, annotated type), as generated endpoints list them.
Parameter = tuple[str, str, str, Any]


class ParameterCheck:
    """The check of one endpoint's parameters, prepared on its first call."""

    __slots__ = ("_parameters", "_path_index", "_type")

    def __init__(self, parameters: Sequence[Parameter], path_params: Sequence[str]) -> None:
        self._parameters = parameters
        self._path_index = {wire: index for index, wire in enumerate(path_params)}
        # Every field defaults to None: a call checks only the arguments it was given.
        self._type = msgspec.defstruct(
            "Parameters", [(python, _as_sent(tp), None) for python, _, _, tp in parameters]
        )

    def __call__(self, call: Call) -> None:
        given: dict[str, Any] = {}
        for python, location, wire, _ in self._parameters:
            value = self._value(call, location, wire)
            if value is NOT_GIVEN or value is None:
                continue
            try:
                given[python] = _texts(msgspec.to_builtins(value, enc_hook=_collection))
            except TypeError as exc:
                raise RequestValidationError(str(exc), path=python) from None
        try:
            msgspec.convert(given, self._type, dec_hook=dec_hook, strict=False)
        except msgspec.ValidationError as exc:
            from ._validation import python_path, split_message  # failures only

            message, json_path = split_message(exc)
            raise RequestValidationError(message, path=python_path(self._type, json_path)) from None

    def _value(self, call: Call, location: str, wire: str) -> object:
        if location == "path":
            index = self._path_index.get(wire)
            return call.path[index] if index is not None and index < len(call.path) else None
        values: Mapping[str, object] | None = getattr(call, _CALL_FIELDS[location])
        return values.get(wire, NOT_GIVEN) if values else NOT_GIVEN


def _texts(value: object) -> object:
    """A plain value with each scalar as the text a request carries it as."""
    if isinstance(value, dict):
        return {key: _texts(item) for key, item in cast("dict[object, object]", value).items()}
    if isinstance(value, list | tuple):
        return [_texts(item) for item in cast("Sequence[object]", value)]
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if value is None or isinstance(value, str) else str(value)


def _as_sent(tp: Any) -> Any:
    """`tp` with each boolean of a `Literal` as the text it is sent as (`Literal[True]` is
    `Literal["true"]`): the check reads texts back leniently, and msgspec reads "true" as
    a `bool` but never as a `Literal` of one."""
    args = get_args(tp)
    if not args:
        return tp
    if get_origin(tp) is Literal:
        if not any(isinstance(arg, bool) for arg in args):
            return tp
        texts = tuple(_texts(arg) if isinstance(arg, bool) else arg for arg in args)
        literal: Any = Literal  # a Literal of values known only here
        return literal[texts]
    if get_origin(tp) is Annotated:
        inner = _as_sent(args[0])
        annotated: Any = Annotated
        arguments = (inner, *tp.__metadata__)
        return tp if inner is args[0] else annotated[arguments]
    sent = tuple(_as_sent(arg) for arg in args)
    if all(new is old for new, old in zip(sent, args, strict=True)):
        return tp
    if isinstance(tp, UnionType):
        union: Any = Union  # `X | Y` read back as the same union
        return union[sent]
    copy_with = getattr(tp, "copy_with", None)  # typing's aliases: Union, Sequence[...], …
    return copy_with(sent) if copy_with is not None else GenericAlias(get_origin(tp), sent)


def _collection(value: object) -> object:
    """Any mapping or sequence (a `deque`, a `MappingProxyType`) is sent as one, so it is
    checked as one."""
    if isinstance(value, Mapping):
        return dict(cast("Mapping[object, object]", value))
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return list(cast("Iterable[object]", value))
    raise TypeError(f"a {type(value).__name__} cannot be sent")


# Where a `Call` holds the arguments of each location.
_CALL_FIELDS = {"query": "query", "header": "headers", "cookie": "cookies"}
