"""Paths → operations: parameters, bodies, responses, security and Python names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, assert_never

from generator.diagnostics import Diagnostic, join_pointer
from generator.model.api import Body, Operation, Parameter, Response
from generator.model.call_options import RESERVED_ARGUMENTS
from generator.model.types import (
    AliasDef,
    AnyType,
    ArrayType,
    EnumDef,
    EnumValues,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    ObjectDef,
    Primitive,
    RawBody,
    TypeRef,
    UnionOf,
)
from generator.naming import class_name, name_part, python_identifier, unique
from generator.parse.document import ref_pointer, resolve_pointer
from generator.parse.operation_names import OperationSite, assign_names
from generator.parse.results import ResultBuilder
from generator.parse.schemas import Locate, SchemaBuilder
from generator.settings import PaginationScheme

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_JSON_TYPES = ("application/json",)
_EVENT_STREAM = "text/event-stream"


class OperationBuilder:
    def __init__(
        self,
        document: dict[str, Any],
        schemas: SchemaBuilder,
        overrides: Mapping[str, str],
        error: Locate,
        pagination: tuple[PaginationScheme, ...] = (),
    ) -> None:
        self._document = document
        self._schemas = schemas
        self._overrides = overrides
        self._error = error
        self._results = ResultBuilder(schemas.definitions, pagination, error)
        self.diagnostics: list[Diagnostic] = []
        self.notes: list[str] = []

    def build_all(self) -> list[Operation]:
        sites = []
        items: dict[str, dict[str, Any]] = {}
        for path, item in (self._document.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            item_pointer = join_pointer("/paths", path)
            for method in HTTP_METHODS:
                raw = item.get(method)
                if isinstance(raw, dict):
                    pointer = join_pointer(item_pointer, method)
                    sites.append(
                        OperationSite(f"{method.upper()} {path}", path, method, raw, pointer)
                    )
                    items[pointer] = item
        names, collisions = assign_names(sites, self._overrides, self._error)
        self.diagnostics.extend(collisions)
        built = [self._operation(site, items[site.pointer], *names[site.pointer]) for site in sites]
        self._results.unused_schemes("/paths")
        self.diagnostics.extend(self._results.diagnostics)
        return built

    def _operation(
        self, site: OperationSite, item: dict[str, Any], resource: str, name: str
    ) -> Operation:
        raw, pointer = site.raw, site.pointer
        context = class_name(f"{resource} {name}", fallback="Operation")
        parameters = self._parameters(item, raw, pointer, context)
        body = self._body(raw.get("requestBody"), join_pointer(pointer, "requestBody"), context)
        taken = set(RESERVED_ARGUMENTS)
        named_parameters = []
        for parameter in parameters:
            named_parameters.append(_rename(parameter, taken))
        if body is not None and body.fields is not None:
            body = _rename_body(body, taken)
        elif body is not None:
            body = _rename_body_argument(body, taken)
        success, errors = self._responses(raw.get("responses") or {}, pointer, context)
        names = (
            site.key,
            *([site.operation_id] if site.operation_id else []),
            f"{resource}.{name}",
        )
        result = self._results.result(names, success, named_parameters, body, pointer)
        return Operation(
            key=site.key,
            operation_id=site.operation_id,
            resource=resource,
            name=name,
            http_method=site.method.upper(),
            path=site.path,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            deprecated=raw.get("deprecated") is True,
            parameters=tuple(named_parameters),
            body=body,
            success=success,
            errors=errors,
            secured=self._secured(raw),
            pointer=pointer,
            result=result,
        )

    # -- parameters ---------------------------------------------------------------------------

    def _parameters(
        self, item: dict[str, Any], raw: dict[str, Any], pointer: str, context: str
    ) -> list[Parameter]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        for source, base in ((item, item_pointer), (raw, pointer)):
            for index, param in enumerate(source.get("parameters") or []):
                param_pointer = join_pointer(base, "parameters", index)
                param, param_pointer = self._deref(param, param_pointer)
                if not isinstance(param, dict):
                    continue
                merged[(str(param.get("name")), str(param.get("in")))] = (param, param_pointer)
        result = []
        for (wire_name, location), (param, param_pointer) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            if location == "header" and wire_name.lower() in (
                "accept",
                "content-type",
                "authorization",
            ):
                continue  # OpenAPI says these are ignored; the transport sets them
            schema, schema_pointer, style = self._parameter_schema(param, param_pointer, location)
            if schema_pointer is None:
                continue
            hint = context + name_part(wire_name, fallback="Param")
            ptype = self._schemas.type_of(schema, schema_pointer, hint)
            required = param.get("required") is True or location == "path"
            default, has_default = _parameter_default(ptype, required, location)
            result.append(
                Parameter(
                    python_name=python_identifier(wire_name, fallback="param"),
                    wire_name=wire_name,
                    location=location,  # type: ignore[arg-type]
                    type=ptype,
                    required=required and not has_default,
                    description=_text(param.get("description")),
                    default=default,
                    has_default=has_default,
                    style=style,
                    deprecated=param.get("deprecated") is True,
                )
            )
        return result

    def _parameter_schema(
        self, param: dict[str, Any], pointer: str, location: str
    ) -> tuple[Any, str | None, str | None]:
        """The schema, its pointer and the runtime style; a `content` parameter is JSON text."""
        if "schema" in param:
            return param["schema"], join_pointer(pointer, "schema"), _style(param, location)
        content = param.get("content")
        media = _json_media_type(content)
        if media is None or not isinstance(content, dict) or not isinstance(content[media], dict):
            self.diagnostics.append(
                self._error(pointer, "a parameter needs a schema or JSON `content`")
            )
            return None, None, None
        schema_pointer = join_pointer(pointer, "content", media, "schema")
        return content[media].get("schema", {}), schema_pointer, "json"

    # -- request body -------------------------------------------------------------------------

    def _body(self, raw: Any, pointer: str, context: str) -> Body | None:
        if raw is None:
            return None
        raw, pointer = self._deref(raw, pointer)
        if not isinstance(raw, dict):
            return None
        content = raw.get("content")
        if not isinstance(content, dict) or not content:
            return None
        media, encoding = _body_media_type(content)
        media_object = content[media] if isinstance(content[media], dict) else {}
        schema_pointer = join_pointer(pointer, "content", media, "schema")
        schema = media_object.get("schema", {})
        required = raw.get("required") is True
        description = _text(raw.get("description"))
        argument = _argument_name(self._resolved_schema(schema))
        if encoding in ("binary", "text"):
            raw_type = RawBody(text=encoding == "text")
            return Body(
                raw_type,
                required,
                media,
                encoding,
                description=description,
                argument=argument,
                positional=True,
            )
        if self._is_empty_object(schema):
            # No fields to send: the method takes none, and sends a body only if `extra_body=`
            # gives one (a form body on a GET of a large public API is declared like this).
            body_type = self._schemas.type_of(schema, schema_pointer, context + "Body")
            return Body(body_type, required, media, encoding, (), None, description)
        body_type = self._schemas.type_of(schema, schema_pointer, context + "Body")
        if encoding != "json" and _is_file(self._unaliased(body_type)):
            body_type = self._file_body(schema, schema_pointer, context, encoding, required)
            if isinstance(body_type, RawBody):
                return Body(
                    body_type,
                    required,
                    media,
                    "binary",
                    description=description,
                    argument=argument,
                    positional=True,
                )
        definition = self._object_definition(body_type)
        if definition is None:
            if encoding != "json":
                self.diagnostics.append(
                    self._error(schema_pointer, f"a {media} body must be an object or one file")
                )
            return Body(
                body_type,
                required,
                media,
                encoding,
                description=description,
                argument=argument if self._is_single_value(body_type) else "body",
                positional=self._is_single_value(body_type),
            )
        return Body(
            type=body_type,
            required=required,
            content_type=media,
            encoding=encoding,
            fields=definition.fields,
            model_name=definition.name,
            description=description or definition.description,
        )

    def _file_body(
        self, schema: Any, pointer: str, context: str, encoding: str, required: bool
    ) -> TypeRef:
        """A form or multipart body that is one binary string: one file argument. Multipart
        sends it as the part `file` (what such endpoints read); a urlencoded body is the
        already encoded bytes."""
        if encoding != "multipart":
            return RawBody(text=False)
        wrapper = {"type": "object", "properties": {"file": schema}}
        if required:
            wrapper["required"] = ["file"]
        # The key is a pointer no schema has, so the body's own schema keeps its meaning.
        return self._schemas.named(wrapper, pointer + "/", context + "Body")

    def _is_empty_object(self, schema: Any) -> bool:
        """An object that declares it has no properties (`properties: {}` or
        `additionalProperties: false`, and none listed)."""
        schema = self._resolved_schema(schema)
        if not isinstance(schema, dict) or schema.get("properties") or schema.get("required"):
            return False
        if any(k in schema for k in ("allOf", "oneOf", "anyOf", "items", "enum", "const")):
            return False
        kind = schema.get("type", "object")
        if kind != "object" and kind != ["object"]:
            return False
        extra = schema.get("additionalProperties")
        return extra is False or ("properties" in schema and extra is None)

    def _is_single_value(self, type_ref: TypeRef) -> bool:
        """Whether a body is one primitive or array (passed by position or keyword)."""
        target = self._unaliased(type_ref)
        match target:
            case NamedRef():
                return isinstance(self._schemas.definitions.get(target.name), EnumDef)
            case Primitive() | EnumValues() | ArrayType():
                return True
            case AnyType() | NullType() | MapType() | Nullable() | UnionOf() | RawBody():
                return False
            case _:
                assert_never(target)

    def _unaliased(self, type_ref: TypeRef) -> TypeRef:
        """The type behind nullables and aliases (an alias cycle is reported elsewhere)."""
        seen: set[str] = set()
        while True:
            match type_ref:
                case Nullable():
                    type_ref = type_ref.inner
                case NamedRef() if type_ref.name not in seen:
                    seen.add(type_ref.name)
                    definition = self._schemas.definitions.get(type_ref.name)
                    if not isinstance(definition, AliasDef):
                        return type_ref
                    type_ref = definition.target
                case (
                    Primitive()
                    | AnyType()
                    | NullType()
                    | EnumValues()
                    | ArrayType()
                    | MapType()
                    | UnionOf()
                    | NamedRef()
                    | RawBody()
                ):
                    return type_ref
                case _:
                    assert_never(type_ref)

    def _resolved_schema(self, schema: Any) -> Any:
        """A schema with its `$ref`s followed (for what the body looks like, not its type)."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if not ref.startswith("#/") or ref in seen:
                return schema
            seen.add(ref)
            schema = resolve_pointer(self._document, ref_pointer(ref))
        return schema

    def _object_definition(self, type_ref: TypeRef) -> ObjectDef | None:
        if isinstance(type_ref, NamedRef):
            definition = self._schemas.definitions.get(type_ref.name)
            if isinstance(definition, ObjectDef):
                return definition
        return None

    # -- responses ----------------------------------------------------------------------------

    def _responses(
        self, responses: dict[str, Any], pointer: str, context: str
    ) -> tuple[tuple[Response, ...], tuple[Response, ...]]:
        success: list[Response] = []
        errors: list[Response] = []
        has_2xx = any(str(code).startswith("2") for code in responses)
        for code, raw in responses.items():
            status = str(code).upper()
            response_pointer = join_pointer(pointer, "responses", str(code))
            component_name = None
            if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
                component_name = raw["$ref"].rsplit("/", 1)[-1]
            raw, response_pointer = self._deref(raw, response_pointer)
            if not isinstance(raw, dict):
                continue
            is_success = status.startswith("2") or (status == "DEFAULT" and not has_2xx)
            suffix = "Response" if is_success else f"{status.title()}Error"
            hint = name_part(component_name) + "Body" if component_name else context + suffix
            body_type, events = self._response_type(raw, response_pointer, hint)
            response = Response(
                status="default" if status == "DEFAULT" else status,
                description=_text(raw.get("description")),
                type=body_type,
                events=events,
            )
            (success if is_success else errors).append(response)
        return tuple(success), tuple(errors)

    def _response_type(
        self, raw: dict[str, Any], pointer: str, hint: str
    ) -> tuple[TypeRef | None, bool]:
        """The body type, and whether the body is an event stream (then: each event's type)."""
        content = raw.get("content")
        if not isinstance(content, dict) or not content:
            return None, False
        media = _json_media_type(content)
        events = media is None and _media_base(content, _EVENT_STREAM)
        if events:
            media = events
        elif media is None:
            first = str(next(iter(content))).lower()
            return RawBody(text=first.startswith("text/")), False
        assert media is not None
        media_object = content[media] if isinstance(content[media], dict) else {}
        if "schema" not in media_object:
            return (Primitive("string"), True) if events else (None, False)
        schema_pointer = join_pointer(pointer, "content", media, "schema")
        return self._schemas.type_of(media_object["schema"], schema_pointer, hint), bool(events)

    # -- security -----------------------------------------------------------------------------

    def _secured(self, raw: dict[str, Any]) -> bool:
        requirements = raw.get("security", self._document.get("security"))
        if not isinstance(requirements, list) or not requirements:
            return False
        return not any(isinstance(r, dict) and not r for r in requirements)

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
            node = resolve_pointer(self._document, pointer)
        return node, pointer


