"""What a generated method declares: parameter and return annotations, docs, request type."""

from __future__ import annotations

from typing import assert_never

from generator.model import names
from generator.model.api import Operation, Parameter, Response
from generator.model.call_options import CALL_OPTIONS
from generator.model.results import RESULT_SHAPES
from generator.model.types import (
    AnyType,
    ArrayType,
    EnumValues,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    Primitive,
    RawBody,
    TypeRef,
    UnionOf,
)
from generator.render.annotations import Annotations
from generator.render.client_docs import operation_server_doc


class Signatures:
    def __init__(self, request: Annotations, response: Annotations) -> None:
        self._request = request
        self._response = response

    def parameter_annotation(self, parameter: Parameter) -> str:
        # A header sent by default can be overridden with another value (a newer API version).
        if parameter.has_default and isinstance(parameter.type, EnumValues):
            return self._request.builtin("str")
        return self._request.of(parameter.type)

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
            return names.params_member(names.param_class(body.model_name))
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
        arguments = []
        for parameter in operation.parameters:
            text = (
                parameter.description
                or f"The `{parameter.wire_name}` {parameter.location} parameter."
            )
            if parameter.has_default:
                text += f" Sent as {parameter.default!r} unless given."
            elif parameter.has_server_default:
                text += f" The server's default is {parameter.server_default!r}."
            if parameter.deprecated:
                text = f"Deprecated. {text}"
            arguments.append(f"{parameter.python_name}: {_one_paragraph(text)}")
        body = operation.body
        if body is not None and body.fields is not None:
            for field, argument in zip(body.fields, body.arguments, strict=True):
                text = field.description or f"The `{field.wire_name}` field of the request body."
                if field.has_default:
                    text += f" The server's default is {field.default!r}."
                if field.deprecated:
                    text = f"Deprecated. {text}"
                arguments.append(f"{argument}: {_one_paragraph(text)}")
        elif body is not None:
            text = _one_paragraph(body.description or "The request body.")
            arguments.append(f"{body.argument}: {text}")
        if arguments:
            lines.append("Args:\n" + "\n".join("  " + a for a in arguments))
        lines.append(f"Route: `{operation.http_method} {operation.path}`")
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
    return ", ".join(f"{name}={value!r}" for name, value in paging.runtime_arguments())


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def signature_summary(operation: Operation) -> str:
    """`agent_id, *, phone_numbers, client_env=...` for api.md."""
    positional = [p.python_name for p in operation.path_parameters]
    keywords = [p.python_name + ("" if p.required else "=...") for p in operation.other_parameters]
    body = operation.body
    if body is not None and body.fields is not None:
        keywords += [
            argument + ("" if field.required else "=...")
            for field, argument in zip(body.fields, body.arguments, strict=True)
        ]
    elif body is not None:
        (positional if body.positional else keywords).append(
            body.argument + ("" if body.required else "=...")
        )
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
