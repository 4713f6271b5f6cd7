"""A copy of a spec that Prism can compile, meaning the same, and proof that Prism judges bodies.

Prism turns each request body schema into one JSON Schema for its validator (ajv). When
that schema does not compile, Prism says nothing, at startup or per request, and accepts
every body of that operation: a judge asleep. Two spellings common in vendors' specs do
that:

- `nullable: true` with `null` among the `enum` values (Prism adds `null` to the enum of a
  nullable schema itself, and ajv refuses an enum with a duplicate value);
- `nullable: true` without `type` (ajv refuses `nullable` without `type`), also next to
  a `$ref` to a schema without `type` (Prism resolves the `$ref` and keeps `nullable`).

`prism_safe` rewrites exactly those into forms Prism compiles, with the same set of
values, in our generator's reading (`nullable` admits `null` whatever else is said):

- the enum loses its `null` (the schema stays nullable, so Prism admits `null` again);
- a type-less `nullable` with no other constraint is dropped (any value, `null` included);
  with constraints (or a `$ref`) it becomes `anyOf: [the constraints, null only]`.

A rewrite nobody thought of yet shows in `body_probes`: one deliberately bad body per
operation, which Prism must reject with a body violation (`judge_is_awake`).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

import httpx

DUMMY_KEY = "roundtrip-key"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords whose values are data, not schemas: nothing under them is rewritten.
_DATA_KEYWORDS = frozenset({"example", "examples", "default", "enum", "const"})
# Keywords that say nothing about which values are allowed.
_ANNOTATIONS = frozenset(
    {"nullable", "description", "title", "deprecated", "readOnly", "writeOnly", "externalDocs"}
)
# Admits only `null`: nullable booleans that are not booleans.
NULL_ONLY: dict[str, Any] = {"type": "boolean", "nullable": True, "not": {"type": "boolean"}}


def prism_safe(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A rewritten copy of `document` and the JSON pointers of the schemas rewritten."""
    copied = copy.deepcopy(document)
    changed: list[str] = []
    # Decisions about a `$ref` read the targets as written, before any rewrite.
    _rewrite(copied, "", changed, document)
    return copied, changed


def _rewrite(node: Any, pointer: str, changed: list[str], original: dict[str, Any]) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _rewrite(item, f"{pointer}/{index}", changed, original)
        return
    if not isinstance(node, dict):
        return
    if node.get("nullable") is True and _rewrite_nullable(node, original):
        changed.append(pointer)
    for key, value in node.items():
        if key not in _DATA_KEYWORDS and not key.startswith("x-"):
            escaped = key.replace("~", "~0").replace("/", "~1")
            _rewrite(value, f"{pointer}/{escaped}", changed, original)


def _rewrite_nullable(schema: dict[str, Any], document: dict[str, Any]) -> bool:
    """Rewrite one nullable schema in place; whether it needed it."""
    enum = schema.get("enum")
    if isinstance(enum, list) and None in enum:
        values = [value for value in enum if value is not None]
        if values:
            schema["enum"] = values
        else:  # `enum: [null]`: null alone
            schema.clear()
            schema.update(copy.deepcopy(NULL_ONLY))
        return True
    if "type" in schema:
        return False
    if "$ref" in schema:
        target = resolve(document, schema)
        if not isinstance(target, dict) or "type" in target:
            return False
    del schema["nullable"]
    constraints = {k: v for k, v in schema.items() if k not in _ANNOTATIONS}
    if constraints:
        for key in constraints:
            del schema[key]
        schema["anyOf"] = [constraints, copy.deepcopy(NULL_ONLY)]
    return True


def write_prism_safe(document: dict[str, Any], path: Any) -> list[str]:
    """Write the Prism-safe copy of `document` as JSON to `path`; the pointers rewritten."""
    safe, changed = prism_safe(document)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(safe, out, ensure_ascii=False)
    return changed


@dataclass(frozen=True)
class BodyProbe:
    """A request whose JSON body the operation's body schema forbids."""

    route: str  # "POST /things/{id}"
    method: str
    path: str  # with every path parameter filled in
    body: Any


