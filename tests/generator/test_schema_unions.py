"""allOf over unions and the discriminators the result keeps, at the model level."""

from __future__ import annotations

from typing import Any

from model_helpers import define

from generator.model.types import EnumValues, NamedRef, ObjectDef, Primitive, UnionDef
from generator.render.annotations import Annotations


def _tool(tag: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": tag}, **properties},
    }


def test_properties_beside_a_oneof_extend_every_variant() -> None:
    definition, builder = define(
        {
            "Hook": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
                "oneOf": [
                    {"title": "web", **_tool("web", url={"type": "string"})},
                    {"title": "mail", **_tool("mail", to={"type": "string"})},
                ],
            }
        },
        "Hook",
    )
    assert isinstance(definition, UnionDef)
    assert definition.variants == (NamedRef("HookWeb"), NamedRef("HookMail"))
    assert (definition.discriminator, definition.mapping) == (
        "kind",
        (("web", "HookWeb"), ("mail", "HookMail")),
    )
    web = builder.definitions["HookWeb"]
    assert isinstance(web, ObjectDef)
    assert [(f.wire_name, f.required) for f in web.fields] == [
        ("kind", True),
        ("url", False),
        ("id", True),
    ]
    assert web.fields[0].type == EnumValues(("web",))


def test_two_union_members_give_every_combination() -> None:
    definition, builder = define(
        {
            "A": _tool("a"),
            "B": _tool("b"),
            "Small": {"type": "object", "properties": {"size": {"const": "s"}}},
            "Large": {"type": "object", "properties": {"size": {"const": "l"}}},
            "Both": {
                "allOf": [
                    {
                        "oneOf": [
                            {"$ref": "#/components/schemas/A"},
                            {"$ref": "#/components/schemas/B"},
                        ]
                    },
                    {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Small"},
                            {"$ref": "#/components/schemas/Large"},
                        ]
                    },
                ]
            },
        },
        "Both",
    )
    assert isinstance(definition, UnionDef)
    assert definition.variants == (NamedRef("BothA"), NamedRef("BothB"))
    inner = builder.definitions["BothA"]
    assert isinstance(inner, UnionDef)
    assert inner.variants == (NamedRef("BothASmall"), NamedRef("BothALarge"))
    both = builder.definitions["BothBLarge"]
    assert isinstance(both, ObjectDef)
    assert [f.wire_name for f in both.fields] == ["kind", "size"]


def test_no_tag_is_invented_when_the_variants_share_a_value() -> None:
    definition, _ = define(
        {
            "Pet": {
                "allOf": [
                    {
                        "oneOf": [
                            _tool("same", bark={"type": "string"}),
                            _tool("same", meow={"type": "string"}),
                        ]
                    },
                    {"type": "object", "properties": {"name": {"type": "string"}}},
                ]
            }
        },
        "Pet",
    )
    assert isinstance(definition, UnionDef)
    assert (definition.discriminator, definition.mapping) == (None, ())
    assert definition.variants == (NamedRef("PetVariant1"), NamedRef("PetVariant2"))


def test_a_primitive_variant_is_kept_as_it_is() -> None:
    definition, _ = define(
        {
            "Value": {
                "allOf": [
                    {"oneOf": [{"type": "string"}, _tool("x")]},
                    {"type": "object", "properties": {"note": {"type": "string"}}},
                ]
            }
        },
        "Value",
    )
    assert isinstance(definition, UnionDef)
    assert definition.variants == (Primitive("string"), NamedRef("ValueVariant2"))


def test_one_of_is_exclusive_any_of_is_not_and_closed_objects_say_so() -> None:
    schemas = {
        "A": {"type": "object", "additionalProperties": False, "properties": {"a": {}}},
        "B": {"type": "object", "properties": {"b": {}}},
        "One": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
        "Any": {"anyOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
    }
    one, builder = define(schemas, "One")
    any_, _ = define(schemas, "Any")
    assert isinstance(one, UnionDef) and one.exclusive
    assert isinstance(any_, UnionDef) and not any_.exclusive
    closed, opened = builder.definitions["A"], builder.definitions["B"]
    assert isinstance(closed, ObjectDef) and closed.closed
    assert isinstance(opened, ObjectDef) and not opened.closed
    request = Annotations(builder.definitions, "request")
    assert "forbid_unknown_fields=True" in request.bases(closed, "_RequestModel")
    assert "forbid_unknown_fields" not in request.bases(opened, "_RequestModel")
    response = Annotations(builder.definitions, "response")
    assert "forbid_unknown_fields" not in response.bases(closed, "_ResponseModel")


def test_members_that_only_require_properties_become_variants_needing_them() -> None:
    definition, builder = define(
        {
            "Lookup": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "email": {"type": "string"}},
                "anyOf": [{"required": ["id"]}, {"required": ["email"]}],
            }
        },
        "Lookup",
    )
    assert isinstance(definition, UnionDef) and not definition.exclusive
    required = []
    for variant in definition.variants:
        assert isinstance(variant, NamedRef)
        variant_def = builder.definitions[variant.name]
        assert isinstance(variant_def, ObjectDef)
        required.append([f.wire_name for f in variant_def.fields if f.required])
    assert required == [["id"], ["email"]]
