"""Paths → operations: parameters, bodies, responses, security and Python names."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from generator.diagnostics import Diagnostic
from generator.model.api import Body, Operation, Parameter, Response
from generator.model.call_options import RESERVED_ARGUMENTS
from generator.model.results import BodyKind
from generator.model.types import AnyType, Primitive, RawBody, TypeRef
from generator.naming import unique
from generator.parse.bodies import BodyBuilder
from generator.parse.deprecations import deprecation_text
from generator.parse.document import pointer_to, ref_pointer
from generator.parse.identifiers import class_name, name_part
from generator.parse.media import (
    accept_header,
    readable_media_types,
    response_body,
)
from generator.parse.operation_names import OperationSite, assign_names
from generator.parse.parameters import ParameterBuilder
from generator.parse.results import ResultBuilder
from generator.parse.schemas import Locate, SchemaBuilder
from generator.parse.security import operation_requirement
from generator.parse.servers import operation_servers
from generator.parse.text import text
from generator.settings import NamingSettings, PaginationScheme

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


_NO_CONTENT = frozenset({"204", "205"})


class OperationBuilder:
    def __init__(
        self,
        document: dict[str, Any],
        schemas: SchemaBuilder,
        naming: NamingSettings,
        error: Locate,
        pagination: tuple[PaginationScheme, ...] = (),
        applicable: Set[str] = frozenset(),
    ) -> None:
        """`applicable`: the security schemes the client can send (see `build_security`)."""
        self._document = document
        self._schemas = schemas
        self._naming = naming
        self._error = error
        self._applicable = applicable
        self._results = ResultBuilder(schemas.definitions, pagination)
        self.diagnostics: list[Diagnostic] = []
        self._parameters = ParameterBuilder(document, schemas, self._deref, error, self.diagnostics)
        self._bodies = BodyBuilder(document, schemas, self._deref, error, self.diagnostics)

    def build_all(self) -> list[Operation]:
        sites = []
        items: dict[str, dict[str, Any]] = {}
        for path, item in (self._document.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            item_pointer = pointer_to("/paths", path)
            for method in HTTP_METHODS:
                raw = item.get(method)
                if isinstance(raw, dict):
                    pointer = pointer_to(item_pointer, method)
                    sites.append(
                        OperationSite(f"{method.upper()} {path}", path, method, raw, pointer)
                    )
                    items[pointer] = item
        names, collisions = assign_names(sites, self._naming, self._error)
        self.diagnostics.extend(collisions)
        built = [self._operation(site, items[site.pointer], *names[site.pointer]) for site in sites]
        self._results.unused_schemes()
        self.diagnostics.extend(self._results.diagnostics)
        return built

    def _operation(
        self, site: OperationSite, item: dict[str, Any], resource: str, name: str
    ) -> Operation:
        raw, pointer = site.raw, site.pointer
        context = class_name(f"{resource} {name}", fallback="Operation")
        parameters = self._parameters.parameters(item, raw, pointer, context)
        body = self._bodies.body(
            raw.get("requestBody"), pointer_to(pointer, "requestBody"), context
        )
        named_parameters, body = _argument_names(parameters, body)
        success, errors = self._responses(raw.get("responses") or {}, pointer, context)
        names = (
            site.key,
            *([site.operation_id] if site.operation_id else []),
            f"{resource}.{name}",
        )
        result = self._results.result(names, success, named_parameters, body)
        deprecated = raw.get("deprecated") is True
        security = operation_requirement(self._document, raw, self._applicable)
        return Operation(
            key=site.key,
            operation_id=site.operation_id,
            resource=resource,
            name=name,
            http_method=site.method.upper(),
            path=site.path,
            summary=text(raw.get("summary")),
            description=text(raw.get("description")),
            deprecated=deprecated,
            parameters=tuple(named_parameters),
            body=body,
            success=success,
            errors=errors,
            pointer=pointer,
            result=result,
            security=security,
            deprecation=deprecation_text(raw) if deprecated else None,
            tags=_tags(raw),
            servers=operation_servers(item, raw, pointer, self.diagnostics, self._error),
            accept=accept_header([r.media_types for r in success], [r.media_types for r in errors]),
        )

    # -- responses ----------------------------------------------------------------------------

    def _responses(
        self, responses: dict[str, Any], pointer: str, context: str
    ) -> tuple[tuple[Response, ...], tuple[Response, ...]]:
        success: list[Response] = []
        errors: list[Response] = []
        has_2xx = any(str(code).startswith("2") for code in responses)
        for code, raw in responses.items():
            status = str(code).upper()
            response_pointer = pointer_to(pointer, "responses", str(code))
            component_name = None
            if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
                component_name = raw["$ref"].rsplit("/", 1)[-1]
            raw, response_pointer = self._deref(raw, response_pointer)
            if not isinstance(raw, dict):
                continue
            is_success = status.startswith("2") or (status == "DEFAULT" and not has_2xx)
            suffix = "Response" if is_success else f"{status.title()}Error"
            hint = name_part(component_name) + "Body" if component_name else context + suffix
            # HTTP gives 204 and 205 no content, whatever the spec documents: the call
            # returns None rather than failing on the empty body the server must send.
            body_type, body = (
                (None, "none")
                if status in _NO_CONTENT
                else self._response_type(raw, response_pointer, hint)
            )
            response = Response(
                status="default" if status == "DEFAULT" else status,
                description=text(raw.get("description")),
                type=body_type,
                body=body,
                media_types=readable_media_types(raw.get("content")),
            )
            (success if is_success else errors).append(response)
        return tuple(success), tuple(errors)

    def _response_type(
        self, raw: dict[str, Any], pointer: str, hint: str
    ) -> tuple[TypeRef | None, BodyKind]:
        """The body type (of each item, for a streamed body), and what the body is."""
        read = response_body(raw.get("content"))
        if read is None:
            return None, "none"
        media, body = read
        if body in ("text", "binary"):
            return RawBody(text=body == "text"), body
        media_object = raw["content"][media]
        if not isinstance(media_object, dict) or "schema" not in media_object:
            # No JSON body; an event's data without a schema is its text; a line (or any
            # other streamed item) is any JSON value.
            if body == "json":
                return None, body
            return (Primitive("string") if body == "event_stream" else AnyType()), body
        schema_pointer = pointer_to(pointer, "content", media, "schema")
        return self._schemas.type_of(media_object["schema"], schema_pointer, hint), body

    # -- helpers ------------------------------------------------------------------------------

    def _deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s of parameters, bodies and responses (not schemas) to their target."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                self.diagnostics.append(self._error(pointer, f"cannot follow $ref {ref!r}"))
                return None, pointer
            seen.add(ref)
            pointer = ref_pointer(ref)
            node = self._schemas.resolve(pointer)
        return node, pointer


def _tags(raw: dict[str, Any]) -> tuple[str, ...]:
    tags = raw.get("tags")
    return tuple(str(tag) for tag in tags) if isinstance(tags, list) else ()


def _argument_names(
    parameters: list[Parameter], body: Body | None
) -> tuple[list[Parameter], Body | None]:
    """The Python names of one call's arguments, none shared.

    A name that arguments in two places share (the query's `version` and the body's), or
    that a call option has (`timeout`), is prefixed with the place of each argument but a
    path parameter's, which is positional and keeps its name: `query_version` and
    `body_version`, as the Stainless SDKs name them, so that neither reads as the other.
    A whole-body argument keeps its name too. Names still shared after that (two query
    parameters that sanitise alike) get a numbered suffix in document order.
    """
    fields = body.fields if body is not None else None
    holders: list[tuple[str, str]] = [(p.location, p.python_name) for p in parameters]
    if body is not None and fields is not None:
        holders += [("body", field.python_name) for field in fields]
    elif body is not None:
        holders.append(("body", body.argument))
    places: dict[str, set[str]] = {}
    for place, name in holders:
        places.setdefault(name, set()).add(place)
    whole_body = body is not None and fields is None
    taken = set(RESERVED_ARGUMENTS)
    names = []
    for index, (place, name) in enumerate(holders):
        keeps = place == "path" or (whole_body and index == len(holders) - 1)
        if name in RESERVED_ARGUMENTS or (not keeps and len(places[name]) > 1):
            name = f"{place}_{name}"
        names.append(unique(name, taken))
    named = [
        p if name == p.python_name else Parameter(**{**p.__dict__, "python_name": name})
        for p, name in zip(parameters, names, strict=False)
    ]
    rest = names[len(parameters) :]
    if body is not None and fields is not None:
        body = Body(**{**body.__dict__, "arguments": tuple(rest)})
    elif body is not None and rest[0] != body.argument:
        body = Body(**{**body.__dict__, "argument": rest[0]})
    return named, body
