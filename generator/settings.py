"""Settings: the distribution's (`[tool.clientgen]` in pyproject.toml) and each API's (`api.toml`).

The per-API file pins the public names (subpackage, client classes, environment
variables, resource and method names), so that a vendor renaming a tag or an
operationId does not silently rename our users' calls.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import tomllib

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.naming import class_name, env_var_prefix, python_identifier

SETTINGS_FILE = "api.toml"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ServerNames:
    """Names pinned to the spec's server URLs, exposed as one client parameter.

    Keyed by URL, not by position, so that a vendor reordering its servers cannot send a
    caller's requests to another region. `lines` locates each pin in api.toml.
    """

    parameter: str | None  # None: `server` when the spec has several servers
    urls: Mapping[str, str]  # name → URL (template) as the spec spells it
    default: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CredentialName:
    """The client argument (and environment variable) pinned to one security scheme.

    A scheme with several credentials (basic: `username` and `password`) takes its
    `argument` as a prefix, or names each credential in `parts`.
    """

    argument: str | None
    env: str | None = None
    line: int = 1
    parts: Mapping[str, CredentialName] = field(default_factory=dict)


@dataclass(frozen=True)
class PaginationScheme:
    """A named way of paging, by the wire names it uses, and the operations that use it.

    `items` is the response field holding the array (None: the response is the array);
    the next page comes from `next_cursor` (a response field), `cursor_item` (fields of
    the last item, one per `cursor` field, in order) or `offset` (advanced by the number
    of items, up to `total`), sent back as the request parameters or body fields `cursor`
    (or `offset`). `has_more` is an optional end marker: an operation whose response
    lacks it ends on an empty page or a missing cursor. `lines` locates each key in
    api.toml, so that a scheme that does not fit an operation is reported there.
    """

    name: str
    operations: tuple[str, ...]
    items: str | None = None
    cursor: tuple[str, ...] = ()
    next_cursor: str | None = None
    cursor_item: tuple[str, ...] = ()
    has_more: str | None = None
    offset: str | None = None
    total: str | None = None
    source: str = SETTINGS_FILE
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.lines.get("", 1))


MethodNames = Literal["operation_id", "rest"]
METHOD_NAMES: tuple[MethodNames, ...] = ("operation_id", "rest")


@dataclass(frozen=True)
class NamingSettings:
    """How resources and methods are named, and the names pinned in api.toml.

    `style` "operation_id" names methods after operationIds (resources after tags);
    "rest" names them by the shape of the path, as the Stainless SDKs do. `operations`
    pins one operation ("METHOD /path" or operationId) to "resource.method" (resources
    may nest: "agents.metrics.list"); `resources` pins the resource of every operation
    under a path prefix ("/agents/metrics") or with a first tag ("Agents"). Every pin
    must match the spec: `locations` says where each one is written, to report one that
    does not.
    """

    style: MethodNames = "operation_id"
    operations: Mapping[str, str] = field(default_factory=dict)
    resources: Mapping[str, str] = field(default_factory=dict)
    # ("operations" or "resources", key) → where the pin is written.
    locations: Mapping[tuple[str, str], Location] = field(default_factory=dict)


PAGINATION_FIELDS = ("items", "cursor", "next_cursor", "cursor_item", "has_more", "offset", "total")
# Keys that may name several fields (a cursor made of several parameters).
_PAGINATION_LISTS = ("cursor", "cursor_item")


@dataclass(frozen=True)
class ApiSettings:
    package: str
    client_class: str
    async_client_class: str
    api_key_env: str | None
    base_url_env: str | None
    servers: ServerNames | None = None
    # security scheme key → pinned credential name
    credentials: Mapping[str, CredentialName] = field(default_factory=dict)
    # "METHOD /path" or operationId → "resource.method"
    operations: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None
    # The api.toml line of an explicit `api_key_env` (None: the default), so that one
    # naming no credential can be located.
    api_key_env_line: int | None = None
    # `[pagination.<scheme>]` tables, by scheme name.
    pagination: tuple[PaginationScheme, ...] = ()
    method_names: MethodNames = "operation_id"
    # `[resources]`: path prefix or tag → "resource" (may nest).
    resources: Mapping[str, str] = field(default_factory=dict)
    # ("operations" or "resources", key) → where the pin is written.
    pin_locations: Mapping[tuple[str, str], Location] = field(default_factory=dict)

    @property
    def naming(self) -> NamingSettings:
        return NamingSettings(
            self.method_names, self.operations, self.resources, self.pin_locations
        )


@dataclass(frozen=True)
class DistributionSettings:
    distribution: str
    package: str
    version: str
    specs: str
    output: str


def default_api_settings(name: str) -> ApiSettings:
    """Settings derived from a name alone, for the ad-hoc mode and folders without api.toml."""
    prefix = env_var_prefix(name)
    return ApiSettings(
        package=python_identifier(name, fallback="api"),
        client_class=class_name(name, fallback="Api") or "Client",
        async_client_class="Async" + (class_name(name, fallback="Api") or "Client"),
        api_key_env=f"{prefix}_API_KEY",
        base_url_env=f"{prefix}_BASE_URL",
    )


def load_api_settings(folder: Path, display: str) -> ApiSettings:
    path = folder / SETTINGS_FILE
    if not path.exists():
        return default_api_settings(folder.name)
    return load_api_settings_file(path, display)


def load_api_settings_file(path: Path, display: str, name: str = "api") -> ApiSettings:
    """An api.toml read by itself (`--settings`); `name` gives the defaults it leaves out."""
    text = path.read_text(encoding="utf-8")
    data = _parse_toml(text, display)
    return _api_settings_from(data, text, display, name)


def load_distribution_settings(pyproject: Path) -> DistributionSettings:
    display = str(pyproject)
    text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    table = _parse_toml(text, display).get("tool", {}).get("clientgen", {})
    if not isinstance(table, dict):
        raise _error(display, text, "clientgen", "[tool.clientgen] must be a table")
    values = {
        "distribution": table.get("distribution", "api-clients"),
        "package": table.get("package", "api_clients"),
        "version": table.get("version", "0.1.0"),
        "specs": table.get("specs", "specs"),
        "output": table.get("output", "generated"),
    }
    for key, value in values.items():
        if not isinstance(value, str) or not value:
            raise _error(display, text, key, f"[tool.clientgen] {key} must be a non-empty string")
    if not _IDENTIFIER.match(values["package"]):
        raise _error(display, text, "package", "[tool.clientgen] package must be an identifier")
    return DistributionSettings(**values)


def _api_settings_from(
    data: dict[str, Any], text: str, display: str, name: str = "api"
) -> ApiSettings:
    tables = {"servers", "operations", "pagination", "credentials", "resources", "method_names"}
    known = {"package", "client_class", "async_client_class", "api_key_env", "base_url_env"}
    known |= tables
    for key in data:
        if key not in known:
            raise _error(display, text, key, f"unknown setting {key!r}")
    defaults = default_api_settings(str(data.get("package", name)))
    strings: dict[str, str] = {}
    for key in sorted(known - tables):
        value = data.get(key, getattr(defaults, key))
        if not isinstance(value, str) or not _IDENTIFIER.match(value):
            raise _error(display, text, key, f"{key} must be a Python identifier, got {value!r}")
        strings[key] = value
    servers = _server_names(data["servers"], text, display) if "servers" in data else None
    credentials = _credential_names(data.get("credentials", {}), text, display)
    naming = _naming_from(data, text, display)
    return ApiSettings(
        package=strings["package"],
        client_class=strings["client_class"],
        async_client_class=strings["async_client_class"],
        api_key_env=strings["api_key_env"],
        base_url_env=strings["base_url_env"],
        servers=servers,
        credentials=credentials,
        operations=naming.operations,
        source=display,
        api_key_env_line=_key_line(text, "api_key_env") if "api_key_env" in data else None,
        pagination=_pagination_from(data.get("pagination", {}), text, display),
        method_names=naming.style,
        resources=naming.resources,
        pin_locations=naming.locations,
    )


def _naming_from(data: dict[str, Any], text: str, display: str) -> NamingSettings:
    """`method_names`, `[operations]` (→ "resource.method") and `[resources]` (→ "resource")."""
    style = data.get("method_names", "operation_id")
    if style not in METHOD_NAMES:
        raise _error(
            display, text, "method_names", f"method_names must be one of {list(METHOD_NAMES)}"
        )
    pins: dict[str, dict[str, str]] = {}
    locations: dict[tuple[str, str], Location] = {}
    for table, least, shape in (("operations", 2, "resource.method"), ("resources", 1, "resource")):
        raw = data.get(table, {})
        if not isinstance(raw, dict):
            raise _error(display, text, table, f"[{table}] must be a table")
        for key, target in raw.items():
            location = _key_location(text, display, key, table)
            parts = target.split(".") if isinstance(target, str) else []
            if len(parts) < least or not all(_IDENTIFIER.match(p) for p in parts):
                raise GeneratorError(
                    [
                        Diagnostic(
                            f"{table[:-1]} {key!r} must map to '{shape}' (resources may nest:"
                            f" 'a.b.{'method' if least == 2 else 'c'}'), got {target!r}",
                            location,
                        )
                    ]
                )
            locations[(table, key)] = location
        pins[table] = dict(raw)
    return NamingSettings(style, pins["operations"], pins["resources"], locations)


def _key_location(text: str, display: str, key: str, table: str) -> Location:
    """Where `key = ...` is written in `[table]` (the table's header when not found)."""
    lines = text.splitlines()
    header = re.compile(rf"\s*\[\s*{re.escape(table)}\s*\]")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return Location(display, 1, 1)
    spelled = re.compile(rf"(\s*)(\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})\s*=")
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        match = spelled.match(lines[number])
        if match:
            return Location(display, number + 1, len(match.group(1)) + 1)
    return Location(display, start + 1, 1)


def _pagination_from(table: object, text: str, display: str) -> tuple[PaginationScheme, ...]:
    if not isinstance(table, dict):
        raise _error(display, text, "pagination", "[pagination] must hold one table per scheme")
    return tuple(_scheme_from(str(name), raw, text, display) for name, raw in table.items())


def _scheme_from(name: str, raw: object, text: str, display: str) -> PaginationScheme:
    """One `[pagination.<name>]` table; an error points at the key at fault."""
    lines = _scheme_lines(text, name, raw)

    def fail(key: str, message: str) -> GeneratorError:
        location = Location(display, lines.get(key, lines[""]), 1)
        return GeneratorError([Diagnostic(message, location)])

    if not isinstance(raw, dict):
        raise fail("", f"pagination scheme {name!r} must be a table")
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "operations":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, f"{name}.operations must be a list of strings")
        elif key not in PAGINATION_FIELDS:
            raise fail(key, f"unknown pagination setting {key!r} in {name!r}")
        elif key in _PAGINATION_LISTS and isinstance(value, list):
            if not value or not all(isinstance(v, str) and v for v in value):
                raise fail(key, f"{name}.{key} must be a field name or a list of them")
            fields[key] = tuple(value)
        elif not isinstance(value, str) or not value:
            raise fail(key, f"{name}.{key} must be a field name")
        else:
            fields[key] = (value,) if key in _PAGINATION_LISTS else value
    if "cursor" not in raw and "offset" not in raw:
        raise fail("", f"pagination scheme {name!r} needs cursor or offset")
    cursor, cursor_item = fields.get("cursor", ()), fields.get("cursor_item", ())
    if cursor and not ("next_cursor" in raw or cursor_item):
        raise fail("", f"{name!r} needs next_cursor or cursor_item")
    if cursor_item and len(cursor_item) != len(cursor):
        raise fail(
            "cursor_item",
            f"{name}.cursor_item must name one item field per cursor field"
            f" ({len(cursor)}), in the same order",
        )
    if len(cursor) > 1 and "next_cursor" in raw:
        raise fail("next_cursor", f"{name}: a cursor of several fields takes cursor_item")
    operations = tuple(raw.get("operations", ()))
    return PaginationScheme(name, operations, **fields, source=display, lines=lines)


