from model_helpers import define, schema_builder

from generator.model.types import (
    AliasDef,
    ArrayType,
    Constraints,
    EnumDef,
    EnumValues,
    MapType,
    NamedRef,
    Nullable,
    ObjectDef,
    Primitive,
    UnionDef,
    UnionOf,
)


def test_object_fields_keep_required_optional_and_nullable_apart() -> None:
    definition, _ = define(
        {
            "Thing": {
                "type": "object",
                "required": ["id", "label"],
                "properties": {
                    "id": {"type": "string"},
                    "label": {"type": "string", "nullable": True},
                    "count": {"type": ["integer", "null"]},
                    "env": {"type": "string", "default": "live"},
                },
            }
        },
        "Thing",
    )
    assert isinstance(definition, ObjectDef)
    fields = {f.wire_name: f for f in definition.fields}
    assert fields["id"].required and fields["id"].type == Primitive("string")
    assert fields["label"].required and fields["label"].type == Nullable(Primitive("string"))
    assert not fields["count"].required
    assert fields["count"].type == Nullable(Primitive("integer"))
    assert fields["env"].has_default and fields["env"].default == "live"


def test_inline_objects_are_named_by_position() -> None:
    definition, builder = define(
        {
            "PhoneNumberResponse": {
                "type": "object",
                "properties": {
                    "sip_outbound_trunk_config": {
                        "type": "object",
                        "nullable": True,
                        "properties": {"transport": {"type": "string"}},
                    },
                    "agents": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"id": {"type": "string"}}},
                    },
                },
            }
        },
        "PhoneNumberResponse",
    )
    assert isinstance(definition, ObjectDef)
    trunk, agents = definition.fields
    assert trunk.type == Nullable(NamedRef("PhoneNumberResponseSipOutboundTrunkConfig"))
    assert agents.type == ArrayType(NamedRef("PhoneNumberResponseAgentsItem"))
    assert set(builder.definitions) == {
        "PhoneNumberResponse",
        "PhoneNumberResponseSipOutboundTrunkConfig",
        "PhoneNumberResponseAgentsItem",
    }


def test_all_of_merges_properties_and_required() -> None:
    definition, _ = define(
        {
            "Base": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}, "note": {"type": "string"}},
            },
            "Full": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "required": ["provider"],
                        "properties": {"provider": {"type": "string"}},
                    },
                ]
            },
        },
        "Full",
    )
    assert isinstance(definition, ObjectDef)
    assert [(f.wire_name, f.required) for f in definition.fields] == [
        ("id", True),
        ("note", False),
        ("provider", True),
    ]


def test_discriminated_union_uses_the_mapping() -> None:
    definition, _ = define(
        {
            "Provider": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Twilio"},
                    {"$ref": "#/components/schemas/Other"},
                ],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {"tw": "#/components/schemas/Twilio"},
                },
            },
            "Twilio": {"type": "object", "properties": {"type": {"type": "string"}}},
            "Other": {
                "type": "object",
                "properties": {"type": {"type": "string", "enum": ["other"]}},
            },
        },
        "Provider",
    )
    assert isinstance(definition, UnionDef)
    assert definition.discriminator == "type"
    # Explicit mapping first; a variant's one-value enum supplies the tag otherwise.
    assert definition.mapping == (("tw", "Twilio"), ("other", "Other"))


def test_union_of_primitives_is_structural_with_constraints() -> None:
    definition, _ = define(
        {
            "Version": {
                "oneOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "minLength": 1, "maxLength": 20, "pattern": "^v"},
                ]
            }
        },
        "Version",
    )
    assert definition == AliasDef(
        "Version",
        UnionOf(
            (
                Primitive("integer", None, Constraints(ge=0)),
                Primitive("string", None, Constraints(min_length=1, max_length=20, pattern="^v")),
            )
        ),
        None,
        "/components/schemas/Version",
    )


def test_exclusive_minimum_in_both_versions() -> None:
    builder = schema_builder({})
    v30 = builder.type_of({"type": "number", "minimum": 0, "exclusiveMinimum": True}, "/a", "A")
    v31 = builder.type_of({"type": "number", "exclusiveMinimum": 0}, "/b", "B")
    assert v30 == Primitive("number", None, Constraints(gt=0))
    assert v31 == Primitive("number", None, Constraints(gt=0))


def test_min_items_on_arrays() -> None:
    builder = schema_builder({})
    array = builder.type_of({"type": "array", "minItems": 1, "items": {"type": "string"}}, "/", "A")
    assert array == ArrayType(Primitive("string"), Constraints(min_length=1))


