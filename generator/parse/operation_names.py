"""Python names for operations: `client.<resource>.<method>`, resources possibly nested.

Pinned names (api.toml `[operations]`) win and must be unique; a `[resources]` pin names
the resource of every operation under a path prefix or with a first tag. Otherwise,
with `method_names = "rest"`, names follow the path's shape (see `rest_names`); by
default resources come from the first tag (else the operationId's words after its
verb, else the first path segment) and methods from the operationId without the
resource's words, else a verb from the summary, else the HTTP method. When two
unpinned operations still meet, the first in document order keeps the name and the
others get a longer one (the full operationId, or the name plus the distinguishing path
words), so adding an operation never renames an existing method. A pin that matches no
operation is an error located in api.toml.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostic
from generator.naming import unique
from generator.parse.identifiers import python_identifier, snake_case, split_words
from generator.parse.name_pins import matching_prefix, segments, unmatched_pins
from generator.parse.rest_names import VERBS, rest_name, version_prefix
from generator.parse.schemas import Locate
from generator.settings import NamingSettings

# Attributes of generated resource classes that methods and nested resources must not shadow.
RESOURCE_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response"})
# Attributes of the client classes that resources must not shadow.
CLIENT_ATTRIBUTES = frozenset(
    {"base_url", "timeout", "max_retries", "with_options", "close", "request"}
)
_CRUD = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
# Azure's `OperationGroup_Method` operationIds (`Things_CreateOrUpdate`): two capitalised
# words joined by one underscore. Snake-case ids (`get_user`) do not match.
_GROUPED_ID = re.compile(r"^(?P<group>[A-Z][A-Za-z0-9]*)_(?P<method>[A-Z][A-Za-z0-9]*)$")


@dataclass(frozen=True)
class OperationSite:
    """Where an operation is declared, and what naming needs of it."""

    key: str  # "POST /path"
    path: str
    method: str
    raw: dict[str, Any]
    pointer: str

    @property
    def operation_id(self) -> str | None:
        value = self.raw.get("operationId")
        return value if isinstance(value, str) and value.strip() else None


def assign_names(
    sites: list[OperationSite], naming: NamingSettings, error: Locate
) -> tuple[dict[str, tuple[str, str]], list[Diagnostic]]:
    """pointer → (resource, method) for every site, and the pins that cannot be honoured.

    The resource is dotted when nested (`agents.metrics.results`).
    """
    diagnostics = unmatched_pins(sites, naming)
    names: dict[str, tuple[str, str]] = {}
    pinned: set[str] = set()
    foldable: set[str] = set()
    for site in sites:
        override = naming.operations.get(site.key) or (
            naming.operations.get(site.operation_id) if site.operation_id else None
        )
        if override:
            resource, method = override.rsplit(".", 1)
            pinned.add(site.pointer)
        else:
            resource, method, derived_leaf = _unpinned(site, naming)
            method = _method_identifier(method)
            if derived_leaf:
                foldable.add(site.pointer)
        names[site.pointer] = (_resource_path(resource), method)
    _fold_single_operations(names, foldable)

    owner: dict[tuple[str, str], OperationSite | None] = {}
    for resource in {r for r, _ in names.values()}:
        parts = resource.split(".")
        for depth in range(1, len(parts)):  # a nested resource is an attribute of its parent
            owner[(".".join(parts[:depth]), parts[depth])] = None
    order = {site.pointer: index for index, site in enumerate(sites)}
    rest = naming.style == "rest"

    def precedence(site: OperationSite) -> tuple[bool, bool, int]:
        """Pins first; by REST shape, an unversioned path before a versioned one."""
        versioned = rest and version_prefix(site.path) is not None
        return site.pointer not in pinned, versioned, order[site.pointer]

    for site in sorted(sites, key=precedence):
        resource, method = names[site.pointer]
        if (resource, method) not in owner:
            owner[(resource, method)] = site
            continue
        first = owner[(resource, method)]
        if site.pointer in pinned:
            diagnostics.append(_clash(site, first, resource, method, error))
            continue
        taken = {m for (r, m) in owner if r == resource}
        version = version_prefix(site.path) if rest else None
        longer = unique(
            f"{method}_{version}" if version else _longer(site, resource, method), taken
        )
        names[site.pointer] = (resource, longer)
        owner[(resource, longer)] = site
    return names, diagnostics


def _unpinned(site: OperationSite, naming: NamingSettings) -> tuple[str, str, bool]:
    """(resource, method, whether the innermost resource was derived rather than pinned)."""
    prefix = matching_prefix(site.path, naming.resources)
    tags = site.raw.get("tags")
    tag = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else None
    tagged = naming.resources.get(tag) if tag is not None and prefix is None else None
    if naming.style == "rest":
        skip = len(segments(prefix)) if prefix is not None else 0
        shaped = rest_name(site.path, site.method, site.operation_id, skip)
        if shaped is not None:
            parts, method = shaped
            if prefix is not None:
                return ".".join([naming.resources[prefix], *parts]), method, bool(parts)
            if tagged is not None:
                return ".".join([tagged, *parts[1:]]), method, len(parts) > 1
            return ".".join(parts), method, len(parts) > 1
    resource, method = _preferred(site)
    pin = naming.resources[prefix] if prefix is not None else tagged
    return (pin or resource), method, False


def _fold_single_operations(names: dict[str, tuple[str, str]], foldable: set[str]) -> None:
    """A derived nested resource with one operation and nothing below it becomes a method
    of its parent, as in the official SDKs: `agents.templates.list` → `agents.list_templates`.
    """
    counts: dict[str, int] = {}
    for resource, _ in names.values():
        counts[resource] = counts.get(resource, 0) + 1
    parents = {r.rsplit(".", 1)[0] for r in counts if "." in r}
    for pointer in sorted(foldable):
        resource, method = names[pointer]
        if "." in resource and counts[resource] == 1 and resource not in parents:
            parent, leaf = resource.rsplit(".", 1)
            names[pointer] = (parent, _method_identifier(f"{method.rstrip('_')}_{leaf}"))


def _clash(
    site: OperationSite,
    first: OperationSite | None,
    resource: str,
    method: str,
    error: Locate,
) -> Diagnostic:
    if first is None:
        return error(
            site.pointer,
            f"operation {site.key!r} becomes `{resource}.{method}`, which is a nested "
            f"resource; give it another name in api.toml [operations]",
        )
    where = error(first.pointer, "").location
    return error(
        site.pointer,
        f"operation {site.key!r} and {first.key!r} (at {where or first.pointer}) "
        f"both become `{resource}.{method}`; give one of them another name in "
        "api.toml [operations]",
    )


def _resource_path(resource: str) -> str:
    """Each part an identifier that shadows no attribute of the client or a resource."""
    parts = [p + "_" if keyword.iskeyword(p) else p for p in resource.split(".")]
    reserved = [CLIENT_ATTRIBUTES] + [RESOURCE_ATTRIBUTES] * (len(parts) - 1)
    return ".".join(
        p + "_" if p in attributes or p.startswith("_") else p
        for p, attributes in zip(parts, reserved, strict=True)
    )


def _preferred(site: OperationSite) -> tuple[str, str]:
    tags = site.raw.get("tags")
    resource = ""
    if isinstance(tags, list) and tags and isinstance(tags[0], str):
        resource = snake_case(tags[0])
    grouped = _GROUPED_ID.match(site.operation_id or "")
    if grouped and not resource:  # `Things_ListByGroup`: the group names the resource
        resource = python_identifier(grouped["group"], fallback="default")
    id_words = [w.lower() for w in split_words(_after_resource(site.operation_id or "", resource))]
    if not resource and len(id_words) > 1:
        resource = "_".join(id_words[1:])
    if not resource:
        static = [s for s in site.path.split("/") if s and not s.startswith("{")]
        resource = snake_case(static[0]) if static else "default"
    resource = python_identifier(resource, fallback="default")
    resource_words = _resource_words(resource)
    remaining = [w for w in id_words if w not in resource_words]
    if remaining:
        method = "_".join(remaining)
    else:
        summary = site.raw.get("summary")
        words = split_words(summary) if isinstance(summary, str) else []
        first = words[0].lower() if words else ""
        method = first if first in VERBS else _crud(site)
    return resource, _method_identifier(method)


def _after_resource(operation_id: str, resource: str) -> str:
    """`chat.spaces.messages.list` under resource `spaces` → `messages.list`: in dotted
    ids (Google's `api.resource.method`) what precedes the resource is a namespace."""
    segments = operation_id.split(".")
    keys = [snake_case(segment) for segment in segments[:-1]]
    if resource and resource in keys:
        return ".".join(segments[keys.index(resource) + 1 :])
    return operation_id


def _longer(site: OperationSite, resource: str, method: str) -> str:
    """A more specific name for an operation whose preferred name is taken."""
    if site.operation_id:
        return _method_identifier(site.operation_id)
    words = []
    resource_words = _resource_words(resource)
    for segment in site.path.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            words += ["by", *split_words(segment[1:-1])]
        elif segment:
            words += [w for w in split_words(segment) if w.lower() not in resource_words]
    suffix = "_".join(w.lower() for w in words) or site.method
    return _method_identifier(f"{method}_{suffix}")


def _crud(site: OperationSite) -> str:
    if site.method == "get":
        return "retrieve" if site.path.rstrip("/").endswith("}") else "list"
    return _CRUD.get(site.method, site.method)


def _resource_words(resource: str) -> set[str]:
    words = set(resource.split("_"))
    return words | {w[:-1] for w in words if w.endswith("s")}


def _method_identifier(name: str) -> str:
    identifier = python_identifier(name, fallback="call")
    if identifier in RESOURCE_ATTRIBUTES or identifier.startswith("_"):
        identifier += "_"
    return identifier