def _scheme_lines(text: str, name: str, raw: object) -> dict[str, int]:
    """The api.toml line of a `[pagination.<name>]` table (key "") and of each of its keys."""
    lines = {"": _line_of(text, name, after="[pagination")}
    for key in raw if isinstance(raw, dict) else ():
        lines[key] = _line_of(text, key, after=f"[pagination.{name}]")
    return lines


def _server_names(table: Any, text: str, display: str) -> ServerNames:
    """`[servers]`: `name = "URL"` for each server, an optional `parameter` (the client
    argument that picks one) and `default` (else the first named)."""
    if not isinstance(table, dict):
        raise _error(display, text, "servers", "[servers] must be a table")
    if "names" in table:
        raise _error(
            display,
            text,
            "names",
            "servers.names (names by position) is no longer read: map each name to its URL,"
            ' as in us = "https://api.us.example.com"',
        )
    parameter = table.get("parameter")
    if parameter is not None and (
        not isinstance(parameter, str) or not _IDENTIFIER.match(parameter)
    ):
        raise _error(display, text, "parameter", "servers.parameter must be an identifier")
    urls: dict[str, str] = {}
    lines: dict[str, int] = {}
    for name, url in table.items():
        if name in ("parameter", "default"):
            continue
        if not isinstance(url, str) or not url:
            raise _error(display, text, name, f"servers.{name} must be the server's URL")
        if url in urls.values():
            raise _error(display, text, name, f"servers.{name}: {url} is named twice")
        urls[name] = url
        lines[name] = _line_of(text, name, after="[servers]")
    default = table.get("default")
    if default is not None and default not in urls:
        raise _error(display, text, "default", f"servers.default must be one of {sorted(urls)}")
    return ServerNames(parameter, urls, default, lines)


