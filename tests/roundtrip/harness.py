"""One spec's round trip: generate its client, mock it with Prism, call every operation.

Each operation is called as a user would call it, with the sync and with the async client,
with arguments synthesized from the spec (`synthesize.py`) and passed under the Python
names the generator gave them (the model's parameters and body fields are read only for
those names), and each call is classified:

- **OK**: Prism accepted the request without a violation and the response decoded;
- **refused**: the client raised before sending anything (`RequestValidationError`, a
  `TypeError` for an argument the method does not have, ...);
- **rejected**: Prism found the request violating the spec (a violation, an unknown
  route, missing credentials, an `Accept` or `Content-Type` it cannot serve);
- **not decoded**: a 2xx came back and the client failed on it (`ResponseValidationError`
  or any other exception);
- **spec defect**: the spec contradicts itself where the call failed (no value fits a
  schema, two paths differ only in their parameter names, a body that cannot be what
  its media type is), named; never a pass;
- **mock limit**: Prism could not do its part (it cannot generate a response, its own
  response breaks the spec (by its own judgement or by the spec's schema, checked here
  when the client could not decode it), the spec has no success response, it cannot
  route or read the request, or it did not validate the body: see
  `prism_safe.body_probes`), named by its message; never a pass.

Prism is fed the Prism-safe copy of the effective spec (`prism_safe`), as the contract
tests do, and serves paths without the servers' path prefix, so the client's `base_url`
is Prism's bare address.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import inspect
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
from prism_safe import (
    DUMMY_KEY,
    HTTP_METHODS,
    body_probes,
    findings,
    judge_is_awake,
    prism_safe,
    resolve,
)
from prism_server import PrismServer, start_all
from synthesize import Synthesizer

from generator.diagnostics import GeneratorError
from generator.load import load_api_folder, load_spec_file
from generator.load.documents import read_document
from generator.model.api import Api, Operation
from generator.parse.api import build_api
from generator.render.renderer import Distribution, render_distribution
from generator.settings import default_api_settings
from generator.validate import validate_spec

OK = "OK"
REFUSED = "refused"
REJECTED = "rejected"
NOT_DECODED = "not decoded"
SPEC_DEFECT = "spec defect"
MOCK_LIMIT = "mock limit"
NOT_RUN = "not run"
OUTCOMES = (OK, REFUSED, REJECTED, NOT_DECODED, SPEC_DEFECT, MOCK_LIMIT, NOT_RUN)
MODES = ("sync", "async")
CALL_SECONDS = 20.0

# Prism's problem types that mean the request broke the spec; any other is Prism's limit.
_REJECTING = frozenset(
    {
        "UNPROCESSABLE_ENTITY",
        "NO_PATH_MATCHED_ERROR",
        "NO_METHOD_MATCHED_ERROR",
        "UNAUTHORIZED",
        "NOT_ACCEPTABLE",
        "INVALID_CONTENT_TYPE",
        "UNSUPPORTED_MEDIA_TYPE",
    }
)
OWN_RESPONSE = "Prism's own response breaks the spec"
UNROUTABLE = "Prism cannot route a path with '#' or '?' in it"
ADJACENT = "Prism cannot split adjacent path parameters"
OTHER_PATH = "Prism matched the request to another path"
BRACKETS = "Prism cannot match a query parameter whose name it percent-encodes"
READ_AS_TEXT = "Prism reads a {} body as text"
TWIN_PATH = "the path {} differs from this one only in its parameter names"
NO_VALUE = "no value fits the spec"
OBJECT_BODY = "the spec describes a {} body as JSON {}"
EXAMPLE = "the spec's own example of this response breaks its schema"
# Prism's random response, made to fit the schema (seeded: the same on every run).
DYNAMIC = "dynamic=true, seed=1"
# Prism's words for an exploded array or object field of a form it did not put together.
_UNDECODED_FORM = ("must be array", "must be object")
_UNION = ("must match exactly one schema in oneOf", "must match a schema in anyOf")
# Headers OpenAPI says are not parameters (the client sets them itself).
_NOT_PARAMETERS = frozenset({"accept", "content-type", "authorization"})


@dataclass
class Call:
    route: str
    mode: str
    outcome: str
    detail: str = ""


@dataclass
class SpecResult:
    spec: str
    operations: int = 0
    calls: list[Call] = field(default_factory=list)
    problem: str = ""  # why no operation ran (generator refused, Prism did not start)
    seconds: float = 0.0
    rewritten: int = 0  # schemas prism_safe rewrote

    def by_operation(self) -> dict[str, Call]:
        """Each route's verdict: its first call that is not OK, else its first."""
        verdicts: dict[str, Call] = {}
        for call in self.calls:
            if call.route not in verdicts or verdicts[call.route].outcome == OK:
                verdicts[call.route] = call
        return verdicts

    def counts(self) -> dict[str, int]:
        counts = {outcome: 0 for outcome in OUTCOMES}
        verdicts = self.by_operation()
        for call in verdicts.values():
            counts[call.outcome] += 1
        counts[NOT_RUN] += self.operations - len(verdicts)
        return counts

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> SpecResult:
        data = json.loads(text)
        data["calls"] = [Call(**call) for call in data["calls"]]
        return cls(**data)


