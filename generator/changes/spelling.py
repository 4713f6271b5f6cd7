"""What the change report needs to know of how the generated code is spelled.

The renderer decides every annotation and importable name; the surface records them
as users read them. This protocol is that dependency, supplied by the renderer, so that
the report follows the renderer's decisions without this package importing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from generator.model.api import Api, Operation, Parameter
from generator.model.sides import Side
from generator.model.types import Definition, TypeRef


class Spelling(Protocol):
    def annotation(self, type_ref: TypeRef, side: Side) -> str:
        """The annotation of a type on one side, as signatures spell it: a request type
        plain, without its constraints."""
        ...

    def parameter_annotation(self, parameter: Parameter) -> str:
        """The annotation of a method's parameter (which may be wider than its type)."""
        ...

    def return_type(self, operation: Operation) -> str:
        """What the sync method returns."""
        ...

    def request_name(self, definition: Definition) -> str:
        """The public request type (or alias) of a definition in params.py."""
        ...

    def readable(self, annotation: str) -> str:
        """An annotation of the generated code as users write it (no private aliases)."""
        ...


# The spelling of one API's package.
SpellingFor = Callable[[Api], Spelling]
