"""The smallest JSON value a schema of a vendor's document accepts, for servers that answer
with real items: required properties only, the first of each enum or union variant."""

from __future__ import annotations

from typing import Any

_FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "uri": "https://example.test",
    "url": "https://example.test",
    "email": "someone@example.test",
}


class Instances:
    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = self._document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def of(self, schema: dict[str, Any]) -> Any:
        schema = self.resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next(v for v in schema["enum"] if v is not None)
        if "allOf" in schema:
            return self._object(self._merged(schema))
        for key in ("oneOf", "anyOf"):
            if key in schema:
                variants = [v for v in schema[key] if self.resolve(v).get("type") != "null"]
                return self.of(variants[0])
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next(k for k in kind if k != "null")
        if kind == "object" or "properties" in schema:
            return self._object(schema)
        if kind == "array":
            return [self.of(schema["items"]) for _ in range(schema.get("minItems", 0))]
        if kind == "string":
            if schema.get("format") in _FORMATS:
                return _FORMATS[schema["format"]]
            return "x" * max(1, schema.get("minLength", 1))
        if kind == "integer":
            return int(schema.get("minimum", 1))
        if kind == "number":
            return float(schema.get("minimum", 1))
        if kind == "boolean":
            return False
        return {}

    def _merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An allOf's parts as one object schema: their properties and required names."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        for part in [schema, *schema.get("allOf", ())]:
            part = self.resolve(part)
            if part is not schema and "allOf" in part:
                part = self._merged(part)
            properties |= part.get("properties") or {}
            required += part.get("required") or []
        return {"type": "object", "properties": properties, "required": required}

    def _object(self, schema: dict[str, Any]) -> dict[str, Any]:
        properties = schema.get("properties") or {}
        return {
            name: self.of(properties[name])
            for name in schema.get("required", ())
            if name in properties
        }
