"""allOf over unions and the discriminators the result keeps, at the model level."""

from __future__ import annotations

from typing import Any

from model_helpers import define

from generator.model.types import EnumValues, NamedRef, ObjectDef, Primitive, UnionDef


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
