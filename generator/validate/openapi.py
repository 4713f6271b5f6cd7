"""openapi-spec-validator, with every error it reports located in our input files.

The library validates in two passes: the document against the OpenAPI JSON schema
(errors carry their path in the document), then semantic checks such as path
parameters, duplicate operation ids and schema defaults (errors carry no path at all).
The semantic checkers are wrapped here so that each error is tagged with the path the
checker was examining; that path may run through `$ref`s, and `follow` maps it back to
where the offending node is written. The wrapper also stops one checker from recursing
forever on valid recursive schemas.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from functools import partial
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import SchemaError
from jsonschema.validators import validator_for
from jsonschema_path import SchemaPath
from openapi_schema_validator._specifications import REGISTRY as DIALECT_REGISTRY
from openapi_schema_validator.validators import check_openapi_schema
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation.validators import SpecValidator

from generator.diagnostics import Diagnostic, join_pointer
from generator.load import LoadedSpec, diagnostic_at
from generator.validate.errors import messages, most_specific, one_line
from generator.validate.lookups import take_direct_steps
from generator.validate.refs import follow

# Set on semantic errors: the path of the node being checked; error paths are relative to it.
_EXAMINED = "_clientgen_examined"


# Whether a value equal to one found clean is taken as clean without checking it again
# (`_CleanOutcomes` and `_validate_schema_meta`, through `_ValueKeys`); tests turn it off
# to compare with the library's own verdicts.
_REMEMBER_CLEAN = True


# The schema checker's lists of schema ids already checked: it asks `id in list` for
# each schema it meets, which is quadratic on a spec with thousands of schemas.
_ID_LISTS = ("visited_schema_ids", "meta_checked_schema_ids")


class _IdList(list[int]):
    """A list that also answers `in` from a set: the same answers, in constant time.

    The checker only appends to these lists and asks them `in`; anything else a list
    does is still the list's.
    """

    def __init__(self, ids: list[int]) -> None:
        super().__init__(ids)
        self._members = set(ids)

    def append(self, value: int) -> None:
        super().append(value)
        self._members.add(value)

    def __contains__(self, value: object) -> bool:
        return value in self._members


def _locating(keyword: str, checker: type[Any]) -> type[Any]:
    """`checker` tagging each error it yields with the path it examines, innermost first.

    Defaults are checked by the "default" checker against the schema that holds them,
    and their error paths are relative to the default value, hence the extra token.
    """
    extra = ("default",) if keyword == "default" else ()

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        examined = next((arg for arg in args if isinstance(arg, SchemaPath)), None)
        for error in checker.__call__(self, *args, **kwargs):
            if examined is not None and not hasattr(error, _EXAMINED):
                setattr(error, _EXAMINED, (*examined.parts, *extra))
            yield error

    def _collect_properties(self: Any, schema: SchemaPath) -> set[str]:
        """The library's version never returns on a valid schema such as
        `allOf: [$ref: List]` where `List` is an array of `List`s: skip schemas in progress.
        """
        in_progress: set[int] = self.__dict__.setdefault("_clientgen_collecting", set())
        key = id(schema.read_value())
        if key in in_progress:
            return set()
        in_progress.add(key)
        try:
            return set(checker._collect_properties(self, schema))
        finally:
            in_progress.discard(key)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        checker.__init__(self, *args, **kwargs)
        for name in _ID_LISTS:
            ids = getattr(self, name, None)
            if type(ids) is list:
                setattr(self, name, _IdList(ids))

    def _validate_schema_meta(self: Any, schema: SchemaPath, schema_value: Any) -> Any:
        """The library checks every Schema Object it meets against the dialect's
        meta-schema, once per object: most of the semantic pass. Many objects are equal
        (the same inline shape written again and again), and within one document the
        verdict depends on the value alone (the dialect comes from the value's `$schema`
        or the document's default), so an object equal to one found clean is clean. Only
        clean verdicts are remembered: an error object is yielded, then tagged with where
        it was found, so each problem gets its own.
        """
        clean: set[Hashable] = self.__dict__.setdefault("_clientgen_clean_schemas", set())
        keys = _run_keys(self.registry)
        key = keys.of(schema_value)
        if key is not None and key in clean:
            return None
        error = checker._validate_schema_meta(self, schema, schema_value)
        if error is None and key is not None:
            clean.add(key)
        return error

    def _get_schema_checker(self: Any, schema: SchemaPath, schema_value: Any) -> Any:
        return _dialect_checker(self, checker._get_schema_checker(self, schema, schema_value))

    namespace: dict[str, Any] = {"__call__": __call__, "__init__": __init__}
    if hasattr(checker, "_collect_properties"):
        namespace["_collect_properties"] = _collect_properties
    if hasattr(checker, "_validate_schema_meta"):
        namespace["_validate_schema_meta"] = _validate_schema_meta
    if hasattr(checker, "_get_schema_checker"):
        namespace["_get_schema_checker"] = _get_schema_checker
    return type(checker.__name__, (checker,), namespace)


# The dialect's keywords whose outcomes the check of a Schema Object remembers: its
# references to the dialect's own schemas, and its choices.
_DIALECT_KEYWORDS = ("$ref", "$dynamicRef", "oneOf", "anyOf")


def _dialect_checker(owner: Any, library: Callable[[Any], None]) -> Callable[[Any], None]:
    """The library's check of a Schema Object against its dialect (`check_openapi_schema`
    of a validator class, maybe given a format checker), made once per class and format
    checker for the run, its references and choices skipping a value found clean before
    (`_CleanOutcomes`, with the run's value keys).

    The library builds a validator of the dialect's meta-schema for each Schema Object
    and raises its first error. In a big spec the sub-schemas of one Schema Object are
    those of many (the same property written again and again), each checked once per
    place. Every check of the run starts at the dialect's root, so a `$dynamicRef` finds
    the same anchor wherever it is reached, and whether a value is clean under a
    reference or a choice depends on the value alone; skipping the clean ones leaves the
    errors, and which comes first, as they were. Anything else is left as it is.
    """
    arguments = library.keywords if isinstance(library, partial) else {}
    bound = library.func if isinstance(library, partial) else library
    cls = getattr(bound, "__self__", None)
    if getattr(bound, "__func__", None) is not check_openapi_schema or cls is None:
        return library
    if isinstance(library, partial) and (library.args or set(arguments) - {"format_checker"}):
        return library
    format_checker = arguments.get("format_checker", cls.FORMAT_CHECKER)
    made: dict[tuple[Any, int], Callable[[Any], None]]
    made = owner.__dict__.setdefault("_clientgen_dialect_checkers", {})
    check = made.get((cls, id(format_checker)))
    if check is None:
        dialect = validator_for(cls.META_SCHEMA, default=cls)
        outcomes = _CleanOutcomes(_run_keys(owner.registry))
        remembering = validators.extend(
            dialect, outcomes.keywords(dialect.VALIDATORS, _DIALECT_KEYWORDS)
        )
        validator = remembering(
            cls.META_SCHEMA, format_checker=format_checker, registry=DIALECT_REGISTRY
        )

        def check(schema: Any) -> None:
            for error in validator.iter_errors(schema):
                raise SchemaError.create_from(error)

        made[(cls, id(format_checker))] = check
    return check


def _locating_validator(base: type[SpecValidator]) -> type[SpecValidator]:
    keywords = {name: _locating(name, cls) for name, cls in base.keyword_validators.items()}
    return type(base.__name__, (base,), {"keyword_validators": keywords})


_VALIDATORS = {
    "3.0": _locating_validator(OpenAPIV30SpecValidator),
    "3.1": _locating_validator(OpenAPIV31SpecValidator),
}


def library_problems(spec: LoadedSpec, minor: str) -> list[Diagnostic]:
    """Every error the library finds, as few readable diagnostics per place as possible.

    The passes are run directly rather than through `iter_errors`, whose cache keeps
    every validator alive. The semantic checkers assume a well-formed document and may
    crash on one that failed the schema pass; the schema errors then tell the story.
    """
    take_direct_steps()
    schema_errors: list[Any] = []
    semantic_errors: list[Any] = []
    try:
        validator = _VALIDATORS[minor](spec.document)
        keys = _run_keys(validator.keyword_validators_registry)
        checking = _crawled(validator.schema_validator, keys)
        schema_errors.extend(checking.iter_errors(spec.document))
        for error in validator.root_validator(validator.schema_path):
            semantic_errors.append(error)  # one by one, to keep what was found before a crash
    except RecursionError:
        if not schema_errors and not semantic_errors:
            message = "validator failed: $refs nest too deeply or cyclically (RecursionError)"
            return [diagnostic_at(spec, "", message)]
    except Exception as failure:  # the library's bugs must not become our tracebacks
        if not schema_errors and not semantic_errors:
            message = one_line(f"validator failed: {type(failure).__name__}: {failure}")
            return [diagnostic_at(spec, "", message)]
    by_pointer: dict[str, list[Any]] = {}
    for error in schema_errors:
        for specific in most_specific(error):
            if _is_format_only(specific):
                continue
            by_pointer.setdefault(join_pointer("", *specific.absolute_path), []).append(specific)
    already_reported = set(by_pointer)  # the semantic pass checks some nodes again
    for error in semantic_errors:
        examined = getattr(error, _EXAMINED, ())
        for specific in most_specific(error):
            if _is_format_only(specific):
                continue
            pointer = follow(spec.document, (*examined, *specific.absolute_path))
            if pointer not in already_reported:
                by_pointer.setdefault(pointer, []).append(specific)
    problems = [
        diagnostic_at(spec, pointer, message)
        for pointer, found in by_pointer.items()
        for message in messages(found)
    ]
    return sorted(problems, key=_reading_order)


def _run_keys(registry: Any) -> _ValueKeys:
    """The one table of value keys of a validation run, kept on the run's registry of
    keyword checkers: both passes key the same document, each value once."""
    keys: _ValueKeys = registry.__dict__.setdefault("_clientgen_keys", _ValueKeys())
    return keys


def _crawled(schema_validator: Any, keys: _ValueKeys) -> Any:
    """The OpenAPI schema's validator with its reference registry crawled once, up front,
    and remembering which values its references and choices found clean
    (`_CleanOutcomes`).

    A `$dynamicRef: "#meta"` (every Schema Object under OpenAPI 3.1) is looked up as an
    anchor, and a registry not yet crawled crawls the whole OpenAPI schema to find it,
    then forgets the result: once per Schema Object in the document. Crawling finds the
    same resources and anchors whenever it is done, so the errors are the same.
    """
    resolver = schema_validator._resolver
    registry = resolver._registry.crawl()
    keywords = _CleanOutcomes(keys).keywords(schema_validator.VALIDATORS)
    remembering = validators.extend(schema_validator.__class__, keywords)
    return remembering(
        schema_validator.schema,
        format_checker=schema_validator.format_checker,
        _resolver=registry.resolver(base_uri=resolver._base_uri),
    )


# The keywords whose outcomes `_CleanOutcomes` remembers: a reference, and a choice
# between schemas (`oneOf: [Schema, Reference]` wherever a schema may be written, whose
# failing branch builds its errors only to drop them).
_REMEMBERED_KEYWORDS = ("$ref", "oneOf", "anyOf")

Keyword = Callable[[Any, Any, Any, Any], Iterator[Any]]


class _CleanOutcomes:
    """The OpenAPI schema's references and choices, skipping a value they found clean.

    The document's schema pass descends through a `$ref` of the OpenAPI schema at almost
    every level (a path item, an operation, a parameter, a Schema Object), and a big spec
    repeats values (the same header parameter on every operation, the same `$ref` to a
    schema in many properties): each is checked once per place. Whether a value has
    errors under a keyword depends on the keyword's value and the instance alone (every
    reference of the OpenAPI schema stays inside its one resource, so a `$dynamicRef`
    under it finds the same anchor wherever it is reached), so a value equal to one
    found clean by the same keyword is clean. Only clean outcomes are remembered: a value
    with errors is checked again, so each place gets its own errors, as before.
    """

    def __init__(self, keys: _ValueKeys) -> None:
        self.clean: set[tuple[str, str, Hashable, Hashable]] = set()
        self.keys = keys
        self.skipped = 0  # values found clean before

    def keywords(
        self, library: Mapping[str, Keyword], names: Iterable[str] = _REMEMBERED_KEYWORDS
    ) -> dict[str, Keyword]:
        """The library's keywords of `names`, each remembering."""
        return {name: self._remembering(name, library[name]) for name in names if name in library}

    def _remembering(self, name: str, checked: Keyword) -> Keyword:
        def keyword(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
            key = self.keys.of(instance)
            # A reference by its text; a list of schemas by identity: it is the OpenAPI
            # schema's own, alive and unchanged while the validator is.
            which = value if name == "$ref" else id(value)
            base = validator._resolver._base_uri
            remembered = None if key is None else (base, name, which, key)
            if remembered is not None and remembered in self.clean:
                self.skipped += 1
                return
            found = False
            for error in checked(validator, value, instance, schema):
                found = True
                yield error
            if not found and remembered is not None:
                self.clean.add(remembered)

        return keyword


# Members whose text is prose: every schema the checks validate against (the OpenAPI
# schemas, the JSON Schema dialects) asks of a `description` or a `title` only that it
# be a string (`tests/validate/test_value_keys.py` reads them), and a mapping whose values
# are constrained otherwise (schemas, scopes, a discriminator's mapping) asks the same of
# any string, whatever its text. So the key of a mapping keeps the type of a member
# under one of these names, not its text.
_PROSE_NAMES = frozenset(("description", "title"))
_ANY_TEXT = (str, None)  # no string gets this key of its own


class _ValueKeys:
    """For each value of the document, a key equal only for equal values of the same types
    (so `True`, `1` and `1.0` differ, and mappings in the same order), worked out once per
    list or mapping: a container's key is built from its members' keys, so a subtree is
    not walked again at each level above it (nested Schema Objects are met once per
    level). Mappings that differ only in the text of a `description` or a `title` share
    a key (`_PROSE_NAMES`): in a big spec most Schema Objects are alike but for their
    prose (AWS's properties are each `allOf: [$ref, {description}]`), and their verdict
    does not depend on it. The containers must stay alive and unchanged while the keys are
    used (they are the document's, during one validation). No key (None) for a value of a
    type outside JSON's and YAML's plain ones, or a cycle: it is then checked every time.
    The keys serve the schema pass (`_CleanOutcomes`) and the dialect checks of Schema
    Objects (`_validate_schema_meta`) only, never a check of a value against the spec's
    own schemas (a `default`), whose verdict may depend on any text.
    """

    def __init__(self) -> None:
        self.by_id: dict[int, int] = {}  # id of a container → the number of its shape
        self.shapes: dict[Hashable, int] = {}  # a container's shape → its number

    def of(self, value: Any) -> Hashable | None:
        if not _REMEMBER_CLEAN:
            return None
        try:
            return self._key(value)
        except (TypeError, RecursionError):
            return None

    def _key(self, value: Any) -> Hashable:
        kind = type(value)
        if kind is dict or kind is list:
            number = self.by_id.get(id(value))
            if number is None:
                if kind is dict:
                    shape: Hashable = (dict, tuple(self._member(k, v) for k, v in value.items()))
                else:
                    shape = (list, tuple(self._key(item) for item in value))
                number = self.shapes.setdefault(shape, len(self.shapes))
                self.by_id[id(value)] = number
            return number
        if value is None or kind in (str, int, float, bool):
            return (kind, value)
        raise TypeError(f"no key: {kind.__name__}")

    def _member(self, name: Any, value: Any) -> tuple[Hashable, Hashable]:
        if type(value) is str and name in _PROSE_NAMES:
            return (self._key(name), _ANY_TEXT)
        return (self._key(name), self._key(value))


def _is_format_only(error: Any) -> bool:
    """`format` is an annotation in JSON Schema, not an assertion: a default such as
    '23:20:50.52' against `format: time` (or a checker lacking a library, as for
    idn-hostname) must not stop generation."""
    return bool(error.validator == "format")


def _reading_order(diagnostic: Diagnostic) -> tuple[str, int, int]:
    location = diagnostic.location
    return ("", 0, 0) if location is None else (location.file, location.line, location.col)
