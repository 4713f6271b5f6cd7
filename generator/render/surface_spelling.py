"""The generated code's spellings, as the change report reads them.

The report describes annotations exactly as the method signatures write them (plain
types, without the constraints the request models check), so it asks the same
`Annotations` and `Signatures` the templates use.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import names
from generator.model.api import Api, Operation, Parameter
from generator.model.sides import Side
from generator.model.types import Definition, TypeRef
from generator.render.annotations import Annotations
from generator.render.signatures import Signatures


class GeneratedSpelling:
    """Implements `generator.changes.spelling.Spelling` for one API."""

    def __init__(self, api: Api, readable: Callable[[str], str]) -> None:
        everything, known = api.definitions, api.request_names
        # Request types are spelled plain, as signatures show them; the surface records
        # their constraints apart.
        plain = Annotations(
            everything,
            "request",
            prefix=names.PARAMS_PREFIX,
            constrained=False,
            request_names=known,
        )
        self._sides: dict[Side, Annotations] = {
            "request": plain,
            "response": Annotations(
                everything, "response", prefix=names.MODELS_PREFIX, request_names=known
            ),
        }
        self._signatures = Signatures(plain, self._sides["response"], plain)
        self._readable = readable

    def annotation(self, type_ref: TypeRef, side: Side) -> str:
        return self._sides[side].of(type_ref)

    def parameter_annotation(self, parameter: Parameter) -> str:
        return self._signatures.parameter_annotation(parameter)

    def return_type(self, operation: Operation) -> str:
        return self._signatures.return_type(operation, False)

    def request_name(self, definition: Definition) -> str:
        return self._sides["request"].name(definition)

    def readable(self, annotation: str) -> str:
        return self._readable(annotation)
