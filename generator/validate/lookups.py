"""The semantic pass's lookups of a document's mappings and lists, without a protocol check.

openapi-spec-validator walks the document through `jsonschema_path`, whose every step
into a node (`SchemaNode._get_subnode`) first asks `isinstance(node, Subscriptable)`, a
runtime-checkable protocol. On Python 3.11 that check collects the protocol's members
anew each time (3.12 caches them): a fifth of the semantic pass on a big spec. A loaded
document's nodes are plain dicts and lists, which are `Subscriptable`; for them the step
is taken directly, with the same result and the same `KeyError` for a missing part.
Anything else goes through the library's own step.
"""

from __future__ import annotations

from typing import Any

from jsonschema_path.nodes import SchemaNode
from pathable.protocols import Subscriptable

# The library's step, as a function of (class, node, part).
_LIBRARY_STEP: Any = getattr(SchemaNode, "_get_subnode").__func__  # noqa: B009


def _step(cls: type[Any], node: Any, part: Any) -> Any:
    kind = type(node)
    if kind is dict or kind is list:
        try:
            return node[part]
        except (KeyError, IndexError, TypeError) as exc:
            raise KeyError(part) from exc
    return _LIBRARY_STEP(cls, node, part)


def take_direct_steps() -> None:
    """Step into dicts and lists directly from now on (idempotent), where dicts and lists
    pass the library's check (`tests/validate/test_lookups.py` keeps the library's step
    the one restated here)."""
    if getattr(SchemaNode, "_get_subnode").__func__ is _step:  # noqa: B009
        return
    if isinstance({}, Subscriptable) and isinstance([], Subscriptable):
        setattr(SchemaNode, "_get_subnode", classmethod(_step))  # noqa: B010
