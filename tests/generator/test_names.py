"""The names of generated classes and the spelling users read in api.md and the manifest."""

from __future__ import annotations

import pytest
from model_helpers import error

from generator.model import names
from generator.model.types import (
    Definition,
    EnumDef,
    Field,
    NamedRef,
    ObjectDef,
    Primitive,
    UnionDef,
)
from generator.parse.schemas import SchemaBuilder


def test_an_object_definition_has_one_public_request_type() -> None:
    assert names.param_class("Pet") == "PetParam"


def test_resource_modules_reach_models_through_private_module_aliases() -> None:
    assert names.params_member("PetParam") == "_params.PetParam"
    assert names.checks_member("Pet") == "_request_models.Pet"
    assert names.MODELS_PREFIX == "_models."


def _object(name: str, pointer: str) -> ObjectDef:
    return ObjectDef(name, (Field("x", "x", Primitive("string"), False),), pointer=pointer)


BODY = "#/paths/~1calls/post/requestBody/content/application~1json/schema"


def test_components_keep_their_names_and_inline_schemas_follow_their_parent() -> None:
    found = names.request_names(
        [
            _object("Pet", "#/components/schemas/Pet"),
            _object("PetOwner", "#/components/schemas/Pet/properties/owner"),
            _object("CallCreateBody", BODY),
            UnionDef(
                "CallCreateBodyProvider",
                (NamedRef("CallCreateBodyProviderByID"),),
                pointer=BODY + "/properties/provider",
            ),
            _object("CallCreateBodyProviderByID", BODY + "/properties/provider/oneOf/0"),
            _object("CallCreateBodyInboundAgentsItem", BODY + "/properties/inbound_agents/items"),
            _object("CallCreateBodyAddressesItem", BODY + "/properties/addresses/items"),
            _object("CallCreateBodyDataItem", BODY + "/properties/data/items"),
            _object("CallCreateBodyCreateOptions", BODY + "/properties/create_options"),
            _object("CallCreateBodyCallCreate", BODY + "/properties/call_create"),
            _object("WarmTransfer", "#/components/schemas/WarmTransfer"),
            _object(
                "WarmTransferTransferAgentConfig",
                "#/components/schemas/WarmTransfer/properties/transfer_agent_config",
            ),
            EnumDef("Color", ("red",), pointer="#/components/schemas/Color"),
        ]
    )
    assert found == {
        "Pet": "PetParam",
        "PetOwner": "PetOwnerParam",
        "CallCreateBody": "CallCreateBodyParam",  # a top-level body keeps its name
        "CallCreateBodyProvider": "CallCreateProviderParam",  # no `Body`
        "CallCreateBodyProviderByID": "CallCreateProviderByIDParam",  # the parent's short name
        "CallCreateBodyInboundAgentsItem": "CallCreateInboundAgentParam",  # singular
        "CallCreateBodyAddressesItem": "CallCreateAddressParam",
        "CallCreateBodyDataItem": "CallCreateDataItemParam",  # no plain plural
        "CallCreateBodyCreateOptions": "CallCreateOptionsParam",  # `Create` once
        "CallCreateBodyCallCreate": "CallCreateCreateParam",  # the last word stays
        "WarmTransfer": "WarmTransferParam",
        "WarmTransferTransferAgentConfig": "WarmTransferAgentConfigParam",
    }


def test_a_short_name_taken_falls_back_to_the_full_name() -> None:
    definitions: list[Definition] = [
        _object("SearchBody", BODY),
        _object("SearchBodyRange", BODY + "/properties/range"),
        _object("SearchRange", "#/components/schemas/SearchRange"),  # a component has it
        _object("SearchBodyTagsItem", BODY + "/properties/tags/items"),
        _object("SearchBodyTag", BODY + "/properties/tag"),  # the same short name, earlier
    ]
    found = names.request_names(definitions)
    assert found["SearchBodyRange"] == "SearchBodyRangeParam"
    assert found["SearchRange"] == "SearchRangeParam"
    assert found["SearchBodyTag"] == "SearchTagParam"
    assert found["SearchBodyTagsItem"] == "SearchBodyTagsItemParam"
    # Deterministic: the order definitions come in changes nothing.
    assert names.request_names(reversed(definitions)) == found


def test_parsed_inline_schemas_get_short_request_names() -> None:
    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    schema = {
        "type": "object",
        "properties": {
            "agents": {"type": "array", "items": item},
            "provider": {"oneOf": [{**item, "title": "By ID"}, {**item, "title": "By Name"}]},
        },
    }
    builder = SchemaBuilder({"openapi": "3.1.0"}, error)
    builder.named(schema, BODY, "ImportNumberBody")
    found = names.request_names(builder.definitions.values())
    assert sorted(found.values()) == [
        "ImportNumberAgentParam",
        "ImportNumberBodyParam",
        "ImportNumberProviderByIDParam",
        "ImportNumberProviderByNameParam",
        "ImportNumberProviderParam",
    ]


def test_manifest_keys_name_the_public_module_and_tell_the_side() -> None:
    assert names.public_param("PetParam") == "params.PetParam"
    assert names.public_model("Pet") == "models.Pet"
    assert names.is_public_param(names.public_param("Pet"))
    assert not names.is_public_param(names.public_model("Pet"))
    assert not names.is_public_param("paramsX.Pet")


def test_union_helpers_and_endpoint_constants() -> None:
    assert names.union_marker("Shape") == "_ShapeMarker"
    assert names.unknown_variant("Shape") == "UnknownShape"
    assert names.endpoint_constant("list_") == "_LIST_ENDPOINT"


@pytest.mark.parametrize(
    ("annotation", "readable"),
    [
        ("_params.PetParam | None", "PetParam | None"),
        ("_Sequence[_models.Pet]", "Sequence[Pet]"),
        ("_datetime.datetime", "datetime.datetime"),
        ("my_models.Pet", "my_models.Pet"),  # another module that merely ends in `_models`
    ],
)
def test_readable_annotation_drops_the_private_spelling(annotation: str, readable: str) -> None:
    assert names.readable_annotation(annotation) == readable
