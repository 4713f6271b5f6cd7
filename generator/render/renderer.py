"""The model → the files of the generated distribution (text, before formatting).

Templates are named after the file they produce and read only the model plus the
helpers passed here. The runtime's `.py` files are copied verbatim.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, assert_never

import jinja2

from generator.cache import Cache, installation_cache
from generator.changes.manifest import SURFACE_FILE, manifest_text
from generator.model import names
from generator.model.api import Api, Operation, Resource
from generator.model.names import readable_annotation
from generator.model.types import (
    AliasDef,
    Definition,
    EnumDef,
    NamedRef,
    ObjectDef,
    TypeRef,
    UnionDef,
    walk,
)
from generator.render import client_docs, deprecations, markdown, module_docs
from generator.render.annotations import Annotations
from generator.render.imports import BY_TEMPLATE, PLACEHOLDER, with_imports
from generator.render.layout import laid_out, lay_out
from generator.render.literals import docstring, py_literal, py_tuple
from generator.render.result_docs import result_doc
from generator.render.runtime_defaults import read_runtime_defaults
from generator.render.signatures import (
    Signatures,
    arguments,
    client_call,
    example_call,
    key_doc,
    pagination_arguments,
    signature_summary,
    table_description,
)
from generator.render.surface_spelling import GeneratedSpelling
from generator.render.template_cache import TemplateCache
from generator.render.template_files import templates_dir

TEMPLATES_DIR = templates_dir()
# Builtins that annotations in resource modules use.
_ANNOTATION_BUILTINS = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict"})
# Runtime names users need beside the errors, re-exported by every API package.
_HELPERS = frozenset(
    {
        "NOT_GIVEN",
        "NotGiven",
        "APIResponse",
        "Timeout",
        "Stream",
        "AsyncStream",
        "SyncPage",
        "AsyncPage",
        "AsyncPager",
        "StreamedResponse",
        "AsyncStreamedResponse",
    }
)


@dataclass(frozen=True)
class Distribution:
    """What to generate: one installable distribution holding one package per API.

    With `flat`, the single API is the root package itself (the ad-hoc mode).
    """

    name: str
    package: str
    version: str
    apis: tuple[Api, ...]
    flat: bool = False


def render_distribution(
    dist: Distribution,
    templates: Path = TEMPLATES_DIR,
    cache: Cache | None = None,
    skip: Collection[str] = (),
    rendered: Callable[[str, str], None] | None = None,
) -> dict[str, str]:
    """Every file's text but the resource modules and `api.md` files at the paths in `skip`
    (the caller has them already); `cache` keeps the compiled templates for the next run.
    `rendered`, when given, is called with each file rendered from a template as soon as
    its text is final (the runtime is copied, not rendered), so that formatting can start
    on it while the rest renders."""
    env = _environment(templates, cache)
    files: dict[str, str] = {}

    def put(path: str, text: str) -> None:
        files[path] = text
        if rendered is not None:
            rendered(path, text)

    root = dist.package
    common = {
        "dist": dist,
        "runtime": f"{root}._runtime",
        "user_exports": _user_exports(templates / "runtime" / "__init__.py"),
        "runtime_defaults": read_runtime_defaults(templates / "runtime"),
    }
    put("pyproject.toml", env.get_template("pyproject.toml.jinja").render(**common))
    put("README.md", env.get_template("README.md.jinja").render(**common))
    files[f"{root}/py.typed"] = ""
    for runtime_file in sorted((templates / "runtime").glob("*.py")):
        files[f"{root}/_runtime/{runtime_file.name}"] = runtime_file.read_text(encoding="utf-8")
    if not dist.flat:
        put(f"{root}/__init__.py", env.get_template("root__init__.py.jinja").render(**common))
        # The public surface, read back by the next run to report what changed for callers.
        files[SURFACE_FILE] = manifest_text(root, dist.apis, surface_spelling)
    for api in dist.apis:
        module = api_module(dist, api)
        folder = module.replace(".", "/")
        context = {**common, **_api_context(api, module)}
        put(f"{folder}/__init__.py", env.get_template("api__init__.py.jinja").render(**context))
        put(f"{folder}/_client.py", _module(env, "_client.py.jinja", context))
        put(f"{folder}/{names.MODELS_MODULE}.py", _module(env, "models.py.jinja", context))
        put(f"{folder}/{names.PARAMS_MODULE}.py", _module(env, "params.py.jinja", context))
        put(
            f"{folder}/{names.CHECKS_MODULE}.py",
            _module(env, "_request_models.py.jinja", context),
        )
        if f"{folder}/api.md" not in skip:
            put(f"{folder}/api.md", env.get_template("api.md.jinja").render(**context))
        put(
            f"{folder}/resources/__init__.py",
            env.get_template("resources__init__.py.jinja").render(**context),
        )
        for path, (_, resource) in resource_modules(dist, api).items():
            if path in skip:
                continue
            resource_context = {**context, **_resource_context(api, resource), "resource": resource}
            put(path, _module(env, "resource.py.jinja", resource_context))
    return files


def resource_modules(dist: Distribution, api: Api) -> dict[str, tuple[str, Resource]]:
    """Every resource of `api` by the path of its module: (the API's module, the resource)."""
    module = api_module(dist, api)
    folder = module.replace(".", "/")
    return {f"{folder}/resources/{r.module}.py": (module, r) for r in api.resources}


def api_module(dist: Distribution, api: Api) -> str:
    """The import path of `api`'s package."""
    return dist.package if dist.flat else f"{dist.package}.{api.package}"


def _module(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """A Python module of an API package, importing only the names its code uses."""
    text = env.get_template(template).render(**context, imports=PLACEHOLDER)
    text = with_imports(text, BY_TEMPLATE[template], context["runtime"], context["module"])
    return laid_out(text)


def surface_spelling(api: Api) -> GeneratedSpelling:
    """How the change report reads the annotations of `api`'s package."""
    return GeneratedSpelling(api, readable_annotation)


def _user_exports(runtime_init: Path) -> list[str]:
    """The runtime names each API package re-exports: errors and the per-call helpers.

    Read from the runtime's `__all__`, so the runtime stays the one list of its names.
    """
    tree = ast.parse(runtime_init.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            names = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
            return sorted(
                n for n in names if isinstance(n, str) and (n.endswith("Error") or n in _HELPERS)
            )
    return []


# What the templates compile to depends on these: part of the compiled templates' cache key.
_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "autoescape": False,
}


def _environment(templates: Path, cache: Cache | None = None) -> jinja2.Environment:
    """The templates' environment; their compiled code is kept in the installation's
    store and in `cache` (see `template_cache`)."""
    stores = [installation_cache(), *([cache] if cache is not None else [])]
    compiled = TemplateCache(stores, f"{sorted(_OPTIONS.items())} undefined=StrictUndefined")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=compiled,
        **_OPTIONS,
    )
    env.filters["py"] = py_literal
    env.filters["py_tuple"] = py_tuple
    env.filters["lay_out"] = lay_out
    env.filters["readable"] = readable_annotation
    env.globals["doc"] = docstring
    env.globals["names"] = names
    env.globals["module_docs"] = module_docs
    env.globals["markdown"] = markdown
    env.filters["cell"] = markdown.cell
    return env


def _method_context(api: Api, shadowed: frozenset[str] = frozenset()) -> dict[str, Any]:
    """What templates need to write methods; `shadowed` builtins are spelled in full."""
    everything, known = api.definitions, api.request_names
    request = Annotations(
        everything,
        "request",
        prefix=names.CHECKS_PREFIX,
        shadowed=shadowed,
        checks=True,
        request_names=known,
    )
    response = Annotations(
        everything, "response", prefix=names.MODELS_PREFIX, shadowed=shadowed, request_names=known
    )
    plain = Annotations(
        everything,
        "request",
        prefix=names.PARAMS_PREFIX,
        shadowed=shadowed,
        constrained=False,
        request_names=known,
    )
    signatures = Signatures(request, response, plain)
    return {
        "in_resource_response": response,
        "in_resource_request": request,
        "builtin": request.builtin,
        "return_type": signatures.return_type,
        "endpoint_type": signatures.endpoint_type,
        "is_coroutine": signatures.is_coroutine,
        "call_options": signatures.call_options,
        "client_call": client_call,
        "pagination_arguments": pagination_arguments,
        "request_type": signatures.request_type,
        "response_decoder": signatures.response_decoder,
        "method_doc": signatures.method_doc,
        "arguments": arguments,
        "declaration": signatures.declaration,
        "argument_annotation": signatures.argument_annotation,
        "table_description": table_description,
        "parameter_annotation": signatures.parameter_annotation,
        "checked_parameters": signatures.checked_parameters,
    }


def _resource_context(api: Api, resource: Resource) -> dict[str, Any]:
    """A resource class's methods shadow builtins of the same name inside the class."""
    shadowed = frozenset(op.name for op in resource.operations) & _ANNOTATION_BUILTINS
    return _method_context(api, shadowed)


def _api_context(api: Api, module: str) -> dict[str, Any]:
    everything, known = api.definitions, api.request_names
    public = public_requests(api)
    return {
        "api": api,
        "module": module,
        "response": Annotations(
            everything, "response", rendered=api.response_definitions, request_names=known
        ),
        "request": Annotations(
            everything, "request", rendered=api.request_definitions, request_names=known
        ),
        # The keys of params.py's TypedDicts: plain types, the limits said in `key_doc`.
        "keys": Annotations(everything, "request", constrained=False, request_names=known),
        "key_doc": key_doc,
        "checks": Annotations(
            everything,
            "request",
            rendered=api.request_definitions,
            checks=True,
            request_names=known,
        ),
        "public_requests": public,
        **_method_context(api),
        "zip": zip,
        "signature_summary": signature_summary,
        "example_call": lambda op: example_call(op, module, api.client_class),
        "response_order": _class_order(api.response_definitions),
        "request_order": _class_order(api.request_definitions),
        "endpoint_name": _endpoint_name,
        "is_object": lambda d: isinstance(d, ObjectDef),
        "is_union": lambda d: isinstance(d, UnionDef),
        "is_enum": lambda d: isinstance(d, EnumDef),
        "client_docs": client_docs,
        "deprecations": deprecations,
        "result_doc": result_doc,
    }


def _class_order(definitions: tuple[Definition, ...]) -> dict[str, list[Definition]]:
    """Definitions grouped in the order a module must define them."""
    order: dict[str, list[Definition]] = {"unions": [], "objects": [], "enums": []}
    for definition in definitions:
        match definition:
            case UnionDef():
                order["unions"].append(definition)
            case ObjectDef():
                order["objects"].append(definition)
            case EnumDef():
                order["enums"].append(definition)
            case AliasDef():
                pass  # placed below, after the definitions they name
            case _:
                assert_never(definition)
    order["aliases"] = _aliases_in_dependency_order(definitions)
    return order


def _aliases_in_dependency_order(definitions: tuple[Definition, ...]) -> list[Definition]:
    aliases = {d.name: d for d in definitions if isinstance(d, AliasDef)}
    ordered: list[Definition] = []
    placed: set[str] = set()

    def place(name: str) -> None:
        if name in placed or name not in aliases:
            return
        placed.add(name)
        for dependency in sorted(_names_in(aliases[name].target)):
            place(dependency)
        ordered.append(aliases[name])

    for name in sorted(aliases):
        place(name)
    return ordered


def _names_in(type_ref: TypeRef) -> set[str]:
    """The definitions a type refers to directly (not through other definitions)."""
    return {t.name for t in walk(type_ref) if isinstance(t, NamedRef)}


def public_requests(api: Api) -> frozenset[str]:
    """The request definitions users can name in params.py: all but a flattened body that
    no type refers to, whose fields are its method's arguments (only the Struct that
    checks and encodes it is generated)."""
    roots: list[TypeRef] = [p.type for op in api.operations for p in op.parameters]
    flattened: set[str] = set()
    for op in api.operations:
        if op.body is not None and op.body.fields is None:
            roots.append(op.body.type)
        elif op.body is not None and op.body.model_name is not None:
            flattened.add(op.body.model_name)
    for definition in api.request_definitions:
        roots.extend(_types_in(definition))
    referenced = {t.name for t in walk(*roots) if isinstance(t, NamedRef)}
    return frozenset(
        d.name for d in api.request_definitions if d.name not in flattened - referenced
    )


def _types_in(definition: Definition) -> tuple[TypeRef, ...]:
    match definition:
        case ObjectDef():
            return tuple(f.type for f in definition.fields_for("request"))
        case UnionDef():
            return definition.variants
        case AliasDef():
            return (definition.target,)
        case EnumDef():
            return ()
        case _:
            assert_never(definition)


def _endpoint_name(operation: Operation) -> str:
    return names.endpoint_constant(operation.name)