def test_named_enum_and_inline_enum() -> None:
    definition, builder = define(
        {
            "Region": {"type": "string", "enum": ["us1", "ie1"], "default": "us1"},
            "Holder": {
                "type": "object",
                "properties": {
                    "region": {"$ref": "#/components/schemas/Region"},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                },
            },
        },
        "Holder",
    )
    assert isinstance(definition, ObjectDef)
    region, kind = definition.fields
    assert region.type == NamedRef("Region") and region.default == "us1"
    assert builder.definitions["Region"] == EnumDef(
        "Region", ("us1", "ie1"), None, "/components/schemas/Region"
    )
    assert kind.type == EnumValues(("a", "b"))


def test_recursive_schema_terminates() -> None:
    definition, _ = define(
        {
            "Node": {
                "type": "object",
                "properties": {
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
                },
            }
        },
        "Node",
    )
    assert isinstance(definition, ObjectDef)
    assert definition.fields[0].type == ArrayType(NamedRef("Node"))


def test_pure_ref_cycle_is_an_error() -> None:
    _, builder = define(
        {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}, "A"
    )
    assert any("cycle" in d.message for d in builder.diagnostics)


def test_free_form_object_is_a_map() -> None:
    builder = schema_builder({})
    assert builder.type_of({"type": "object"}, "/", "A") == MapType(
        __import__("generator.model.types", fromlist=["AnyType"]).AnyType()
    )
    assert builder.type_of(
        {"type": "object", "additionalProperties": {"type": "integer"}}, "/", "A"
    ) == MapType(Primitive("integer"))


def test_field_names_never_shadow_builtins_or_keywords() -> None:
    definition, _ = define(
        {
            "Odd": {
                "type": "object",
                "properties": {
                    "str": {"type": "string"},
                    "class": {},
                    "Foo-Bar": {},
                    "foo_bar": {},
                },
            }
        },
        "Odd",
    )
    assert isinstance(definition, ObjectDef)
    assert [f.python_name for f in definition.fields] == ["str_", "class_", "foo_bar", "foo_bar_2"]


def test_percent_encoded_ref_fragments_are_decoded() -> None:
    # A $ref is a URI: "A%20B" names the schema "A B", "~1%7Bid%7D" the key "/{id}".
    definition, builder = define(
        {
            "A B": {"type": "object", "properties": {"x": {"type": "string"}}},
            "Holder": {
                "type": "object",
                "properties": {"a": {"$ref": "#/components/schemas/A%20B"}},
            },
        },
        "Holder",
    )
    assert builder.diagnostics == []
    assert isinstance(definition, ObjectDef)
    (field,) = definition.fields
    assert isinstance(field.type, NamedRef)
    assert isinstance(builder.definitions[field.type.name], ObjectDef)


def test_read_only_fields_are_left_out_of_requests_write_only_of_responses() -> None:
    definition, _ = define(
        {
            "Stamp": {"type": "string", "readOnly": True},
            "Account": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "password": {"type": "string", "writeOnly": True},
                    "created": {"$ref": "#/components/schemas/Stamp"},
                    "updated": {"allOf": [{"type": "string"}, {"readOnly": True}]},
                    "name": {"type": "string"},
                },
            },
        },
        "Account",
    )
    assert isinstance(definition, ObjectDef)
    assert [f.wire_name for f in definition.fields_for("request")] == ["password", "name"]
    assert [f.wire_name for f in definition.fields_for("response")] == [
        "id",
        "created",
        "updated",
        "name",
    ]


def test_no_definition_takes_a_request_name_params_py_gives_another() -> None:
    """params.py spells `StepParam` for the request type of the object `Step`, and every
    other definition under its own name: the union Step's property `Param` defines and a schema
    named `PetParam` must not take that name and replace it. An object named so keeps its
    name: its own request type is `ThingParamParam`, and its response model lives in
    models.py."""
    schemas = {
        "Holder": {
            "type": "object",
            "properties": {
                "step": {"$ref": "#/components/schemas/Step"},
                "taken": {"$ref": "#/components/schemas/PetParam"},
                "pet": {"$ref": "#/components/schemas/Pet"},
                "thing": {"$ref": "#/components/schemas/ThingParam"},
                "other": {"$ref": "#/components/schemas/Thing"},
            },
        },
        "Step": {
            "type": "object",
            "properties": {
                "Param": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/Text"},
                        {"$ref": "#/components/schemas/Pet"},
                    ]
                }
            },
        },
        "Text": {"type": "string", "maxLength": 10},
        "PetParam": {"type": "string"},
        "Pet": {"type": "object", "properties": {"name": {"type": "string"}}},
        "ThingParam": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
    }
    _, builder = define(schemas, "Holder")
    names = set(builder.definitions)
    assert names == {
        "Holder",
        "Step",
        "StepParam_2",
        "Text",
        "PetParam_2",
        "Pet",
        "ThingParam",
        "Thing",
    }
    objects = {n for n, d in builder.definitions.items() if isinstance(d, ObjectDef)}
    for name in objects:
        assert f"{name}Param" not in names - objects
    step = builder.definitions["Step"]
    assert isinstance(step, ObjectDef)
    assert step.fields[0].type == NamedRef("StepParam_2")
