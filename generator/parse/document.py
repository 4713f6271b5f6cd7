"""Reading the raw document by JSON pointer, for the model builder."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import escape_pointer_token
from generator.load.references import resolve


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The node at an RFC 6901 `pointer`, or None when there is none (the model builder
    reports a missing node itself, where it knows what the node was for)."""
    try:
        return resolve(document, pointer)
    except (LookupError, IndexError):
        return None


@lru_cache(maxsize=16384)
def ref_pointer(ref: str) -> str:
    """The JSON pointer of a local `$ref` ("#/a/b"): a `$ref` is a URI, so its fragment is
    percent-decoded first (`#/paths/~1%7Bid%7D` names the key `/{id}`), as RFC 6901 says.

    Remembered (it only depends on the text): a large spec follows the same few hundred
    `$ref`s tens of thousands of times."""
    return unquote(ref[1:])


def pointer_to(pointer: str, *tokens: str | int) -> str:
    """`join_pointer(pointer, *tokens)`, with fewer string operations for several tokens:
    a token is escaped only if it holds a `~` or a `/`, which few do (the operations of a
    large spec join tens of thousands of pointers to their parameters and responses)."""
    for token in tokens:
        text = str(token)
        if "~" in text or "/" in text:
            text = escape_pointer_token(text)
        pointer = f"{pointer}/{text}"
    return pointer
