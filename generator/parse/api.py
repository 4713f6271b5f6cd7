"""The effective document → the `Api` model the templates read."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, join_pointer
from generator.load import LoadedSpec
from generator.model.api import Api, Operation, Resource, SecurityScheme, Server
from generator.model.types import (
    AliasDef,
    ArrayType,
    Definition,
    MapType,
    NamedRef,
    Nullable,
    ObjectDef,
    TypeRef,
    UnionDef,
    UnionOf,
)
from generator.naming import class_name
from generator.parse.operations import OperationBuilder
from generator.parse.schemas import SchemaBuilder
from generator.settings import ApiSettings


def build_api(spec: LoadedSpec, settings: ApiSettings) -> Api:
    """Build the model, or raise `GeneratorError` with every located problem found."""
    document = spec.document

    def error(pointer: str, message: str) -> Diagnostic:
        return Diagnostic(message, spec.locate(pointer), pointer)

    schemas = SchemaBuilder(document, error)
    operations = OperationBuilder(
        document, schemas, settings.operations, error, settings.pagination
    )
    built = operations.build_all()
    diagnostics = [*schemas.diagnostics, *operations.diagnostics]
    servers, server_parameter = _servers(document, settings, diagnostics, error)
    notes = _skipped_calls(document) + schemas.notes
    security = _security(document, diagnostics, notes, error)
    if diagnostics:
        raise GeneratorError(_unique(diagnostics))
    info = document.get("info") or {}
    request_roots, response_roots = _roots(built)
    definitions = schemas.definitions
    return Api(
        name=spec.name,
        package=settings.package,
        client_class=settings.client_class,
        async_client_class=settings.async_client_class,
        title=str(info.get("title") or spec.name),
        version=str(info.get("version") or ""),
        description=info.get("description") if isinstance(info.get("description"), str) else None,
        servers=servers,
        server_parameter=server_parameter,
        security=security,
        api_key_env=settings.api_key_env if security else None,
        base_url_env=settings.base_url_env,
        resources=_resources(built, document, {settings.client_class, settings.async_client_class}),
        response_definitions=_reachable(response_roots, definitions),
        request_definitions=_reachable(request_roots, definitions),
        spec_sha256=spec_sha256(document),
        notes=tuple(notes),
    )


def spec_sha256(document: dict[str, Any]) -> str:
    """A digest of the effective spec, independent of key order and formatting."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _skipped_calls(document: dict[str, Any]) -> list[str]:
    """Webhooks and callbacks are calls the API makes to its users, not client calls."""
    notes = []
    webhooks = document.get("webhooks")
    if isinstance(webhooks, dict) and webhooks:
        names = ", ".join(sorted(str(name) for name in webhooks))
        notes.append(f"webhooks are not client calls and have no methods: {names}")
    for path, item in (document.get("paths") or {}).items():
        for method, operation in item.items() if isinstance(item, dict) else ():
            callbacks = operation.get("callbacks") if isinstance(operation, dict) else None
            if isinstance(callbacks, dict) and callbacks:
                names = ", ".join(sorted(str(name) for name in callbacks))
                notes.append(
                    f"callbacks of {method.upper()} {path} are not client calls and have no "
                    f"methods: {names}"
                )
    return notes


def _servers(
    document: dict[str, Any],
    settings: ApiSettings,
    diagnostics: list[Diagnostic],
    error: Any,
) -> tuple[tuple[Server, ...], str | None]:
    raw = [s for s in document.get("servers") or [] if isinstance(s, dict) and "url" in s]
    names = settings.servers.names if settings.servers else ()
    if settings.servers and len(names) != len(raw):
        diagnostics.append(
            error(
                "/servers",
                f"api.toml names {len(names)} servers but the spec has {len(raw)}",
            )
        )
        return (), None
    servers = []
    for index, server in enumerate(raw):
        url = str(server["url"])
        if "{" in url:
            url = _substitute_variables(url, server.get("variables") or {})
        name = names[index] if names else f"server{index}" if index else "default"
        description = server.get("description")
        servers.append(Server(name, url, description if isinstance(description, str) else None))
    parameter = settings.servers.parameter if settings.servers else None
    return tuple(servers), parameter


def _substitute_variables(url: str, variables: dict[str, Any]) -> str:
    for name, variable in variables.items():
        default = variable.get("default") if isinstance(variable, dict) else None
        url = url.replace("{" + str(name) + "}", str(default if default is not None else ""))
    return url


