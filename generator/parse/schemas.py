"""Schemas → the type model.

Every object, enum and object union gets a named definition; a component keeps its
component name, an inline schema is named after its position (`PhoneNumberResponse`
+ `sip_outbound_trunk_config` → `PhoneNumberResponseSipOutboundTrunkConfig`), so
names are stable across regenerations. Definitions are cached by JSON pointer, which
is also what makes recursive schemas terminate.

This module holds the entry points and the schema → type dispatch; what a raw schema says
about itself is in `schema_shapes`, objects and their fields in `objects`, allOf in
`all_of`, unions with an object member in `unions`, value constraints in `constraints`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, join_pointer, unescape_pointer_token
from generator.model.names import param_class
from generator.model.types import (
    AliasDef,
    AnyType,
    ArrayType,
    Constraints,
    Definition,
    EnumDef,
    EnumValues,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    ObjectDef,
    Primitive,
    PrimitiveKind,
    TypeRef,
    UnionOf,
)
from generator.naming import unique
from generator.parse.all_of import all_of_definition, documented_member
from generator.parse.constraints import (
    PRIMITIVE_KEYWORDS,
    array_constraints,
    carried,
    constraints_of,
)
from generator.parse.document import pointer_to, ref_pointer, resolve_pointer
from generator.parse.identifiers import class_name
from generator.parse.objects import additional, object_definition
from generator.parse.patterns import PatternError, python_pattern
from generator.parse.schema_shapes import (
    has_properties,
    is_object_schema,
    is_scalar,
    nullability,
    text,
    union_keyword,
)
from generator.parse.unions import has_object_member, union_definition

_PRIMITIVES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
_UNSUPPORTED_KEYWORDS = ("not", "if", "then", "else", "dependentSchemas", "patternProperties")
_UNSUPPORTED = frozenset(_UNSUPPORTED_KEYWORDS)

Locate = Callable[[str, str], Diagnostic]


class SchemaBuilder:
    """Turns schema dicts into `TypeRef`s and collects the named definitions they need."""

    def __init__(self, document: dict[str, Any], error: Locate) -> None:
        self._document = document
        self._error = error
        self.definitions: dict[str, Definition] = {}
        self.diagnostics: list[Diagnostic] = []
        # What users should know about the schemas but is not an error (for api.md).
        self.notes: list[str] = []
        self._by_pointer: dict[str, TypeRef] = {}
        self._taken: set[str] = set()
        # The request names of object schemas (those of the spec's own from the start),
        # which no other definition may take (`_renamed`); the pointers met again while
        # their own definition was being built.
        self._requests = _component_request_names(document)
        self._reentered: set[str] = set()
        # The node at each pointer read so far (`resolve`).
        self._nodes: dict[str, Any] = {}
        # How many definitions are being built (nested), and the types found while none
        # was (`type_of`).
        self._building = 0
        self._settled: dict[str, tuple[Any, TypeRef]] = {}

    # -- entry points -------------------------------------------------------------------------

    def type_of(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        """The type of `schema` found at `pointer`; `hint` names any inline definition.

        Asked again for the same schema at the same pointer while no definition is being
        built (the operations of a large spec share hundreds of parameters and responses),
        it answers what it found the first time: it would find the same, since every
        definition it met then was complete and keeps its name, and any name a `hint`
        gave is kept by pointer; only problems and notes already recorded would be
        recorded again (and are reported once). Inside a definition being built, a type
        may still refer to a definition that is renamed when complete (`_renamed`), so
        nothing found there is remembered.
        """
        if self._building:
            return self._type_of(schema, pointer, hint)
        settled = self._settled.get(pointer)
        if settled is not None and settled[0] is schema:
            return settled[1]
        found = self._type_of(schema, pointer, hint)
        self._settled[pointer] = (schema, found)
        return found

    def _type_of(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        if isinstance(schema, bool):
            return AnyType() if schema else self._fail(pointer, "a `false` schema admits no value")
        if not isinstance(schema, dict):
            return self._fail(pointer, "a schema must be an object")
        if "$ref" in schema:
            target = self.ref(schema["$ref"], join_pointer(pointer, "$ref"))
            return Nullable(target) if schema.get("nullable") is True else target
        if not _UNSUPPORTED.isdisjoint(schema):
            for keyword in _UNSUPPORTED_KEYWORDS:
                if keyword in schema:
                    self.report(join_pointer(pointer, keyword), f"`{keyword}` is not supported")
        nullable, kinds = nullability(schema)
        result = self._non_null_type(schema, pointer, hint, kinds)
        if nullable and not isinstance(result, Nullable | NullType | AnyType):
            return Nullable(result)
        return result

    def ref(self, ref: Any, pointer: str) -> TypeRef:
        """The type a `$ref` points to; named schemas become `NamedRef`s."""
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return self._fail(pointer, f"unsupported $ref {ref!r}")
        target_pointer = ref_pointer(ref)
        cached = self._by_pointer.get(target_pointer)
        if cached is not None:
            return cached
        schema = self.resolve(target_pointer)
        if schema is None:
            return self._fail(pointer, f"unresolved $ref {ref!r}")
        name = unescape_pointer_token(target_pointer.rsplit("/", 1)[-1])
        return self.named(schema, target_pointer, class_name(name))

    def named(self, schema: Any, pointer: str, name: str) -> TypeRef:
        """Define `schema` (found at `pointer`) under `name`, unless it is already defined."""
        cached = self._by_pointer.get(pointer)
        if cached is not None:
            self._reentered.add(pointer)
            return cached
        if not isinstance(schema, dict):
            return self.type_of(schema, pointer, name)
        nullable, kinds = nullability(schema)
        final = unique(name, self._taken)
        ref: TypeRef = NamedRef(final)
        self._by_pointer[pointer] = Nullable(ref) if nullable else ref
        self._building += 1
        try:
            definition = self._definition(final, schema, pointer, kinds)
        finally:
            self._building -= 1
        definition = self._claimed(definition, pointer, nullable)
        self.definitions[definition.name] = definition
        if isinstance(definition, AliasDef) and _is_alias_cycle(definition, self.definitions):
            self.report(pointer, "$ref cycle with no schema in between")
        return self._by_pointer[pointer]

    def _claimed(self, definition: Definition, pointer: str, nullable: bool) -> Definition:
        """`definition`, its request names kept for it if it is an object; renamed if its
        name is one an object's request side already has (`_renamed`)."""
        if isinstance(definition, ObjectDef):
            self._requests.update(_request_names(definition.name))
            return definition
        if definition.name in self._requests and pointer not in self._reentered:
            return self._renamed(definition, pointer, nullable)
        return definition

    def _renamed(self, definition: Definition, pointer: str, nullable: bool) -> Definition:
        """`definition` under a name of its own, its first being a request name of an object.

        params.py spells the request names of an object schema `Pet` (`PetParam`,
        `PetParamDict`, `PetInput`) and every other definition under its own name, so an
        alias, enum or union named `PetInput` (the alias of a property `Input` of `Pet`, or
        a schema of that name) would replace Pet's in the module, and a request argument
        typed `PetInput` would take its type. It is numbered instead (`PetInput_2`); the
        request names of the spec's object schemas count from the start, so it is the
        other definition that is numbered whichever an operation reaches first. Nothing
        refers to the name yet: a definition that refers to itself is left as it is.
        """
        name = definition.name
        candidate, counter = f"{name}_2", 3
        while candidate in self._taken or candidate in self._requests:
            candidate, counter = f"{name}_{counter}", counter + 1
        self._taken.add(candidate)
        ref: TypeRef = NamedRef(candidate)
        self._by_pointer[pointer] = Nullable(ref) if nullable else ref
        return replace(definition, name=candidate)

    # -- definitions --------------------------------------------------------------------------

    def _definition(
        self, name: str, schema: dict[str, Any], pointer: str, kinds: list[str]
    ) -> Definition:
        description = text(schema.get("description"))
        if "$ref" in schema:
            return AliasDef(name, self.ref(schema["$ref"], join_pointer(pointer, "$ref")))
        if "enum" in schema and "object" not in kinds:
            values = tuple(v for v in schema["enum"] if v is not None and is_scalar(v))
            return EnumDef(name, values, description, pointer)
        if "allOf" in schema or (union_keyword(schema) and has_properties(schema)):
            return all_of_definition(self, name, schema, pointer)
        if ("oneOf" in schema or "anyOf" in schema) and has_object_member(self, schema):
            return union_definition(self, name, schema, pointer)
        if is_object_schema(schema, kinds) and has_properties(schema):
            return object_definition(self, name, schema, pointer, description)
        return AliasDef(
            name, self._non_null_type(schema, pointer, name, kinds), description, pointer
        )

    # -- structural types ---------------------------------------------------------------------

    def _non_null_type(
        self, schema: dict[str, Any], pointer: str, hint: str, kinds: list[str]
    ) -> TypeRef:
        if "const" in schema and is_scalar(schema["const"]):
            return EnumValues((schema["const"],))
        if "enum" in schema and "object" not in kinds:
            values = tuple(v for v in schema["enum"] if v is not None and is_scalar(v))
            return EnumValues(values) if values else NullType()
        if "allOf" in schema:
            member = documented_member(self, schema, pointer, hint)
            return member if member is not None else self.named(schema, pointer, hint)
        if ("oneOf" in schema or "anyOf" in schema) and has_object_member(self, schema):
            return self.named(schema, pointer, hint)
        if "oneOf" in schema or "anyOf" in schema:
            keyword = "oneOf" if "oneOf" in schema else "anyOf"
            members = [
                self.type_of(m, pointer_to(pointer, keyword, i), f"{hint}Variant{i + 1}")
                for i, m in enumerate(schema[keyword] or [])
                if not (isinstance(m, dict) and m.get("type") == "null" and len(m) == 1)
            ]
            return members[0] if len(members) == 1 else UnionOf(tuple(members))
        if is_object_schema(schema, kinds):
            if has_properties(schema):
                return self.named(schema, pointer, hint)
            extra = additional(self, schema, pointer, hint)
            return MapType(extra if extra is not None else AnyType())
        if len(kinds) > 1:
            return UnionOf(tuple(self._non_null_type(schema, pointer, hint, [k]) for k in kinds))
        kind = kinds[0] if kinds else None
        if kind == "array" or (kind is None and "items" in schema):
            items = schema.get("items", {})
            item_type = self.type_of(items, join_pointer(pointer, "items"), hint + "Item")
            return ArrayType(item_type, array_constraints(schema))
        if kind == "string" and "contentMediaType" in schema and "contentEncoding" not in schema:
            return Primitive("string", "binary")  # OpenAPI 3.1's spelling of a file
        if kind in _PRIMITIVES:
            fmt = schema.get("format")
            fmt = fmt if isinstance(fmt, str) else None
            if PRIMITIVE_KEYWORDS.isdisjoint(schema):  # most are: nothing to carry or note
                return Primitive(_PRIMITIVES[kind], fmt)
            constraints, dropped = carried(constraints_of(schema), _PRIMITIVES[kind], fmt)
            for keyword in dropped:
                self.note(
                    f"`{keyword}` at `{join_pointer(pointer, keyword)}` is not checked: "
                    f"it does not apply to a {_described(kind, fmt)}"
                )
            return Primitive(_PRIMITIVES[kind], fmt, self._checked_pattern(constraints, pointer))
        if kind == "null":
            return NullType()
        return AnyType()

    # -- helpers ------------------------------------------------------------------------------

    def resolve(self, pointer: str) -> Any:
        """The value at `pointer` in the document (None: nothing there).

        Remembered: the model is built from the document without changing it, and every
        operation of a large spec follows the same shared parameters, responses and
        schemas again.
        """
        try:
            return self._nodes[pointer]
        except KeyError:
            node = self._nodes[pointer] = resolve_pointer(self._document, pointer)
            return node

    def _checked_pattern(self, constraints: Constraints, pointer: str) -> Constraints:
        """The constraints with the pattern in Python's syntax, or without it if `re`
        cannot express it: an uncompilable pattern would make the module fail to import."""
        if constraints.pattern is None:
            return constraints
        try:
            return replace(constraints, pattern=python_pattern(constraints.pattern))
        except PatternError as exc:
            self.note(
                f"the pattern `{constraints.pattern}` at `{join_pointer(pointer, 'pattern')}` is "
                f"not checked: {exc}"
            )
            return replace(constraints, pattern=None)

    def note(self, message: str) -> None:
        """Record what users should know about the schemas (once)."""
        if message not in self.notes:
            self.notes.append(message)

    def _fail(self, pointer: str, message: str) -> TypeRef:
        self.report(pointer, message)
        return AnyType()

    def report(self, pointer: str, message: str) -> None:
        """Record an error in the schema at `pointer`."""
        self.diagnostics.append(self._error(pointer, message))


