"""Security schemes → client credentials, and each operation's requirement → alternatives.

Every scheme the client can apply becomes credential arguments of the client, named as
its kind's row in SECURITY_KINDS says (`api_key`, `token`, `username`/`password`,
`client_id`/`client_secret`/`access_token`, …) or, when two schemes would share a name,
after the scheme itself; api.toml can pin the names. Each operation keeps its own
requirement (OpenAPI: a list of alternatives, each a set of schemes that are all
needed), so that the runtime sends what that operation accepts and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass
from itertools import product
from typing import Any

from generator.diagnostics import Diagnostic, Location, join_pointer
from generator.model.api import Credential, SecurityScheme
from generator.model.security import SECURITY_KINDS, kind_of
from generator.model.types import JsonValue
from generator.naming import env_var_prefix, python_identifier, snake_case
from generator.settings import ApiSettings, CredentialName

ErrorAt = Callable[[str, str], Diagnostic]
Requirement = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Security:
    schemes: tuple[SecurityScheme, ...]
    credentials: tuple[Credential, ...]


def build_security(
    document: dict[str, Any],
    settings: ApiSettings,
    env_prefix: str,
    diagnostics: list[Diagnostic],
    notes: list[str],
    error: ErrorAt,
) -> Security:
    """Every applicable scheme the spec defines or requires, in definition order."""
    defined = (document.get("components") or {}).get("securitySchemes") or {}
    keys = [str(key) for key in defined] if isinstance(defined, dict) else []
    for requirements in _requirement_lists(document):
        for key in (k for r in requirements for k in r):
            if key not in keys:
                keys.append(key)
                diagnostics.append(
                    error(
                        join_pointer("/components/securitySchemes", key),
                        f"security scheme {key!r} is not defined",
                    )
                )
    for key, pin in settings.credentials.items():
        if key not in keys:
            diagnostics.append(
                Diagnostic(
                    f"credentials.{key}: the spec has no security scheme {key!r} (it has: "
                    f"{', '.join(keys) or 'none'}); pin one of those or remove the setting",
                    Location(settings.source or "api.toml", pin.line, 1),
                )
            )
    converted: list[tuple[str, dict[str, Any]]] = []
    for key in keys:
        scheme = defined.get(key) if isinstance(defined, dict) else None
        if not isinstance(scheme, dict):
            continue
        if kind_of(scheme) is None:
            notes.append(
                f"security scheme {key!r} ({scheme.get('type')}) is not applied by the client; "
                "configure it on the httpx client passed as http_client="
            )
            continue
        converted.append((key, scheme))
    names = _credential_names(converted, settings)
    schemes = []
    credentials = []
    taken_envs: set[str] = set()
    for key, scheme in converted:
        arguments = names[key]
        description = scheme.get("description")
        text = description if isinstance(description, str) else None
        pinned = settings.credentials.get(key)
        defaults = _default_names(scheme)
        for default, argument in zip(defaults, arguments, strict=True):
            env = _pinned_env(pinned, default, len(arguments))
            if env is None and argument == "api_key" and settings.api_key_env:
                env = settings.api_key_env
            env = env or f"{env_prefix}_{argument.upper()}"
            if env in taken_envs:
                env = f"{env_prefix}_{snake_case(key).upper()}_{argument.upper()}"
            taken_envs.add(env)
            credentials.append(Credential(argument, env, key, text))
        schemes.append(_scheme(key, scheme, arguments, text, _scopes(document, key)))
    diagnostics.extend(_pin_mismatches(converted, settings))
    if settings.api_key_env_line is not None and not any(
        credential.argument == "api_key" for credential in credentials
    ):
        named = ", ".join(credential.argument for credential in credentials) or "none"
        diagnostics.append(
            Diagnostic(
                f"api_key_env: no credential of this API is named api_key (it has: {named}); "
                "name the environment variable in [credentials] or remove the setting",
                Location(settings.source or "api.toml", settings.api_key_env_line, 1),
            )
        )
    return Security(tuple(schemes), tuple(credentials))


def _pinned_env(pin: CredentialName | None, default: str, count: int) -> str | None:
    if pin is None:
        return None
    if default in pin.parts:
        return pin.parts[default].env
    return pin.env if count == 1 else None


def _pin_mismatches(
    schemes: list[tuple[str, dict[str, Any]]], settings: ApiSettings
) -> list[Diagnostic]:
    """Pins that would otherwise be ignored: one env for two credentials, unknown parts."""
    problems = []
    for key, scheme in schemes:
        pin = settings.credentials.get(key)
        if pin is None:
            continue
        defaults = _default_names(scheme)
        where = Location(settings.source or "api.toml", pin.line, 1)
        if pin.env is not None and len(defaults) > 1:
            message = (
                f"credentials.{key}: scheme {key!r} has {len(defaults)} credentials "
                f"({', '.join(defaults)}); name each one's env: "
                f'{defaults[0]} = {{argument = "...", env = "..."}}'
            )
            problems.append(Diagnostic(message, where))
        for part in sorted(set(pin.parts) - set(defaults)):
            message = (
                f"credentials.{key}.{part}: scheme {key!r} has no credential {part!r} "
                f'(it has: {", ".join(defaults)}); use argument = "..." and env = "..."'
            )
            problems.append(Diagnostic(message, where))
    return problems


def operation_requirement(
    document: dict[str, Any], raw: dict[str, Any], applicable: Set[str]
) -> Requirement:
    """The operation's alternatives, in spec order, as the schemes the client sends for each.

    A scheme the client cannot apply (mutual TLS, HTTP digest, …) is left to the caller's
    own http_client, so it drops out of its alternative rather than taking the alternative
    with it: `{oauth, mtls}` needs only the token from the client. An alternative left
    with nothing to send means the transport alone may satisfy the requirement, so the
    call must also go out without credentials: it becomes an empty alternative, placed
    after the others so that a credential the caller did give is still sent. An empty
    alternative (`{}`) means "or nothing", so the alternatives after it are never needed
    and it ends the list. Schemes of one alternative that would overwrite each other's
    header are split into alternatives of their own (`_sendable`).
    """
    requirements = raw.get("security", document.get("security"))
    result: list[tuple[str, ...]] = []
    by_transport = False
    for requirement in requirements if isinstance(requirements, list) else []:
        if not isinstance(requirement, dict):
            continue
        keys = tuple(str(key) for key in requirement)
        if not keys:
            result.append(())
            break
        sent = tuple(key for key in keys if key in applicable)
        if not sent:
            by_transport = True
        for each in _sendable(document, sent) if sent else ():
            if each not in result:
                result.append(each)
    else:
        if by_transport:
            result.append(())
    return () if result in ([], [()]) else tuple(result)


def _sendable(document: dict[str, Any], keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The alternative `keys` as alternatives a request can carry, in spec order.

    Schemes that all go in one header, query parameter or cookie (HTTP basic and an API key
    in `Authorization`, say) cannot be sent together: the second would overwrite the
    first. Such an alternative asks the impossible, so each of those schemes becomes an
    alternative of its own (with the alternative's other schemes): the client sends the
    first one it has the credentials for instead of a header no server can accept.
    """
    defined = (document.get("components") or {}).get("securitySchemes")
    slots: dict[tuple[str, str], list[str]] = {}
    for key in keys:
        scheme = defined.get(key) if isinstance(defined, dict) else None
        slot = _slot(scheme) if isinstance(scheme, dict) else ("scheme", key)
        slots.setdefault(slot, []).append(key)
    choices = [tuple(sorted(group, key=keys.index)) for group in slots.values()]
    return [tuple(sorted(picked, key=keys.index)) for picked in product(*choices)]


