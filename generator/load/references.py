"""Finding the `$ref`s of a document, shared by bundling (load) and reference checks (validate).

Lives in `load` because bundling needs it and `validate` already depends on `load`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

from generator.diagnostics import join_pointer, unescape_pointer_token

# Top-level key holding the content of bundled external files: dir → file key → content.
EXTERNAL_KEY = "x-clientgen-external"

# Keys whose mapping values are keyed by names the API author chose (a property called
# "default", a response called "default"), not by OpenAPI keywords.
_NAME_MAPS = frozenset(
    {
        "paths", "webhooks", "properties", "patternProperties", "schemas", "responses",
        "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links",
        "callbacks", "pathItems", "content", "encoding", "$defs", "definitions",
        "dependentSchemas", "variables", "mapping", "scopes",
    }
)  # fmt: skip
# Keywords whose values are example or literal data, where "$ref" is just a key.
_DATA = frozenset({"example", "default", "enum", "const", "value"})


# Where a node sits: (where its parent sits, its key or index there); None at the top.
# The walk passes these along and spells a pointer only for the objects it yields: the
# document's other nodes, nearly all of them, never need theirs.
_Place: TypeAlias = "tuple[_Place, str | int] | None"
_CONTAINERS = (dict, list)


def references(document: Any, *, bundled: bool = True) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer of the object, the object) for each object with a string `$ref`.

    In document order, skipping example data and `x-` extensions, except that with
    `bundled` the content of bundled external files (under the top-level `EXTERNAL_KEY`)
    is walked as documents of their own. Iterative, so that a deeply nested document
    cannot exhaust the stack here. Scalars are not stacked: they hold no `$ref`.
    """
    stack: list[tuple[Any, _Place, bool]] = []  # (node, place, names?), popped from the end
    if bundled and isinstance(document, dict):
        stack.extend(reversed(list(_bundled_files(document))))
    stack.append((document, None, False))
    while stack:
        node, place, names = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (item, (place, index), False)
                for index, item in reversed(list(enumerate(node)))
                if isinstance(item, _CONTAINERS)
            )
        elif isinstance(node, dict):
            if names:  # keys chosen by the API author: every member is walked, as a schema
                children = [
                    (child, (place, key), False)
                    for key, child in node.items()
                    if isinstance(child, _CONTAINERS)
                ]
            else:
                if isinstance(node.get("$ref"), str):
                    yield _pointer(place), node
                children = [
                    (child, (place, key), key in _NAME_MAPS)
                    for key, child in node.items()
                    if isinstance(child, _CONTAINERS) and not _is_data(key, child)
                ]
            stack.extend(reversed(children))


def _is_data(key: str, child: Any) -> bool:
    """Whether the member `key` of a keyword object holds data rather than OpenAPI."""
    return key in _DATA or key.startswith("x-") or (key == "examples" and isinstance(child, list))


def _pointer(place: _Place) -> str:
    tokens: list[str | int] = []
    while place is not None:
        place, token = place
        tokens.append(token)
    return join_pointer("", *reversed(tokens))


def _bundled_files(document: dict[str, Any]) -> Iterator[tuple[Any, _Place, bool]]:
    section = document.get(EXTERNAL_KEY)
    if not isinstance(section, dict):
        return
    for folder, files in section.items():
        if isinstance(files, dict):
            for key, content in files.items():
                yield content, (((None, EXTERNAL_KEY), folder), key), False


def resolve(document: Any, pointer: str) -> Any:
    """The node at an RFC 6901 pointer; LookupError if there is none."""
    node = document
    for token in pointer.split("/")[1:] if pointer else ():
        key = unescape_pointer_token(token)
        if isinstance(node, dict):
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and (key == "0" or key[0] != "0"):
            node = node[int(key)]
        else:
            raise LookupError(pointer)
    return node
