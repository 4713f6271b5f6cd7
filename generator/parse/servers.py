"""The spec's servers → named servers, keyed by URL, and the arguments filling their variables.

Names pinned in api.toml are matched by URL, never by position: a vendor that reorders
or adds servers must not move a caller's `region="uk"` to another host. Servers nobody
pinned get a name derived from what distinguishes their URL from the others' (the host
label `studio` of `api.studio.poly.ai` among `api.us.poly.ai`, `api.eu.poly.ai`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit

from generator.diagnostics import Diagnostic, Location
from generator.model.api import Server, ServerArgument, ServerVariable
from generator.naming import python_identifier, unique
from generator.settings import ApiSettings

ErrorAt = Callable[[str, str], Diagnostic]

# The parameter that picks a server when api.toml does not name one.
DEFAULT_PARAMETER = "server"


@dataclass(frozen=True)
class ServerChoice:
    servers: tuple[Server, ...]  # the default first
    parameter: str | None
    arguments: tuple[ServerArgument, ...]


def build_servers(
    document: dict[str, Any],
    settings: ApiSettings,
    diagnostics: list[Diagnostic],
    error: ErrorAt,
    reserved: set[str],
) -> ServerChoice:
    """Name every server of the spec; `reserved` are client arguments a variable must avoid."""
    raw: dict[str, tuple[dict[str, Any], str]] = {}
    for index, server in enumerate(document.get("servers") or []):
        if isinstance(server, dict) and isinstance(server.get("url"), str):
            raw.setdefault(server["url"], (server, f"/servers/{index}"))
    pins = settings.servers
    pinned = dict(pins.urls) if pins else {}
    missing = [name for name, url in pinned.items() if url not in raw]
    for name in missing:
        line = pins.lines.get(name, 1) if pins else 1
        offered = ", ".join(raw) or "none"
        diagnostics.append(
            Diagnostic(
                f"servers.{name}: {pinned[name]} is not a server of the spec any more "
                f"(the spec has: {offered}); pin the name to one of its URLs or remove it",
                Location(settings.source or "api.toml", line, 1),
            )
        )
    if missing:
        return ServerChoice((), None, ())
    names_by_url = {url: name for name, url in pinned.items()}
    derived = derive_names(list(raw))
    taken = set(pinned)
    for url, name in zip(raw, derived, strict=True):
        if url not in names_by_url:
            names_by_url[url] = unique(name, taken)
    # Pinned servers in api.toml's order (the default first), then the others in spec order.
    ordered = [*pinned.values(), *(url for url in raw if url not in pinned.values())]
    default = pins.default if pins and pins.default else None
    if default is not None:
        ordered.remove(pinned[default])
        ordered.insert(0, pinned[default])
    servers = tuple(
        _server(names_by_url[url], url, *raw[url], diagnostics, error) for url in ordered
    )
    parameter = pins.parameter if pins and pins.parameter else None
    if parameter is None and len(servers) > 1:
        parameter = DEFAULT_PARAMETER
    taken_arguments = set(reserved) | ({parameter} if parameter else set())
    return ServerChoice(servers, parameter, _arguments(servers, taken_arguments))


def operation_servers(
    item: dict[str, Any],
    raw: dict[str, Any],
    pointer: str,
    diagnostics: list[Diagnostic],
    error: ErrorAt,
) -> tuple[str, ...]:
    """The URLs an operation's calls go to instead of the client's server, if it has any.

    The operation's own `servers` win over its path item's (the spec's precedence). Each
    URL has its variables at their defaults: the client's server arguments fill only the
    document's servers, and a call has no argument to pick another value.
    """
    own, shared = raw.get("servers"), item.get("servers")
    if isinstance(own, list) and own:
        found, where = own, pointer
    elif isinstance(shared, list) and shared:
        found, where = shared, pointer.rsplit("/", 1)[0]
    else:
        return ()
    urls: list[str] = []
    for index, server in enumerate(found):
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        filled = _server("", server["url"], server, f"{where}/servers/{index}", diagnostics, error)
        url = filled.url
        for variable in filled.variables:
            url = url.replace("{" + variable.name + "}", variable.default)
        url = url.rstrip("/")
        if url not in urls:
            urls.append(url)
    return tuple(urls)


def _server(
    name: str,
    url: str,
    raw: dict[str, Any],
    pointer: str,
    diagnostics: list[Diagnostic],
    error: ErrorAt,
) -> Server:
    description = raw.get("description")
    variables = []
    found = raw.get("variables")
    declared: dict[str, Any] = found if isinstance(found, dict) else {}
    for variable in _template_names(url):
        spec = declared.get(variable)
        if not isinstance(spec, dict) or not isinstance(spec.get("default"), str | int | float):
            diagnostics.append(
                error(
                    f"{pointer}/variables",
                    f"server URL {url} uses {{{variable}}} but declares no default for it",
                )
            )
            continue
        values = spec.get("enum")
        enum: list[Any] = values if isinstance(values, list) else []
        text = spec.get("description")
        variables.append(
            ServerVariable(
                variable,
                str(spec["default"]),
                tuple(str(value) for value in enum),
                text if isinstance(text, str) else None,
            )
        )
    return Server(
        name, url, description if isinstance(description, str) else None, tuple(variables)
    )


def _template_names(url: str) -> list[str]:
    names: list[str] = []
    rest = url
    while "{" in rest and "}" in rest.split("{", 1)[1]:
        inner, rest = rest.split("{", 1)[1].split("}", 1)
        if inner not in names:
            names.append(inner)
    return names


def _arguments(servers: Sequence[Server], taken: set[str]) -> tuple[ServerArgument, ...]:
    """One argument per variable name; typed by the enum when every server agrees on it."""
    by_name: dict[str, list[tuple[Server, ServerVariable]]] = {}
    for server in servers:
        for variable in server.variables:
            by_name.setdefault(variable.name, []).append((server, variable))
    arguments = []
    for name, uses in by_name.items():
        enums = {variable.enum for _, variable in uses}
        enum = enums.pop() if len(enums) == 1 else ()
        descriptions = [v.description for _, v in uses if v.description]
        arguments.append(
            ServerArgument(
                argument=unique(python_identifier(name, fallback="variable"), taken),
                variable=name,
                enum=enum,
                defaults=tuple((server.name, variable.default) for server, variable in uses),
                description=descriptions[0] if descriptions else None,
            )
        )
    return tuple(arguments)


def derive_names(urls: Sequence[str]) -> list[str]:
    """A short name for each URL: what distinguishes it from the others.

    Host labels first (`api.us.poly.ai` → `us`), then path segments, then the port and
    scheme; a single server is `default`.
    """
    if len(urls) < 2:
        return ["default"] * len(urls)
    parts = [urlsplit(url) for url in urls]
    candidates: list[list[str]] = [[] for _ in urls]
    for split in (
        lambda p: (p.hostname or "").split(".") if p.hostname else [],
        lambda p: [segment for segment in p.path.split("/") if segment],
    ):
        # A `{variable}` is filled by the caller, so it names nothing.
        labels = [[label for label in split(p) if "{" not in label] for p in parts]
        distinct = _distinguishing(labels)
        for candidate, found in zip(candidates, distinct, strict=True):
            if not candidate and found:
                candidate.append(found)
    names = []
    for url, part, candidate in zip(urls, parts, candidates, strict=True):
        if candidate:
            raw = candidate[0]
        elif _port(part) is not None:
            raw = f"port_{_port(part)}"
        else:
            raw = (part.hostname or "").split(".")[0] or part.scheme or url
        names.append(python_identifier(raw.strip("{}"), fallback="server"))
    return names


def _port(part: SplitResult) -> int | None:
    try:
        return part.port
    except ValueError:  # a `{port}` variable
        return None


def _distinguishing(labels: list[list[str]]) -> list[str]:
    """For each list, the first label left after dropping the labels all lists share at
    the start and at the end; empty where nothing is left."""
    if len({tuple(labels_) for labels_ in labels}) < 2:
        return ["" for _ in labels]
    shortest = min(len(labels_) for labels_ in labels)
    prefix = 0
    while prefix < shortest and len({labels_[prefix] for labels_ in labels}) == 1:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and len({labels_[-1 - suffix] for labels_ in labels}) == 1:
        suffix += 1
    result = []
    for labels_ in labels:
        middle = labels_[prefix : len(labels_) - suffix]
        result.append(middle[0] if middle else "")
    return result