def _rename(parameter: Parameter, taken: set[str]) -> Parameter:
    name = parameter.python_name
    if name in taken:
        name = f"{name}_{parameter.location}"
    name = unique(name, taken)
    if name == parameter.python_name:
        return parameter
    return Parameter(**{**parameter.__dict__, "python_name": name})


def _rename_body_argument(body: Body, taken: set[str]) -> Body:
    name = body.argument if body.argument not in taken else f"{body.argument}_body"
    name = unique(name, taken)
    return body if name == body.argument else Body(**{**body.__dict__, "argument": name})


def _argument_name(schema: Any) -> str:
    """A single-value body's argument: named from its schema's title, else `body`."""
    title = schema.get("title") if isinstance(schema, dict) else None
    name = python_identifier(title, fallback="body") if isinstance(title, str) else "body"
    return "body" if name in RESERVED_ARGUMENTS else name


def _is_file(type_ref: TypeRef) -> bool:
    return (
        isinstance(type_ref, Primitive)
        and type_ref.kind == "string"
        and type_ref.format == "binary"
    )


def _rename_body(body: Body, taken: set[str]) -> Body:
    """Body fields become keyword arguments; rename any that clash with a parameter."""
    arguments = []
    for field in body.fields or ():
        name = field.python_name if field.python_name not in taken else f"{field.python_name}_body"
        arguments.append(unique(name, taken))
    return Body(**{**body.__dict__, "arguments": tuple(arguments)})


