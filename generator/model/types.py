"""The type model: what a schema means, independent of how it is rendered.

Named types (objects, enums, unions, aliases) are definitions held once by the API
and referred to by `NamedRef`; everything else is structural. Rendering decides the
Python spelling of each type per context (request or response).

Every kind knows its direct sub-types (`children`), so that a traversal is written once
(`walk`) and a new kind cannot be skipped by a hand-written recursion; code that treats
each kind differently uses `match` ending in `assert_never`, which mypy checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, assert_never

from generator.model.sides import Side

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"

PrimitiveKind = Literal["string", "integer", "number", "boolean"]
# String formats whose values are not kept as text (a `datetime`, a `date`), so that no
# text constraint (`minLength`, `pattern`) can apply to them.
TEMPORAL_FORMATS = ("date-time", "date")


@dataclass(frozen=True)
class Constraints:
    """Validation keywords the spec states; None means the spec does not say."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    multiple_of: float | None = None

    def is_empty(self) -> bool:
        return self == Constraints()


@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind
    format: str | None = None
    constraints: Constraints = Constraints()

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class AnyType:
    """A schema that admits any JSON value (`{}`, or a type we keep open on purpose)."""

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class NullType:
    """Only `null` (3.1 `type: 'null'`)."""

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class EnumValues:
    """An inline enum: a fixed set of JSON scalars."""

    values: tuple[str | int | float | bool, ...]

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class ArrayType:
    items: TypeRef
    constraints: Constraints = Constraints()  # min_length / max_length are minItems / maxItems

    def children(self) -> tuple[TypeRef, ...]:
        return (self.items,)


@dataclass(frozen=True)
class MapType:
    values: TypeRef

    def children(self) -> tuple[TypeRef, ...]:
        return (self.values,)


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef

    def children(self) -> tuple[TypeRef, ...]:
        return (self.inner,)


@dataclass(frozen=True)
class UnionOf:
    """An inline union of structural types (no object members; those get a named union)."""

    variants: tuple[TypeRef, ...]

    def children(self) -> tuple[TypeRef, ...]:
        return self.variants


@dataclass(frozen=True)
class NamedRef:
    name: str

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class RawBody:
    """A response that is not JSON: returned as text (`text/*`) or as bytes."""

    text: bool

    def children(self) -> tuple[TypeRef, ...]:
        return ()


TypeRef: TypeAlias = (
    Primitive
    | AnyType
    | NullType
    | EnumValues
    | ArrayType
    | MapType
    | Nullable
    | UnionOf
    | NamedRef
    | RawBody
)


def walk(*roots: TypeRef) -> Iterator[TypeRef]:
    """Every type in `roots` and nested in them, pre-order (a type before its children, in
    their order). A `NamedRef` is a leaf: following it needs the API's definitions."""
    stack = list(reversed(roots))
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children()))


@dataclass(frozen=True)
class Field:
    python_name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str | None = None
    default: JsonValue = None
    has_default: bool = False
    deprecated: bool = False
    # `readOnly`: sent by the server only, so no request takes it; `writeOnly`: the reverse.
    read_only: bool = False
    write_only: bool = False
    # False for a name `required` lists that `properties` never describes: requests must
    # send it, but a response that lacks it still decodes (its shape is unknown anyway).
    described: bool = True


@dataclass(frozen=True)
class ObjectDef:
    name: str
    fields: tuple[Field, ...]
    description: str | None = None
    pointer: str = ""
    # The type of properties not listed in `fields`, when the schema documents them.
    additional: TypeRef | None = None
    # `additionalProperties: false`: a value with keys not in `fields` is not one of these.
    closed: bool = False

    def fields_for(self, side: Side) -> tuple[Field, ...]:
        """The fields a value on this side of the wire has (no `readOnly` one in a request,
        no `writeOnly` one in a response)."""
        if side == "request":
            return tuple(f for f in self.fields if not f.read_only)
        return tuple(f for f in self.fields if not f.write_only)

    def children(self) -> tuple[TypeRef, ...]:
        """The types it is made of: its fields', then that of unlisted properties."""
        extra = (self.additional,) if self.additional is not None else ()
        return tuple(f.type for f in self.fields) + extra


@dataclass(frozen=True)
class EnumDef:
    name: str
    values: tuple[str | int | float | bool, ...]
    description: str | None = None
    pointer: str = ""

    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class UnionDef:
    """`oneOf`/`anyOf` with at least one object member; decoded by variant or discriminator."""

    name: str
    variants: tuple[TypeRef, ...]
    discriminator: str | None = None
    mapping: tuple[tuple[str, str], ...] = field(default=())  # tag → variant definition name
    description: str | None = None
    pointer: str = ""
    # `oneOf`: a value must be exactly one of the variants; `anyOf`: at least one.
    exclusive: bool = True

    def children(self) -> tuple[TypeRef, ...]:
        return self.variants


@dataclass(frozen=True)
class AliasDef:
    """A named schema that is not an object, enum or object union (e.g. constrained primitives)."""

    name: str
    target: TypeRef
    description: str | None = None
    pointer: str = ""

    def children(self) -> tuple[TypeRef, ...]:
        return (self.target,)


Definition: TypeAlias = ObjectDef | EnumDef | UnionDef | AliasDef


def unaliased(type_ref: TypeRef, definitions: Mapping[str, Definition]) -> TypeRef:
    """The type behind nullables and named aliases: a `NamedRef` to an object, enum or union
    definition (or to none, or on an alias cycle, which is reported elsewhere) stays one."""
    seen: set[str] = set()
    while True:
        match type_ref:
            case Nullable():
                type_ref = type_ref.inner
            case NamedRef() if type_ref.name not in seen:
                seen.add(type_ref.name)
                definition = definitions.get(type_ref.name)
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