def _slot(scheme: dict[str, Any]) -> tuple[str, str]:
    """Where a scheme puts its credential: an API key where it says, any other in
    `Authorization` (header names are case-insensitive, the others are not)."""
    if scheme.get("type") != "apiKey":
        return ("header", "authorization")
    location, name = str(scheme.get("in")), str(scheme.get("name"))
    return (location, name.lower() if location == "header" else name)


def _requirement_lists(document: dict[str, Any]) -> list[list[dict[str, Any]]]:
    lists = [document.get("security")]
    for item in (document.get("paths") or {}).values():
        if isinstance(item, dict):
            lists += [op.get("security") for op in item.values() if isinstance(op, dict)]
    return [
        [r for r in requirements if isinstance(r, dict)]
        for requirements in lists
        if isinstance(requirements, list)
    ]


def _credential_names(
    schemes: list[tuple[str, dict[str, Any]]], settings: ApiSettings
) -> dict[str, tuple[str, ...]]:
    """Pinned names, else the kind's, else (when two schemes would share one) the key's."""
    by_kind = {key: _default_names(scheme) for key, scheme in schemes}
    counts: dict[str, int] = {}
    for names in by_kind.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    result = {}
    taken: set[str] = set()
    for key, _ in schemes:
        pin = settings.credentials.get(key)
        names = by_kind[key]
        if pin is not None and pin.parts:
            names = tuple((pin.parts[n].argument if n in pin.parts else n) or n for n in names)
        elif pin is not None and pin.argument:
            names = (
                (pin.argument,) if len(names) == 1 else tuple(f"{pin.argument}_{n}" for n in names)
            )
        elif any(counts[name] > 1 for name in names):
            base = python_identifier(_strip_suffix(key), fallback="credential")
            names = (base,) if len(names) == 1 else tuple(f"{base}_{n}" for n in names)
        unique_names = []
        for name in names:
            candidate, number = name, 2
            while candidate in taken:
                candidate, number = f"{name}_{number}", number + 1
            taken.add(candidate)
            unique_names.append(candidate)
        result[key] = tuple(unique_names)
    return result


