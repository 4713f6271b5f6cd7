"""Finding the `$ref`s of a document, shared by bundling (load) and reference checks (validate).

Lives in `load` because bundling needs it and `validate` already depends on `load`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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


def references(document: Any, *, bundled: bool = True) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer of the object, the object) for each object with a string `$ref`.

    In document order, skipping example data and `x-` extensions, except that with
    `bundled` the content of bundled external files (under the top-level `EXTERNAL_KEY`)
    is walked as documents of their own. Iterative, so that a deeply nested document
    cannot exhaust the stack here.
    """
    stack: list[tuple[Any, str, bool]] = []  # (node, pointer, names?), popped from the end
    if bundled and isinstance(document, dict):
        stack.extend(reversed(list(_bundled_files(document))))
    stack.append((document, "", False))
    while stack:
        node, pointer, names = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (item, join_pointer(pointer, index), False)
                for index, item in reversed(list(enumerate(node)))
            )
        elif isinstance(node, dict):
            if not names and isinstance(node.get("$ref"), str):
                yield pointer, node
            children = []
            for key, child in node.items():
                data = (
                    key in _DATA
                    or key.startswith("x-")
                    or (key == "examples" and isinstance(child, list))
                )
                if names or not data:
                    children.append(
                        (child, join_pointer(pointer, key), not names and key in _NAME_MAPS)
                    )
            stack.extend(reversed(children))


def _bundled_files(document: dict[str, Any]) -> Iterator[tuple[Any, str, bool]]:
    section = document.get(EXTERNAL_KEY)
    if not isinstance(section, dict):
        return
    for folder, files in section.items():
        if isinstance(files, dict):
            for key, content in files.items():
                yield content, join_pointer("", EXTERNAL_KEY, folder, key), False


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
