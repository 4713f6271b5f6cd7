"""Reading the raw document by JSON pointer."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import unescape_pointer_token


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The node at an RFC 6901 `pointer`, or None when there is none."""
    node = document
    for token in pointer.split("/")[1:]:
        token = unescape_pointer_token(token)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
