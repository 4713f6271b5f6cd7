"""Object schemas → `ObjectDef`s: their fields, with the documentation, default and
readOnly/writeOnly each property carries (on itself, on allOf members that only annotate
it, or on the schema its `$ref` points to), and their additional properties."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.diagnostics import join_pointer
from generator.model.types import AnyType, Field, ObjectDef, TypeRef
from generator.naming import unique
from generator.parse.document import ref_pointer
from generator.parse.identifiers import name_part, python_identifier
from generator.parse.schema_shapes import single_member, text

if TYPE_CHECKING:
    from generator.parse.schemas import SchemaBuilder

# Field names that would shadow a builtin used in annotations inside a class body.
_RESERVED_FIELD_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object"}
)


def object_definition(
    builder: SchemaBuilder, name: str, schema: dict[str, Any], pointer: str, description: str | None
) -> ObjectDef:
    properties = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    owned = fields(builder, name, properties, required, join_pointer(pointer, "properties"))
    return ObjectDef(
        name,
        owned,
        description,
        pointer,
        additional(builder, schema, pointer, name),
        closed=schema.get("additionalProperties") is False,
    )


def fields(
    builder: SchemaBuilder, owner: str, properties: dict[str, Any], required: set[str], pointer: str
) -> tuple[Field, ...]:
    taken: set[str] = set()
    result = []
    for wire_name, sub in properties.items():
        sub_pointer = join_pointer(pointer, wire_name)
        if sub is False:
            builder.note(
                f"`{owner}.{wire_name}` has the schema `false` (it can never be present), "
                "so the model has no field for it"
            )
            continue
        ftype = builder.type_of(sub, sub_pointer, owner + name_part(wire_name, fallback="Field"))
        layers = _annotation_layers(builder, sub if isinstance(sub, dict) else {})
        # Read in one pass (a large spec has thousands of fields): the first description
        # and default found, and whether any layer says readOnly or writeOnly.
        description: str | None = None
        default: Any = None
        has_default = read_only = write_only = False
        for layer in layers:
            if not layer:
                continue
            if description is None:
                description = text(layer.get("description"))
            if not has_default and "default" in layer:
                default, has_default = layer["default"], True
            read_only = read_only or layer.get("readOnly") is True
            write_only = write_only or layer.get("writeOnly") is True
        result.append(
            Field(
                python_name=unique(_field_name(wire_name), taken),
                wire_name=wire_name,
                type=ftype,
                required=wire_name in required,
                description=description,
                default=default,
                has_default=has_default,
                deprecated=layers[0].get("deprecated") is True,
                read_only=read_only,
                write_only=write_only,
            )
        )
    # A required property the schema never describes must still be sent: any JSON value.
    for wire_name in sorted(required - set(properties)):
        result.append(
            Field(
                python_name=unique(_field_name(wire_name), taken),
                wire_name=wire_name,
                type=AnyType(),
                required=True,
                described=False,
            )
        )
    return tuple(result)


def additional(
    builder: SchemaBuilder, schema: dict[str, Any], pointer: str, name: str
) -> TypeRef | None:
    extra = schema.get("additionalProperties")
    if extra is None or extra is False:
        return None
    return builder.type_of(extra, join_pointer(pointer, "additionalProperties"), name + "Value")


def _annotation_layers(builder: SchemaBuilder, schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a property's documentation comes from, first found first: the schema, the
    allOf members that only annotate it, then the schema its `$ref` (or its one real
    allOf member's) points to."""
    layers = [schema]
    single = single_member(schema)
    if single is not None:
        index, modifiers = single
        layers.extend(modifiers[:-1])
        member = schema["allOf"][index]
        layers.append(_ref_target(builder, member) if isinstance(member, dict) else {})
    layers.append(_ref_target(builder, schema))
    return layers


def _ref_target(builder: SchemaBuilder, info: dict[str, Any]) -> dict[str, Any]:
    """The schema a property's `$ref` points to, or {} (for its default and description)."""
    ref = info.get("$ref")
    target = (
        builder.resolve(ref_pointer(ref)) if isinstance(ref, str) and ref.startswith("#") else None
    )
    return target if isinstance(target, dict) else {}


def _field_name(wire_name: str) -> str:
    name = python_identifier(wire_name, fallback="field")
    return name + "_" if name in _RESERVED_FIELD_NAMES else name
