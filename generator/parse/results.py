"""The result kind of each operation: a value, text, a binary body, a stream (server-sent
events, JSON Lines: the kind of the first streamed success body) or a page.

Text (`text/*`) stays a `str`, as the Stainless SDKs keep it; any other non-JSON body is
binary and comes back as a response object (`BinaryResponse`), also when one of several
success responses is text, since that object reads as text too.

Pages come from the api.toml `[pagination]` schemes, or are detected where the shape
leaves no doubt: a response object with one array field and either a string cursor
field that the request sends back under the same name, or `next_page` next to a "more"
flag with a `starting_after` parameter, or a `total`/`totalCount` integer next to an
`offset` query parameter. Where two readings are possible the operation stays a value:
a wrong guess would drop or repeat items, a value only makes the caller page by hand.
A scheme that does not fit an operation is reported at its api.toml line, where the fix
goes, not in the vendor's document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import assert_never

from generator.diagnostics import Diagnostic, Location
from generator.model.api import Body, Parameter, Response
from generator.model.results import Paging, Result, streamed_result
from generator.model.types import (
    AnyType,
    ArrayType,
    Definition,
    EnumValues,
    Field,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    ObjectDef,
    Primitive,
    RawBody,
    TypeRef,
    UnionDef,
    UnionOf,
    unaliased,
)
from generator.settings import PaginationScheme

_CURSOR_NAME = re.compile(r"cursor|token|key|after|next", re.IGNORECASE)
_TOTAL_NAME = re.compile(r"^total(_?count)?$", re.IGNORECASE)
_HAS_MORE_NAMES = ("has_more", "hasMore", "has_next", "hasNext")
_NEXT_PAGE_NAMES = ("next_page", "nextPage")
_STARTING_AFTER = "starting_after"


class ResultBuilder:
    def __init__(
        self,
        definitions: Mapping[str, Definition],
        schemes: Sequence[PaginationScheme],
    ) -> None:
        self._definitions = definitions
        self._schemes = schemes
        self._used: set[tuple[str, str]] = set()
        self.diagnostics: list[Diagnostic] = []

    def result(
        self,
        names: tuple[str, ...],
        success: tuple[Response, ...],
        parameters: Sequence[Parameter],
        body: Body | None,
    ) -> Result:
        """`names` are the ways api.toml may name the operation (key, operationId, method)."""
        for response in success:
            streamed = streamed_result(response.body)
            if streamed is not None:
                return Result(streamed, item=response.type)
        typed = [r.type for r in success if r.type is not None]
        raw = [t for t in typed if isinstance(t, RawBody)]
        if typed and len(raw) == len(typed):
            return Result("raw") if all(t.text for t in raw) else Result("binary")
        scheme = self._scheme_for(names)
        if scheme is not None:
            return self._configured(scheme, names[0], typed, parameters, body)
        detected = self._detected(typed, parameters)
        return detected if detected is not None else Result()

    def unused_schemes(self) -> None:
        """Report operations named in `[pagination]` that the spec does not have."""
        for scheme in self._schemes:
            for entry in scheme.operations:
                if (scheme.name, entry) not in self._used:
                    self.diagnostics.append(
                        _at_setting(
                            scheme,
                            "operations",
                            f"[pagination.{scheme.name}] names {entry!r}, "
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
        operation: str,
        typed: list[TypeRef],
        parameters: Sequence[Parameter],
        body: Body | None,
    ) -> Result:
        """The page a `[pagination.<name>]` table describes; where it does not fit the
        operation, the error points at the api.toml key at fault."""

        def fail(key: str, problem: str) -> Result:
            message = f"[pagination.{scheme.name}] does not fit {operation}: {problem}"
            self.diagnostics.append(_at_setting(scheme, key, message))
            return Result()

        if len(typed) != 1:
            return fail("operations", "it needs one JSON success response")
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
            return fail("items", f"the {where} is not an array")
        attributes: dict[str, str | None] = {}
        for key in ("next_cursor", "has_more", "total"):
            wire = getattr(scheme, key)
            if wire is not None and wire in fields:
                attributes[key] = fields[wire].python_name
            elif wire is not None and key != "has_more":  # has_more is an optional marker
                return fail(key, f"no response field {wire!r}")
        cursor_item = []
        for wire in scheme.cursor_item:
            attribute = self._item_attribute(array.items, wire)
            if attribute is None:
                return fail("cursor_item", f"not every item has a field {wire!r}")
            cursor_item.append(attribute)
        locations = set()
        arguments: dict[str, list[str]] = {"cursor": [], "offset": []}
        for key, wires in (("cursor", scheme.cursor), ("offset", (scheme.offset,))):
            for wire in wires:
                found = _request_name(wire, parameters, body) if wire is not None else None
                if wire is not None and found is None:
                    return fail(key, f"no request parameter or body field {wire!r}")
                if found is not None:
                    locations.add(found[0])
                    arguments[key].append(found[1])
        if len(locations) > 1:
            return fail("cursor", "its fields are sent partly in the query, partly in the body")
        paging = Paging(
            scheme.name,
            fields[scheme.items].python_name if scheme.items is not None else None,
            "body" if locations == {"body"} else "query",
            cursor=tuple(arguments["cursor"]),
            offset=arguments["offset"][0] if arguments["offset"] else None,
            cursor_item=tuple(cursor_item),
            **attributes,
        )
        return Result("page", item=array.items, paging=paging)

    # -- detection ----------------------------------------------------------------------------

    def _detected(self, typed: list[TypeRef], parameters: Sequence[Parameter]) -> Result | None:
        """A page only where one reading of the shape is possible; else None (a value)."""
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
        items = arrays[0].python_name
        totals = [
            f for f in envelope.fields if _TOTAL_NAME.match(f.wire_name) and self._is(f, "integer")
        ]
        if "offset" in query and len(totals) == 1:
            paging = Paging("detected", items, offset="offset", total=totals[0].python_name)
            return Result("page", item=array.items, paging=paging)
        has_more = next(
            (
                f
                for f in envelope.fields
                if f.wire_name in _HAS_MORE_NAMES and self._is(f, "boolean")
            ),
            None,
        )
        strings = [f for f in envelope.fields if self._is(f, "string")]
        # The cursor comes back under the name the request sends it by...
        cursors = [
            (f.wire_name, f)
            for f in strings
            if f.wire_name in query and (has_more is not None or _CURSOR_NAME.search(f.wire_name))
        ]
        # ...or as `next_page`, sent back as `starting_after`, next to a "more" flag.
        if has_more is not None and _STARTING_AFTER in query:
            cursors += [(_STARTING_AFTER, f) for f in strings if f.wire_name in _NEXT_PAGE_NAMES]
        if len(cursors) != 1:
            return None
        ((cursor, next_cursor),) = cursors
        paging = Paging(
            "detected",
            items,
            cursor=(cursor,),
            next_cursor=next_cursor.python_name,
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

    def _variants(self, type_ref: TypeRef) -> tuple[TypeRef, ...]:
        """The alternatives an item may be: a union's variants, else the type itself."""
        resolved = unaliased(type_ref, self._definitions)
        match resolved:
            case UnionOf():
                return resolved.variants
            case NamedRef():
                definition = self._definitions.get(resolved.name)
                return definition.variants if isinstance(definition, UnionDef) else (resolved,)
            case (
                Primitive()
                | AnyType()
                | NullType()
                | EnumValues()
                | ArrayType()
                | MapType()
                | Nullable()
                | RawBody()
            ):
                return (resolved,)
            case _:
                assert_never(resolved)

    def _item_attribute(self, item: TypeRef, wire: str) -> str | None:
        """The attribute holding `wire` on every kind of item (each variant of a union has
        it, under the same name), or None."""
        attributes = set()
        for variant in self._variants(item):
            fields = {f.wire_name: f for f in (self._object(variant) or _NO_OBJECT).fields}
            if wire not in fields:
                return None
            attributes.add(fields[wire].python_name)
        return attributes.pop() if len(attributes) == 1 else None

    def _is(self, field: Field, kind: str) -> bool:
        """Whether `field` is a `kind` primitive (or null), behind names and aliases."""
        resolved = unaliased(field.type, self._definitions)
        return isinstance(resolved, Primitive) and resolved.kind == kind


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


def _at_setting(scheme: PaginationScheme, key: str, message: str) -> Diagnostic:
    """A diagnostic at the api.toml line of `key` in the scheme's table."""
    return Diagnostic(message, Location(scheme.source, scheme.line_of(key), 1))
