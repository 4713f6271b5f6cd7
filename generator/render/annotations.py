"""Python spellings of model types, per side of the wire.

Responses are read leniently (enums as plain strings so new vendor values decode,
no constraint checks); requests are checked strictly (Literal enums, `Meta`
constraints, except in method signatures). A request object is spelled two ways: as its
public TypedDict (`_params.PetParam`, what users pass and read) and, with `checks`, as
the Struct that checks and encodes it (`_request_models.Pet`, see `names`), where enums
and aliases are spelled out, as the Structs' module defines nothing else. Annotations
spell imported names with a leading underscore (`_Literal`), which no spec name can be;
`imports` drops it wherever the plain name is free.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from typing import assert_never

from generator.model import decodability, names
from generator.model.decodability import SCALAR_GROUPS, value_kind
from generator.model.sides import Side
from generator.model.types import (
    TEMPORAL_FORMATS,
    AliasDef,
    AnyType,
    ArrayType,
    Constraints,
    Definition,
    EnumDef,
    EnumValues,
    Field,
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
from generator.render.literals import py_literal

_FORMATS = dict(zip(TEMPORAL_FORMATS, ("_datetime.datetime", "_datetime.date"), strict=True))
_KINDS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


class Annotations:
    """Renders `TypeRef`s for one API and one side (request or response)."""

    def __init__(
        self,
        definitions: dict[str, Definition],
        side: Side,
        *,
        rendered: tuple[Definition, ...] = (),
        prefix: str = "",
        shadowed: frozenset[str] = frozenset(),
        constrained: bool = True,
        checks: bool = False,
        request_names: Mapping[str, str] | None = None,
    ) -> None:
        self._definitions = definitions
        self._side = side
        # Request objects and unions as the Structs and markers that check them, rather
        # than as their public TypedDicts.
        self._checks = checks and side == "request"
        # Given by the caller where it renders many modules of one API (`Api.request_names`).
        self._request_names = (
            names.request_names(definitions.values()) if request_names is None else request_names
        )
        # Public request types the Structs' own module has spelled by their private alias
        # (`_PetParam`), which it then binds: the TypedDict to type checkers, the Struct
        # at run time.
        self._aliased: dict[str, str] = {}
        # Whether request constraints are spelled (`_Annotated[str, _Meta(min_length=1)]`):
        # in the models and the endpoint's checks, not in method signatures, which show the
        # plain type and state the constraints in words (`constraint_words`).
        self._spells_constraints = constrained
        # How the module being rendered reaches the models/params module (`_models.`).
        self._prefix = prefix
        # Builtins that a class being rendered shadows (a method named `list`): spelled
        # `_builtins.list` there.
        self._shadowed = shadowed
        # Open unions being spelled out, so a union that contains itself ends in `_Any`.
        self._expanding: set[str] = set()
        # Object name → the unions (rendered on this side) it is a member of.
        self._unions_of: dict[str, list[str]] = {}
        for definition in rendered:
            if isinstance(definition, UnionDef) and self.union_is_closed_over_objects(definition):
                for variant in definition.variants:
                    assert isinstance(variant, NamedRef)
                    self._unions_of.setdefault(variant.name, []).append(definition.name)

    # -- declarations -------------------------------------------------------------------------

    def bases(self, definition: ObjectDef, base: str) -> str:
        """Base classes and class keywords of an object model."""
        unions = self._unions_of.get(definition.name, [])
        parts = [base] + [self._marker(union) for union in unions]
        parts.append("kw_only=True")  # msgspec does not inherit it; fields keep spec order
        if definition.closed and self._side == "request":
            # So that a union variant does not match a value with keys it does not declare;
            # responses stay lenient, as a vendor adding a field is no error of the caller's.
            parts.append("forbid_unknown_fields=True")
        renames = {f.python_name: f.wire_name for f in self.fields(definition)}
        renames = {k: v for k, v in renames.items() if k != v}
        if renames:
            parts.append("rename=" + py_literal(renames))
        return ", ".join(parts)

    def fields(self, definition: ObjectDef) -> tuple[Field, ...]:
        """The fields of an object model on this side of the wire."""
        return definition.fields_for(self._side)

    def field_declaration(self, field: Field) -> str:
        """`annotation` or `annotation = default` for a model field."""
        annotation = self.of(field.type)
        if field.required and (field.described or self._side == "request"):
            return annotation
        if self._side == "request":
            return f"{annotation} | _UnsetType = _UNSET"
        if field.has_default and _default_fits(field.default, annotation):
            return f"{annotation} = {py_literal(field.default)}"
        if annotation == "_Any" or annotation.endswith("| None"):
            return f"{annotation} = None"
        return f"{annotation} | None = None"

    def typeddict_value(self, field: Field) -> str:
        annotation = self.of(field.type)
        return f"_Required[{annotation}]" if field.required else annotation

    def typeddict_class_syntax(self, definition: ObjectDef) -> bool:
        """Class syntax needs every key to be a plain identifier."""
        return all(
            f.wire_name.isidentifier()
            and not keyword.iskeyword(f.wire_name)
            and not f.wire_name.startswith("_")
            for f in self.fields(definition)
        )

    def marker(self, definition: UnionDef) -> str:
        """The union marker class of a union of objects, as this side's module names it."""
        return self._marker(definition.name)

    def _marker(self, union: str) -> str:
        # A request union's marker is its checking class, which resource modules name.
        return union if self._side == "request" else names.union_marker(union)

    def literal(self, values: tuple[str | int | float | bool, ...]) -> str:
        return "_Literal[" + ", ".join(py_literal(v) for v in values) + "]"

    def of(self, type_ref: TypeRef) -> str:
        match type_ref:
            case Nullable():
                inner = self.of(type_ref.inner)
                return inner if inner in ("_Any", "None") else f"{inner} | None"
            case Primitive():
                return self._primitive(type_ref)
            case AnyType():
                return "_Any"
            case NullType():
                return "None"
            case EnumValues():
                return self._enum(type_ref.values)
            case ArrayType():
                container = "_Sequence" if self._side == "request" else self.builtin("list")
                return self._constrained(
                    f"{container}[{self.of(type_ref.items)}]", type_ref.constraints
                )
            case MapType():
                container = "_Mapping" if self._side == "request" else self.builtin("dict")
                return f"{container}[{self.builtin('str')}, {self.of(type_ref.values)}]"
            case UnionOf():
                if not self.decodable(type_ref):
                    return self._merged_union(type_ref.variants)
                return " | ".join(dict.fromkeys(self.of(v) for v in type_ref.variants))
            case RawBody():
                if type_ref.text:
                    return self.builtin("str")
                return "_FileContent" if self._side == "request" else self.builtin("bytes")
            case NamedRef():
                return self._named(type_ref)
            case _:
                assert_never(type_ref)

    def builtin(self, name: str) -> str:
        return f"_builtins.{name}" if name in self._shadowed else name

    def decodable(self, type_ref: TypeRef) -> bool:
        """Whether msgspec can decode this union (one member per kind of JSON value)."""
        return decodability.decodable(type_ref, self._definitions)

    def union_is_closed_over_objects(self, definition: UnionDef) -> bool:
        """Whether every member is an object model, which a union marker needs."""
        return decodability.union_is_closed_over_objects(definition, self._definitions)

    def tag_attribute(self, definition: UnionDef) -> str | None:
        """The attribute holding the discriminator in every variant, mirrored by the union's
        Unknown variant so that `value.<tag>` type-checks on the whole union; None when the
        variants do not share one, or its name is one the Unknown variant already uses."""
        if definition.discriminator is None:
            return None
        found: set[str] = set()
        for variant in definition.variants:
            target = self._definitions.get(variant.name) if isinstance(variant, NamedRef) else None
            if not isinstance(target, ObjectDef):
                return None
            tag = [f.python_name for f in target.fields if f.wire_name == definition.discriminator]
            if not tag:
                return None
            found.update(tag)
        name = found.pop() if len(found) == 1 else None
        return None if name in (None, "data", "tag") else name

    # -- names of definitions, per side -------------------------------------------------------

    def name(self, definition: Definition) -> str:
        """The class or alias a definition is rendered as on this side (a request object
        or union: its public TypedDict or union of them, `PetParam`)."""
        if self._side == "response" or self._checks:
            return definition.name
        return self._request_names.get(definition.name, definition.name)

    def _named(self, ref: NamedRef) -> str:
        definition = self._definitions[ref.name]
        match definition:
            case EnumDef():
                if self._side == "response" or self._checks:
                    return self._enum(definition.values)
                return self._prefix + definition.name
            case UnionDef() if not self.union_is_closed_over_objects(definition):
                return self._open_union(definition)
            case AliasDef() if self._checks:
                return self._spelled_out(definition)
            case ObjectDef() | UnionDef() if self._checks and not self._prefix:
                public = self._request_names[definition.name]
                self._aliased[public] = definition.name
                return names.checked_alias(public)
            case ObjectDef() | UnionDef() | AliasDef():
                return self._prefix + self.name(definition)
            case _:
                assert_never(definition)

    def aliased(self) -> list[tuple[str, str]]:
        """(public type, its Struct or marker) for each private alias spelled so far."""
        return sorted(self._aliased.items())

    def _spelled_out(self, definition: AliasDef) -> str:
        """An alias as what it stands for (`_Any` where it stands for itself)."""
        if definition.name in self._expanding:
            return "_Any"
        self._expanding.add(definition.name)
        try:
            return self.of(definition.target)
        finally:
            self._expanding.discard(definition.name)

    # -- unions -------------------------------------------------------------------------------

    def _open_union(self, definition: UnionDef) -> str:
        """A union with members other than object models (`str | Expression`), spelled out
        where it is used: msgspec decodes and encodes it natively when each member is a
        different kind of JSON value."""
        if definition.name in self._expanding:
            return "_Any"
        self._expanding.add(definition.name)
        try:
            return self.of(UnionOf(definition.variants))
        finally:
            self._expanding.discard(definition.name)

    def _merged_union(self, variants: tuple[TypeRef, ...]) -> str:
        """A union msgspec cannot decode as written, made decodable where that loses nothing
        a caller relies on: members of one scalar kind merge (string enums into one
        `Literal` on the request side, else the plain kind); `_Any` where that is not enough
        (two object or array members, a member of unknown kind)."""
        merged = decodability.merge(variants, self._definitions)
        if merged is None:
            return "_Any"
        parts = []
        for group, grouped in merged.groups.items():
            if len(grouped) == 1:
                parts.append(self.of(grouped[0]))
            else:
                assert group in SCALAR_GROUPS  # `merge` groups no other kind
                parts.append(self._merged_scalars(group, grouped))
        if merged.nullable:
            parts.append("None")
        return " | ".join(dict.fromkeys(parts)) or "None"

    def _merged_scalars(self, group: str, members: list[TypeRef]) -> str:
        values: list[str | int | float | bool] = []
        for member in members:
            member_values = self._enum_values(member)
            if member_values is None or self._side == "response":
                return self.builtin(group)
            values.extend(member_values)
        return self.literal(tuple(dict.fromkeys(values)))

    def _enum_values(self, type_ref: TypeRef) -> tuple[str | int | float | bool, ...] | None:
        """The values of a member that is an enum (inline, named or aliased), else None."""
        match type_ref:
            case EnumValues():
                return type_ref.values
            case NamedRef():
                definition = self._definitions[type_ref.name]
                match definition:
                    case EnumDef():
                        return definition.values
                    case AliasDef():
                        return self._enum_values(definition.target)
                    case ObjectDef() | UnionDef():
                        return None
                    case _:
                        assert_never(definition)
            case (
                Primitive()
                | AnyType()
                | NullType()
                | ArrayType()
                | MapType()
                | Nullable()
                | UnionOf()
                | RawBody()
            ):
                return None
            case _:
                assert_never(type_ref)

    # -- leaves -------------------------------------------------------------------------------

    def _primitive(self, primitive: Primitive) -> str:
        if primitive.format == "binary" and primitive.kind == "string":
            # A file in a multipart body; in a JSON document it can only be text.
            return "_FileInput" if self._side == "request" else self.builtin("str")
        base = self.builtin(_KINDS[primitive.kind])
        if primitive.kind == "string" and primitive.format in _FORMATS:
            base = _FORMATS[primitive.format]
        if primitive.kind == "number" and self._side == "response":
            base = self.builtin("float")
        return self._constrained(base, primitive.constraints)

    def _enum(self, values: tuple[str | int | float | bool, ...]) -> str:
        if self._side == "response":
            kinds = dict.fromkeys(self.builtin(value_kind(v)) for v in values)
            return " | ".join(kinds) or "_Any"
        return self.literal(values)

    def _constrained(self, base: str, constraints: Constraints) -> str:
        if self._side == "response" or constraints.is_empty() or not self._spells_constraints:
            return base
        arguments = []
        for key in ("ge", "gt", "le", "lt", "multiple_of", "min_length", "max_length", "pattern"):
            value = getattr(constraints, key)
            if value is not None:
                arguments.append(f"{key}={py_literal(value)}")
        return f"_Annotated[{base}, _Meta({', '.join(arguments)})]"


def _default_fits(value: object, annotation: str) -> bool:
    """Whether a spec default can stand as the field default of this annotation."""
    kinds: dict[str, type | tuple[type, ...]] = {
        "str": str,
        "int": int,
        "float": (int, float),
        "bool": bool,
    }
    expected = kinds.get(annotation)
    if expected is None or value is None:
        return False
    if isinstance(value, bool) and annotation != "bool":
        return False
    return isinstance(value, expected)
