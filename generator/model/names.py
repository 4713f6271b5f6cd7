"""The names clientgen gives to what it generates around a definition.

`generator.naming` turns spec names into Python names; this module decides what the
generated code calls things derived from them: the request model of `Pet` is `PetParam`,
its dict shape `PetParamDict`, the alias that accepts either `PetInput`, and a resource
module reaches them through `_params.` (and the response models through `_models.`).
The templates, the annotations, the change report and the surface manifest all spell
these names, so they are decided here once: a rename is one edit, and the report can
never name a class the package does not have. It sits beside the model, not in
`generator.render`, because the change report reads it without depending on the renderer.
"""

from __future__ import annotations

import re

# The public modules of an API package: response models and request models.
MODELS_MODULE = "models"
PARAMS_MODULE = "params"
# How a resource module's templates spell them (`_models`), a name no spec name can be;
# the import is written plainly (`from pkg import models`) where the module has no other
# `models` (see `generator.render.imports`).
MODELS_ALIAS = "_" + MODELS_MODULE
PARAMS_ALIAS = "_" + PARAMS_MODULE
# The prefix an annotation in a resource module puts before a model name.
MODELS_PREFIX = MODELS_ALIAS + "."
PARAMS_PREFIX = PARAMS_ALIAS + "."

_PARAM = "Param"
_PARAM_DICT = "ParamDict"
_INPUT = "Input"


def param_class(definition: str) -> str:
    """The request model class of an object definition (`Pet` → `PetParam`)."""
    return definition + _PARAM


def param_dict(definition: str) -> str:
    """The TypedDict with the wire keys of an object's request model (`PetParamDict`)."""
    return definition + _PARAM_DICT


def input_alias(definition: str) -> str:
    """What request arguments are typed with: the model or its dict shape (`PetInput`)."""
    return definition + _INPUT


def params_member(name: str) -> str:
    """A params.py name as a resource module spells it (`_params.PetParam`)."""
    return PARAMS_PREFIX + name


def public_model(name: str) -> str:
    """A response model as users reach it (`models.Pet`), its key in the surface manifest."""
    return f"{MODELS_MODULE}.{name}"


def public_param(name: str) -> str:
    """A request model as users reach it (`params.PetParam`), its key in the manifest."""
    return f"{PARAMS_MODULE}.{name}"


def is_public_param(key: str) -> bool:
    """Whether a manifest key names a request model (`params.X`) rather than a response one."""
    return key.startswith(PARAMS_MODULE + ".")


def union_marker(union: str) -> str:
    """The private base class that makes `isinstance(x, Union)` work at run time."""
    return f"_{union}Marker"


def unknown_variant(union: str) -> str:
    """The class a response union decodes a variant it does not know into."""
    return "Unknown" + union


def endpoint_constant(operation: str) -> str:
    """The module-level `Endpoint` of a method (`list_pets` → `_LIST_PETS_ENDPOINT`)."""
    return "_" + operation.strip("_").upper() + "_ENDPOINT"


def private_alias(name: str) -> str:
    """`X` as templates spell an import (`_X`), plain in the module unless `X` is taken."""
    return "_" + name


def readable_annotation(annotation: str) -> str:
    """An annotation as users would write it: no module prefixes or private aliases."""
    annotation = re.sub(rf"\b_({MODELS_MODULE}|{PARAMS_MODULE})\.", "", annotation)
    annotation = annotation.replace("_datetime.", "datetime.")
    return re.sub(r"(?<![\w.])_(?=[A-Z])", "", annotation)
