"""An allOf of one schema and members that only document or constrain it is that schema."""

import re
from typing import Any

from model_helpers import define, operations

from generator.model.types import (
    AliasDef,
    ArrayType,
    Constraints,
    NamedRef,
    Nullable,
    ObjectDef,
    Primitive,
)

STR = {"type": "string", "description": "A name."}


def _field(schemas: dict[str, Any], holder: str, name: str) -> Any:
    definition, builder = define(schemas, holder)
    assert isinstance(definition, ObjectDef)
    return {f.wire_name: f for f in definition.fields}[name], builder


def test_a_ref_to_a_string_with_a_description_beside_it_is_that_string() -> None:
    schemas = {
        "Str": STR,
        "Shape": {
            "type": "object",
            "properties": {
                "name": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Str"},
                        {"description": "The shape's name.", "title": "Name", "example": "x"},
                    ]
                }
            },
        },
    }
    field, builder = _field(schemas, "Shape", "name")
    assert builder.definitions["Str"] == AliasDef(
        "Str", Primitive("string"), "A name.", "/components/schemas/Str"
    )
    # The field is typed by the schema it refers to, with no alias named for it.
    assert field.type == NamedRef("Str")
    assert sorted(builder.definitions) == ["Shape", "Str"]
    assert field.description == "The shape's name."
    assert not builder.diagnostics


def test_inline_documented_refs_are_their_member_wherever_they_are_written() -> None:
    """Items, nested properties and nullable wrappers: the member's type, never an alias."""
    ref = {"$ref": "#/components/schemas/Str"}
    schemas = {
        "Str": STR,
        "Holder": {
            "type": "object",
            "properties": {
                "many": {"type": "array", "items": {"allOf": [ref, {"description": "One."}]}},
                "maybe": {"allOf": [ref, {"description": "Or none."}], "nullable": True},
                "inner": {"allOf": [ref, {"nullable": True, "description": "Inner."}]},
            },
        },
    }
    definition, builder = define(schemas, "Holder")
    assert isinstance(definition, ObjectDef)
    types = {f.wire_name: f.type for f in definition.fields}
    assert types == {
        "many": ArrayType(NamedRef("Str")),
        "maybe": Nullable(NamedRef("Str")),
        "inner": Nullable(NamedRef("Str")),
    }
    assert sorted(builder.definitions) == ["Holder", "Str"]


def test_an_inline_allof_that_narrows_or_extends_is_what_it_was() -> None:
    """A bound beside the ref narrows it in place; a member that adds properties still
    makes an object of its own; an inline object as the one member keeps its hint name."""
    schemas = {
        "Str": STR,
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Holder": {
            "type": "object",
            "properties": {
                "short": {"allOf": [{"$ref": "#/components/schemas/Str"}, {"maxLength": 3}]},
                "child": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {"properties": {"name": {"type": "string"}}},
                    ]
                },
                "point": {
                    "allOf": [{"type": "object", "properties": {"x": {"type": "integer"}}}],
                    "description": "A point.",
                },
            },
        },
    }
    definition, builder = define(schemas, "Holder")
    assert isinstance(definition, ObjectDef)
    types = {f.wire_name: f.type for f in definition.fields}
    assert types["short"] == Primitive("string", None, Constraints(max_length=3))
    child = types["child"]
    assert isinstance(child, NamedRef)
    child_definition = builder.definitions[child.name]
    assert isinstance(child_definition, ObjectDef)
    assert [f.wire_name for f in child_definition.fields] == ["id", "name"]
    point = types["point"]
    assert isinstance(point, NamedRef)
    point_definition = builder.definitions[point.name]
    assert isinstance(point_definition, ObjectDef)
    assert [f.wire_name for f in point_definition.fields] == ["x"]


def test_annotation_only_members_keep_enums_arrays_and_numbers_what_they_are() -> None:
    schemas = {
        "Color": {"type": "string", "enum": ["red", "blue"]},
        "Tags": {"type": "array", "items": {"type": "string"}},
        "Size": {"type": "number"},
    }
    for name in schemas:
        definition, _ = define(
            {
                **schemas,
                "Wrapped": {
                    "allOf": [
                        {"deprecated": True, "readOnly": True},
                        {"$ref": f"#/components/schemas/{name}"},
                        {"description": "Documented.", "default": None},
                    ]
                },
            },
            "Wrapped",
        )
        assert definition == AliasDef(
            "Wrapped", NamedRef(name), "Documented.", "/components/schemas/Wrapped"
        )


def test_constraint_only_members_narrow_the_referenced_string() -> None:
    definition, _ = define(
        {
            "Str": {"type": "string", "maxLength": 10, "minLength": 1},
            "Short": {
                "allOf": [
                    {"$ref": "#/components/schemas/Str"},
                    {"maxLength": 5},
                    {"minLength": 0, "pattern": "^a"},
                ],
                "nullable": True,
            },
        },
        "Short",
    )
    assert isinstance(definition, AliasDef)
    assert definition.target == Primitive(
        "string", None, Constraints(min_length=1, max_length=5, pattern="^a")
    )


def test_two_patterns_must_both_match() -> None:
    definition, _ = define(
        {"Code": {"allOf": [{"type": "string", "pattern": "^a"}, {"pattern": "b$"}]}}, "Code"
    )
    assert isinstance(definition, AliasDef) and isinstance(definition.target, Primitive)
    pattern = definition.target.constraints.pattern
    assert pattern is not None
    assert [bool(re.search(pattern, s)) for s in ("ab", "axb", "a", "b", "ba")] == [
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_nullable_member_makes_the_type_nullable_and_arrays_keep_item_bounds() -> None:
    definition, _ = define(
        {
            "Tags": {"type": "array", "items": {"type": "string"}, "maxItems": 9},
            "Few": {
                "allOf": [{"$ref": "#/components/schemas/Tags"}, {"maxItems": 3, "nullable": True}]
            },
        },
        "Few",
    )
    assert isinstance(definition, AliasDef)
    assert definition.target == Nullable(ArrayType(Primitive("string"), Constraints(max_length=3)))


def test_an_object_extended_by_another_object_is_still_merged() -> None:
    definition, _ = define(
        {
            "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Child": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"type": "object", "properties": {"name": {"type": "string"}}},
                ]
            },
        },
        "Child",
    )
    assert isinstance(definition, ObjectDef)
    assert [f.wire_name for f in definition.fields] == ["id", "name"]


def test_a_parameter_schema_that_documents_a_ref_is_typed_by_the_ref() -> None:
    ref = {"$ref": "#/components/schemas/Str"}
    paths = {
        "/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": "q", "in": "query", "schema": {"allOf": [ref, {"description": "Q."}]}}
                ],
                "responses": {"204": {"description": "none"}},
            }
        }
    }
    builder = operations(paths, components={"schemas": {"Str": STR}})
    (operation,) = builder.build_all()
    assert [p.type for p in operation.parameters] == [NamedRef("Str")]
