"""Which unions msgspec can decode, and what an undecodable one is merged into.

msgspec tells union members apart by the kind of JSON value only, so a union decodes as
written only if each member is a different kind. The renderer spells the merged union
and the change report describes it; both read the decision from here so that they
cannot disagree about which unions are left open (`Any`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, assert_never

from generator.model.types import (
    AliasDef,
    AnyType,
    ArrayType,
    Definition,
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
    UnionDef,
    UnionOf,
)

# The kind of JSON value a member decodes from; "custom" (an open named union) and "any"
# match more than one kind.
Group = Literal["str", "int", "float", "bool", "array", "object", "custom", "none", "any"]
ScalarGroup = Literal["str", "int", "float", "bool"]
SCALAR_GROUPS: tuple[ScalarGroup, ...] = ("str", "int", "float", "bool")

_PRIMITIVE_GROUPS: dict[str, ScalarGroup] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}


@dataclass(frozen=True)
class Merge:
    """An undecodable union made decodable: its members grouped by kind (in member order;
    only scalar groups have more than one member) and whether `null` is one of them."""

    groups: dict[Group, list[TypeRef]]
    nullable: bool


def value_kind(value: str | int | float | bool) -> ScalarGroup:
    """The kind of one enum value (a bool is not an int here)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "str"


def group(type_ref: TypeRef, definitions: Mapping[str, Definition]) -> Group:
    match type_ref:
        case Primitive():
            return _PRIMITIVE_GROUPS[type_ref.kind]
        case EnumValues():
            return value_kind(type_ref.values[0]) if type_ref.values else "any"
        case ArrayType():
            return "array"
        case MapType():
            return "object"
        case NullType() | Nullable():
            return "none"
        case NamedRef():
            return _definition_group(definitions[type_ref.name], definitions)
        case AnyType() | UnionOf() | RawBody():
            return "any"
        case _:
            assert_never(type_ref)


def _definition_group(definition: Definition, definitions: Mapping[str, Definition]) -> Group:
    match definition:
        case ObjectDef():
            return "object"
        case EnumDef():
            return group(EnumValues(definition.values), definitions)
        case AliasDef():
            return group(definition.target, definitions)
        case UnionDef():
            return "custom"
        case _:
            assert_never(definition)


def decodable(type_ref: TypeRef, definitions: Mapping[str, Definition]) -> bool:
    """Whether msgspec can decode this type as written (only a union may not be)."""
    if not isinstance(type_ref, UnionOf):
        return True
    groups = [group(v, definitions) for v in type_ref.variants]
    if "any" in groups or "custom" in groups:
        return False
    return len(groups) == len(set(groups))


def union_is_closed_over_objects(
    definition: UnionDef, definitions: Mapping[str, Definition]
) -> bool:
    """Whether every member is an object model, which a union marker needs."""
    return all(
        isinstance(v, NamedRef) and isinstance(definitions.get(v.name), ObjectDef)
        for v in definition.variants
    )


def merge(variants: tuple[TypeRef, ...], definitions: Mapping[str, Definition]) -> Merge | None:
    """The members of an undecodable union regrouped so that it decodes, or None where it
    can only be `Any`: a member of unknown kind, or two object or two array members."""
    members: list[TypeRef] = []
    nullable = _flatten(variants, members)
    groups: dict[Group, list[TypeRef]] = {}
    for member in members:
        groups.setdefault(group(member, definitions), []).append(member)
    if "any" in groups or "custom" in groups:
        return None
    for kind, grouped in groups.items():
        if len(grouped) > 1 and kind not in SCALAR_GROUPS:
            return None
    return Merge(groups, nullable)


def stays_any(type_ref: UnionOf, definitions: Mapping[str, Definition]) -> bool:
    """Whether this union is rendered as `Any`."""
    return not decodable(type_ref, definitions) and merge(type_ref.variants, definitions) is None


def _flatten(variants: tuple[TypeRef, ...], into: list[TypeRef]) -> bool:
    """Nested unions and nullables as one flat member list; whether `null` is a member."""
    nullable = False
    for variant in variants:
        match variant:
            case Nullable():
                _flatten((variant.inner,), into)
                nullable = True
            case NullType():
                nullable = True
            case UnionOf():
                nullable = _flatten(variant.variants, into) or nullable
            case (
                Primitive()
                | AnyType()
                | EnumValues()
                | ArrayType()
                | MapType()
                | NamedRef()
                | RawBody()
            ):
                if variant not in into:
                    into.append(variant)
            case _:
                assert_never(variant)
    return nullable
