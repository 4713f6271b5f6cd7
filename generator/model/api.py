"""The API model: servers, security, resources and operations, as the templates read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from generator.model import names
from generator.model.results import BodyKind, Result
from generator.model.security import SECURITY_KINDS, SecurityKind, SecurityShape
from generator.model.types import Definition, Field, JsonValue, TypeRef

ParameterLocation = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class ServerVariable:
    """A `{name}` in a server's URL template; `enum` is empty when any value goes."""

    name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Server:
    name: str
    url: str  # as the spec spells it, `{variables}` included
    description: str | None = None
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class ServerArgument:
    """A client argument that fills one server variable (of every server that has it)."""

    argument: str
    variable: str
    # The values the servers having it allow (empty: any string) and their defaults.
    enum: tuple[str, ...]
    defaults: tuple[tuple[str, str], ...]  # (server name, default)
    description: str | None = None


@dataclass(frozen=True)
class Credential:
    """One value the caller provides (`api_key=`), read from `env` when not passed."""

    argument: str
    env: str | None
    scheme: str
    description: str | None = None


@dataclass(frozen=True)
class SecurityScheme:
    """One scheme the client applies; what its kind means is its row in SECURITY_KINDS."""

    key: str
    kind: SecurityKind
    description: str | None = None
    # The credential arguments it reads, in the order of its kind's `credentials`.
    credentials: tuple[str, ...] = ()
    # The runtime class's keyword arguments read from the spec (`name`, `location`, …).
    settings: tuple[tuple[str, JsonValue], ...] = ()
    # OAuth2 / OpenID Connect: the spec's flows, as the docs name them.
    token_flow: str | None = None

    @property
    def shape(self) -> SecurityShape:
        return SECURITY_KINDS[self.kind]

    def setting(self, name: str) -> JsonValue:
        return dict(self.settings).get(name)

    def runtime_arguments(self) -> tuple[tuple[str, JsonValue], ...]:
        """The keyword arguments of its runtime class, in a stable order."""
        named = zip(self.shape.credential_fields, self.credentials, strict=True)
        return (("key", self.key), *named, *self.settings)

    @property
    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """The sets of its credentials that each suffice, preferred first."""
        if self.shape.alternatives is None:
            return (self.credentials,)
        return tuple(tuple(self.credentials[i] for i in a) for a in self.shape.alternatives)

    def describe(self, credential: str) -> str:
        """How the docs say `credential` (one of this scheme's) is sent."""
        return self.shape.describe(self, self.credentials.index(credential))


@dataclass(frozen=True)
class Parameter:
    python_name: str
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    description: str | None = None
    # A header with a single allowed value is sent by default (`Cartesia-Version`).
    default: JsonValue = None
    has_default: bool = False
    # How the runtime spells an array or object value: None (form, exploded), "csv",
    # "ssv", "pipes" or "deep" (see the runtime's _query module).
    style: str | None = None
    deprecated: bool = False
    # The schema's `default`: what the server assumes when the argument is left out.
    server_default: JsonValue = None
    has_server_default: bool = False


