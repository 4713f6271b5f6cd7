"""The names of generated classes and the spelling users read in api.md and the manifest."""

from __future__ import annotations

import pytest

from generator.model import names


def test_an_object_definition_has_a_request_class_a_dict_shape_and_an_input_alias() -> None:
    assert names.param_class("Pet") == "PetParam"
    assert names.param_dict("Pet") == "PetParamDict"
    assert names.input_alias("Pet") == "PetInput"


def test_resource_modules_reach_models_through_private_module_aliases() -> None:
    assert names.params_member("PetParam") == "_params.PetParam"
    assert names.MODELS_PREFIX == "_models."


def test_manifest_keys_name_the_public_module_and_tell_the_side() -> None:
    assert names.public_param("PetInput") == "params.PetInput"
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
        ("_params.PetInput | None", "PetInput | None"),
        ("_Sequence[_models.Pet]", "Sequence[Pet]"),
        ("_datetime.datetime", "datetime.datetime"),
        ("my_models.Pet", "my_models.Pet"),  # another module that merely ends in `_models`
    ],
)
def test_readable_annotation_drops_the_private_spelling(annotation: str, readable: str) -> None:
    assert names.readable_annotation(annotation) == readable