def effective_document(spec: Path, overlay: Path | None = None) -> dict[str, Any]:
    """The document as the generator reads it: external refs bundled, the overlay applied."""
    if overlay is None:
        document: dict[str, Any] = load_spec_file(spec).document
        return document
    with tempfile.TemporaryDirectory(prefix="roundtrip-overlay-") as folder:
        shutil.copy(spec, Path(folder) / spec.name)
        shutil.copy(overlay, Path(folder) / ("~overlay" + overlay.suffix))
        merged: dict[str, Any] = load_api_folder(Path(folder)).document
        return merged


def generate(spec_file: Path, package: str, out: Path) -> Api:
    """The client package for `spec_file` written to `out` (as `clientgen generate --spec`,
    without black: formatting changes no behaviour), and the model it was made from."""
    spec = load_spec_file(spec_file)
    validate_spec(spec)
    api = build_api(spec, default_api_settings(package))
    dist = Distribution(package.replace("_", "-"), package, "0.1.0", (api,), flat=True)
    for name, text in render_distribution(dist).items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return api


def operations_of(
    document: dict[str, Any],
) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(route, path, path item, operation) of every operation under `paths`."""
    found = []
    for path, item in (document.get("paths") or {}).items():
        item = resolve(document, item)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found.append((f"{method.upper()} {path}", item, operation))
    return found


def run_spec(
    name: str,
    spec: Path,
    scratch: Path,
    package: str,
    *,
    overlay: Path | None = None,
    deadline: float | None = None,
    modes: tuple[str, ...] = MODES,
) -> SpecResult:
    """The round trip of one spec, in `scratch`; stops calling at `deadline` (monotonic)."""
    started = time.monotonic()
    result = SpecResult(name)
    try:
        document = effective_document(spec, overlay)
    except GeneratorError as error:
        with contextlib.suppress(GeneratorError):
            result.operations = len(operations_of(read_document(spec).document))
        result.problem = "generator refused: " + str(error.diagnostics[0])
        return result
    result.operations = len(operations_of(document))
    effective = scratch / "effective.json"
    effective.write_text(json.dumps(document, default=str), encoding="utf-8")
    try:
        # The spec's own file where it can be, so that messages name it.
        api = generate(spec if overlay is None else effective, package, scratch / "out")
    except GeneratorError as error:
        result.problem = "generator refused: " + str(error.diagnostics[0])
        return result
    safe, rewritten = prism_safe(json.loads(effective.read_text(encoding="utf-8")))
    result.rewritten = len(rewritten)
    safe_file = scratch / "prism.json"
    safe_file.write_text(json.dumps(safe), encoding="utf-8")
    try:
        server = start_all({"roundtrip": safe_file}, scratch)["roundtrip"]
    except Exception as error:
        result.problem = "mock limit: Prism did not start: " + _one_line(str(error), 300)
        return result
    try:
        _call_all(result, document, api, package, scratch / "out", server, deadline, modes)
    finally:
        server.stop()
        result.seconds = time.monotonic() - started
    return result


def _call_all(
    result: SpecResult,
    document: dict[str, Any],
    api: Api,
    package: str,
    out: Path,
    server: PrismServer,
    deadline: float | None,
    modes: tuple[str, ...],
) -> None:
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        runtime = importlib.import_module(package + "._runtime")
    finally:
        sys.path.remove(str(out))
    methods = {
        op.key: (resource.name, op) for resource in api.resources for op in resource.operations
    }
    with httpx.Client(base_url=server.base_url, timeout=CALL_SECONDS) as http:
        probes, _ = body_probes(document)
        unjudged = {
            probe.route: found
            for probe in probes
            if (found := judge_is_awake(http, probe, document)) is not None
        }
    synthesizer = Synthesizer(document)
    twins = twin_paths(document)
    for route, item, operation in operations_of(document):
        if deadline is not None and time.monotonic() > deadline:
            return
        if route not in methods:
            for mode in modes:
                result.calls.append(Call(route, mode, REFUSED, "the client has no method for it"))
            continue
        resource, op = methods[route]
        synthesizer.impossible.clear()
        arguments, notes = _arguments(synthesizer, document, item, operation, op)
        impossible = list(synthesizer.impossible)
        body_schema = _body_schema(document, operation, op)
        send = functools.partial(
            _call, document, body_schema, module, runtime, api, server, resource, op, route
        )
        for mode in modes:
            call = send(arguments, mode)
            if call.outcome == MOCK_LIMIT and call.detail.startswith(OWN_RESPONSE):
                # Prism's static answer broke the spec: a random one made to fit it may not.
                call = send({**arguments, "extra_headers": {"Prefer": DYNAMIC}}, mode)
                call.detail = f"(dynamic response) {call.detail}".strip()
            call.route = route
            path = route.split(" ", 1)[1]
            judged = (REFUSED,) if unroutable(route) else (REFUSED, REJECTED)
            if call.outcome in judged and impossible:
                call.outcome = SPEC_DEFECT
                call.detail = f"{NO_VALUE} ({impossible[0]}): {call.detail}"
            elif path in twins and (
                call.outcome in (REJECTED, NOT_DECODED) or OWN_RESPONSE in call.detail
            ):
                call.outcome = SPEC_DEFECT
                call.detail = f"{TWIN_PATH.format(twins[path])}: {call.detail}"
            if unroutable(route) and call.outcome not in (REFUSED, SPEC_DEFECT):
                call.outcome = MOCK_LIMIT
                call.detail = f"{UNROUTABLE}: {call.detail}".rstrip(": ")
            if call.outcome == OK and route in unjudged:
                call.outcome, call.detail = MOCK_LIMIT, "Prism did not validate the body"
            if notes and call.outcome != OK:
                call.detail = "; ".join([call.detail, *notes])
            result.calls.append(call)


def _arguments(
    synthesizer: Synthesizer,
    document: dict[str, Any],
    item: dict[str, Any],
    operation: dict[str, Any],
    op: Operation,
) -> tuple[dict[str, Any], list[str]]:
    """Keyword arguments for `op` from the spec's parameters and body; what did not map."""
    names = {(p.location, p.wire_name.lower()): p.python_name for p in op.parameters}
    arguments: dict[str, Any] = {}
    notes: list[str] = []
    parameters: dict[tuple[str, str], Any] = {}
    for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        parameter = resolve(document, parameter)
        if isinstance(parameter, dict):
            parameters[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
    for (location, wire), parameter in parameters.items():
        if location == "header" and wire.lower() in _NOT_PARAMETERS:
            continue
        python = names.get((location, wire.lower()))
        if python is None:
            notes.append(f"no argument for the {location} parameter {wire!r}")
            continue
        schema = parameter.get("schema")
        if schema is None and isinstance(parameter.get("content"), dict):
            schema = next(iter(parameter["content"].values()), {}).get("schema", {})
        arguments[python] = synthesizer.value(schema or {}, depth=1)
    body = op.body
    content = (resolve(document, operation.get("requestBody")) or {}).get("content") or {}
    if body is None:
        if content:
            notes.append("no argument for the request body")
        return arguments, notes
    media = content.get(body.content_type) or next(iter(content.values()), {})
    value = synthesizer.value((media or {}).get("schema") or {})
    if body.fields is None:
        arguments[body.argument] = raw_body(body.encoding, value)
        return arguments, notes
    wire_to_argument = {f.wire_name: a for f, a in zip(body.fields, body.arguments, strict=True)}
    if not isinstance(value, dict) and len(body.arguments) == 1:
        # A body that is one file, which the generator wraps as its one field.
        arguments[body.arguments[0]] = value
    elif isinstance(value, dict):
        for wire, field_value in value.items():
            if wire in wire_to_argument:
                arguments[wire_to_argument[wire]] = field_value
            else:
                notes.append(f"no argument for the body field {wire!r}")
    return arguments, notes


def raw_body(encoding: str, value: Any) -> Any:
    """A body the client sends as it is (`binary`, `text`: an XML body, say) takes bytes or
    text, whatever its schema describes: the value written as JSON, as a caller would have
    to serialize it themselves."""
    if encoding == "binary" and not isinstance(value, bytes):
        return json.dumps(value, default=str).encode()
    if encoding == "text" and not isinstance(value, str):
        return json.dumps(value, default=str)
    return value


@dataclass
class Exchange:
    """What went over the wire in one call: the last request and response seen."""

    request: httpx.Request | None = None
    response: httpx.Response | None = None


def _call(
    document: dict[str, Any],
    body_schema: Any,
    module: Any,
    runtime: Any,
    api: Api,
    server: PrismServer,
    resource: str,
    op: Operation,
    route: str,
    arguments: dict[str, Any],
    mode: str,
) -> Call:
    exchange = Exchange()
    credentials = {c.argument: DUMMY_KEY for c in api.credentials}
    options: dict[str, Any] = {"base_url": server.base_url, "max_retries": 0, **credentials}
    error: BaseException | None = None
    try:
        if mode == "sync":
            _call_sync(module, runtime, api, resource, op, arguments, options, exchange)
        else:
            asyncio.run(
                _call_async(module, runtime, api, resource, op, arguments, options, exchange)
            )
    except Exception as caught:
        error = caught
    encoding = None if op.body is None else op.body.encoding
    return classify(
        document, body_schema, encoding, runtime, server, exchange, error, mode, route=route
    )


def _hooks(exchange: Exchange) -> tuple[Callable[..., Any], Callable[..., Any]]:
    def on_request(request: httpx.Request) -> None:
        exchange.request, exchange.response = request, None

    def on_response(response: httpx.Response) -> None:
        exchange.response = response

    return on_request, on_response


def _call_sync(
    module: Any,
    runtime: Any,
    api: Api,
    resource: str,
    op: Operation,
    arguments: dict[str, Any],
    options: dict[str, Any],
    exchange: Exchange,
) -> None:
    on_request, on_response = _hooks(exchange)
    hooks = {"request": [on_request], "response": [on_response]}
    with (
        httpx.Client(event_hooks=hooks, timeout=CALL_SECONDS) as http,
        getattr(module, api.client_class)(http_client=http, **options) as client,
    ):
        result = getattr(getattr(client, resource), op.name)(**arguments)
        if isinstance(result, runtime.Stream):
            with contextlib.closing(result):
                for _ in result:
                    pass


async def _call_async(
    module: Any,
    runtime: Any,
    api: Api,
    resource: str,
    op: Operation,
    arguments: dict[str, Any],
    options: dict[str, Any],
    exchange: Exchange,
) -> None:
    on_request, on_response = _hooks(exchange)

    async def on_request_async(request: httpx.Request) -> None:
        on_request(request)

    async def on_response_async(response: httpx.Response) -> None:
        on_response(response)

    hooks = {"request": [on_request_async], "response": [on_response_async]}
    async with (
        httpx.AsyncClient(event_hooks=hooks, timeout=CALL_SECONDS) as http,
        getattr(module, api.async_client_class)(http_client=http, **options) as client,
    ):
        result = getattr(getattr(client, resource), op.name)(**arguments)
        if inspect.isawaitable(result):
            result = await result
        if isinstance(result, runtime.AsyncStream):
            async for _ in result:
                pass
            await result.close()


def classify(
    document: dict[str, Any],
    body_schema: Any,
    encoding: str | None,
    runtime: Any,
    server: PrismServer,
    exchange: Exchange,
    error: BaseException | None,
    mode: str,
    *,
    route: str = "",
) -> Call:
    """The outcome of one call; `route` (`GET /path`) names the operation in `document`."""
    described = "" if error is None else f"{type(error).__name__}: {_one_line(str(error))}"
    if exchange.request is None:
        return Call("", mode, REFUSED, described or "nothing was sent")
    response = exchange.response
    if response is None:
        if server.process.poll() is not None:
            return Call("", mode, MOCK_LIMIT, "Prism exited: " + described)
        return Call("", mode, REFUSED, "not sent whole: " + described)
    with contextlib.suppress(httpx.HTTPError, RuntimeError):
        response.read()
    found = findings(response)
    problem = _problem(response)
    requested = [
        (location, message) for location, message in found if location[:1] != ("response",)
    ]
    if requested:
        detail = "; ".join(message for _, message in requested)
        if all(_ignored_header(location, message) for location, message in requested):
            return Call("", mode, MOCK_LIMIT, "Prism requires a header OpenAPI ignores: " + detail)
        if all(_discriminated(document, body_schema, location) for location, _ in requested):
            return Call("", mode, MOCK_LIMIT, "Prism ignores the discriminator: " + detail)
        if (
            encoding in ("form", "multipart")
            and all(
                location[:1] == ("body",) and message.endswith(_UNDECODED_FORM + _UNION)
                for location, message in requested
            )
            and any(message.endswith(_UNDECODED_FORM) for _, message in requested)
        ):
            return Call("", mode, MOCK_LIMIT, f"Prism reads {encoding} fields as text: {detail}")
        limit = _prism_misread(route, exchange.request, encoding, requested)
        if limit is not None:
            outcome, name = limit
            return Call("", mode, outcome, f"{name}: {detail}")
        return Call("", mode, REJECTED, detail)
    answered = [message for location, message in found if location[:1] == ("response",)]
    if answered:
        return Call("", mode, MOCK_LIMIT, "Prism's own response breaks the spec: " + answered[0])
    if problem is not None:
        kind, text = problem
        return Call("", mode, REJECTED if kind in _REJECTING else MOCK_LIMIT, f"{kind}: {text}")
    if error is None:
        return Call("", mode, OK)
    if response.status_code >= 300 and isinstance(error, runtime.APIStatusError):
        return Call(
            "", mode, MOCK_LIMIT, f"Prism answered {response.status_code}: no success response"
        )
    broken = response_violation(document, route, response, described)
    if broken is not None and broken.startswith(EXAMPLE):
        return Call("", mode, SPEC_DEFECT, broken)
    if broken is not None:
        return Call("", mode, MOCK_LIMIT, f"{OWN_RESPONSE}: {broken}")
    return Call("", mode, NOT_DECODED, described)


def _prism_misread(
    route: str,
    request: httpx.Request,
    encoding: str | None,
    requested: list[tuple[tuple[str, ...], str]],
) -> tuple[str, str] | None:
    """(outcome, name) when every violation Prism found is one it makes up itself, or one
    that the spec, not the request, is at fault for; None when the request broke the spec."""
    path = route.split(" ", 1)[-1]
    locations = {location[:1] for location, _ in requested}
    if locations == {("path",)} and "}{" in path:
        return MOCK_LIMIT, ADJACENT
    named = {name.lower() for name in re.findall(r"{([^}]+)}", path)}
    if locations == {("path",)} and any(
        len(location) > 1 and location[1].lower() not in named for location, _ in requested
    ):
        return MOCK_LIMIT, OTHER_PATH
    if locations == {("query",)}:
        sent = {unquote(key).lower() for key in request.url.params}
        wanted = [re.search(r"required property '([^']*%[^']*)'$", m) for _, m in requested]
        if all(w is not None and unquote(w.group(1)).lower() in sent for w in wanted):
            return MOCK_LIMIT, BRACKETS
    whole_body = all(
        location == ("body",)
        and message in ("Request body must be object", "Request body must be array")
        for location, message in requested
    )
    if whole_body and encoding in ("binary", "text"):
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if "json" in media or "xml" in media:
            return MOCK_LIMIT, READ_AS_TEXT.format(media)
        kind = requested[0][1].rsplit(" ", 1)[-1]
        return SPEC_DEFECT, OBJECT_BODY.format(media or "raw", kind)
    return None


def twin_paths(document: dict[str, Any]) -> dict[str, str]:
    """Each path that differs from another only in its parameter names, with that other
    one: OpenAPI forbids them (they are the same path), and Prism answers either with
    the other's operation."""
    by_shape: dict[str, list[str]] = {}
    for path in document.get("paths") or {}:
        by_shape.setdefault(re.sub(r"{[^}]*}", "{}", str(path)), []).append(str(path))
    return {
        path: next(other for other in paths if other != path)
        for paths in by_shape.values()
        if len(paths) > 1
        for path in paths
    }


def response_violation(
    document: dict[str, Any], route: str, response: httpx.Response, error: str
) -> str | None:
    """Where a 2xx JSON response breaks its schema in the spec (formats included), at or
    around where the client's `error` says decoding failed; None if it fits, or cannot
    be judged. Prism does not check every keyword of its own responses (a `format`
    under `allOf`, an example that is not of its schema's type). A schema with
    properties is an object, as the client reads it (JSON Schema would take any value
    for one without a `type`); a response that is the spec's own example says so
    (`EXAMPLE`): the spec, not Prism, is wrong then."""
    method, _, path = route.partition(" ")
    item = resolve(document, (document.get("paths") or {}).get(path))
    operation = item.get(method.lower()) if isinstance(item, dict) else None
    if not isinstance(operation, dict):
        return None
    responses = operation.get("responses") or {}
    status = str(response.status_code)
    declared = resolve(
        document,
        responses.get(status) or responses.get(status[0] + "XX") or responses.get("default"),
    )
    content = declared.get("content") if isinstance(declared, dict) else None
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not isinstance(content, dict) or not (
        media == "application/json" or media.endswith("+json")
    ):
        return None
    described = next(
        (v for k, v in content.items() if str(k).split(";")[0].strip().lower() == media), None
    )
    schema = described.get("schema") if isinstance(described, dict) else None
    try:
        body = response.json()
    except (ValueError, httpx.ResponseNotRead):
        return None
    if schema is None:
        return None
    from openapi_schema_validator import (
        OAS30Validator,
        OAS31Validator,
        oas30_format_checker,
        oas31_format_checker,
    )

    is_31 = str(document.get("openapi", "")).startswith("3.1")
    validator_class = OAS31Validator if is_31 else OAS30Validator
    checker = oas31_format_checker if is_31 else oas30_format_checker
    components = dict(document.get("components") or {})
    if isinstance(components.get("schemas"), dict):
        components["schemas"] = {k: _as_objects(v) for k, v in components["schemas"].items()}
    root: Any = {"allOf": [_as_objects(schema)], "components": components}
    try:
        errors = list(validator_class(root, format_checker=checker).iter_errors(body))
    except Exception:  # an ECMA pattern Python cannot read: judged without patterns
        root = _without_patterns(root)
        try:
            errors = list(validator_class(root, format_checker=checker).iter_errors(body))
        except Exception:
            return None
    failed = re.search(r"at `\$([^`]*)`", error)
    where = _tokens(failed.group(1)) if failed else None
    for found in errors:
        at = [str(part) for part in found.absolute_path]
        if where is None or _overlaps(at, where):
            shown = ".".join(at) or "(the body)"
            text = _one_line(f"Response body at {shown}: {found.message}")
            examples = _examples(document, described)
            return f"{EXAMPLE}: {text}" if body in examples else text
    return None


def _as_objects(schema: Any) -> Any:
    """`schema` with `type: object` added wherever properties are listed without a type."""
    if not isinstance(schema, dict):
        return schema
    copied = dict(schema)
    for key in ("allOf", "oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            copied[key] = [_as_objects(member) for member in schema[key]]
    for key in ("items", "additionalProperties", "not"):
        copied[key] = _as_objects(schema[key]) if key in schema else None
        if key not in schema:
            del copied[key]
    if isinstance(schema.get("properties"), dict):
        copied["properties"] = {k: _as_objects(v) for k, v in schema["properties"].items()}
        copied.setdefault("type", "object")
    return copied


def _examples(document: dict[str, Any], media: Any) -> list[Any]:
    """The example values a media type object gives (`example`, `examples`)."""
    if not isinstance(media, dict):
        return []
    found = [media["example"]] if "example" in media else []
    for example in (media.get("examples") or {}).values():
        example = resolve(document, example)
        if isinstance(example, dict) and "value" in example:
            found.append(example["value"])
    return found


def _without_patterns(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_patterns(v) for k, v in schema.items() if k != "pattern"}
    if isinstance(schema, list):
        return [_without_patterns(item) for item in schema]
    return schema


def _tokens(json_path: str) -> list[str]:
    """`.a[0].b[...]` → ["a", "0", "b", "*"]."""
    parts = re.findall(r"\.([^.\[]+)|\[(\d+|\.\.\.)\]", json_path)
    return [name or ("*" if index == "..." else index) for name, index in parts]


def _overlaps(at: list[str], where: list[str]) -> bool:
    """Whether one path is within the other (`*` matches any key)."""
    return all(w in ("*", a) for a, w in zip(at, where, strict=False))


def unroutable(route: str) -> bool:
    """A spec path such as `/#X-Amz-Target=...` or `/?Action=...`: its part after `#` or
    `?` is never part of a request's path, so Prism never finds the operation; it judges
    the request by another operation of the same path, or by none."""
    path = route.split(" ", 1)[1]
    return "#" in path or "?" in path


def _ignored_header(location: tuple[str, ...], message: str) -> bool:
    """A required `Authorization`, `Accept` or `Content-Type` header parameter: OpenAPI says
    such a parameter is ignored (the client sends none), Prism requires it."""
    return location[:1] == ("header",) and any(
        message.endswith(f"must have required property '{name}'") for name in _NOT_PARAMETERS
    )


def _body_schema(document: dict[str, Any], operation: dict[str, Any], op: Operation) -> Any:
    content = (resolve(document, operation.get("requestBody")) or {}).get("content") or {}
    if op.body is not None and op.body.content_type in content:
        return (content[op.body.content_type] or {}).get("schema")
    return None


def _discriminated(document: dict[str, Any], schema: Any, location: tuple[str, ...]) -> bool:
    """Whether the body violation at `location` is a `oneOf` with a discriminator matched
    more than once: OpenAPI picks the variant by the tag, Prism's JSON Schema cannot."""
    if location[:1] != ("body",):
        return False
    for part in location[1:]:
        schema = resolve(document, schema)
        if not isinstance(schema, dict):
            return False
        if part.isdigit() and "items" in schema:
            schema = schema["items"]
        else:
            schema = _merged_properties(document, schema).get(part)
    schema = resolve(document, schema)
    return isinstance(schema, dict) and "oneOf" in schema and "discriminator" in schema


def _merged_properties(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    properties = dict(schema.get("properties") or {})
    for member in schema.get("allOf") or []:
        member = resolve(document, member)
        if isinstance(member, dict):
            properties.update(_merged_properties(document, member))
    return properties


def _problem(response: httpx.Response) -> tuple[str, str] | None:
    """Prism's own error (`application/problem+json` with its error type), if it is one."""
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return None
    try:
        problem = response.json()
    except (ValueError, httpx.ResponseNotRead):
        return None
    kind = str(problem.get("type", "")) if isinstance(problem, dict) else ""
    if "stoplight.io/prism/errors#" not in kind:
        return None
    text = f"{problem.get('title', '')}: {problem.get('detail', '')}".strip(": ")
    return kind.rsplit("#", 1)[-1], _one_line(text)


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