def _security(
    document: dict[str, Any], diagnostics: list[Diagnostic], notes: list[str], error: Any
) -> tuple[SecurityScheme, ...]:
    """The scheme the client applies: the first supported one the operations require.

    A scheme the client cannot apply from one credential (mutual TLS) is left to the
    caller's own `http_client=` and noted.
    """
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    required: list[str] = []
    requirement_lists = [document.get("security") or []]
    for item in (document.get("paths") or {}).values():
        if isinstance(item, dict):
            requirement_lists += [
                op.get("security") or [] for op in item.values() if isinstance(op, dict)
            ]
    for requirements in requirement_lists:
        for requirement in requirements if isinstance(requirements, list) else []:
            for key in requirement if isinstance(requirement, dict) else {}:
                if key not in required:
                    required.append(key)
    result = []
    for key in required:
        pointer = join_pointer("/components/securitySchemes", key)
        scheme = schemes.get(key)
        if not isinstance(scheme, dict):
            diagnostics.append(error(pointer, f"security scheme {key!r} is not defined"))
            continue
        converted = _scheme(key, scheme)
        if converted is None:
            notes.append(
                f"security scheme {key!r} ({scheme.get('type')}) is not applied by the client; "
                "configure it on the httpx client passed as http_client="
            )
            continue
        result.append(converted)
    return tuple(result[:1])


def _scheme(key: str, scheme: dict[str, Any]) -> SecurityScheme | None:
    kind = scheme.get("type")
    description = scheme.get("description") if isinstance(scheme.get("description"), str) else None
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        return SecurityScheme(key, "api_key", scheme["in"], str(scheme.get("name")), description)
    if kind == "http" and str(scheme.get("scheme")).lower() == "bearer":
        return SecurityScheme(key, "bearer", description=description)
    if kind == "http" and str(scheme.get("scheme")).lower() == "basic":
        return SecurityScheme(key, "basic", description=description)
    if kind in ("oauth2", "openIdConnect"):
        # The caller passes an access token obtained elsewhere, sent as a bearer token.
        return SecurityScheme(key, "bearer", description=description)
    return None


def _resources(
    operations: list[Operation], document: dict[str, Any], client_classes: set[str]
) -> tuple[Resource, ...]:
    tag_descriptions = {
        str(t.get("name")): t.get("description")
        for t in document.get("tags") or []
        if isinstance(t, dict)
    }
    grouped: dict[str, list[Operation]] = {}
    for operation in operations:
        grouped.setdefault(operation.resource, []).append(operation)
    resources = []
    for name in sorted(grouped):
        members = grouped[name]
        raw = document["paths"][members[0].path][members[0].http_method.lower()]
        tags = raw.get("tags") if isinstance(raw.get("tags"), list) else []
        description = tag_descriptions.get(str(tags[0])) if tags else None
        resource_class = class_name(name, fallback="Resource")
        if {resource_class, "Async" + resource_class} & client_classes:
            resource_class += "Resource"  # the client itself has this name
        resources.append(
            Resource(
                name=name,
                class_name=resource_class,
                module=name,
                description=description if isinstance(description, str) else None,
                operations=tuple(members),
            )
        )
    return tuple(resources)


def _roots(operations: list[Operation]) -> tuple[list[TypeRef], list[TypeRef]]:
    request: list[TypeRef] = []
    response: list[TypeRef] = []
    for operation in operations:
        request.extend(p.type for p in operation.parameters)
        if operation.body is not None:
            request.append(operation.body.type)
        response.extend(r.type for r in operation.success + operation.errors if r.type is not None)
    return request, response


def _reachable(
    roots: Iterable[TypeRef], definitions: dict[str, Definition]
) -> tuple[Definition, ...]:
    found: dict[str, Definition] = {}
    stack = list(roots)
    while stack:
        current = stack.pop()
        if isinstance(current, Nullable):
            stack.append(current.inner)
        elif isinstance(current, ArrayType):
            stack.append(current.items)
        elif isinstance(current, MapType):
            stack.append(current.values)
        elif isinstance(current, UnionOf):
            stack.extend(current.variants)
        elif isinstance(current, NamedRef) and current.name not in found:
            definition = definitions[current.name]
            found[current.name] = definition
            if isinstance(definition, ObjectDef):
                stack.extend(f.type for f in definition.fields)
                if definition.additional is not None:
                    stack.append(definition.additional)
            elif isinstance(definition, UnionDef):
                stack.extend(definition.variants)
            elif isinstance(definition, AliasDef):
                stack.append(definition.target)
    return tuple(found[name] for name in sorted(found))


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(diagnostics))
