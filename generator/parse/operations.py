"""Paths → operations: parameters, bodies, responses, security and Python names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostic, join_pointer
from generator.model.api import Body, Operation, Parameter, Response
from generator.model.types import EnumValues, NamedRef, Nullable, ObjectDef, TypeRef
from generator.naming import class_name, python_identifier, snake_case, split_words, unique
from generator.parse.document import resolve_pointer
from generator.parse.schemas import Locate, SchemaBuilder

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keyword arguments every generated method has; spec parameters must not take these names.
CALL_OPTIONS = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
)
# Attributes of generated resource classes that methods must not shadow.
RESOURCE_ATTRIBUTES = frozenset({"with_raw_response"})
_JSON_TYPES = ("application/json",)
_VERB_FALLBACK = {"get": "retrieve", "post": "create", "put": "update", "patch": "update"}


class OperationBuilder:
    def __init__(
        self,
        document: dict[str, Any],
        schemas: SchemaBuilder,
        overrides: Mapping[str, str],
        error: Locate,
    ) -> None:
        self._document = document
        self._schemas = schemas
        self._overrides = overrides
        self._error = error
        self.diagnostics: list[Diagnostic] = []
        self.notes: list[str] = []

    def build_all(self) -> list[Operation]:
        operations: list[Operation] = []
        seen: dict[tuple[str, str], Operation] = {}
        paths = self._document.get("paths") or {}
        for path, item in paths.items():
            if not isinstance(item, dict):
                continue
            item_pointer = join_pointer("/paths", path)
            for method in HTTP_METHODS:
                raw = item.get(method)
                if not isinstance(raw, dict):
                    continue
                pointer = join_pointer(item_pointer, method)
                operation = self._operation(path, method, item, raw, pointer)
                if operation is None:
                    continue
                key = (operation.resource, operation.name)
                if key in seen:
                    first = seen[key]
                    self.diagnostics.append(
                        self._error(
                            pointer,
                            f"operation {operation.key!r} and {first.key!r} (at "
                            f"{_where(self._error, first.pointer)}) both become "
                            f"`{operation.resource}.{operation.name}`; "
                            "set a name for one of them in api.toml [operations]",
                        )
                    )
                    continue
                seen[key] = operation
                operations.append(operation)
        if not operations and not self.diagnostics:
            self.diagnostics.append(self._error("/paths", "the document has no operations"))
        return operations

    def _operation(
        self, path: str, method: str, item: dict[str, Any], raw: dict[str, Any], pointer: str
    ) -> Operation | None:
        key = f"{method.upper()} {path}"
        operation_id = raw.get("operationId") if isinstance(raw.get("operationId"), str) else None
        resource, name = self._names(key, operation_id, raw, path, method)
        context = class_name(f"{resource} {name}", fallback="Operation")
        parameters = self._parameters(item, raw, pointer, context)
        body = self._body(raw.get("requestBody"), join_pointer(pointer, "requestBody"), context)
        taken = set(CALL_OPTIONS)
        named_parameters = []
        for parameter in parameters:
            named_parameters.append(_rename(parameter, taken))
        if body is not None and body.fields is not None:
            body = _rename_body(body, taken)
        success, errors = self._responses(raw.get("responses") or {}, pointer, context)
        return Operation(
            key=key,
            operation_id=operation_id,
            resource=resource,
            name=name,
            http_method=method.upper(),
            path=path,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            deprecated=raw.get("deprecated") is True,
            parameters=tuple(named_parameters),
            body=body,
            success=success,
            errors=errors,
            secured=self._secured(raw),
            pointer=pointer,
        )

    # -- names --------------------------------------------------------------------------------

    def _names(
        self, key: str, operation_id: str | None, raw: dict[str, Any], path: str, method: str
    ) -> tuple[str, str]:
        """(resource, method): pinned in api.toml, else from tags, operationId and summary."""
        pinned = self._overrides.get(key) or (operation_id and self._overrides.get(operation_id))
        if pinned:
            resource, name = pinned.split(".")
            return resource, name
        tags = raw.get("tags")
        resource = ""
        if isinstance(tags, list) and tags and isinstance(tags[0], str):
            resource = snake_case(tags[0])
        id_words = [w.lower() for w in split_words(operation_id or "")]
        if not resource and len(id_words) > 1:
            resource = "_".join(id_words[1:])
        if not resource:
            static = [s for s in path.split("/") if s and not s.startswith("{")]
            resource = snake_case(static[0]) if static else "default"
        resource = python_identifier(resource, fallback="default")
        resource_words = set(resource.split("_"))
        resource_words |= {w[:-1] for w in resource_words if w.endswith("s")}
        remaining = [w for w in id_words if w not in resource_words]
        if remaining:
            name = "_".join(remaining)
        else:
            summary_words = split_words(_text(raw.get("summary")) or "")
            if summary_words:
                name = summary_words[0].lower()
            else:
                lists = method == "get" and not path.rstrip("/").endswith("}")
                name = "list" if lists else _VERB_FALLBACK.get(method, method)
        name = python_identifier(name, fallback="call")
        if name in RESOURCE_ATTRIBUTES or name.startswith("_"):
            name += "_"
        return resource, name

    # -- parameters ---------------------------------------------------------------------------

    def _parameters(
        self, item: dict[str, Any], raw: dict[str, Any], pointer: str, context: str
    ) -> list[Parameter]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        for source, base in ((item, item_pointer), (raw, pointer)):
            for index, param in enumerate(source.get("parameters") or []):
                param_pointer = join_pointer(base, "parameters", index)
                param, param_pointer = self._deref(param, param_pointer)
                if not isinstance(param, dict):
                    continue
                merged[(str(param.get("name")), str(param.get("in")))] = (param, param_pointer)
        result = []
        for (wire_name, location), (param, param_pointer) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            if location == "header" and wire_name.lower() in (
                "accept",
                "content-type",
                "authorization",
            ):
                continue  # OpenAPI says these are ignored; the transport sets them
            if "schema" not in param:
                self.diagnostics.append(
                    self._error(
                        param_pointer, "parameters described by `content` are not supported"
                    )
                )
                continue
            hint = context + class_name(wire_name, fallback="Param")
            ptype = self._schemas.type_of(
                param["schema"], join_pointer(param_pointer, "schema"), hint
            )
            required = param.get("required") is True or location == "path"
            default, has_default = _parameter_default(ptype, required, location)
            explode = param.get("explode")
            result.append(
                Parameter(
                    python_name=python_identifier(wire_name, fallback="param"),
                    wire_name=wire_name,
                    location=location,  # type: ignore[arg-type]
                    type=ptype,
                    required=required and not has_default,
                    description=_text(param.get("description")),
                    default=default,
                    has_default=has_default,
                    explode=explode if isinstance(explode, bool) else True,
                    deprecated=param.get("deprecated") is True,
                )
            )
        return result

    # -- request body -------------------------------------------------------------------------

    def _body(self, raw: Any, pointer: str, context: str) -> Body | None:
        if raw is None:
            return None
        raw, pointer = self._deref(raw, pointer)
        if not isinstance(raw, dict):
            return None
        content = raw.get("content") or {}
        media = _json_media_type(content)
        if media is None:
            kinds = ", ".join(sorted(content)) or "none"
            self.diagnostics.append(
                self._error(
                    join_pointer(pointer, "content"),
                    f"request bodies of type {kinds} are not supported (only JSON)",
                )
            )
            return None
        media_object = content[media] if isinstance(content[media], dict) else {}
        schema_pointer = join_pointer(pointer, "content", media, "schema")
        schema = media_object.get("schema", {})
        body_type = self._schemas.type_of(schema, schema_pointer, context + "Body")
        required = raw.get("required") is True
        definition = self._object_definition(body_type)
        if definition is None:
            return Body(body_type, required, media, description=_text(raw.get("description")))
        return Body(
            type=body_type,
            required=required,
            content_type=media,
            fields=definition.fields,
            model_name=definition.name,
            description=_text(raw.get("description")) or definition.description,
        )

    def _object_definition(self, type_ref: TypeRef) -> ObjectDef | None:
        if isinstance(type_ref, NamedRef):
            definition = self._schemas.definitions.get(type_ref.name)
            if isinstance(definition, ObjectDef):
                return definition
        return None

    # -- responses ----------------------------------------------------------------------------

    def _responses(
        self, responses: dict[str, Any], pointer: str, context: str
    ) -> tuple[tuple[Response, ...], tuple[Response, ...]]:
        success: list[Response] = []
        errors: list[Response] = []
        has_2xx = any(str(code).startswith("2") for code in responses)
        for code, raw in responses.items():
            status = str(code).upper()
            response_pointer = join_pointer(pointer, "responses", str(code))
            component_name = None
            if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
                component_name = raw["$ref"].rsplit("/", 1)[-1]
            raw, response_pointer = self._deref(raw, response_pointer)
            if not isinstance(raw, dict):
                continue
            is_success = status.startswith("2") or (status == "DEFAULT" and not has_2xx)
            suffix = "Response" if is_success else f"{status.title()}Error"
            hint = class_name(component_name) + "Body" if component_name else context + suffix
            response = Response(
                status="default" if status == "DEFAULT" else status,
                description=_text(raw.get("description")),
                type=self._response_type(raw, response_pointer, hint),
            )
            (success if is_success else errors).append(response)
        return tuple(success), tuple(errors)

    def _response_type(self, raw: dict[str, Any], pointer: str, hint: str) -> TypeRef | None:
        content = raw.get("content") or {}
        media = _json_media_type(content)
        if media is None:
            return None
        media_object = content[media] if isinstance(content[media], dict) else {}
        if "schema" not in media_object:
            return None
        schema_pointer = join_pointer(pointer, "content", media, "schema")
        return self._schemas.type_of(media_object["schema"], schema_pointer, hint)

    # -- security -----------------------------------------------------------------------------

    def _secured(self, raw: dict[str, Any]) -> bool:
        requirements = raw.get("security", self._document.get("security"))
        if not isinstance(requirements, list) or not requirements:
            return False
        return not any(isinstance(r, dict) and not r for r in requirements)

    # -- helpers ------------------------------------------------------------------------------

    def _deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s of parameters, bodies and responses (not schemas) to their target."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                self.diagnostics.append(self._error(pointer, f"cannot follow $ref {ref!r}"))
                return None, pointer
            seen.add(ref)
            pointer = ref[1:]
            node = resolve_pointer(self._document, pointer)
        return node, pointer


def _rename(parameter: Parameter, taken: set[str]) -> Parameter:
    name = parameter.python_name
    if name in taken:
        name = f"{name}_{parameter.location}"
    name = unique(name, taken)
    if name == parameter.python_name:
        return parameter
    return Parameter(**{**parameter.__dict__, "python_name": name})


def _rename_body(body: Body, taken: set[str]) -> Body:
    """Body fields become keyword arguments; rename any that clash with a parameter."""
    arguments = []
    for field in body.fields or ():
        name = field.python_name if field.python_name not in taken else f"{field.python_name}_body"
        arguments.append(unique(name, taken))
    return Body(**{**body.__dict__, "arguments": tuple(arguments)})


def _parameter_default(ptype: TypeRef, required: bool, location: str) -> tuple[Any, bool]:
    """A required header that allows one value is sent by default (`Cartesia-Version`)."""
    inner = ptype.inner if isinstance(ptype, Nullable) else ptype
    if (
        required
        and location == "header"
        and isinstance(inner, EnumValues)
        and len(inner.values) == 1
    ):
        return inner.values[0], True
    return None, False


def _json_media_type(content: Any) -> str | None:
    if not isinstance(content, dict):
        return None
    for media in content:
        base = str(media).split(";")[0].strip().lower()
        if base in _JSON_TYPES or base.endswith("+json"):
            return str(media)
    return None


def _where(error: Locate, pointer: str) -> str:
    diagnostic = error(pointer, "")
    return str(diagnostic.location) if diagnostic.location is not None else pointer


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
