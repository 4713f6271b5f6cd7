"""allOf → one definition: the member it documents and narrows, the object its members
combine, or, when a member is a union, that union distributed over the other members
(`allOf[oneOf[A, B], R]` is `oneOf[A∧R, B∧R]`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.diagnostics import join_pointer, unescape_pointer_token
from generator.model.types import (
    AliasDef,
    AnyType,
    Definition,
    NamedRef,
    Nullable,
    NullType,
    ObjectDef,
    TypeRef,
    UnionDef,
)
from generator.parse.constraints import VALUE_KEYWORDS, narrowed
from generator.parse.document import ref_pointer
from generator.parse.identifiers import name_part
from generator.parse.objects import additional, fields
from generator.parse.schema_shapes import (
    is_object_schema,
    nullability,
    single_member,
    text,
    union_keyword,
)
from generator.parse.unions import inferred_tag, single_tag

if TYPE_CHECKING:
    from generator.parse.schemas import SchemaBuilder

# What an allOf member contributes besides its own members: fields, and a union to distribute.
_OWN_KEYWORDS = ("properties", "required", "oneOf", "anyOf", "discriminator")


def all_of_definition(
    builder: SchemaBuilder, name: str, schema: dict[str, Any], pointer: str
) -> Definition:
    """The object an allOf combines, or, when a member is a union, the union of each
    variant combined with the other members (`allOf[oneOf[A, B], R]` is
    `oneOf[A∧R, B∧R]`)."""
    description = text(schema.get("description"))
    single = single_member(schema)
    if single is not None:
        index, modifiers = single
        member_pointer = join_pointer(pointer, "allOf", index)
        target = _narrowed(builder, schema["allOf"][index], member_pointer, name, modifiers)
        notes = (text(m.get("description")) for m in modifiers)
        return AliasDef(name, target, description or next(filter(None, notes), None), pointer)
    parts = _flatten(builder, schema, pointer, set())
    for index, (part, _) in enumerate(parts):
        keyword = union_keyword(part)
        if keyword is not None:
            return _distribute(builder, name, schema, pointer, parts, index, keyword)
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for part, _ in parts:
        properties.update({k: v for k, v in (part.get("properties") or {}).items()})
        required.update(part.get("required") or [])
    combined = fields(builder, name, properties, required, join_pointer(pointer, "properties"))
    return ObjectDef(
        name,
        combined,
        description,
        pointer,
        additional(builder, schema, pointer, name),
        closed=schema.get("additionalProperties") is False,
    )


def documented_member(
    builder: SchemaBuilder, schema: dict[str, Any], pointer: str, hint: str
) -> TypeRef | None:
    """The type of an inline allOf that is one member documented (`allOf: [{$ref: X},
    {description: …}]`, OpenAPI 3.0's way to describe a `$ref`): that member's type, as a
    `$ref` with a `description` beside it is. None for any other allOf, which is a
    definition of its own. A named schema of this shape stays a named alias."""
    single = single_member(schema)
    if single is None:
        return None
    index, modifiers = single
    member_pointer = join_pointer(pointer, "allOf", index)
    return _narrowed(builder, schema["allOf"][index], member_pointer, hint, modifiers)


def _narrowed(
    builder: SchemaBuilder, member: Any, pointer: str, hint: str, modifiers: list[dict[str, Any]]
) -> TypeRef:
    """The type of an allOf's one real `member`, with the value keywords of the
    `modifiers` (the other members and the schema itself) added to it: a `$ref` to a
    string with a `maxLength` beside it is that string, with the bound."""
    extra = [m for m in modifiers if VALUE_KEYWORDS & m.keys()]
    target = _dereferenced(builder, member)
    if extra and target is not None and _narrowable(target):
        result = builder.type_of(narrowed(target, extra), pointer, hint)
    else:
        result = builder.type_of(member, pointer, hint)
    # The schema's own `nullable` (the last modifier) is the caller's to apply.
    if any(m.get("nullable") is True for m in modifiers[:-1]) and not isinstance(
        result, Nullable | NullType | AnyType
    ):
        return Nullable(result)
    return result


def _flatten(
    builder: SchemaBuilder, schema: dict[str, Any], pointer: str, seen: set[str]
) -> list[tuple[dict[str, Any], str]]:
    """The object schemas an allOf combines, refs resolved, in order (the schema last)."""
    parts: list[tuple[dict[str, Any], str]] = []
    for index, member in enumerate(schema.get("allOf") or []):
        member_pointer = join_pointer(pointer, "allOf", index)
        if isinstance(member, dict) and "$ref" in member and isinstance(member["$ref"], str):
            target = ref_pointer(member["$ref"])
            resolved = builder.resolve(target)
            if target in seen or not isinstance(resolved, dict):
                builder.report(member_pointer, "allOf member is a cycle")
                continue
            parts.extend(_flatten(builder, resolved, target, seen | {target}))
            continue
        if not isinstance(member, dict):
            continue
        parts.extend(_flatten(builder, member, member_pointer, seen))
    own = {k: v for k, v in schema.items() if k in _OWN_KEYWORDS}
    parts.append((own, pointer))
    return parts


def _distribute(
    builder: SchemaBuilder,
    name: str,
    schema: dict[str, Any],
    pointer: str,
    parts: list[tuple[dict[str, Any], str]],
    index: int,
    keyword: str,
) -> UnionDef:
    """`parts[index]` is a union: each of its variants, combined with the other parts,
    becomes a variant of the result (named after the variant), keeping the tags."""
    union, union_pointer = parts[index]
    own = {k: v for k, v in union.items() if k in ("properties", "required")}
    before = [part for part, _ in parts[:index]]
    after = [part for part, _ in parts[index + 1 :]]
    discriminator = union.get("discriminator") or schema.get("discriminator")
    if not isinstance(discriminator, dict):
        discriminator = {}
    tag_field = discriminator.get("propertyName")
    explicit = discriminator.get("mapping")
    tags_by_ref: dict[str, list[str]] = {}
    for tag, ref in explicit.items() if isinstance(explicit, dict) else ():
        if isinstance(ref, str):
            tags_by_ref.setdefault(_full_ref(ref), []).append(str(tag))
    variants: list[TypeRef] = []
    mapping: list[tuple[str, str]] = []
    for position, member in enumerate(union.get(keyword) or []):
        if isinstance(member, dict) and member.get("type") == "null" and len(member) == 1:
            continue
        member_pointer = join_pointer(union_pointer, keyword, position)
        ref = member.get("$ref") if isinstance(member, dict) else None
        ref = ref if isinstance(ref, str) and ref.startswith("#/") else None
        target = builder.resolve(ref_pointer(ref)) if ref else member
        label = _variant_label(member, ref, position)
        if not _combines(target):
            variant = builder.type_of(member, member_pointer, name + label)
        else:
            combined = {"allOf": [*before, member, own, *after]}
            key = f"{join_pointer(pointer, 'allOf')}/{keyword}:{index}:{position}"
            variant = builder.named(combined, key, name + label)
        if variant in variants:
            continue
        variants.append(variant)
        if not isinstance(tag_field, str) or not isinstance(variant, NamedRef):
            continue
        tags = tags_by_ref.get(ref or "")
        if not tags:
            single = single_tag(builder.definitions.get(variant.name), tag_field)
            implicit = unescape_pointer_token(ref.rsplit("/", 1)[-1]) if ref else variant.name
            tags = [single if single is not None else implicit]
        mapping.extend((tag, variant.name) for tag in tags)
    if not isinstance(tag_field, str):
        tag_field, mapping = inferred_tag(builder, variants)
    return UnionDef(
        name,
        tuple(variants),
        tag_field,
        tuple(dict(mapping).items()),
        text(schema.get("description")) or text(union.get("description")),
        pointer,
        exclusive=keyword == "oneOf",
    )


def _combines(schema: Any) -> bool:
    """Whether a union variant is an object that the other allOf members extend."""
    if not isinstance(schema, dict):
        return False
    if "allOf" in schema or union_keyword(schema) is not None:
        return True
    if "required" in schema and not nullability(schema)[1]:
        return True  # `{required: [id]}`: which of the other members' properties it needs
    return is_object_schema(schema, nullability(schema)[1])


def _dereferenced(builder: SchemaBuilder, schema: Any) -> dict[str, Any] | None:
    """The schema behind a chain of `$ref`s (None: not a schema, or a cycle)."""
    seen: set[str] = set()
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen or not ref.startswith("#"):
            return None
        seen.add(ref)
        schema = builder.resolve(ref_pointer(ref))
    return schema if isinstance(schema, dict) else None


def _narrowable(schema: dict[str, Any]) -> bool:
    """Whether value keywords added beside `schema` make a narrower type of the same kind
    (a string, number or array; not an enum, object or combination)."""
    if any(k in schema for k in ("enum", "const", "allOf", "oneOf", "anyOf", "$ref")):
        return False
    kinds = nullability(schema)[1]
    return bool(kinds) and all(k in ("string", "integer", "number", "array") for k in kinds)


def _full_ref(ref: str) -> str:
    """A discriminator mapping value as a `$ref` (a bare schema name is allowed there)."""
    return ref if ref.startswith("#") else "#/components/schemas/" + ref


def _variant_label(member: Any, ref: str | None, position: int) -> str:
    """What a combined variant's name adds: the variant's schema name, title or position."""
    if ref is not None:
        return name_part(unescape_pointer_token(ref.rsplit("/", 1)[-1]))
    title = member.get("title") if isinstance(member, dict) else None
    label = name_part(title, fallback="") if isinstance(title, str) else ""
    return label or f"Variant{position + 1}"
