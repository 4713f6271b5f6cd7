"""The result kind of each operation: a value, text, a binary body, an event stream or a
page.

Text (`text/*`) stays a `str`, as the Stainless SDKs keep it; any other non-JSON body is
binary and comes back as a response object (`BinaryResponse`), also when one of several
success responses is text, since that object reads as text too.

Pages come from the api.toml `[pagination]` schemes, or are detected where the shape
leaves no doubt: a response object with one array field and either a string cursor
field that the request sends back under the same name, or a `total`/`totalCount`
integer next to an `offset` query parameter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.diagnostics import Diagnostic
from generator.model.api import Body, Parameter, Response
from generator.model.results import Paging, Result
from generator.model.types import (
    ArrayType,
    Definition,
    Field,
    NamedRef,
    Nullable,
    ObjectDef,
    Primitive,
    RawBody,
    TypeRef,
    unaliased,
)
from generator.parse.schemas import Locate
from generator.settings import PaginationScheme

_CURSOR_NAME = re.compile(r"cursor|token|key|after|next", re.IGNORECASE)
_TOTAL_NAME = re.compile(r"^total(_?count)?$", re.IGNORECASE)
_HAS_MORE_NAMES = ("has_more", "hasMore", "has_next", "hasNext")


class ResultBuilder:
    def __init__(
        self,
        definitions: Mapping[str, Definition],
        schemes: Sequence[PaginationScheme],
        error: Locate,
    ) -> None:
        self._definitions = definitions
        self._schemes = schemes
        self._error = error
        self._used: set[tuple[str, str]] = set()
        self.diagnostics: list[Diagnostic] = []

    def result(
        self,
        names: tuple[str, ...],
        success: tuple[Response, ...],
        parameters: Sequence[Parameter],
        body: Body | None,
        pointer: str,
    ) -> Result:
        """`names` are the ways api.toml may name the operation (key, operationId, method)."""
        events = [r for r in success if r.events]
        if events:
            return Result("event_stream", item=events[0].type)
        typed = [r.type for r in success if r.type is not None]
        raw = [t for t in typed if isinstance(t, RawBody)]
        if typed and len(raw) == len(typed):
            return Result("raw") if all(t.text for t in raw) else Result("binary")
        scheme = self._scheme_for(names)
        if scheme is not None:
            return self._configured(scheme, typed, parameters, body, pointer)
        detected = self._detected(typed, parameters)
        return detected if detected is not None else Result()

    def unused_schemes(self, pointer: str) -> None:
        """Report operations named in `[pagination]` that the spec does not have."""
        for scheme in self._schemes:
            for entry in scheme.operations:
                if (scheme.name, entry) not in self._used:
                    self.diagnostics.append(
                        self._error(
                            pointer,
                            f"api.toml [pagination.{scheme.name}] names {entry!r}, "
                            "which is not an operation of this API",
                        )
                    )

    def _scheme_for(self, names: tuple[str, ...]) -> PaginationScheme | None:
        for scheme in self._schemes:
            for entry in scheme.operations:
                if entry in names:
                    self._used.add((scheme.name, entry))
                    return scheme
        return None

    # -- configured schemes -------------------------------------------------------------------

    def _configured(
        self,
        scheme: PaginationScheme,
        typed: list[TypeRef],
        parameters: Sequence[Parameter],
        body: Body | None,
        pointer: str,
    ) -> Result:
        problem = f"pagination scheme {scheme.name!r} does not fit this operation"
        if len(typed) != 1:
            return self._fail(pointer, f"{problem}: it needs one JSON success response")
        envelope = self._object(typed[0])
        if scheme.items is None:
            array = self._array(typed[0])
            fields: dict[str, Field] = {}
        else:
            fields = {f.wire_name: f for f in envelope.fields} if envelope else {}
            items_field = fields.get(scheme.items)
            array = self._array(items_field.type) if items_field else None
        if array is None:
            where = f"field {scheme.items!r}" if scheme.items else "response"
            return self._fail(pointer, f"{problem}: the {where} is not an array")
        item_fields = {f.wire_name: f for f in (self._object(array.items) or _NO_OBJECT).fields}
        attributes: dict[str, str | None] = {}
        for key, table in (
            ("next_cursor", fields),
            ("has_more", fields),
            ("total", fields),
            ("cursor_item", item_fields),
        ):
            wire = getattr(scheme, key)
            if wire is None:
                attributes[key] = None
            elif wire in table:
                attributes[key] = table[wire].python_name
            else:
                return self._fail(pointer, f"{problem}: no response field {wire!r} for {key}")
        location = "query"
        arguments: dict[str, str | None] = {}
        for key in ("cursor", "offset"):
            wire = getattr(scheme, key)
            if wire is None:
                arguments[key] = None
                continue
            found = _request_name(wire, parameters, body)
            if found is None:
                return self._fail(pointer, f"{problem}: no request parameter {wire!r} for {key}")
            location, arguments[key] = found
        items = fields[scheme.items].python_name if scheme.items is not None else None
        paging = Paging(
            scheme.name,
            items,
            location,  # type: ignore[arg-type]
            cursor=arguments["cursor"],
            offset=arguments["offset"],
            **attributes,
        )
        return Result("page", item=array.items, paging=paging)

    def _fail(self, pointer: str, message: str) -> Result:
        self.diagnostics.append(self._error(pointer, message))
        return Result()

    # -- detection ----------------------------------------------------------------------------

    def _detected(self, typed: list[TypeRef], parameters: Sequence[Parameter]) -> Result | None:
        if len(typed) != 1:
            return None
        envelope = self._object(typed[0])
        if envelope is None:
            return None
        arrays = [f for f in envelope.fields if self._array(f.type) is not None]
        if len(arrays) != 1:
            return None
        query = {p.wire_name for p in parameters if p.location == "query"}
        array = self._array(arrays[0].type)
        assert array is not None
        totals = [f for f in envelope.fields if _TOTAL_NAME.match(f.wire_name) and _is_int(f.type)]
        if "offset" in query and len(totals) == 1:
            paging = Paging(
                "detected", arrays[0].python_name, offset="offset", total=totals[0].python_name
            )
            return Result("page", item=array.items, paging=paging)
        has_more = next(
            (f for f in envelope.fields if f.wire_name in _HAS_MORE_NAMES and _is_boolean(f.type)),
            None,
        )
        cursors = [
            f
            for f in envelope.fields
            if f.wire_name in query
            and _is_string(f.type)
            and (has_more is not None or _CURSOR_NAME.search(f.wire_name))
        ]
        if len(cursors) != 1:
            return None
        paging = Paging(
            "detected",
            arrays[0].python_name,
            cursor=cursors[0].wire_name,
            next_cursor=cursors[0].python_name,
            has_more=has_more.python_name if has_more else None,
        )
        return Result("page", item=array.items, paging=paging)

    # -- helpers ------------------------------------------------------------------------------

    def _object(self, type_ref: TypeRef) -> ObjectDef | None:
        """The object a type is behind nullables, names and aliases, if it is one."""
        resolved = unaliased(type_ref, self._definitions)
        if not isinstance(resolved, NamedRef):
            return None
        definition = self._definitions.get(resolved.name)
        return definition if isinstance(definition, ObjectDef) else None

    def _array(self, type_ref: TypeRef) -> ArrayType | None:
        resolved = unaliased(type_ref, self._definitions)
        return resolved if isinstance(resolved, ArrayType) else None


_NO_OBJECT = ObjectDef("", ())


def _request_name(
    wire: str, parameters: Sequence[Parameter], body: Body | None
) -> tuple[str, str] | None:
    """Where the request sends `wire`: ("query", wire name) or ("body", model attribute)."""
    for parameter in parameters:
        if parameter.location == "query" and parameter.wire_name == wire:
            return "query", wire
    for field in (body.fields or ()) if body is not None else ():
        if field.wire_name == wire:
            return "body", field.python_name
    return None


def _is_string(type_ref: TypeRef) -> bool:
    inner = type_ref.inner if isinstance(type_ref, Nullable) else type_ref
    return isinstance(inner, Primitive) and inner.kind == "string"


def _is_int(type_ref: TypeRef) -> bool:
    inner = type_ref.inner if isinstance(type_ref, Nullable) else type_ref
    return isinstance(inner, Primitive) and inner.kind == "integer"


def _is_boolean(type_ref: TypeRef) -> bool:
    inner = type_ref.inner if isinstance(type_ref, Nullable) else type_ref
    return isinstance(inner, Primitive) and inner.kind == "boolean"
