"""How an operation pages: where an API keeps the items, the cursor (or offset) and the
"more" flag, and the call for the next page, computed from a page without any I/O.

Endpoints carry a `Pagination` from the moment a generated module is imported; the pages
that drive it (`_pagination`) are loaded by the first list call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

import msgspec

from ._call import Call
from ._types import NOT_GIVEN

_MISSING: Any = object()


class Pagination(msgspec.Struct, frozen=True, kw_only=True):
    """One operation's pagination scheme, by the names the runtime sees.

    Response fields are attribute names of the decoded body (`items`, `next_cursor`,
    `has_more`, `total`; `items=None`: the body is the array itself) and `cursor_item` an
    attribute of an item (the last item's value is the next cursor). Request parameters
    (`cursor`, `offset`) are wire names in the query, or argument names of the body when
    `location` is "body". A cursor of several fields (a tuple) is filled from as many
    item attributes (`cursor_item`, in the same order), all sent with the next call.
    """

    items: str | None = None
    cursor: str | tuple[str, ...] | None = None
    next_cursor: str | None = None
    cursor_item: str | tuple[str, ...] | None = None
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None
    location: Literal["query", "body"] = "query"

    def items_of(self, body: object) -> list[Any]:
        value = body if self.items is None else _field(body, self.items)
        return list(cast("Sequence[Any]", value)) if isinstance(value, list | tuple) else []

    def next_call(self, body: object, call: Call, seen: frozenset[object]) -> Call | None:
        """The call for the page after `body`, or None when `body` is the last page."""
        items = self.items_of(body)
        if not items:
            return None
        if self.has_more is not None and _field(body, self.has_more) is False:
            return None
        if self.offset is not None:
            start = _as_int(self._argument(call, self.offset))
            following = start + len(items)
            total = _field(body, self.total) if self.total is not None else None
            if isinstance(total, int) and following >= total:
                return None
            return self._with_arguments(call, {self.offset: following})
        names = _names(self.cursor)
        if not names:
            return None
        if self.next_cursor is not None:
            values: tuple[object, ...] = (_field(body, self.next_cursor),)
        elif self.cursor_item is not None:
            values = tuple(_field(items[-1], name) for name in _names(self.cursor_item))
        else:
            return None
        if any(v is None or v is _MISSING or v == "" for v in values) or values in seen:
            return None
        return self._with_arguments(call, dict(zip(names, values, strict=True)))

    def cursor_of(self, call: Call) -> object:
        """What identifies the page `call` asks for, to notice a server repeating itself:
        the whole cursor, so two pages that share one of its fields are still told apart."""
        if self.offset is not None:
            return (self._argument(call, self.offset),)
        return tuple(self._argument(call, name) for name in _names(self.cursor))

    def _argument(self, call: Call, name: str) -> object:
        if self.location == "body":
            body = call.body
            if isinstance(body, Mapping):
                return cast("Mapping[str, object]", body).get(name, NOT_GIVEN)
            return getattr(body, name, NOT_GIVEN)
        return (call.query or {}).get(name, NOT_GIVEN)

    def _with_arguments(self, call: Call, values: Mapping[str, object]) -> Call:
        if self.location == "body":
            body = call.body
            if isinstance(body, msgspec.Struct):
                return call.replace(body=msgspec.structs.replace(body, **values))
            return call.replace(body={**(body if isinstance(body, Mapping) else {}), **values})
        return call.replace(query={**(call.query or {}), **values})


def _names(names: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    return (names,) if isinstance(names, str) else names


def _field(value: object, name: str) -> Any:
    if isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value).get(name, _MISSING)
    return getattr(value, name, _MISSING)


def _as_int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