def _style(param: dict[str, Any], location: str) -> str | None:
    """The runtime's name for how a query array or object is written (None: the default)."""
    if location != "query":
        return None
    style = param.get("style", "form")
    explode = param.get("explode", style == "form")
    return {
        "deepObject": "deep",
        "spaceDelimited": "ssv",
        "pipeDelimited": "pipes",
    }.get(style, "csv" if explode is False else None)


def _parameter_default(ptype: TypeRef, required: bool, location: str) -> tuple[Any, bool]:
    """A required header that allows one value is sent by default (`Cartesia-Version`)."""
    inner = ptype.inner if isinstance(ptype, Nullable) else ptype
    if (
        required
        and location == "header"
        and isinstance(inner, EnumValues)
        and len(inner.values) == 1
    ):
        return inner.values[0], True
    return None, False


def _body_media_type(content: dict[str, Any]) -> tuple[str, str]:
    """The media type a method sends, and how: JSON first, then forms, then raw content."""
    media = _json_media_type(content)
    if media is not None:
        return media, "json"
    bases = {str(m).split(";")[0].strip().lower(): str(m) for m in content}
    for base, encoding in (
        ("application/x-www-form-urlencoded", "form"),
        ("multipart/form-data", "multipart"),
        ("multipart/mixed", "multipart"),
    ):
        if base in bases:
            return bases[base], encoding
    first = str(next(iter(content)))
    schema = content[first].get("schema") if isinstance(content[first], dict) else None
    is_text = first.lower().startswith("text/") or (
        isinstance(schema, dict)
        and schema.get("type") == "string"
        and "format" not in schema
        and first.lower() != "application/octet-stream"
    )
    return first, "text" if is_text else "binary"


def _media_base(content: dict[str, Any], base: str) -> str | None:
    """The media type key of `content` whose base type is `base`, if any."""
    for media in content:
        if str(media).split(";")[0].strip().lower() == base:
            return str(media)
    return None


def _json_media_type(content: Any) -> str | None:
    if not isinstance(content, dict):
        return None
    for media in content:
        base = str(media).split(";")[0].strip().lower()
        if base in _JSON_TYPES or base.endswith("+json"):
            return str(media)
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