@dataclass(frozen=True)
class Body:
    """A request body; object bodies (JSON or forms) are flattened into keyword arguments.

    `encoding` is how the runtime sends it: "json", "form" (urlencoded), "multipart",
    "binary" or "text".
    """

    type: TypeRef
    required: bool
    content_type: str
    encoding: str = "json"
    # Set when the body is an object whose properties become method arguments.
    fields: tuple[Field, ...] | None = None
    # The request model the flattened fields are collected into.
    model_name: str | None = None
    description: str | None = None
    # The keyword argument for each of `fields` (renamed where it clashes with a parameter).
    arguments: tuple[str, ...] = ()
    # A body sent as one value (no `fields`): its argument, which may also be passed by
    # position when the value is a primitive or an array (`positional`).
    argument: str = "body"
    positional: bool = False
    # Form and multipart bodies: the runtime style of each property whose `encoding` gives
    # one, and the media type of each multipart part that names one, by wire name.
    field_styles: tuple[tuple[str, str], ...] = ()
    part_types: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX" or "default"
    description: str | None
    type: TypeRef | None  # None: no JSON body
    # What the body is, from its media type (parse/media.py); for a streamed kind, `type`
    # is the type of each item (an event's data, a line).
    body: BodyKind = "none"
    # The media types of its content the client reads (see parse/media.py), for `Accept`.
    media_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    key: str  # "POST /v1/agents/{agentId}/telephony/phone-numbers"
    operation_id: str | None
    resource: str
    name: str  # the Python method name
    http_method: str
    path: str
    summary: str | None
    description: str | None
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: Body | None
    success: tuple[Response, ...]
    errors: tuple[Response, ...]
    pointer: str
    result: Result = field(default_factory=Result)
    # Alternatives of security scheme keys, in spec order; the first one whose credentials
    # are all given is sent. Empty: the operation sends no credentials.
    security: tuple[tuple[str, ...], ...] = ()
    deprecation: str | None = None  # the spec's text about the deprecation, if any
    tags: tuple[str, ...] = ()  # the first one's description describes the operation's resource
    # The operation's (or its path item's) own server URLs, variables at their defaults;
    # calls go to the first one instead of the client's server. Empty: the client's.
    servers: tuple[str, ...] = ()
    # The `Accept` header its calls send, from the responses' media types; None: no
    # response documents content, so the http client's own (`*/*`) is sent.
    accept: str | None = None

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        """In the order they appear in the path template."""
        params = [p for p in self.parameters if p.location == "path"]
        return tuple(sorted(params, key=lambda p: self.path.find("{" + p.wire_name + "}")))

    @property
    def other_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location != "path")

    @property
    def renames_path_parameters(self) -> bool:
        """Whether a path parameter's argument is named other than in the path template."""
        return any(p.python_name != p.wire_name for p in self.path_parameters)


@dataclass(frozen=True)
class Resource:
    name: str  # its path from the client: `phone_numbers`, or nested `agents.metrics`
    class_name: str  # `PhoneNumbers`, `AgentsMetrics`
    module: str  # `phone_numbers`, `agents_metrics`
    description: str | None
    operations: tuple[Operation, ...]
    # The resources nested in this one, each an attribute of it (`agents.metrics`).
    children: tuple[Resource, ...] = ()

    @property
    def attribute(self) -> str:
        """The attribute of the client (or of the parent resource) that returns it."""
        return self.name.rsplit(".", 1)[-1]

    @property
    def nested(self) -> bool:
        return "." in self.name


@dataclass(frozen=True)
class Api:
    name: str  # the specs/ folder name, or the spec file stem
    package: str
    client_class: str
    async_client_class: str
    title: str
    version: str
    description: str | None
    servers: tuple[Server, ...]  # the default first
    server_parameter: str | None
    security: tuple[SecurityScheme, ...]
    api_key_env: str | None
    base_url_env: str | None
    resources: tuple[Resource, ...]  # every resource, nested ones after their parent
    # Definitions rendered as response models and as request models (each sorted by name).
    response_definitions: tuple[Definition, ...]
    request_definitions: tuple[Definition, ...]
    spec_sha256: str
    notes: tuple[str, ...] = ()
    server_arguments: tuple[ServerArgument, ...] = ()
    credentials: tuple[Credential, ...] = ()

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for resource in self.resources for op in resource.operations)

    @property
    def top_resources(self) -> tuple[Resource, ...]:
        """The resources that are attributes of the client itself."""
        return tuple(resource for resource in self.resources if not resource.nested)

    @cached_property
    def definitions(self) -> dict[str, Definition]:
        """Every definition by name, response and request ones (a request one wins)."""
        everything = {d.name: d for d in self.response_definitions}
        everything.update({d.name: d for d in self.request_definitions})
        return everything

    @cached_property
    def request_names(self) -> dict[str, str]:
        """Definition name → its public request type (`names.request_names`): the names
        depend on every definition, so every module of the API reads them from here."""
        return names.request_names(self.definitions.values())
