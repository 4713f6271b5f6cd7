"""The names clientgen gives to what it generates around a definition.

`generator.naming` turns spec names into Python names; this module decides what the
generated code calls things derived from them. The templates, the annotations, the change
report and the surface manifest all spell these names, so they are decided here once: a
rename is one edit, and the report can never name a class the package does not have. It
sits beside the model, not in `generator.render`, because the change report reads it
without depending on the renderer.

Requests. Users see one type per object schema, as in the Stainless SDKs: `PetParam` in
`params.py`, a TypedDict with the keys as sent on the wire; a union of objects is
`ShapeParam`, the union of its variants' TypedDicts. What the client checks and encodes a
request with before sending is a msgspec Struct per object (and a union marker per
union) in the private module `_request_models.py`, named as the definition (`Pet`);
resource modules reach it through `_request_models.`, the public types through `_params.`
(and the response models through `_models.`).

Short names (`request_names`): a component schema keeps its name (`Pet` → `PetParam`).
An inline schema is named by the parser after its position, its parent's name plus the
property (`ImportPhoneNumberBody` + `provider` → `ImportPhoneNumberBodyProvider`), which
nests into long names; its request type is named from its parent's request name instead:
- the parent's name loses a trailing `Body` or `Request` word (`ImportPhoneNumber`);
- then comes what the parser appended for this schema (`Provider`), where an array's
  items (`...InboundAgentsItem`) become the singular (`InboundAgent`) when the plural is
  a plain `s`, `es` after `s`/`x`/`sh`/`ch`, or `ies`;
- the child's leading words that the parent's name already has are not repeated, the
  last one always kept (`CallCreate` + `CreateOptions` → `CallCreateOptions`;
  `AgenticWarmTransfer` + `AgenticTransferConfig` → `AgenticWarmTransferConfig`);
- `Param` follows (`ImportPhoneNumberProviderParam`).
Parents are named before their children (by the depth of their JSON pointer, then by
name); a short name that another definition has, or that an earlier short name took,
falls back to the definition's own name (`ImportPhoneNumberBodyProviderParam`), as does
a schema whose parent is unknown or whose name is not its parent's plus a suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from generator.model.types import Definition, ObjectDef, UnionDef

# The public modules of an API package: response models and request models.
MODELS_MODULE = "models"
PARAMS_MODULE = "params"
# The private module of the Structs that check and encode requests (names of its own,
# public within it, so that resource modules may reach them).
CHECKS_MODULE = "_request_models"
CHECKS_PREFIX = CHECKS_MODULE + "."
# How a resource module's templates spell them (`_models`), a name no spec name can be;
# the import is written plainly (`from pkg import models`) where the module has no other
# `models` (see `generator.render.imports`).
MODELS_ALIAS = "_" + MODELS_MODULE
PARAMS_ALIAS = "_" + PARAMS_MODULE
# The prefix an annotation in a resource module puts before a model name.
MODELS_PREFIX = MODELS_ALIAS + "."
PARAMS_PREFIX = PARAMS_ALIAS + "."

_PARAM = "Param"
# Words a request body's name ends with that say nothing about its nested schemas.
_NOISE = ("Body", "Request")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|[0-9]+")


def param_class(name: str) -> str:
    """The public request type named `name` (`Pet` → `PetParam`)."""
    return name + _PARAM


def request_names(definitions: Iterable[Definition]) -> dict[str, str]:
    """Definition name → its public request type (`PetParam`), for objects and unions;
    inline schemas get short names (see the module docstring)."""
    everything = {d.name: d for d in definitions}
    by_pointer = {d.pointer: d for d in everything.values() if d.pointer}
    taken = set(everything)
    short: dict[str, str] = {}
    ordered = sorted(everything.values(), key=lambda d: (d.pointer.count("/"), d.name))
    for definition in ordered:
        if not isinstance(definition, ObjectDef | UnionDef):
            continue
        name = definition.name
        parent = _parent(definition.pointer, by_pointer)
        candidate = None
        if parent is not None and parent.name in short and name.startswith(parent.name):
            candidate = _shortened(short[parent.name], name.removeprefix(parent.name))
        if candidate is None or candidate in taken:
            candidate = name
        taken.add(candidate)
        short[name] = candidate
    return {name: param_class(base) for name, base in short.items()}


def _parent(pointer: str, by_pointer: Mapping[str, Definition]) -> Definition | None:
    """The definition whose schema holds the one at `pointer` most closely."""
    while pointer.count("/") > 1:
        pointer = pointer.rsplit("/", 1)[0]
        found = by_pointer.get(pointer)
        if found is not None:
            return found
    return None


def _shortened(parent: str, suffix: str) -> str | None:
    """The parent's request name (without `Param`) joined to a child's suffix, or None
    where either is not plain words."""
    if not (parent.isalnum() and suffix.isalnum() and suffix[:1].isupper()):
        return None
    base, tail = _WORD.findall(parent), _WORD.findall(suffix)
    if len(base) > 1 and base[-1] in _NOISE:
        base = base[:-1]
    if len(tail) > 1 and tail[-1] == "Item":
        singular = _singular(tail[-2])
        if singular is not None:
            tail = [*tail[:-2], singular]
    repeated = 0
    while repeated < len(tail) - 1 and tail[repeated] in base:
        repeated += 1
    return "".join(base + tail[repeated:])


def _singular(word: str) -> str | None:
    """The singular of a plural whose spelling makes it plain; None for the rest."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


def params_member(name: str) -> str:
    """A params.py name as a resource module spells it (`_params.PetParam`)."""
    return PARAMS_PREFIX + name


def checked_alias(public: str) -> str:
    """How the Structs' module annotates a value of a public request type (`_PetParam`):
    the TypedDict to type checkers, so that a method may pass what its caller gave; the
    Struct (or union marker) at run time, which msgspec checks the value against."""
    return "_" + public


def checks_member(definition: str) -> str:
    """The Struct (or union marker) that checks and encodes a request definition, as a
    resource module spells it (`_request_models.Pet`)."""
    return CHECKS_PREFIX + definition


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
