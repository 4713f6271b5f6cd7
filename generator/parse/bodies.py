"""Request bodies: JSON and form objects become keyword arguments, anything else one value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, assert_never

from generator.diagnostics import Diagnostic
from generator.model.api import Body
from generator.model.call_options import RESERVED_ARGUMENTS
from generator.model.types import (
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
    unaliased,
)
from generator.parse.document import pointer_to, ref_pointer
from generator.parse.form_encoding import field_encodings
from generator.parse.identifiers import python_identifier
from generator.parse.media import body_media_type
from generator.parse.schemas import Locate, SchemaBuilder
from generator.parse.text import text

# Follows the `$ref`s of a node to its target and pointer (reporting what it cannot follow).
Deref = Callable[[Any, str], tuple[Any, str]]


class BodyBuilder:
    def __init__(
        self,
        document: dict[str, Any],
        schemas: SchemaBuilder,
        deref: Deref,
        error: Locate,
        diagnostics: list[Diagnostic],
    ) -> None:
        self._document = document
        self._schemas = schemas
        self._deref = deref
        self._error = error
        # Shared with the operation builder, so problems are reported in spec order.
        self.diagnostics = diagnostics

    def body(self, raw: Any, pointer: str, context: str) -> Body | None:
        """The request body at `pointer` (None when the operation sends none)."""
        if raw is None:
            return None
        raw, pointer = self._deref(raw, pointer)
        if not isinstance(raw, dict):
            return None
        content = raw.get("content")
        if not isinstance(content, dict) or not content:
            return None
        media, encoding = body_media_type(content)
        media_object = content[media] if isinstance(content[media], dict) else {}
        schema_pointer = pointer_to(pointer, "content", media, "schema")
        schema = media_object.get("schema", {})
        required = raw.get("required") is True
        description = text(raw.get("description"))
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
        if encoding != "json" and _is_file(unaliased(body_type, self._schemas.definitions)):
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
        styles, part_types = (
            field_encodings(media_object, definition.fields, encoding == "multipart")
            if encoding != "json"
            else ((), ())
        )
        return Body(
            type=body_type,
            required=required,
            content_type=media,
            encoding=encoding,
            fields=definition.fields_for("request"),
            model_name=definition.name,
            description=description or definition.description,
            field_styles=styles,
            part_types=part_types,
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
        target = unaliased(type_ref, self._schemas.definitions)
        match target:
            case NamedRef():
                return isinstance(self._schemas.definitions.get(target.name), EnumDef)
            case Primitive() | EnumValues() | ArrayType():
                return True
            case AnyType() | NullType() | MapType() | Nullable() | UnionOf() | RawBody():
                return False
            case _:
                assert_never(target)

    def _resolved_schema(self, schema: Any) -> Any:
        """A schema with its `$ref`s followed (for what the body looks like, not its type)."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if not ref.startswith("#/") or ref in seen:
                return schema
            seen.add(ref)
            schema = self._schemas.resolve(ref_pointer(ref))
        return schema

    def _object_definition(self, type_ref: TypeRef) -> ObjectDef | None:
        if isinstance(type_ref, NamedRef):
            definition = self._schemas.definitions.get(type_ref.name)
            if isinstance(definition, ObjectDef):
                return definition
        return None


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
