"""Parameters of an operation: where each is sent, its type, and the defaults it has."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic
from generator.model.api import Parameter
from generator.model.types import EnumValues, JsonValue, Nullable, TypeRef
from generator.parse.bodies import Deref
from generator.parse.document import pointer_to, ref_pointer
from generator.parse.identifiers import name_part, python_identifier
from generator.parse.media import json_media_type
from generator.parse.schemas import Locate, SchemaBuilder
from generator.parse.text import text


class ParameterBuilder:
    def __init__(
        self,
        document: dict[str, Any],
        schemas: SchemaBuilder,
        deref: Deref,
        error: Locate,
        diagnostics: list[Diagnostic],
    ) -> None:
        self._document = document
        self._schemas = schemas
        self._deref = deref
        self._error = error
        # Shared with the operation builder, so problems are reported in spec order.
        self.diagnostics = diagnostics

    def parameters(
        self, item: dict[str, Any], raw: dict[str, Any], pointer: str, context: str
    ) -> list[Parameter]:
        """The operation's parameters: those of its path item, overridden by its own."""
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        for source, base in ((item, item_pointer), (raw, pointer)):
            for index, param in enumerate(source.get("parameters") or []):
                param_pointer = pointer_to(base, "parameters", index)
                param, param_pointer = self._deref(param, param_pointer)
                if not isinstance(param, dict):
                    continue
                merged[(str(param.get("name")), str(param.get("in")))] = (param, param_pointer)
        result = []
        server_defaults = _server_defaults(self._schemas.resolve, item, raw)
        for (wire_name, location), (param, param_pointer) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            if location == "header" and wire_name.lower() in (
                "accept",
                "content-type",
                "authorization",
            ):
                continue  # OpenAPI says these are ignored; the transport sets them
            schema, schema_pointer, style = self._parameter_schema(param, param_pointer, location)
            if schema_pointer is None:
                continue
            hint = context + name_part(wire_name, fallback="Param")
            ptype = self._schemas.type_of(schema, schema_pointer, hint)
            required = param.get("required") is True or location == "path"
            default, has_default = _parameter_default(ptype, required, location)
            server_default, has_server_default = server_defaults.get(
                (wire_name, location), (None, False)
            )
            result.append(
                Parameter(
                    python_name=python_identifier(wire_name, fallback="param"),
                    wire_name=wire_name,
                    location=location,  # type: ignore[arg-type]
                    type=ptype,
                    required=required and not has_default,
                    description=text(param.get("description")),
                    default=default,
                    has_default=has_default,
                    style=style,
                    deprecated=param.get("deprecated") is True,
                    server_default=server_default,
                    has_server_default=has_server_default,
                )
            )
        return result

    def _parameter_schema(
        self, param: dict[str, Any], pointer: str, location: str
    ) -> tuple[Any, str | None, str | None]:
        """The schema, its pointer and the runtime style; a `content` parameter is JSON text."""
        if "schema" in param:
            return param["schema"], pointer_to(pointer, "schema"), _style(param, location)
        content = param.get("content")
        media = json_media_type(content)
        if media is None or not isinstance(content, dict) or not isinstance(content[media], dict):
            self.diagnostics.append(
                self._error(pointer, "a parameter needs a schema or JSON `content`")
            )
            return None, None, None
        schema_pointer = pointer_to(pointer, "content", media, "schema")
        return content[media].get("schema", {}), schema_pointer, "json"


def _style(param: dict[str, Any], location: str) -> str | None:
    """The runtime's name for how a query array or object is written (None: the default)."""
    if location != "query":
        return None
    style = param.get("style", "form")
    explode = param.get("explode", style == "form")
    return {
        "deepObject": "deep",
        "spaceDelimited": "ssv",
        "pipeDelimited": "pipes",
    }.get(style, "csv" if explode is False else None)


def _parameter_default(ptype: TypeRef, required: bool, location: str) -> tuple[Any, bool]:
    """A required header that allows one value is sent by default (`Cartesia-Version`)."""
    inner = ptype.inner if isinstance(ptype, Nullable) else ptype
    if (
        required
        and location == "header"
        and isinstance(inner, EnumValues)
        and len(inner.values) == 1
    ):
        return inner.values[0], True
    return None, False


def _server_defaults(
    resolve: Callable[[str], Any], item: dict[str, Any], raw: dict[str, Any]
) -> dict[tuple[str, str], tuple[JsonValue, bool]]:
    """The schema's default of each parameter (by name and place), recorded so that a
    vendor changing it is reported; the operation's own declaration wins over its path
    item's, and a later one over an earlier one. Read once per operation."""
    declared: dict[tuple[str, str], dict[str, Any]] = {}
    for node in [*(item.get("parameters") or []), *(raw.get("parameters") or [])]:
        node = _followed(resolve, node)
        if isinstance(node, dict):
            name, location = node.get("name"), node.get("in")
            if isinstance(name, str) and isinstance(location, str):
                declared[(name, location)] = node
    defaults: dict[tuple[str, str], tuple[JsonValue, bool]] = {}
    for key, node in declared.items():
        schema = _followed(resolve, node.get("schema"))
        if isinstance(schema, dict) and "default" in schema:
            defaults[key] = (schema["default"], True)
    return defaults


def _followed(resolve: Callable[[str], Any], node: Any) -> Any:
    for _ in range(16):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            return node
        node = resolve(ref_pointer(ref))
    return node