def _default_names(scheme: dict[str, Any]) -> tuple[str, ...]:
    kind = kind_of(scheme)
    assert kind is not None, "only applicable schemes are named"
    return SECURITY_KINDS[kind].credentials


def _strip_suffix(key: str) -> str:
    words = snake_case(key).split("_")
    while len(words) > 1 and words[-1] in ("auth", "scheme", "security"):
        words.pop()
    return "_".join(words)


def _scheme(
    key: str,
    scheme: dict[str, Any],
    arguments: tuple[str, ...],
    description: str | None,
    scopes: tuple[str, ...],
) -> SecurityScheme:
    kind = kind_of(scheme)
    assert kind is not None, "only applicable schemes are converted"
    shape = SECURITY_KINDS[kind]
    settings: list[tuple[str, JsonValue]] = []
    for name, pointer in shape.spec_settings:
        value = _at(scheme, pointer)
        if isinstance(value, str):
            settings.append((name, value))
    if shape.takes_scopes and scopes:
        settings.append(("scope", " ".join(scopes)))
    flows = scheme.get("flows")
    token_flow = None
    if scheme.get("type") in ("oauth2", "openIdConnect"):
        names = [str(name) for name in flows] if isinstance(flows, dict) else []
        token_flow = ", ".join(names) or str(scheme.get("type"))
    return SecurityScheme(key, kind, description, arguments, tuple(settings), token_flow)


def _at(value: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _scopes(document: dict[str, Any], key: str) -> tuple[str, ...]:
    """The scopes the spec's requirements ask of scheme `key`, each once, in spec order."""
    found: list[str] = []
    for requirements in _requirement_lists(document):
        for requirement in requirements:
            named = requirement.get(key)
            for scope in named if isinstance(named, list) else []:
                if isinstance(scope, str) and scope not in found:
                    found.append(scope)
    return tuple(found)


def env_prefix_of(settings: ApiSettings) -> str:
    """The prefix of the API's environment variables: `POLYAI` of `POLYAI_API_KEY`."""
    for env in (settings.api_key_env, settings.base_url_env):
        for suffix in ("_API_KEY", "_BASE_URL"):
            if env and env.endswith(suffix):
                return env[: -len(suffix)]
    return env_var_prefix(settings.package)
