"""oneOf/anyOf with an object member → a `UnionDef`, and how its variants are told apart.

The tag is the discriminator's `propertyName` with its explicit mapping, or else each
variant's one-value tag field; without a discriminator, a property every variant requires
with one string value of its own is used as one (see `inferred_tag`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.diagnostics import join_pointer
from generator.model.types import Definition, EnumValues, NamedRef, ObjectDef, TypeRef, UnionDef
from generator.parse.document import ref_pointer
from generator.parse.identifiers import name_part
from generator.parse.schema_shapes import is_object_schema, nullability, text

if TYPE_CHECKING:
    from generator.parse.schemas import SchemaBuilder


def union_definition(
    builder: SchemaBuilder, name: str, schema: dict[str, Any], pointer: str
) -> UnionDef:
    """A union with an object member (the caller checked, on the raw schema, since a
    member may be a definition still being built)."""
    keyword = "oneOf" if "oneOf" in schema else "anyOf"
    members = schema[keyword]
    variants: list[TypeRef] = []
    for index, member in enumerate(members):
        if isinstance(member, dict) and member.get("type") == "null" and len(member) == 1:
            continue
        title = member.get("title") if isinstance(member, dict) else None
        hint = name + name_part(title if isinstance(title, str) else "", fallback="")
        if hint == name:
            hint = f"{name}Variant{index + 1}"
        variant = builder.type_of(member, join_pointer(pointer, keyword, index), hint)
        if variant not in variants:
            variants.append(variant)
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, dict):
        discriminator = {}
    tag = discriminator.get("propertyName")
    tag_field: str | None = tag if isinstance(tag, str) else None
    if tag_field is not None:
        mapping = _mapping(builder, discriminator, variants)
    else:
        tag_field, inferred = inferred_tag(builder, variants)
        mapping = tuple(inferred)
    return UnionDef(
        name,
        tuple(variants),
        tag_field,
        mapping,
        text(schema.get("description")),
        pointer,
        exclusive=keyword == "oneOf",
    )


def _mapping(
    builder: SchemaBuilder, discriminator: dict[str, Any], variants: list[TypeRef]
) -> tuple[tuple[str, str], ...]:
    """Tag → variant name: the explicit mapping, else each variant's one-value tag field."""
    tag_field = discriminator["propertyName"]
    explicit = discriminator.get("mapping")
    result: dict[str, str] = {}
    if isinstance(explicit, dict):
        for tag, ref in explicit.items():
            if isinstance(ref, str) and not ref.startswith("#"):
                ref = "#/components/schemas/" + ref  # a bare schema name is allowed
            target = builder.ref(ref, "") if isinstance(ref, str) else None
            if isinstance(target, NamedRef):
                result[str(tag)] = target.name
    for variant in variants:
        if not isinstance(variant, NamedRef) or variant.name in result.values():
            continue
        definition = builder.definitions.get(variant.name)
        tags = single_tag(definition, tag_field)
        result[tags if tags is not None else variant.name] = variant.name
    return tuple(result.items())


def inferred_tag(
    builder: SchemaBuilder, variants: list[TypeRef]
) -> tuple[str | None, list[tuple[str, str]]]:
    """A discriminator the variants carry without saying so: a property every variant
    requires with one string value of its own (`type: {const: custom}`). Decoding by
    it keeps a response from landing in the first variant whose fields happen to fit."""
    objects = [builder.definitions.get(v.name) for v in variants if isinstance(v, NamedRef)]
    if len(variants) < 2 or len(objects) != len(variants):
        return None, []
    first = objects[0]
    if not isinstance(first, ObjectDef):
        return None, []
    for candidate in (f.wire_name for f in first.fields if f.required):
        mapping = []
        for variant, definition in zip(variants, objects, strict=True):
            tag = single_tag(definition, candidate, required=True)
            if tag is None:
                break
            assert isinstance(variant, NamedRef)
            mapping.append((tag, variant.name))
        else:
            if len({tag for tag, _ in mapping}) == len(mapping):
                return candidate, mapping
    return None, []


def has_object_member(builder: SchemaBuilder, schema: dict[str, Any]) -> bool:
    members = schema.get("oneOf") or schema.get("anyOf") or []
    for member in members if isinstance(members, list) else []:
        if not isinstance(member, dict):
            continue
        if "$ref" in member and isinstance(member["$ref"], str):
            member = builder.resolve(ref_pointer(member["$ref"])) or {}
        if isinstance(member, dict) and (
            is_object_schema(member, nullability(member)[1]) or "allOf" in member
        ):
            return True
    return False


def single_tag(
    definition: Definition | None, tag_field: str, *, required: bool = False
) -> str | None:
    if not isinstance(definition, ObjectDef):
        return None
    for field in definition.fields:
        if field.wire_name == tag_field and isinstance(field.type, EnumValues):
            if required and not field.required:
                return None
            values = field.type.values
            if len(values) == 1 and isinstance(values[0], str):
                return values[0]
    return None
