"""The type model: what a schema means, independent of how it is rendered.

Named types (objects, enums, unions, aliases) are definitions held once by the API
and referred to by `NamedRef`; everything else is structural. Rendering decides the
Python spelling of each type per context (request or response).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"

PrimitiveKind = Literal["string", "integer", "number", "boolean"]


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


@dataclass(frozen=True)
class AnyType:
    """A schema that admits any JSON value (`{}`, or a type we keep open on purpose)."""


@dataclass(frozen=True)
class NullType:
    """Only `null` (3.1 `type: 'null'`)."""


@dataclass(frozen=True)
class EnumValues:
    """An inline enum: a fixed set of JSON scalars."""

    values: tuple[str | int | float | bool, ...]


@dataclass(frozen=True)
class ArrayType:
    items: TypeRef
    constraints: Constraints = Constraints()  # min_length / max_length are minItems / maxItems


@dataclass(frozen=True)
class MapType:
    values: TypeRef


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef


@dataclass(frozen=True)
class UnionOf:
    """An inline union of structural types (no object members; those get a named union)."""

    variants: tuple[TypeRef, ...]


@dataclass(frozen=True)
class NamedRef:
    name: str


@dataclass(frozen=True)
class RawBody:
    """A response that is not JSON: returned as text (`text/*`) or as bytes."""

    text: bool


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


@dataclass(frozen=True)
class ObjectDef:
    name: str
    fields: tuple[Field, ...]
    description: str | None = None
    pointer: str = ""
    # The type of properties not listed in `fields`, when the schema documents them.
    additional: TypeRef | None = None


@dataclass(frozen=True)
class EnumDef:
    name: str
    values: tuple[str | int | float | bool, ...]
    description: str | None = None
    pointer: str = ""


@dataclass(frozen=True)
class UnionDef:
    """`oneOf`/`anyOf` with at least one object member; decoded by variant or discriminator."""

    name: str
    variants: tuple[TypeRef, ...]
    discriminator: str | None = None
    mapping: tuple[tuple[str, str], ...] = field(default=())  # tag → variant definition name
    description: str | None = None
    pointer: str = ""


@dataclass(frozen=True)
class AliasDef:
    """A named schema that is not an object, enum or object union (e.g. constrained primitives)."""

    name: str
    target: TypeRef
    description: str | None = None
    pointer: str = ""


Definition: TypeAlias = ObjectDef | EnumDef | UnionDef | AliasDef
