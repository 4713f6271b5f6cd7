"""The validation cache's key: the document, less what cannot change the verdict.

An operation's or a path item's `summary` and `description` are the text most often
edited, and on a spec the size of GitHub's a full validation takes a minute. Whatever
string they hold, the verdict is the same, so a string there is keyed as "":

- the OpenAPI 3.0 and 3.1 schemas constrain both, at exactly these places (`paths`
  → `/...` → the path item, and its eight method members → the operation), to
  `{"type": "string"}` alone, and a `format` error would not count anyway;
- openapi-spec-validator's semantic checks never read either member (they walk
  parameters, operation ids, responses and schemas), and neither do ours, which read
  `$ref`s and the `openapi` version;
- only a `$ref` could make such a string matter by pointing at it, so a document with
  any `$ref` anywhere (examples and extensions included) mentioning "paths" is keyed
  whole.

A value that is not a string is keyed as it is (its type decides the verdict), and so is
every other place, callbacks and webhooks among them. Only a clean verdict is cached.
"""

from __future__ import annotations

import json
import re
from typing import Any

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEXT = ("summary", "description")
# A "$ref" member whose string value mentions paths, in the canonical JSON below (a
# false match only costs the shortcut; blanking never touches a "$ref" value).
_REF_INTO_PATHS = re.compile(r'"\$ref":"(?:[^"\\]|\\.)*?paths')


def keyed_document(document: dict[str, Any]) -> str:
    """The document as the cache key covers it (canonical JSON)."""
    paths = document.get("paths")
    if isinstance(paths, dict):
        blanked = {**document, "paths": {k: _path_item(k, v) for k, v in paths.items()}}
        text = _canonical(blanked)
        if not _REF_INTO_PATHS.search(text):
            return text
    return _canonical(document)


def _canonical(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _path_item(key: str, item: Any) -> Any:
    if not key.startswith("/") or not isinstance(item, dict):
        return item
    item = _blank_text(item)
    return {k: _blank_text(v) if k in _METHODS else v for k, v in item.items()}


def _blank_text(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    return {k: "" if k in _TEXT and isinstance(v, str) else v for k, v in node.items()}
