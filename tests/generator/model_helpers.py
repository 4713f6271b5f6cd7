"""Builds the model from an inline spec dict, without files (for unit tests)."""

from typing import Any

from generator.diagnostics import Diagnostic
from generator.model.types import Definition
from generator.parse.operations import OperationBuilder
from generator.parse.schemas import SchemaBuilder
from generator.settings import NamingSettings


def error(pointer: str, message: str) -> Diagnostic:
    return Diagnostic(message, None, pointer)


def schema_builder(schemas: dict[str, Any], **extra: Any) -> SchemaBuilder:
    document = {"openapi": "3.1.0", "components": {"schemas": schemas}, **extra}
    return SchemaBuilder(document, error)


def define(schemas: dict[str, Any], name: str) -> tuple[Definition, SchemaBuilder]:
    builder = schema_builder(schemas)
    builder.ref(f"#/components/schemas/{name}", "/")
    return builder.definitions[name], builder


def operations(
    paths: dict[str, Any],
    overrides: dict[str, str] | None = None,
    applicable: frozenset[str] = frozenset(),
    naming: NamingSettings | None = None,
    **extra: Any,
) -> OperationBuilder:
    """`applicable`: the security schemes the client can send; `naming`: method_names and
    pins (else `overrides` alone); `extra`: top-level keys."""
    document = {"openapi": "3.1.0", "paths": paths, **extra}
    schemas = SchemaBuilder(document, error)
    naming = naming or NamingSettings(operations=overrides or {})
    return OperationBuilder(document, schemas, naming, error, applicable=applicable)
