"""Python names for operations: `client.<resource>.<method>`.

Pinned names (api.toml) win and must be unique. Otherwise resources come from the
first tag (else the operationId's words after its verb, else the first path segment)
and methods from the operationId without the resource's words, else a verb from the
summary, else the HTTP method. When two unpinned operations still meet, the first in
document order keeps the name and the others get a longer one (the full operationId,
or the name plus the distinguishing path words), so adding an operation never
renames an existing method.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostic
from generator.naming import python_identifier, snake_case, split_words, unique
from generator.parse.schemas import Locate

# Attributes of generated resource classes that methods must not shadow.
RESOURCE_ATTRIBUTES = frozenset({"with_raw_response"})
# Attributes of the client classes that resources must not shadow.
CLIENT_ATTRIBUTES = frozenset(
    {"base_url", "timeout", "max_retries", "with_options", "close", "request"}
)
# A summary's first word is taken as the method name only when it is one of these.
_VERBS = frozenset("""
    activate add append apply approve archive assign attach authenticate authorize batch
    cancel check claim clear clone close complete confirm connect copy count create
    deactivate decline delete deploy describe detach disable disconnect download
    duplicate edit enable end estimate evaluate execute export fetch find finish
    generate get grant import install invite join leave link list lock login logout
    merge move notify open patch pause ping post preview promote publish purchase put
    query read reassign redeem refresh register reject release reload remove rename
    reorder replace request reset resolve restore resume retrieve revoke rollback rotate
    run save schedule search send set share sign start stop submit subscribe suspend
    sync test transfer trigger unarchive unassign unlink unlock unpublish unregister
    unsubscribe update upgrade upload upsert validate verify view void watch
    """.split())  # noqa: SIM905 (a word list reads best as words)
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
    sites: list[OperationSite], overrides: Mapping[str, str], error: Locate
) -> tuple[dict[str, tuple[str, str]], list[Diagnostic]]:
    """pointer → (resource, method) for every site, and the collisions that cannot be solved."""
    names: dict[str, tuple[str, str]] = {}
    pinned: set[str] = set()
    for site in sites:
        override = overrides.get(site.key) or (
            overrides.get(site.operation_id) if site.operation_id else None
        )
        if override:
            resource, method = override.split(".")
            pinned.add(site.pointer)
        else:
            resource, method = _preferred(site)
        if resource in CLIENT_ATTRIBUTES or resource.startswith("_"):
            resource += "_"
        names[site.pointer] = (resource, method)

    diagnostics: list[Diagnostic] = []
    owner: dict[tuple[str, str], OperationSite] = {}
    order = {site.pointer: index for index, site in enumerate(sites)}
    for site in sorted(sites, key=lambda s: (s.pointer not in pinned, order[s.pointer])):
        resource, method = names[site.pointer]
        first = owner.get((resource, method))
        if first is None:
            owner[(resource, method)] = site
            continue
        if site.pointer in pinned:
            where = error(first.pointer, "").location
            diagnostics.append(
                error(
                    site.pointer,
                    f"operation {site.key!r} and {first.key!r} (at {where or first.pointer}) "
                    f"both become `{resource}.{method}`; give one of them another name in "
                    "api.toml [operations]",
                )
            )
            continue
        taken = {m for (r, m) in owner if r == resource}
        longer = unique(_longer(site, resource, method), taken)
        names[site.pointer] = (resource, longer)
        owner[(resource, longer)] = site
    return names, diagnostics


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
    remaining = [w for w in id_words if w not in _resource_words(resource)]
    if remaining:
        method = "_".join(remaining)
    else:
        summary = site.raw.get("summary")
        words = split_words(summary) if isinstance(summary, str) else []
        first = words[0].lower() if words else ""
        method = first if first in _VERBS else _crud(site)
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
    for segment in site.path.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            words += ["by", *split_words(segment[1:-1])]
        elif segment:
            words += [w for w in split_words(segment) if w.lower() not in _resource_words(resource)]
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
