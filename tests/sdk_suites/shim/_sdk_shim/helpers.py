"""What the suites' own helpers import from the SDKs' private modules, for our models.

`tests/utils.py` of each suite checks a response with `assert_matches_type(T, value)`,
walking T with Stainless' private typing helpers and pydantic's field list. These are
small equivalents written for msgspec: a model is a `msgspec.Struct`, its fields come
from `msgspec.structs.fields`, a union marker (our untagged or open unions) stands
for the union of its variants, as its docstring says, and one of our pages is checked
by its first response (`page_check`).
"""

from __future__ import annotations

import functools
import importlib
import types
import typing
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from _sdk_shim import Names

_PAGES = ("SyncCursorIDPage", "AsyncCursorIDPage", "SyncPage", "AsyncPage")


# The official SDKs' response classes (`<vendor>._response`) → ours. The name table has
# only what api.md lists as return types (`BinaryAPIResponse`).
RESPONSES = {
    "BinaryAPIResponse": "BinaryResponse",
    "AsyncBinaryAPIResponse": "AsyncBinaryResponse",
    "StreamedBinaryAPIResponse": "StreamedResponse",
    "AsyncStreamedBinaryAPIResponse": "AsyncStreamedResponse",
}
_RUNTIME_TYPES = ("SyncPage", "AsyncPage", "Stream", "AsyncStream", *RESPONSES.values())


def runtime() -> dict[str, Any]:
    """Our runtime's return types, for the name table's type expressions."""
    module = importlib.import_module("voice_clients._runtime")
    return {name: getattr(module, name) for name in _RUNTIME_TYPES}


def page_class(names: Names, page: str) -> Any:
    """`SyncCursorIDPage[Item]` from `<vendor>.pagination`: our return type for that page."""
    if page not in _PAGES:
        raise AttributeError(page)

    class Page:
        def __class_getitem__(cls, item: Any) -> Any:
            return names.page(page, item)

    Page.__name__ = page
    return Page


class Omit:
    """The official `Omit` sentinel, as `tests/utils.update_env` uses it."""


def is_dict(value: object) -> bool:
    return isinstance(value, dict)


def is_list(value: object) -> bool:
    return isinstance(value, list)


def is_annotated_type(type_: Any) -> bool:
    return typing.get_origin(type_) is typing.Annotated


def is_list_type(type_: Any) -> bool:
    return (typing.get_origin(type_) or type_) is list


def is_sequence_type(type_: Any) -> bool:
    import collections.abc

    origin = typing.get_origin(type_) or type_
    return origin in (typing.Sequence, collections.abc.Sequence)


def is_union_type(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType)


def is_type_alias_type(type_: Any) -> bool:
    alias = getattr(typing, "TypeAliasType", None)
    return alias is not None and isinstance(type_, alias)


def extract_type_arg(type_: Any, index: int) -> Any:
    return typing.get_args(type_)[index]


def parse_datetime(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class _PageCheckMeta(type):
    def __instancecheck__(cls, value: object) -> bool:
        module = importlib.import_module("voice_clients._runtime")
        return isinstance(value, module.SyncPage | module.AsyncPage)


class _PageCheck(metaclass=_PageCheckMeta):
    """Stands for our page type `SyncPage[Body, Item]` in `assert_matches_type`.

    Where the official SDK returns a list's response (a plain list, or its own page
    model), ours returns a page that iterates the items of every page; the first
    response is its `body`. The suites' helper checks a model by its fields, so this
    "model" is any page of ours, with one field: `body`, of the response's type.
    """

    body_type: Any = None


@functools.cache
def page_check(page_type: Any) -> type[_PageCheck]:
    """A `_PageCheck` for `SyncPage[Body, Item]` (or `AsyncPage`)."""
    body = typing.get_args(page_type)[0]
    name = f"PageOf{getattr(body, '__name__', 'Body')}"
    return type(name, (_PageCheck,), {"body_type": unmarked(body)})


def is_page_type(type_: Any) -> bool:
    module = importlib.import_module("voice_clients._runtime")
    return typing.get_origin(type_) in (module.SyncPage, module.AsyncPage)


class _ModelMeta(type):
    def __subclasscheck__(cls, subclass: type) -> bool:
        return isinstance(subclass, type) and issubclass(subclass, msgspec.Struct | _PageCheck)


class BaseModel(metaclass=_ModelMeta):
    """The suites' `BaseModel`: our models (msgspec Structs) and the page stand-ins."""


def get_model_fields(model: type[Any]) -> Mapping[str, Any]:
    if issubclass(model, _PageCheck):
        return {"body": types.SimpleNamespace(name="body", type=model.body_type)}
    return {field.name: field for field in msgspec.structs.fields(model)}


def field_outer_type(field: msgspec.structs.FieldInfo) -> Any:
    return unmarked(field.type)


def unmarked(type_: Any) -> Any:
    """A union marker (`clientgen_variants`) → the plain union of its variants.

    `Any` becomes `object`, which stands for "any value" in the suites' helper (pydantic
    models spell free-form fields so).
    """
    if type_ is Any:
        return object
    variants = getattr(type_, "clientgen_variants", None)
    if variants is not None and isinstance(type_, type):
        unknown = getattr(type_, "clientgen_unknown", None)
        return typing.Union[(*variants, *([unknown] if unknown else []))]
    arguments = typing.get_args(type_)
    origin = typing.get_origin(type_)
    if not arguments or origin is None:
        return type_
    inner = tuple(unmarked(a) for a in arguments)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[inner]  # noqa: UP007
    if origin is typing.Literal or origin is typing.Annotated:
        return type_
    return origin[inner]


STAINLESS_INTERNAL: dict[str, Any] = {
    "Omit": Omit,
    "NoneType": type(None),
    "BaseModel": BaseModel,
    "PYDANTIC_V1": False,
    "get_model_fields": get_model_fields,
    "field_outer_type": field_outer_type,
    "is_dict": is_dict,
    "is_list": is_list,
    "is_list_type": is_list_type,
    "is_union_type": is_union_type,
    "is_sequence_type": is_sequence_type,
    "is_annotated_type": is_annotated_type,
    "is_type_alias_type": is_type_alias_type,
    "extract_type_arg": extract_type_arg,
    "parse_datetime": parse_datetime,
}