# The credentials of a scheme that has more than one, each nameable on its own.
CREDENTIAL_PARTS = ("username", "password")


def _credential_names(table: Any, text: str, display: str) -> dict[str, CredentialName]:
    """`[credentials]`: `scheme = "argument"`, `scheme = {argument = "...", env = "..."}`,
    or for basic schemes `scheme = {username = ..., password = ...}`, each of the two a
    name or `{argument = "...", env = "..."}`."""
    if not isinstance(table, dict):
        raise _error(display, text, "credentials", "[credentials] must be a table")
    result = {}
    for scheme, value in table.items():
        line = _line_of(text, scheme, after="[credentials")
        entry = value if isinstance(value, dict) else {"argument": value}
        parts = {}
        for part in CREDENTIAL_PARTS:
            if part in entry:
                one = _credential_name(entry[part], f"{scheme}.{part}", text, display)
                parts[part] = CredentialName(one.argument, one.env, line)
        rest = {key: value for key, value in entry.items() if key not in CREDENTIAL_PARTS}
        if parts and rest:
            raise _error(
                display,
                text,
                scheme,
                f"credentials.{scheme}: name the scheme (argument, env) or each of its "
                f"credentials ({', '.join(CREDENTIAL_PARTS)}), not both",
            )
        named = _credential_name(rest, scheme, text, display) if not parts else None
        argument, env = (named.argument, named.env) if named else (None, None)
        result[str(scheme)] = CredentialName(argument, env, line, parts)
    return result


