"""The prose of a client's constructor and of api.md's "Authentication" and "Servers" parts."""

from __future__ import annotations

from generator.model.api import Api, Credential, Operation, SecurityScheme, ServerArgument
from generator.render.runtime_defaults import RuntimeDefaults


def scheme_of(api: Api, credential: Credential) -> SecurityScheme:
    return next(s for s in api.security if s.key == credential.scheme)


def credential_doc(api: Api, credential: Credential) -> str:
    """One line: how the credential is sent, and where it is read from when not passed."""
    scheme = scheme_of(api, credential)
    how = scheme.describe(credential.argument)
    env = f"; defaults to the `{credential.env}` environment variable" if credential.env else ""
    return f"Security scheme `{scheme.key}`, {how}{env}."


def security_notes(api: Api) -> tuple[str, ...]:
    """The paragraphs api.md adds for the kinds of scheme present, each once."""
    notes = [scheme.shape.note for scheme in api.security if scheme.shape.note]
    return tuple(dict.fromkeys(note for note in notes if note))


def server_argument_doc(argument: ServerArgument) -> str:
    defaults = ", ".join(f"{default!r} for {server}" for server, default in argument.defaults)
    text = f"The `{{{argument.variable}}}` of the server URL; defaults to {defaults}."
    if argument.description:
        text = f"{' '.join(argument.description.split())} {text}"
    return text


def client_init_doc(api: Api, defaults: RuntimeDefaults) -> str:
    lines = ["Args:"]
    for credential in api.credentials:
        lines.append(f"  {credential.argument}: {credential_doc(api, credential)}")
    if api.server_parameter and api.servers:
        names = ", ".join(s.name for s in api.servers)
        lines.append(
            f"  {api.server_parameter}: One of {names}; defaults to {api.servers[0].name}."
        )
    for argument in api.server_arguments:
        lines.append(f"  {argument.argument}: {server_argument_doc(argument)}")
    default = api.servers[0].url if api.servers else "nothing (required)"
    every = (
        " for every call, also those of operations with their own server in the spec"
        if base_url_takes_operation_servers(api)
        else ""
    )
    lines += [
        f"  base_url: Overrides the server{every}; defaults to the `{api.base_url_env}`"
        f" environment variable, else {default}.",
        f"  timeout: Seconds or an `httpx.Timeout`; {defaults.timeout_text()}.",
        "  max_retries: Retries of connection errors, timeouts and"
        f" {defaults.retry_statuses_text()} responses.",
        "  default_headers: Headers sent with every request.",
        "  default_query: Query parameters sent with every request.",
        "  http_client: An httpx client to use (and to keep open) instead of a new one.",
    ]
    return "\n".join(lines)


def base_url_takes_operation_servers(api: Api) -> bool:
    """Whether an explicit base URL also redirects operations that have their own server."""
    return any(_has_absolute_server(op) for op in api.operations)


def _has_absolute_server(operation: Operation) -> bool:
    return bool(operation.servers) and "://" in operation.servers[0]


def operation_server_doc(operation: Operation) -> str | None:
    """Where the calls of an operation with its own server go, and when they do not.

    The runtime's rule (`Options.base_url_for`): an explicit base URL takes every call, a
    relative server URL is resolved against the client's base URL.
    """
    if not operation.servers:
        return None
    url = operation.servers[0]
    if _has_absolute_server(operation):
        return (
            f"Sent to {url}, the operation's own server, unless the client was given"
            " `base_url=` (or its environment variable): that takes every call."
        )
    return f"Sent to `{url}` resolved against the client's base URL (the operation's own server)."


def credentials_required(api: Api) -> bool:
    """Whether every operation needs a credential, so a client without any is useless.

    An operation with an empty alternative (optional security, or one the http_client
    may satisfy by itself, such as mutual TLS) can be called without one.
    """
    return bool(api.credentials) and all(
        op.security and () not in op.security for op in api.operations
    )