def _described(kind: str, fmt: str | None) -> str:
    return f"{kind} of format `{fmt}`" if fmt else kind


def _is_alias_cycle(start: AliasDef, definitions: dict[str, Definition]) -> bool:
    seen = {start.name}
    current: TypeRef = start.target
    while True:
        while isinstance(current, Nullable):
            current = current.inner
        if not isinstance(current, NamedRef):
            return False
        if current.name in seen:
            return True
        seen.add(current.name)
        definition = definitions.get(current.name)
        if not isinstance(definition, AliasDef):
            return False
        current = definition.target


def _request_names(name: str) -> tuple[str, ...]:
    """The names params.py gives the request side of a definition called `name`."""
    return (param_class(name),)


def _component_request_names(document: dict[str, Any]) -> set[str]:
    """The request names of every schema under `components/schemas` that lists properties
    or members to merge (an object, most likely)."""
    schemas = (document.get("components") or {}).get("schemas")
    reserved: set[str] = set()
    for key, schema in schemas.items() if isinstance(schemas, dict) else ():
        if isinstance(schema, dict) and _OBJECT_KEYWORDS.intersection(schema):
            reserved.update(_request_names(class_name(str(key))))
    return reserved


_OBJECT_KEYWORDS = frozenset({"properties", "allOf"})
