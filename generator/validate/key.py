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

The same holds for the `description` and `title` of a component schema (under
`components` → `schemas`) and of the schemas nested in it at the places that hold
schemas (`properties`, `items`, `allOf` and the other applicators), the text edited
next most often:

- the OpenAPI 3.0 schema, and every JSON Schema dialect the library knows (the 3.1
  validation checks Schema Objects against their dialect's meta-schema), constrain both
  to `{"type": "string"}` alone;
- no check reads them, and a value inside `default`, `example`, `examples`, `enum` or
  `const` (instance data, which is checked against its schema) is never blanked: only
  the members of a schema at schema positions are;
- a document with a `$ref` that may point at such a member (its pointer reaches a
  "description" or "title" token at a schema position; or it has a percent-escape, or
  leads into another document, with such a token), a `$schema` member (a dialect of its
  own) or a `jsonSchemaDialect` is keyed with its schemas whole. A reference to a schema
  or a property *named* "description" keeps the shortcut.

A value that is not a string is keyed as it is (its type decides the verdict), and so is
every other place, callbacks and webhooks among them. Only a clean verdict is cached.
"""

from __future__ import annotations

import json
import re
from typing import Any

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEXT = ("summary", "description")
_SCHEMA_TEXT = ("description", "title")
# A "$ref" member whose string value mentions paths, in the canonical JSON below (a
# false match only costs the shortcut; blanking never touches a "$ref" value).
_REF_INTO_PATHS = re.compile(r'"\$ref":"(?:[^"\\]|\\.)*?paths')


# A "$ref" member whose value has a "description" or "title" token, or any percent-escape
# (which could spell one): `_reaches_schema_text` then follows its pointer. And a member
# naming a dialect.
_REF_WITH_TEXT_TOKEN = re.compile(
    r'"\$ref":("(?:[^"\\]|\\.)*?(?:/(?:description|title)(?=[/"])|%)(?:[^"\\]|\\.)*")'
)
_DIALECT = re.compile(r'"(?:\$schema|jsonSchemaDialect)":')
# The members of a Schema Object holding one schema, a list of schemas, or a map of them.
_ONE_SCHEMA = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")


def keyed_document(document: dict[str, Any]) -> str:
    """The document as the cache key covers it (canonical JSON)."""
    paths = document.get("paths")
    blank_paths = isinstance(paths, dict)
    blank_schemas = _component_schemas(document) is not None
    while blank_paths or blank_schemas:
        text = _canonical(_blanked(document, blank_paths, blank_schemas))
        # Blanking never touches a "$ref" or "$schema" member, so they are searched here.
        if blank_paths and _REF_INTO_PATHS.search(text):
            blank_paths = False
        elif blank_schemas and (_reaches_schema_text(text) or _DIALECT.search(text)):
            blank_schemas = False
        else:
            return text
    return _canonical(document)


def _reaches_schema_text(text: str) -> bool:
    """Whether a `$ref` in the canonical document may point at a string `_schema` blanks.

    Most references with a "description" or "title" token point at a schema so named
    (`#/components/schemas/description`) or at a property so named, which blanking
    leaves alone; only one reaching such a member at a schema position points at text.
    """
    for match in _REF_WITH_TEXT_TOKEN.finditer(text):
        if _may_point_at_text(json.loads(match.group(1))):
            return True
    return False


def _may_point_at_text(ref: str) -> bool:
    """Whether following `ref` may end at a schema's `description` or `title`: its pointer
    walked along the places `_schema` blanks at. A reference into another document, a
    percent-escape or a fragment that is no pointer may: it is not followed."""
    document, _, pointer = ref.partition("#")
    if document or "%" in ref or not pointer.startswith("/"):
        return True
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]
    if tokens[:2] != ["components", "schemas"]:
        return False  # schemas are blanked under `components` → `schemas` alone
    index = 3  # past the schema's name: at a schema
    while index < len(tokens):
        member = tokens[index]
        if member in _SCHEMA_TEXT:
            return True
        if member in _ONE_SCHEMA:
            index += 1
        elif member in _SCHEMA_LISTS or member in _SCHEMA_MAPS:
            index += 2  # past the item's place or name
        else:
            return False  # out of the schema positions: nothing below is blanked
    return False


def _blanked(document: dict[str, Any], paths: bool, schemas: bool) -> dict[str, Any]:
    blanked = dict(document)
    if paths:
        blanked["paths"] = {k: _path_item(k, v) for k, v in document["paths"].items()}
    if schemas:
        components = dict(document["components"])
        components["schemas"] = {k: _schema(v) for k, v in components["schemas"].items()}
        blanked["components"] = components
    return blanked


def _component_schemas(document: dict[str, Any]) -> dict[str, Any] | None:
    components = document.get("components")
    if not isinstance(components, dict):
        return None
    schemas = components.get("schemas")
    return schemas if isinstance(schemas, dict) else None


def _schema(node: Any) -> Any:
    """A schema with the strings of its text members blanked, and its subschemas'."""
    if not isinstance(node, dict):
        return node
    blanked = _blank_text(node, _SCHEMA_TEXT)
    for key in _ONE_SCHEMA:
        if key in blanked:
            blanked[key] = _schema(blanked[key])
    for key in _SCHEMA_LISTS:
        if isinstance(blanked.get(key), list):
            blanked[key] = [_schema(item) for item in blanked[key]]
    for key in _SCHEMA_MAPS:
        if isinstance(blanked.get(key), dict):
            blanked[key] = {name: _schema(item) for name, item in blanked[key].items()}
    return blanked


def _canonical(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _path_item(key: str, item: Any) -> Any:
    if not key.startswith("/") or not isinstance(item, dict):
        return item
    item = _blank_text(item)
    return {k: _blank_text(v) if k in _METHODS else v for k, v in item.items()}


def _blank_text(node: Any, members: tuple[str, ...] = _TEXT) -> Any:
    if not isinstance(node, dict):
        return node
    return {k: "" if k in members and isinstance(v, str) else v for k, v in node.items()}
