"""What an operation gives back to its caller, decided once per operation by the parser.

Templates render one branch per kind and the runtime dispatches on it, so a new kind of
result touches this module, the runtime and one template branch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model.types import TypeRef

# "value": the decoded body; "raw": bytes or text (also streamable as bytes);
# "event_stream": server-sent events, each decoded; "page": a list iterated across pages.
ResultKind = Literal["value", "raw", "event_stream", "page"]


@dataclass(frozen=True)
class Paging:
    """How the runtime pages one operation, by the names it sees at run time.

    Response fields (`items`, `next_cursor`, `has_more`, `total`) and `cursor_item` are
    Python attribute names of the decoded models; `cursor` and `offset` are query
    parameter wire names, or body argument names when `location` is "body".
    """

    scheme: str
    items: str | None
    location: Literal["query", "body"] = "query"
    cursor: str | None = None
    next_cursor: str | None = None
    cursor_item: str | None = None
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None

    def runtime_arguments(self) -> tuple[tuple[str, str], ...]:
        """The keyword arguments of the runtime's `Pagination`, in a stable order."""
        names = ("items", "cursor", "next_cursor", "cursor_item", "has_more", "offset", "total")
        given = [(name, getattr(self, name)) for name in names if getattr(self, name) is not None]
        if self.location != "query":
            given.append(("location", self.location))
        return tuple(given)


@dataclass(frozen=True)
class Result:
    kind: ResultKind = "value"
    # The type of each event (event streams) or of each item (pages).
    item: TypeRef | None = None
    paging: Paging | None = None
