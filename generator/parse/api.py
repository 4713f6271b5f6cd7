"""The effective document → the `Api` model the templates read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError
from generator.load import LoadedSpec
from generator.load.digest import spec_sha256
from generator.model.api import Api, Credential, Operation, Resource
from generator.model.types import Definition, NamedRef, TypeRef
from generator.naming import class_name, unique
from generator.parse.operations import OperationBuilder
from generator.parse.schemas import SchemaBuilder
from generator.parse.security import build_security, env_prefix_of
from generator.parse.servers import build_servers
from generator.settings import ApiSettings

# Arguments of every generated client's __init__ (server variables must not take them).
_CLIENT_ARGUMENTS = {
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "default_query",
    "http_client",
}


def build_api(
    spec: LoadedSpec, settings: ApiSettings, digest: Callable[[], str] | None = None
) -> Api:
    """Build the model, or raise `GeneratorError` with every located problem found.

    `digest`, when given, gives `spec_sha256` of the document, worked out elsewhere (the
    validating child process works it out beside model building)."""
    document = spec.document

    def error(pointer: str, message: str) -> Diagnostic:
        return Diagnostic(message, spec.locate(pointer), pointer)

    schemas = SchemaBuilder(document, error)
    # Security first: each operation keeps the alternatives of its requirement the client
    # can send. Its problems are still reported after those of the operations.
    security_problems: list[Diagnostic] = []
    security_notes: list[str] = []
    security = build_security(
        document, settings, env_prefix_of(settings), security_problems, security_notes, error
    )
    operations = OperationBuilder(
        document,
        schemas,
        settings.naming,
        error,
        settings.pagination,
        applicable={scheme.key for scheme in security.schemes},
    )
    built = operations.build_all()
    diagnostics = [*schemas.diagnostics, *operations.diagnostics, *security_problems]
    notes = _skipped_calls(document) + schemas.notes + security_notes
    reserved = _CLIENT_ARGUMENTS | {c.argument for c in security.credentials}
    servers = build_servers(document, settings, diagnostics, error, reserved)
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
        servers=servers.servers,
        server_parameter=servers.parameter,
        server_arguments=servers.arguments,
        security=security.schemes,
        credentials=security.credentials,
        api_key_env=_api_key_env(security.credentials),
        base_url_env=settings.base_url_env,
        resources=_resources(built, document, {settings.client_class, settings.async_client_class}),
        response_definitions=_reachable(response_roots, definitions),
        request_definitions=_reachable(request_roots, definitions),
        spec_sha256=digest() if digest is not None else spec_sha256(document),
        notes=tuple(notes),
    )


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


def _api_key_env(credentials: tuple[Credential, ...]) -> str | None:
    """The variable of the `api_key` credential (else the first one), as reported so far."""
    for credential in credentials:
        if credential.argument == "api_key":
            return credential.env
    return credentials[0].env if credentials else None


def _resources(
    operations: list[Operation], document: dict[str, Any], client_classes: set[str]
) -> tuple[Resource, ...]:
    """One resource per name, and one for each parent of a nested one (`agents` of
    `agents.metrics`), even when it has no operations of its own."""
    tag_descriptions = {
        str(t.get("name")): t.get("description")
        for t in document.get("tags") or []
        if isinstance(t, dict)
    }
    grouped: dict[str, list[Operation]] = {}
    for operation in operations:
        parts = operation.resource.split(".")
        for depth in range(1, len(parts)):
            grouped.setdefault(".".join(parts[:depth]), [])
        grouped.setdefault(operation.resource, []).append(operation)
    classes: dict[str, str] = {}
    modules: dict[str, str] = {}
    taken_modules: set[str] = set()
    for name in sorted(grouped):
        resource_class = class_name(name, fallback="Resource")
        if {resource_class, "Async" + resource_class} & client_classes:
            resource_class += "Resource"  # the client itself has this name
        classes[name] = unique(resource_class, set(classes.values()))
        modules[name] = unique(name.replace(".", "_"), taken_modules)
    built: dict[str, Resource] = {}
    for name in sorted(grouped, key=lambda n: (-n.count("."), n)):  # children first
        members = grouped[name]
        tags = members[0].tags if members else ()
        description = tag_descriptions.get(tags[0]) if tags and "." not in name else None
        built[name] = Resource(
            name=name,
            class_name=classes[name],
            module=modules[name],
            description=description if isinstance(description, str) else None,
            operations=tuple(members),
            children=tuple(built[n] for n in sorted(built) if n.rpartition(".")[0] == name),
        )
    return tuple(built[name] for name in sorted(built))


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
    """The definitions the roots name, directly or through other definitions."""
    found: dict[str, Definition] = {}
    pending = list(roots)
    # `walk` without a generator per root: a large spec's roots hold tens of thousands of
    # types. A `NamedRef` is followed to its definition's types, any other to its own.
    while pending:
        current = pending.pop()
        if not isinstance(current, NamedRef):
            pending.extend(current.children())
        elif current.name not in found:
            definition = definitions[current.name]
            found[current.name] = definition
            pending.extend(definition.children())
    return tuple(found[name] for name in sorted(found))


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(diagnostics))