def body_probes(document: dict[str, Any]) -> tuple[list[BodyProbe], list[str]]:
    """One bad body per operation with a JSON body; the routes left out (their body
    schema admits every value, or none this can name)."""
    probes: list[BodyProbe] = []
    unprobed: list[str] = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            route = f"{method.upper()} {path}"
            schema = _json_body_schema(document, operation)
            if schema is None:
                continue
            bad = _bad_value(document, schema)
            if bad is _NOTHING:
                unprobed.append(route)
            else:
                filled = _fill_path(document, path, item, operation)
                probes.append(BodyProbe(route, method.upper(), filled, bad))
    return probes, unprobed


def credentials(document: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """Dummy credentials for every security scheme of `document`: headers, query parameters.

    Prism checks that the credentials are there, not what they are.
    """
    headers: dict[str, str] = {}
    query: dict[str, str] = {}
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in schemes.values():
        scheme = resolve(document, scheme)
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        if kind == "apiKey" and isinstance(scheme.get("name"), str):
            where = scheme.get("in")
            if where == "header":
                headers[scheme["name"]] = DUMMY_KEY
            elif where == "query":
                query[scheme["name"]] = DUMMY_KEY
            elif where == "cookie":
                cookie = f"{scheme['name']}={DUMMY_KEY}"
                headers["Cookie"] = "; ".join(filter(None, [headers.get("Cookie"), cookie]))
        elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            headers.setdefault("Authorization", "Basic cm91bmR0cmlwOmtleQ==")
        elif kind in ("http", "oauth2", "openIdConnect"):
            headers.setdefault("Authorization", f"Bearer {DUMMY_KEY}")
    return headers, query


def judge_is_awake(client: httpx.Client, probe: BodyProbe, document: dict[str, Any]) -> str | None:
    """None when Prism rejects the probe's body with a body violation, else what it did."""
    headers, query = credentials(document)
    response = client.request(
        probe.method, probe.path, json=probe.body, headers=headers, params=query
    )
    found = findings(response)
    if any(location[:1] == ("body",) for location, _ in found):
        return None
    seen = "; ".join(message for _, message in found) or response.text[:200]
    return (
        f"{probe.route}: Prism answered {response.status_code} to the body"
        f" {json.dumps(probe.body)} without a body violation ({seen})"
    )


def findings(response: httpx.Response) -> list[tuple[tuple[str, ...], str]]:
    """Prism's violations of the request or its own response: (location, message) each.

    They come in the `sl-violations` header (location `["request", "body", ...]`) when the
    spec documents a response for the error, else in the problem body Prism makes up
    (`validation`, location `["body", ...]`). Locations are given without "request".
    """
    found: list[Any] = []
    raw = response.headers.get("sl-violations")
    if raw:
        found.extend(_violations(raw))
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            problem = response.json()
        except ValueError:
            problem = None
        if isinstance(problem, dict) and isinstance(problem.get("validation"), list):
            found.extend(problem["validation"])
    result = []
    for violation in found:
        if not isinstance(violation, dict):
            continue
        location = tuple(str(part) for part in violation.get("location") or ())
        if location[:1] == ("request",):
            location = location[1:]
        result.append((location, str(violation.get("message", ""))))
    return result


# One violation as Prism writes it, for a list it cut short ("Too many violations! [...").
_VIOLATION = re.compile(
    r'\{"location":(\[[^\]]*\]),"severity":"[^"]*","code":(?:"[^"]*"|\d+),'
    r'"message":("(?:[^"\\]|\\.)*")'
)


def _violations(raw: str) -> list[Any]:
    try:
        found: list[Any] = json.loads(raw)
    except ValueError:
        return [
            {"location": json.loads(location), "message": json.loads(message)}
            for location, message in _VIOLATION.findall(raw)
        ]
    return found


def resolve(document: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """`node` with local `$ref`s followed (JSON pointers, escapes decoded)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 50:
        ref: str = node["$ref"]
        if not ref.startswith("#"):
            return {}
        target: Any = document
        for part in ref[1:].split("/")[1:]:
            key = _unescape(part)
            if isinstance(target, list):
                target = target[int(key)]
            elif isinstance(target, dict) and key in target:
                target = target[key]
            else:
                return {}
        node = target
        depth += 1
    return node


def _unescape(part: str) -> str:
    from urllib.parse import unquote

    return unquote(part).replace("~1", "/").replace("~0", "~")


def _json_body_schema(document: dict[str, Any], operation: dict[str, Any]) -> Any:
    body = resolve(document, operation.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict):
        return None
    for media, entry in content.items():
        kind = media.split(";")[0].strip().lower()
        if (kind == "application/json" or kind.endswith("+json")) and isinstance(entry, dict):
            schema = entry.get("schema")
            return schema if isinstance(schema, dict) else None
    return None


_NOTHING = object()
# One value of each JSON type, in the order tried.
_CANDIDATES: tuple[tuple[str, Any], ...] = (
    ("string", "roundtrip: a string where the schema has none"),
    ("number", 12345.5),
    ("array", [["roundtrip"]]),
    ("object", {"roundtrip": ["not", "a", "valid", "body"]}),
    ("boolean", True),
)


def _bad_value(document: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    """A value `schema` does not admit: of a JSON type it does not admit, else an object
    without its required properties, else one with a bad property."""
    allowed = _types(document, schema, 0)
    if allowed is not None:
        for kind, value in _CANDIDATES:
            if kind not in allowed and not (kind == "number" and "integer" in allowed):
                return value
    schema = resolve(document, schema)
    if not isinstance(schema, dict) or depth > 5 or (allowed and "object" not in allowed):
        return _NOTHING
    if schema.get("required"):
        return {}
    for name, property_schema in (schema.get("properties") or {}).items():
        bad = _bad_value(document, property_schema, depth + 1)
        if bad is not _NOTHING:
            return {name: bad}
    return _NOTHING


def _types(document: dict[str, Any], schema: Any, depth: int) -> set[str] | None:
    """The JSON types `schema` admits (None: any, or not known here). Only `type` says:
    without it, `properties` or `items` constrain objects or arrays and admit the rest."""
    schema = resolve(document, schema)
    if not isinstance(schema, dict) or depth > 20:
        return None
    found: set[str] | None = None
    declared = schema.get("type")
    if isinstance(declared, str):
        found = {declared}
    elif isinstance(declared, list):
        found = {t for t in declared if isinstance(t, str)}
    for keyword in ("oneOf", "anyOf"):
        variants = schema.get(keyword)
        if isinstance(variants, list) and variants:
            union: set[str] = set()
            for variant in variants:
                kinds = _types(document, variant, depth + 1)
                if kinds is None:
                    return None if found is None else found
                union |= kinds
            found = union if found is None else found & union
    for member in schema.get("allOf") or []:
        kinds = _types(document, member, depth + 1)
        if kinds is not None:
            found = kinds if found is None else found & kinds
    if found is not None and ("null" in found or schema.get("nullable") is True):
        found = found | {"null"}
    return found


def _fill_path(
    document: dict[str, Any], path: str, item: dict[str, Any], operation: dict[str, Any]
) -> str:
    """`path` with each `{name}` replaced by a value of its parameter's type."""
    kinds: dict[str, str] = {}
    for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        parameter = resolve(document, parameter)
        if isinstance(parameter, dict) and parameter.get("in") == "path":
            schema = resolve(document, parameter.get("schema") or {})
            kind = schema.get("type") if isinstance(schema, dict) else None
            kinds[str(parameter.get("name"))] = kind if isinstance(kind, str) else "string"
    filled = path
    for name, kind in kinds.items():
        value = {"integer": "1", "number": "1", "boolean": "true"}.get(kind, "roundtrip")
        filled = filled.replace("{" + name + "}", value)
    return filled