def _credential_name(value: object, where: str, text: str, display: str) -> CredentialName:
    entry = value if isinstance(value, dict) else {"argument": value}
    argument, env = entry.get("argument"), entry.get("env")
    key = where.split(".")[0]
    if set(entry) - {"argument", "env"} or not isinstance(argument, str):
        raise _error(
            display,
            text,
            key,
            f'credentials.{where} must name a Python identifier (argument = "...")'
            ' and optionally env = "..."',
        )
    if not _IDENTIFIER.match(argument):
        raise _error(display, text, key, f"credentials.{where} must be a Python identifier")
    if env is not None and (not isinstance(env, str) or not _IDENTIFIER.match(env)):
        raise _error(display, text, key, f"credentials.{where}.env must be a name")
    return CredentialName(argument, env)


def _line_of(text: str, key: str, *, after: str) -> int:
    """The line of `key = ...` (or `[...key]`) after the first line starting with `after`."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(after)), 0)
    pattern = re.compile(rf"\s*(\[[^\]]*\.)?\"?{re.escape(key)}\"?\s*(=|\])")
    for number in range(start, len(lines)):
        if pattern.match(lines[number]):
            return number + 1
    return start + 1


def _parse_toml(text: str, display: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_position(str(exc))
        raise GeneratorError([Diagnostic(str(exc), Location(display, line, col))]) from None


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _error(display: str, text: str, key: str, message: str) -> GeneratorError:
    """A located settings error; TOML keeps no positions, so find the key's line."""
    return GeneratorError([Diagnostic(message, Location(display, _key_line(text, key), 1))])


def _key_line(text: str, key: str) -> int:
    """The first line that sets `key` (`key = …`) or opens its table (`[key]`, `[key.…]`,
    `[….key]`)."""
    name = rf"\"?{re.escape(key)}\"?"
    pattern = re.compile(rf"\s*({name}\s*=|\[\s*([^\]=]*\.\s*)?{name}\s*[\].])")
    for number, content in enumerate(text.splitlines(), start=1):
        if pattern.match(content):
            return number
    return 1


def setting_location(folder: Path, display: str, key: str) -> Location:
    """Where an API folder's settings set `key`: its api.toml line, else the folder."""
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return Location(str(Path(display).parent), 1, 1)
    return Location(display, _key_line(path.read_text(encoding="utf-8"), key), 1)
