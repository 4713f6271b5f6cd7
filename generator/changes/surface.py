"""The public surface of one API: what callers import, construct, call and read.

Everything is keyed by the Python names users write, so a wire-level rename that keeps
the Python name is no change, and a Python rename is a removal plus an addition. Each
argument and field carries its plain type as the method signatures spell it (for
reading and for the report), the constraints the request models check, apart (for
reading), and its shape, constraints included (for judging a change).
"""

from __future__ import annotations

from functools import partial
from typing import assert_never

from generator.changes.shapes import Shape, Shapes, constraints_in, refs_in
from generator.changes.spelling import Spelling, SpellingFor
from generator.model import names
from generator.model.api import Api, Operation, Parameter
from generator.model.decodability import union_is_closed_over_objects
from generator.model.results import RESULT_SHAPES
from generator.model.sides import Side
from generator.model.types import (
    AliasDef,
    Definition,
    EnumDef,
    Field,
    JsonValue,
    Nullable,
    ObjectDef,
    TypeRef,
    UnionDef,
)

Json = dict[str, JsonValue]


def api_surface(api: Api, module: str, spelling: SpellingFor) -> Json:
    """The surface of `api`, generated as the package `module`."""
    return _SurfaceBuilder(api, spelling(api)).build(module)


# Result kinds a caller consumes differently from a returned value (recorded in the surface).


