"""What a generated method declares: parameter and return annotations, docs, request type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from generator.model import names
from generator.model.api import Operation, Parameter, Response
from generator.model.call_options import CALL_OPTIONS
from generator.model.results import RESULT_SHAPES
from generator.model.types import (
    AnyType,
    ArrayType,
    EnumValues,
    Field,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    Primitive,
    RawBody,
    TypeRef,
    UnionOf,
)
from generator.render import markdown
from generator.render.annotations import Annotations
from generator.render.client_docs import operation_server_doc
from generator.render.constraint_words import constraint_sentence
from generator.render.literals import py_literal


@dataclass(frozen=True)
class Argument:
    """One argument of a generated method, from a parameter, a body field or the body."""

    name: str
    type: TypeRef
    required: bool
    # Path parameters and a positional body come before `*`; the rest are keyword-only.
    positional: bool
    # What the docstring and api.md's table say of it, before its limits.
    doc: str
    cell: str
    parameter: Parameter | None = None
    whole_body: bool = False  # the body as one argument: api.md's table leaves it out


def arguments(operation: Operation) -> list[Argument]:
    """The method's arguments in signature order: the positional ones (path parameters,
    then a positional body), then the keyword-only ones, required before optional, each
    group in spec order, so that a reader sees first what a call must give."""
    positional = [_of_parameter(p) for p in operation.path_parameters]
    keywords = [_of_parameter(p) for p in operation.other_parameters]
    body = operation.body
    if body is not None and body.fields is not None:
        keywords += [
            _of_field(f, argument) for f, argument in zip(body.fields, body.arguments, strict=True)
        ]
    elif body is not None:
        text = body.description or "The request body."
        argument = Argument(
            body.argument, body.type, body.required, body.positional, text, text, whole_body=True
        )
        (positional if body.positional else keywords).append(argument)
    keywords.sort(key=lambda a: not a.required)  # stable: spec order within each group
    return positional + keywords


def _of_parameter(parameter: Parameter) -> Argument:
    text = parameter.description or f"The `{parameter.wire_name}` {parameter.location} parameter."
    if parameter.has_default:
        text += f" Sent as {parameter.default!r} unless given."
    elif parameter.has_server_default:
        text += f" The server's default is {parameter.server_default!r}."
    return Argument(
        parameter.python_name,
        parameter.type,
        parameter.required and not parameter.has_default,
        parameter.location == "path",
        f"Deprecated. {text}" if parameter.deprecated else text,
        markdown.parameter_description(parameter),
        parameter=parameter,
    )


def _of_field(field: Field, argument: str) -> Argument:
    text = field.description or f"The `{field.wire_name}` field of the request body."
    if field.has_default:
        text += f" The server's default is {field.default!r}."
    return Argument(
        argument,
        field.type,
        field.required,
        False,
        f"Deprecated. {text}" if field.deprecated else text,
        markdown.field_description(field),
    )


class Signatures:
    """How resource modules spell methods. `request` spells request types as the endpoint
    checks them (constraints included; the change report passes the public spelling
    here), `plain` as users pass them, without constraints (for signatures)."""

    def __init__(self, request: Annotations, response: Annotations, plain: Annotations) -> None:
        self._request = request
        self._response = response
        self._plain = plain

    def declaration(self, argument: Argument) -> str:
        """`name: annotation` or `name: annotation = default`, as the signature writes it."""
        parameter = argument.parameter
        annotation = self.argument_annotation(argument)
        if parameter is not None and parameter.has_default:
            return f"{argument.name}: {annotation} = {py_literal(parameter.default)}"
        if argument.required:
            return f"{argument.name}: {annotation}"
        return f"{argument.name}: {annotation} | {names.private_alias('NotGiven')} = NOT_GIVEN"

    def argument_annotation(self, argument: Argument) -> str:
        """The plain type of an argument, as its signature and api.md show it."""
        if argument.parameter is not None:
            return self._parameter_annotation(argument.parameter, self._plain)
        return self._plain.of(argument.type)

    def parameter_annotation(self, parameter: Parameter) -> str:
        """The type the endpoint checks a parameter against, constraints included."""
        return self._parameter_annotation(parameter, self._request)

    @staticmethod
    def _parameter_annotation(parameter: Parameter, annotations: Annotations) -> str:
        # A header sent by default can be overridden with another value (a newer API version).
        if parameter.has_default and isinstance(parameter.type, EnumValues):
            return annotations.builtin("str")
        return annotations.of(parameter.type)

    def checked_parameters(self, operation: Operation) -> list[tuple[Parameter, str]]:
        """The parameters the endpoint checks before sending, with their annotations: all
        but those any text fits (a plain string), which a check could never refuse (None
        is never sent, so `str | None` is one of those)."""
        unchecked = ("_Any", self._request.builtin("str"))
        annotated = ((p, self.parameter_annotation(p)) for p in operation.parameters)
        return [
            (p, annotation)
            for p, annotation in annotated
            if annotation.removesuffix(" | None") not in unchecked
        ]

    def return_type(self, operation: Operation, is_async: bool) -> str:
        """What the sync or async method returns: the decoded type, or the runtime class
        its kind of result wraps it in for that mode (streams and pages differ by mode)."""
        result = operation.result
        shape = RESULT_SHAPES[result.kind]
        wrapper = shape.async_wrapper if is_async else shape.sync_wrapper
        decoded = self.endpoint_type(operation)
        if wrapper is None:
            return decoded
        if not shape.generic:
            return names.private_alias(wrapper)
        arguments = [decoded]
        if shape.with_item:
            arguments.append(self._response.of(result.item) if result.item is not None else "_Any")
        return f"{names.private_alias(wrapper)}[{', '.join(arguments)}]"

    def endpoint_type(self, operation: Operation) -> str:
        """What the endpoint decodes a success body (or each event's data) into."""
        rendered = dict.fromkeys(
            self._response.of(r.type) if r.type is not None else "None" for r in operation.success
        )
        if not rendered:
            return "None"
        ordered = [t for t in rendered if t != "None"] + (["None"] if "None" in rendered else [])
        return " | ".join(ordered)

    def is_coroutine(self, operation: Operation, is_async: bool) -> bool:
        """Async methods are coroutines, except list methods: their pager is iterated."""
        return is_async and RESULT_SHAPES[operation.result.kind].awaited

    def response_decoder(self, response: Response) -> str:
        """What the endpoint decodes a response with: a type, `bytes`, `RawText` or None."""
        if response.type is None:
            return "None"
        if isinstance(response.type, RawBody):
            return "_RawText" if response.type.text else "_builtins.bytes"
        return self._response.of(response.type)

    def call_options(self) -> list[tuple[str, str, str]]:
        """(name, annotation, default) of the per-call options, as resource modules spell them."""
        int_name = self._request.builtin("int")
        return [(o.name, o.annotation.replace("{int}", int_name), o.default) for o in CALL_OPTIONS]

    def request_type(self, operation: Operation) -> str:
        body = operation.body
        if body is None or isinstance(body.type, RawBody) or body.fields == ():
            return "None"
        if body.model_name is not None and body.fields is not None:
            return names.checks_member(body.model_name)
        annotation = self._request.of(body.type)
        return "None" if annotation == "_Any" else annotation

    def method_doc(self, operation: Operation) -> str:
        lines = []
        if operation.summary:
            lines.append(operation.summary)
        if operation.description and operation.description != operation.summary:
            lines.append(operation.description)
        if operation.deprecated:
            lines.append(
                f"Deprecated: {operation.deprecation}" if operation.deprecation else "Deprecated."
            )
        route = f"Route: `{operation.http_method} {operation.path}`"
        if not lines:  # the route says what the method does where the spec does not
            lines.append(route)
        documented = [f"{a.name}: {_one_paragraph(argument_doc(a))}" for a in arguments(operation)]
        documented += [f"{o.name}: {o.doc}" for o in CALL_OPTIONS]
        lines.append("Args:\n" + "\n".join("  " + a for a in documented))
        if lines[0] != route:
            lines.append(route)
        server = operation_server_doc(operation)
        if server is not None:
            lines.append(server)
        return "\n\n".join(lines)


def client_call(operation: Operation) -> str:
    """The runtime client method that sends the call and makes its kind of result."""
    return RESULT_SHAPES[operation.result.kind].client_call


def pagination_arguments(operation: Operation) -> str:
    """`items="data", cursor="starting_after", ...` for the runtime's `Pagination`."""
    paging = operation.result.paging
    if paging is None:
        return ""
    return ", ".join(f"{name}={py_literal(value)}" for name, value in paging.runtime_arguments())


def argument_doc(argument: Argument) -> str:
    """What the docstring says of an argument: its description, default and limits."""
    return _with_limits(argument.doc, constraint_sentence(argument.type))


def key_doc(field: Field) -> str:
    """What the docstring of a request TypedDict's key says: its description and limits
    (the key's type is plain, as in a signature; "" for neither)."""
    return _with_limits(field.description or "", constraint_sentence(field.type)).strip()


def table_description(argument: Argument) -> str:
    """api.md's description cell of an argument: the spec's words, then its limits."""
    return _with_limits(argument.cell, markdown.cell(constraint_sentence(argument.type)))


def _with_limits(text: str, limits: str) -> str:
    if not limits:
        return text
    text = text.rstrip()
    if not text:
        return limits
    return f"{text} {limits}" if text.endswith((".", "!", "?")) else f"{text}. {limits}"


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def signature_summary(operation: Operation) -> str:
    """`agent_id, *, phone_numbers, client_env=...` for api.md."""
    everything = arguments(operation)
    positional = [a.name + ("" if a.required else "=...") for a in everything if a.positional]
    keywords = [a.name + ("" if a.required else "=...") for a in everything if not a.positional]
    return ", ".join(positional + (["*", *keywords] if keywords else []))


def example_call(operation: Operation, import_from: str, client_class: str) -> str:
    """A minimal call with placeholder values for the required arguments, for api.md."""
    arguments = [
        f"    {p.python_name}={_placeholder(p.type)!s}," for p in operation.parameters if p.required
    ]
    body = operation.body
    if body is not None and body.fields is not None:
        arguments += [
            f"    {argument}={_placeholder(field.type)},"
            for field, argument in zip(body.fields, body.arguments, strict=True)
            if field.required
        ]
    elif body is not None and body.required:
        arguments.append(f"    {body.argument}={_placeholder(body.type)},")
    call = f"client.{operation.resource}.{operation.name}("
    call += ("\n" + "\n".join(arguments) + "\n)") if arguments else ")"
    return f"from {import_from} import {client_class}\n\nclient = {client_class}()\nresult = {call}"


def _placeholder(type_ref: TypeRef) -> str:
    """A value of the type to show in an example; `...` where no literal says more."""
    match type_ref:
        case Nullable():
            return _placeholder(type_ref.inner)
        case Primitive():
            return {"string": '"..."', "integer": "1", "number": "1.0", "boolean": "True"}[
                type_ref.kind
            ]
        case EnumValues():
            return repr(type_ref.values[0]) if type_ref.values else "..."
        case ArrayType():
            return f"[{_placeholder(type_ref.items)}]"
        case NamedRef() | MapType():
            return "{...}"
        case AnyType() | NullType() | UnionOf() | RawBody():
            return "..."
        case _:
            assert_never(type_ref)
