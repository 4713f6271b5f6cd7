"""Schemas → the type model.

Every object, enum and object union gets a named definition; a component keeps its
component name, an inline schema is named after its position (`PhoneNumberResponse`
+ `sip_outbound_trunk_config` → `PhoneNumberResponseSipOutboundTrunkConfig`), so
names are stable across regenerations. Definitions are cached by JSON pointer, which
is also what makes recursive schemas terminate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, join_pointer, unescape_pointer_token
from generator.model.types import (
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
    PrimitiveKind,
    TypeRef,
    UnionDef,
    UnionOf,
)
from generator.naming import class_name, name_part, python_identifier, unique
from generator.parse.constraints import (
    VALUE_KEYWORDS,
    array_constraints,
    carried,
    constraints_of,
    narrowed,
)
from generator.parse.document import ref_pointer, resolve_pointer
from generator.parse.patterns import PatternError, python_pattern

_PRIMITIVES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
# Field names that would shadow a builtin used in annotations inside a class body.
_RESERVED_FIELD_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object"}
)
# What an allOf member contributes besides its own members: fields, and a union to distribute.
_OWN_KEYWORDS = ("properties", "required", "oneOf", "anyOf", "discriminator")
# Keywords that document a schema without changing the values it admits.
_ANNOTATION_KEYWORDS = frozenset(
    {
        "title",
        "description",
        "example",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "$comment",
        "nullable",
    }
)
_UNSUPPORTED_KEYWORDS = ("not", "if", "then", "else", "dependentSchemas", "patternProperties")

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

    # -- entry points -------------------------------------------------------------------------

    def type_of(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        """The type of `schema` found at `pointer`; `hint` names any inline definition."""
        if isinstance(schema, bool):
            return AnyType() if schema else self._fail(pointer, "a `false` schema admits no value")
        if not isinstance(schema, dict):
            return self._fail(pointer, "a schema must be an object")
        if "$ref" in schema:
            target = self.ref(schema["$ref"], join_pointer(pointer, "$ref"))
            return Nullable(target) if schema.get("nullable") is True else target
        for keyword in _UNSUPPORTED_KEYWORDS:
            if keyword in schema:
                self.diagnostics.append(
                    self._error(join_pointer(pointer, keyword), f"`{keyword}` is not supported")
                )
        nullable, kinds = _nullability(schema)
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
        schema = self._resolve(target_pointer)
        if schema is None:
            return self._fail(pointer, f"unresolved $ref {ref!r}")
        name = unescape_pointer_token(target_pointer.rsplit("/", 1)[-1])
        return self.named(schema, target_pointer, class_name(name))

    def named(self, schema: Any, pointer: str, name: str) -> TypeRef:
        """Define `schema` (found at `pointer`) under `name`, unless it is already defined."""
        cached = self._by_pointer.get(pointer)
        if cached is not None:
            return cached
        if not isinstance(schema, dict):
            return self.type_of(schema, pointer, name)
        nullable, kinds = _nullability(schema)
        final = unique(name, self._taken)
        ref: TypeRef = NamedRef(final)
        self._by_pointer[pointer] = Nullable(ref) if nullable else ref
        definition = self._definition(final, schema, pointer, kinds)
        self.definitions[final] = definition
        if isinstance(definition, AliasDef) and _is_alias_cycle(definition, self.definitions):
            self.diagnostics.append(self._error(pointer, "$ref cycle with no schema in between"))
        return self._by_pointer[pointer]

    # -- definitions --------------------------------------------------------------------------

    def _definition(
        self, name: str, schema: dict[str, Any], pointer: str, kinds: list[str]
    ) -> Definition:
        description = _text(schema.get("description"))
        if "$ref" in schema:
            return AliasDef(name, self.ref(schema["$ref"], join_pointer(pointer, "$ref")))
        if "enum" in schema and "object" not in kinds:
            values = tuple(v for v in schema["enum"] if v is not None and _is_scalar(v))
            return EnumDef(name, values, description, pointer)
        if "allOf" in schema or (_union_keyword(schema) and _has_properties(schema)):
            return self._all_of(name, schema, pointer)
        if ("oneOf" in schema or "anyOf" in schema) and self._has_object_member(schema):
            return self._union(name, schema, pointer)
        if _is_object_schema(schema, kinds) and _has_properties(schema):
            return self._object(name, schema, pointer, description)
        return AliasDef(
            name, self._non_null_type(schema, pointer, name, kinds), description, pointer
        )

    def _object(
        self, name: str, schema: dict[str, Any], pointer: str, description: str | None
    ) -> ObjectDef:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        fields = self._fields(name, properties, required, join_pointer(pointer, "properties"))
        return ObjectDef(
            name,
            fields,
            description,
            pointer,
            self._additional(schema, pointer, name),
            closed=schema.get("additionalProperties") is False,
        )

    def _fields(
        self, owner: str, properties: dict[str, Any], required: set[str], pointer: str
    ) -> tuple[Field, ...]:
        taken: set[str] = set()
        fields = []
        for wire_name, sub in properties.items():
            sub_pointer = join_pointer(pointer, wire_name)
            if sub is False:
                self._note(
                    f"`{owner}.{wire_name}` has the schema `false` (it can never be present), "
                    "so the model has no field for it"
                )
                continue
            ftype = self.type_of(sub, sub_pointer, owner + name_part(wire_name, fallback="Field"))
            layers = self._annotation_layers(sub if isinstance(sub, dict) else {})
            with_default = [layer for layer in layers if "default" in layer]
            fields.append(
                Field(
                    python_name=unique(_field_name(wire_name), taken),
                    wire_name=wire_name,
                    type=ftype,
                    required=wire_name in required,
                    description=next(
                        (text for layer in layers if (text := _text(layer.get("description")))),
                        None,
                    ),
                    default=with_default[0]["default"] if with_default else None,
                    has_default=bool(with_default),
                    deprecated=layers[0].get("deprecated") is True,
                    read_only=any(layer.get("readOnly") is True for layer in layers),
                    write_only=any(layer.get("writeOnly") is True for layer in layers),
                )
            )
        # A required property the schema never describes must still be sent: any JSON value.
        for wire_name in sorted(required - set(properties)):
            fields.append(
                Field(
                    python_name=unique(_field_name(wire_name), taken),
                    wire_name=wire_name,
                    type=AnyType(),
                    required=True,
                )
            )
        return tuple(fields)

    def _all_of(self, name: str, schema: dict[str, Any], pointer: str) -> Definition:
        """The object an allOf combines, or, when a member is a union, the union of each
        variant combined with the other members (`allOf[oneOf[A, B], R]` is
        `oneOf[A∧R, B∧R]`)."""
        description = _text(schema.get("description"))
        single = _single_member(schema)
        if single is not None:
            index, modifiers = single
            member_pointer = join_pointer(pointer, "allOf", index)
            target = self._narrowed(schema["allOf"][index], member_pointer, name, modifiers)
            notes = (_text(m.get("description")) for m in modifiers)
            return AliasDef(name, target, description or next(filter(None, notes), None), pointer)
        parts = self._flatten_all_of(schema, pointer, set())
        for index, (part, _) in enumerate(parts):
            keyword = _union_keyword(part)
            if keyword is not None:
                return self._distribute(name, schema, pointer, parts, index, keyword)
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for part, _ in parts:
            properties.update({k: v for k, v in (part.get("properties") or {}).items()})
            required.update(part.get("required") or [])
        fields = self._fields(name, properties, required, join_pointer(pointer, "properties"))
        return ObjectDef(
            name,
            fields,
            description,
            pointer,
            self._additional(schema, pointer, name),
            closed=schema.get("additionalProperties") is False,
        )

    def _narrowed(
        self, member: Any, pointer: str, hint: str, modifiers: list[dict[str, Any]]
    ) -> TypeRef:
        """The type of an allOf's one real `member`, with the value keywords of the
        `modifiers` (the other members and the schema itself) added to it: a `$ref` to a
        string with a `maxLength` beside it is that string, with the bound."""
        extra = [m for m in modifiers if VALUE_KEYWORDS & m.keys()]
        target = self._dereferenced(member)
        if extra and target is not None and _narrowable(target):
            result = self.type_of(narrowed(target, extra), pointer, hint)
        else:
            result = self.type_of(member, pointer, hint)
        # The schema's own `nullable` (the last modifier) is the caller's to apply.
        if any(m.get("nullable") is True for m in modifiers[:-1]) and not isinstance(
            result, Nullable | NullType | AnyType
        ):
            return Nullable(result)
        return result

    def _flatten_all_of(
        self, schema: dict[str, Any], pointer: str, seen: set[str]
    ) -> list[tuple[dict[str, Any], str]]:
        """The object schemas an allOf combines, refs resolved, in order (the schema last)."""
        parts: list[tuple[dict[str, Any], str]] = []
        for index, member in enumerate(schema.get("allOf") or []):
            member_pointer = join_pointer(pointer, "allOf", index)
            if isinstance(member, dict) and "$ref" in member and isinstance(member["$ref"], str):
                target = ref_pointer(member["$ref"])
                resolved = self._resolve(target)
                if target in seen or not isinstance(resolved, dict):
                    self.diagnostics.append(self._error(member_pointer, "allOf member is a cycle"))
                    continue
                parts.extend(self._flatten_all_of(resolved, target, seen | {target}))
                continue
            if not isinstance(member, dict):
                continue
            parts.extend(self._flatten_all_of(member, member_pointer, seen))
        own = {k: v for k, v in schema.items() if k in _OWN_KEYWORDS}
        parts.append((own, pointer))
        return parts

    def _distribute(
        self,
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
            target = self._resolve(ref_pointer(ref)) if ref else member
            label = _variant_label(member, ref, position)
            if not self._combines(target):
                variant = self.type_of(member, member_pointer, name + label)
            else:
                combined = {"allOf": [*before, member, own, *after]}
                key = f"{join_pointer(pointer, 'allOf')}/{keyword}:{index}:{position}"
                variant = self.named(combined, key, name + label)
            if variant in variants:
                continue
            variants.append(variant)
            if not isinstance(tag_field, str) or not isinstance(variant, NamedRef):
                continue
            tags = tags_by_ref.get(ref or "")
            if not tags:
                single = _single_tag(self.definitions.get(variant.name), tag_field)
                implicit = unescape_pointer_token(ref.rsplit("/", 1)[-1]) if ref else variant.name
                tags = [single if single is not None else implicit]
            mapping.extend((tag, variant.name) for tag in tags)
        if not isinstance(tag_field, str):
            tag_field, mapping = self._inferred_tag(variants)
        return UnionDef(
            name,
            tuple(variants),
            tag_field,
            tuple(dict(mapping).items()),
            _text(schema.get("description")) or _text(union.get("description")),
            pointer,
            exclusive=keyword == "oneOf",
        )

    def _inferred_tag(self, variants: list[TypeRef]) -> tuple[str | None, list[tuple[str, str]]]:
        """A discriminator the variants carry without saying so: a property every variant
        requires with one string value of its own (`type: {const: custom}`). Decoding by
        it keeps a response from landing in the first variant whose fields happen to fit."""
        objects = [self.definitions.get(v.name) for v in variants if isinstance(v, NamedRef)]
        if len(variants) < 2 or len(objects) != len(variants):
            return None, []
        first = objects[0]
        if not isinstance(first, ObjectDef):
            return None, []
        for candidate in (f.wire_name for f in first.fields if f.required):
            mapping = []
            for variant, definition in zip(variants, objects, strict=True):
                tag = _single_tag(definition, candidate, required=True)
                if tag is None:
                    break
                assert isinstance(variant, NamedRef)
                mapping.append((tag, variant.name))
            else:
                if len({tag for tag, _ in mapping}) == len(mapping):
                    return candidate, mapping
        return None, []

    def _combines(self, schema: Any) -> bool:
        """Whether a union variant is an object that the other allOf members extend."""
        if not isinstance(schema, dict):
            return False
        if "allOf" in schema or _union_keyword(schema) is not None:
            return True
        if "required" in schema and not _nullability(schema)[1]:
            return True  # `{required: [id]}`: which of the other members' properties it needs
        return _is_object_schema(schema, _nullability(schema)[1])

    def _union(self, name: str, schema: dict[str, Any], pointer: str) -> UnionDef:
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
            variant = self.type_of(member, join_pointer(pointer, keyword, index), hint)
            if variant not in variants:
                variants.append(variant)
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, dict):
            discriminator = {}
        tag = discriminator.get("propertyName")
        tag_field: str | None = tag if isinstance(tag, str) else None
        if tag_field is not None:
            mapping = self._mapping(discriminator, variants)
        else:
            tag_field, inferred = self._inferred_tag(variants)
            mapping = tuple(inferred)
        return UnionDef(
            name,
            tuple(variants),
            tag_field,
            mapping,
            _text(schema.get("description")),
            pointer,
            exclusive=keyword == "oneOf",
        )

    def _mapping(
        self, discriminator: dict[str, Any], variants: list[TypeRef]
    ) -> tuple[tuple[str, str], ...]:
        """Tag → variant name: the explicit mapping, else each variant's one-value tag field."""
        tag_field = discriminator["propertyName"]
        explicit = discriminator.get("mapping")
        result: dict[str, str] = {}
        if isinstance(explicit, dict):
            for tag, ref in explicit.items():
                if isinstance(ref, str) and not ref.startswith("#"):
                    ref = "#/components/schemas/" + ref  # a bare schema name is allowed
                target = self.ref(ref, "") if isinstance(ref, str) else None
                if isinstance(target, NamedRef):
                    result[str(tag)] = target.name
        for variant in variants:
            if not isinstance(variant, NamedRef) or variant.name in result.values():
                continue
            definition = self.definitions.get(variant.name)
            tags = _single_tag(definition, tag_field)
            result[tags if tags is not None else variant.name] = variant.name
        return tuple(result.items())

    def _additional(self, schema: dict[str, Any], pointer: str, name: str) -> TypeRef | None:
        extra = schema.get("additionalProperties")
        if extra is None or extra is False:
            return None
        return self.type_of(extra, join_pointer(pointer, "additionalProperties"), name + "Value")

    # -- structural types ---------------------------------------------------------------------

    def _non_null_type(
        self, schema: dict[str, Any], pointer: str, hint: str, kinds: list[str]
    ) -> TypeRef:
        if "const" in schema and _is_scalar(schema["const"]):
            return EnumValues((schema["const"],))
        if "enum" in schema and "object" not in kinds:
            values = tuple(v for v in schema["enum"] if v is not None and _is_scalar(v))
            return EnumValues(values) if values else NullType()
        if "allOf" in schema or (
            ("oneOf" in schema or "anyOf" in schema) and self._has_object_member(schema)
        ):
            return self.named(schema, pointer, hint)
        if "oneOf" in schema or "anyOf" in schema:
            keyword = "oneOf" if "oneOf" in schema else "anyOf"
            members = [
                self.type_of(m, join_pointer(pointer, keyword, i), f"{hint}Variant{i + 1}")
                for i, m in enumerate(schema[keyword] or [])
                if not (isinstance(m, dict) and m.get("type") == "null" and len(m) == 1)
            ]
            return members[0] if len(members) == 1 else UnionOf(tuple(members))
        if _is_object_schema(schema, kinds):
            if _has_properties(schema):
                return self.named(schema, pointer, hint)
            extra = self._additional(schema, pointer, hint)
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
            constraints, dropped = carried(constraints_of(schema), _PRIMITIVES[kind], fmt)
            for keyword in dropped:
                self._note(
                    f"`{keyword}` at `{join_pointer(pointer, keyword)}` is not checked: "
                    f"it does not apply to a {_described(kind, fmt)}"
                )
            return Primitive(_PRIMITIVES[kind], fmt, self._checked_pattern(constraints, pointer))
        if kind == "null":
            return NullType()
        return AnyType()

    def _has_object_member(self, schema: dict[str, Any]) -> bool:
        members = schema.get("oneOf") or schema.get("anyOf") or []
        for member in members if isinstance(members, list) else []:
            if not isinstance(member, dict):
                continue
            if "$ref" in member and isinstance(member["$ref"], str):
                member = self._resolve(ref_pointer(member["$ref"])) or {}
            if isinstance(member, dict) and (
                _is_object_schema(member, _nullability(member)[1]) or "allOf" in member
            ):
                return True
        return False

    # -- helpers ------------------------------------------------------------------------------

    def _resolve(self, pointer: str) -> Any:
        return resolve_pointer(self._document, pointer)

    def _dereferenced(self, schema: Any) -> dict[str, Any] | None:
        """The schema behind a chain of `$ref`s (None: not a schema, or a cycle)."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen or not ref.startswith("#"):
                return None
            seen.add(ref)
            schema = self._resolve(ref_pointer(ref))
        return schema if isinstance(schema, dict) else None

    def _annotation_layers(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """Where a property's documentation comes from, first found first: the schema, the
        allOf members that only annotate it, then the schema its `$ref` (or its one real
        allOf member's) points to."""
        layers = [schema]
        single = _single_member(schema)
        if single is not None:
            index, modifiers = single
            layers.extend(modifiers[:-1])
            member = schema["allOf"][index]
            layers.append(self._ref_target(member) if isinstance(member, dict) else {})
        layers.append(self._ref_target(schema))
        return layers

    def _ref_target(self, info: dict[str, Any]) -> dict[str, Any]:
        """The schema a property's `$ref` points to, or {} (for its default and description)."""
        ref = info.get("$ref")
        target = (
            self._resolve(ref_pointer(ref))
            if isinstance(ref, str) and ref.startswith("#")
            else None
        )
        return target if isinstance(target, dict) else {}

    def _checked_pattern(self, constraints: Constraints, pointer: str) -> Constraints:
        """The constraints with the pattern in Python's syntax, or without it if `re`
        cannot express it: an uncompilable pattern would make the module fail to import."""
        if constraints.pattern is None:
            return constraints
        try:
            return replace(constraints, pattern=python_pattern(constraints.pattern))
        except PatternError as exc:
            self._note(
                f"the pattern `{constraints.pattern}` at `{join_pointer(pointer, 'pattern')}` is "
                f"not checked: {exc}"
            )
            return replace(constraints, pattern=None)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _fail(self, pointer: str, message: str) -> TypeRef:
        self.diagnostics.append(self._error(pointer, message))
        return AnyType()


def _single_member(schema: dict[str, Any]) -> tuple[int, list[dict[str, Any]]] | None:
    """The index of the one allOf member that is a schema of its own, and the schemas that
    only annotate or constrain it (the other members, then `schema` itself), when the
    schema adds no properties and no union: such an allOf is that member, documented."""
    members = schema.get("allOf")
    if not isinstance(members, list) or _has_properties(schema) or _union_keyword(schema):
        return None
    real = [i for i, m in enumerate(members) if not _modifies_only(m)]
    if len(members) == 1:
        real = [0]
    if len(real) != 1:
        return None
    others = [m for i, m in enumerate(members) if i != real[0] and isinstance(m, dict)]
    return real[0], [*others, schema]


def _modifies_only(member: Any) -> bool:
    """Whether an allOf member only documents or constrains a value (`{description: …}`,
    `{maxLength: 5}`), rather than being a schema of its own."""
    return isinstance(member, dict) and all(
        k in _ANNOTATION_KEYWORDS or k in VALUE_KEYWORDS or k.startswith("x-") for k in member
    )


def _narrowable(schema: dict[str, Any]) -> bool:
    """Whether value keywords added beside `schema` make a narrower type of the same kind
    (a string, number or array; not an enum, object or combination)."""
    if any(k in schema for k in ("enum", "const", "allOf", "oneOf", "anyOf", "$ref")):
        return False
    kinds = _nullability(schema)[1]
    return bool(kinds) and all(k in ("string", "integer", "number", "array") for k in kinds)


def _described(kind: str, fmt: str | None) -> str:
    return f"{kind} of format `{fmt}`" if fmt else kind


def _union_keyword(schema: dict[str, Any]) -> str | None:
    for keyword in ("oneOf", "anyOf"):
        if isinstance(schema.get(keyword), list):
            return keyword
    return None


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


def _field_name(wire_name: str) -> str:
    name = python_identifier(wire_name, fallback="field")
    return name + "_" if name in _RESERVED_FIELD_NAMES else name


def _nullability(schema: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether `null` is allowed (3.0 `nullable`, 3.1 type lists, enums with null) and the types."""
    raw = schema.get("type")
    kinds = (
        [raw]
        if isinstance(raw, str)
        else [k for k in raw if isinstance(k, str)] if isinstance(raw, list) else []
    )
    nullable = schema.get("nullable") is True or "null" in kinds
    if isinstance(schema.get("enum"), list) and None in schema["enum"]:
        nullable = True
    for keyword in ("oneOf", "anyOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and any(
            isinstance(m, dict) and m.get("type") == "null" and len(m) == 1 for m in members
        ):
            nullable = True
    return nullable, (
        [k for k in kinds if k != "null"] if (len(kinds) > 1 or kinds != ["null"]) else kinds
    )


def _is_object_schema(schema: dict[str, Any], kinds: list[str]) -> bool:
    if kinds:
        return kinds == ["object"]
    return "properties" in schema or "additionalProperties" in schema


def _has_properties(schema: dict[str, Any]) -> bool:
    return bool(schema.get("properties")) or bool(schema.get("required"))


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _single_tag(
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
