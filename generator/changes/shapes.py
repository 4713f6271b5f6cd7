"""Structural descriptions of types ("shapes"), as JSON, per side of the wire.

A shape says what values a Python annotation admits, so that a change can be judged
wider or narrower rather than merely different. It follows what the generated code
does on each side: requests keep enum values (`Literal`) and constraints (`Meta`);
responses decode enums as their plain kind and check no constraints, so their shapes
keep the enum values only to report them, and no constraints.

The grammar: `"str" | "int" | "float" | "bool" | "datetime" | "date" | "any" | "null"`,
`{"enum": [values]}`, `{"list": S}`, `{"map": S}`, `{"nullable": S}`, `{"union": [S]}`,
`{"ref": "DefinitionName"}`, on the request side `{"constrained": S, <keyword>: v}`, and
`{"python": "annotation"}` for any other type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias, assert_never

from generator.model.decodability import stays_any, union_is_closed_over_objects
from generator.model.sides import Side
from generator.model.types import (
    AliasDef,
    AnyType,
    ArrayType,
    Constraints,
    Definition,
    EnumDef,
    EnumValues,
    JsonValue,
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

Shape: TypeAlias = JsonValue
# How the generated code annotates a type on the side being described.
Annotate = Callable[[TypeRef], str]

_KINDS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_FORMATS = {"date-time": "datetime", "date": "date"}
_CONSTRAINT_KEYS = ("min_length", "max_length", "pattern", "ge", "gt", "le", "lt", "multiple_of")


class Shapes:
    """Shapes of one API's types on one side."""

    def __init__(self, definitions: dict[str, Definition], side: Side, annotate: Annotate) -> None:
        self._definitions = definitions
        self._side = side
        # For the kinds the grammar does not model, which are described as spelled.
        self._annotate = annotate
        self._expanding: set[str] = set()

    def of(self, type_ref: TypeRef) -> Shape:
        match type_ref:
            case Nullable():
                inner = self.of(type_ref.inner)
                return inner if inner in ("any", "null") else {"nullable": inner}
            case Primitive():
                base = _KINDS[type_ref.kind]
                if type_ref.kind == "string":
                    base = _FORMATS.get(type_ref.format or "", base)
                return self._constrained(base, type_ref.constraints)
            case AnyType():
                return "any"
            case NullType():
                return "null"
            case EnumValues():
                return {"enum": list(type_ref.values)}
            case ArrayType():
                return self._constrained({"list": self.of(type_ref.items)}, type_ref.constraints)
            case MapType():
                return {"map": self.of(type_ref.values)}
            case UnionOf():
                # The renderer's decision: a union it cannot make decodable stays Any.
                if stays_any(type_ref, self._definitions):
                    return "any"
                return {"union": [self.of(v) for v in type_ref.variants]}
            case NamedRef():
                return self._named(type_ref)
            case RawBody():
                # Text or bytes, not JSON: described (and compared) as spelled.
                return {"python": self._annotate(type_ref)}
            case _:
                assert_never(type_ref)

    def _named(self, ref: NamedRef) -> Shape:
        definition = self._definitions[ref.name]
        match definition:
            case EnumDef() if self._side == "response":
                return {"enum": list(definition.values)}
            case UnionDef() if not union_is_closed_over_objects(definition, self._definitions):
                # Spelled out where used, like the renderer does (a union containing itself is
                # Any).
                if ref.name in self._expanding or stays_any(
                    UnionOf(definition.variants), self._definitions
                ):
                    return "any"
                self._expanding.add(ref.name)
                try:
                    return {"union": [self.of(v) for v in definition.variants]}
                finally:
                    self._expanding.discard(ref.name)
            case ObjectDef() | EnumDef() | UnionDef() | AliasDef():
                return {"ref": ref.name}
            case _:
                assert_never(definition)

    def _constrained(self, base: Shape, constraints: Constraints) -> Shape:
        if self._side == "response" or constraints.is_empty():
            return base
        shape: dict[str, JsonValue] = {"constrained": base}
        for key in _CONSTRAINT_KEYS:
            value = getattr(constraints, key)
            if value is not None:
                shape[key] = value
        return shape


def constraints_in(shape: Shape) -> JsonValue:
    """The constraints a shape holds, where they sit, without the types; None when it has none.

    `{"min_length": 1}` bounds the value itself; `{"items": …}` each item of a list,
    `{"values": …}` each value of a map, `{"variants": [...]}` the members of a union
    (one entry each, in order, `{}` for an unconstrained one). A nullable value's
    constraints are those of its other values.
    """
    if not isinstance(shape, dict):
        return None
    if "constrained" in shape:
        own: dict[str, JsonValue] = {k: v for k, v in shape.items() if k != "constrained"}
        inner = constraints_in(shape["constrained"])
        return {**own, **inner} if isinstance(inner, dict) else own
    if "nullable" in shape:
        return constraints_in(shape["nullable"])
    for container, label in (("list", "items"), ("map", "values")):
        if container in shape:
            inner = constraints_in(shape[container])
            return None if inner is None else {label: inner}
    members = shape.get("union")
    if isinstance(members, list):
        found = [constraints_in(member) for member in members]
        if all(c is None for c in found):
            return None
        return {"variants": [{} if c is None else c for c in found]}
    return None


def without_constraints(shape: Shape) -> Shape:
    """The shape with every constraint left out: the types alone."""
    if isinstance(shape, list):
        return [without_constraints(item) for item in shape]
    if not isinstance(shape, dict):
        return shape
    if "constrained" in shape:
        return without_constraints(shape["constrained"])
    return {key: without_constraints(value) for key, value in shape.items()}


def refs_in(shape: Shape) -> set[str]:
    """The definition names a shape refers to."""
    if isinstance(shape, dict):
        if "ref" in shape and isinstance(shape["ref"], str):
            return {shape["ref"]}
        return set().union(*(refs_in(value) for value in shape.values()))
    if isinstance(shape, list):
        return set().union(*(refs_in(item) for item in shape))
    return set()