class _SurfaceBuilder:
    def __init__(self, api: Api, spelling: Spelling) -> None:
        everything: dict[str, Definition] = {d.name: d for d in api.response_definitions}
        everything.update({d.name: d for d in api.request_definitions})
        self._api = api
        self._definitions = everything
        self._spelling = spelling
        self._shapes: dict[Side, Shapes] = {
            "request": Shapes(everything, "request", partial(_annotation, spelling, "request")),
            "response": Shapes(everything, "response", partial(_annotation, spelling, "response")),
        }

    def build(self, module: str) -> Json:
        api = self._api
        return {
            "module": module,
            "title": api.title,
            "version": api.version,
            "client": {
                "sync": api.client_class,
                "async": api.async_client_class,
                "api_key_env": api.api_key_env,
                "base_url_env": api.base_url_env,
                "credentials": {c.argument: c.env for c in api.credentials},
                "credential_kinds": {
                    c.argument: next(s for s in api.security if s.key == c.scheme).shape.described
                    for c in api.credentials
                },
            },
            "servers": self._servers(),
            "methods": {f"{op.resource}.{op.name}": self._method(op) for op in api.operations},
            "models": {**self._response_models(), **self._request_models()},
        }

    def _servers(self) -> Json:
        """The servers a caller can pick by name; without a parameter, only the default."""
        api = self._api
        offered = api.servers if api.server_parameter else api.servers[:1]
        return {
            "parameter": api.server_parameter,
            "default": api.servers[0].name if api.servers else None,
            "choices": {server.name: server.url for server in offered},
            "variables": {
                argument.argument: {
                    "enum": list(argument.enum),
                    "defaults": dict(argument.defaults),
                }
                for argument in api.server_arguments
            },
        }

    # -- methods ----------------------------------------------------------------------------

    def _method(self, op: Operation) -> Json:
        method: Json = {
            "route": f"{op.http_method} {op.path}",
            "arguments": self._arguments(op),
            "returns": self._returns(op),
            "errors": {
                r.status: self._type(r.type, "response") for r in op.errors if r.type is not None
            },
        }
        if op.deprecated:
            method["deprecated"] = True
        return method

    def _arguments(self, op: Operation) -> Json:
        arguments: Json = {}
        positions = {p.python_name: i for i, p in enumerate(op.path_parameters)}
        for parameter in op.parameters:
            arguments[parameter.python_name] = self._parameter(
                parameter, positions.get(parameter.python_name)
            )
        body = op.body
        if body is not None and body.fields is not None:
            for field, argument in zip(body.fields, body.arguments, strict=True):
                arguments[argument] = self._field(field, "request")
        elif body is not None:
            slot = self._slot(body.type, "request", required=body.required)
            if body.positional:
                slot["position"] = len(positions)
            arguments[body.argument] = slot
        return arguments

    def _parameter(self, parameter: Parameter, position: int | None) -> Json:
        slot = self._slot(parameter.type, "request", required=parameter.required)
        annotation = self._spelling.parameter_annotation(parameter)
        if annotation != self._spelling.annotation(parameter.type, "request"):
            # The signature widens a header sent by default to any `str`.
            slot["type"] = self._spelling.readable(annotation)
            slot["shape"] = "str"
        if parameter.has_default:
            slot["default"] = parameter.default
        elif parameter.has_server_default:
            slot["default"] = parameter.server_default
        if position is not None:
            slot["position"] = position
        if parameter.deprecated:
            slot["deprecated"] = True
        return slot

    def _returns(self, op: Operation) -> Json:
        shapes: list[Shape] = []
        for response in op.success:
            shape = "null" if response.type is None else self._shape(response.type, "response")
            if shape not in shapes:
                shapes.append(shape)
        returns: Json = {
            "type": self._spelling.readable(self._spelling.return_type(op)),
            "shape": shapes[0] if len(shapes) == 1 else {"union": shapes} if shapes else "null",
        }
        if RESULT_SHAPES[op.result.kind].wrapped:
            returns["result"] = op.result.kind
        return returns

    # -- models -----------------------------------------------------------------------------

    def _response_models(self) -> Json:
        """What models.py exports: objects, closed unions, aliases (enums decode as str)."""
        models: Json = {}
        for definition in self._api.response_definitions:
            described = self._model(definition, "response")
            if described is not None:
                models[names.public_model(definition.name)] = described
        return models

    def _request_models(self) -> Json:
        """The params.py names that arguments refer to, directly or through other models.

        A model that only collects one method's flattened arguments is described by
        that method's arguments instead, so that a change is reported once.
        """
        by_name = {d.name: d for d in self._api.request_definitions}
        pending = sorted(refs_in([self._arguments(op) for op in self._api.operations]))
        described: dict[str, Json] = {}
        while pending:
            name = pending.pop()
            if name in described or name not in by_name:
                continue
            model = self._model(by_name[name], "request")
            if model is not None:
                described[name] = model
                pending.extend(sorted(refs_in(model) - set(described)))
        return {
            names.public_param(self._spelling.request_name(by_name[name])): model
            for name, model in described.items()
        }

    def _model(self, definition: Definition, side: Side) -> Json | None:
        """None for a definition the side does not render as an importable name."""
        match definition:
            case ObjectDef():
                fields: Json = {
                    f.python_name: self._field(f, side) for f in definition.fields_for(side)
                }
                return {"kind": "object", "fields": fields}
            case EnumDef():
                if side == "response":
                    return None
                return {"kind": "enum", "values": list(definition.values)}
            case UnionDef():
                if not union_is_closed_over_objects(definition, self._definitions):
                    return None
                variants = [self._shape(v, side) for v in definition.variants]
                union: Json = {"kind": "union", "variants": variants}
                if side == "request":  # the variants' public names, for the report
                    union["types"] = [self._type(v, side)["type"] for v in definition.variants]
                return union
            case AliasDef():
                alias: Json = {"kind": "alias"}
                alias.update(self._type(definition.target, side))
                return alias
            case _:
                assert_never(definition)

    # -- types ------------------------------------------------------------------------------

    def _field(self, field: Field, side: Side) -> Json:
        slot = self._slot(field.type, side, required=field.required)
        if field.has_default and side == "request":
            slot["default"] = field.default
        if field.deprecated:
            slot["deprecated"] = True
        return slot

    def _slot(self, type_ref: TypeRef, side: Side, *, required: bool) -> Json:
        """An argument or field: its type, whether it must be given, whether it may be None.

        The shape of a nullable one is the shape of its other values, so that becoming
        nullable (or not) is told apart from a change of type.
        """
        slot = self._type(type_ref, side)
        slot["required"] = required
        if isinstance(type_ref, Nullable):
            slot["nullable"] = True
            slot["shape"] = self._shape(type_ref.inner, side)
        return slot

    def _type(self, type_ref: TypeRef, side: Side) -> Json:
        """The plain type as signatures spell it, its shape, and apart the constraints the
        request models check (what the plain type no longer says)."""
        annotation = self._spelling.annotation(type_ref, side)
        shape = self._shape(type_ref, side)
        place: Json = {"type": self._spelling.readable(annotation), "shape": shape}
        constraints = constraints_in(shape)
        if constraints is not None:
            place["constraints"] = constraints
        return place

    def _shape(self, type_ref: TypeRef, side: Side) -> Shape:
        return self._shapes[side].of(type_ref)


def _annotation(spelling: Spelling, side: Side, type_ref: TypeRef) -> str:
    return spelling.annotation(type_ref, side)
