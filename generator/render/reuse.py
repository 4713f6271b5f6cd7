"""Resource modules and `api.md` taken from the cache, by what they are made of, instead
of rendered.

An edited spec is modelled again whole, but most of what it renders is what the last run
rendered: a schema's description edited changes one class of `models.py` and the resource
modules whose methods reach that schema, not the forty others. Rendering a resource module
(its methods' templates and its imports) is most of a large API's warm run, so each one
is cached, formatted, under a key of everything its text is made of (and so is `api.md`,
made of all the resources):

- the generator's and the templates' source, and the versions of black (the text is
  black's output), Jinja2 and Python;
- the distribution's names and the module's path;
- the API's own fields (servers, security, client names), but not its resources and
  definitions, and not the spec's digest, which any edit changes and which only the
  package's `__init__.py` shows;
- the resource itself: its operations, its nested resources, their parameters, bodies,
  responses and texts;
- every definition the resource reaches, directly or through other definitions, with the
  public request name and visibility each has, but without its descriptions (see
  `_textless`): the only definitions a method's template and its helpers look up are
  those its types name.

What a resource names is read from the `repr` of the frozen model (dataclasses of
tuples, strings and numbers): every quoted identifier that is a definition's name counts
as a reference. That finds a `NamedRef`, a flattened body's model name and a union's
mapping alike, and at worst counts a string that only looks like a name, which costs a
needless render, never a stale module. (A definition's name is a Python identifier; an
API with another kind of name has every resource reach every definition.) The `repr` is
also what the key digests, so anything in the model that changes is seen.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import cache as memoized
from importlib import metadata
from operator import attrgetter
from pathlib import Path

from generator.cache import Cache, digest
from generator.model.api import Api
from generator.render.renderer import (
    Distribution,
    api_module,
    public_requests,
    resource_modules,
)
from generator.write.record import generator_digests, tree_digests

_NAMESPACE = "modules"
# Fields of `Api` a resource module's key leaves out: its resources and definitions count
# as far as one resource reaches them; the digest of the spec changes with every edit.
_API_FIELDS_LEFT_OUT = frozenset(
    {"resources", "response_definitions", "request_definitions", "spec_sha256"}
)
# A quoted identifier in a `repr`: how a definition's name appears wherever it is used.
_QUOTED_NAME = re.compile(r"'(\w+)'")


def module_keys(dist: Distribution, templates: Path) -> dict[str, str]:
    """The key of every resource module of `dist`, and of each API's `api.md` (made of
    all its resources), by path."""
    made_with = _made_with(templates)
    keys: dict[str, str] = {}
    for api in dist.apis:
        reach = _Reach(api)
        shown: list[str] = []  # each resource's `repr`, in the API's order
        reached: set[str] = set()  # the definitions any resource reaches
        for path, (module, resource) in resource_modules(dist, api).items():
            shown.append(repr(resource))
            names = reach.reached(shown[-1])
            reached |= names
            parts = (path, module, reach.api_fields, shown[-1], *reach.spelled(names))
            keys[path] = digest(made_with, *_distribution(dist), *parts)
        module = api_module(dist, api)
        path = f"{module.replace('.', '/')}/api.md"
        parts = (path, module, reach.api_fields, *shown, *reach.spelled(reached))
        keys[path] = digest(made_with, *_distribution(dist), *parts)
    return keys


def _distribution(dist: Distribution) -> tuple[str, ...]:
    return (dist.name, dist.package, dist.version, str(dist.flat))


def reused_modules(cache: Cache, keys: Mapping[str, str]) -> dict[str, bytes]:
    """The formatted modules the cache holds for these keys, by path."""
    found: dict[str, bytes] = {}
    for path, key in keys.items():
        value = cache.get(_NAMESPACE, key)
        if value is not None:
            found[path] = value
    return found


def remember_modules(
    cache: Cache, keys: Mapping[str, str], formatted: Mapping[str, bytes], known: Iterable[str]
) -> None:
    """Store the formatted modules that were rendered this time (those not `known`)."""
    skipped = set(known)
    for path, key in keys.items():
        if path not in skipped and path in formatted:
            cache.put(_NAMESPACE, key, formatted[path])


class _Reach:
    """The definitions of one API a resource reaches, each spelled out once per run."""

    def __init__(self, api: Api) -> None:
        self.api_fields = repr(
            [
                (f.name, getattr(api, f.name))
                for f in dataclasses.fields(api)
                if f.name not in _API_FIELDS_LEFT_OUT
            ]
        )
        self.responses = {d.name: d for d in api.response_definitions}
        self.requests = {d.name: d for d in api.request_definitions}
        self.request_names = api.request_names
        self.public = public_requests(api)
        names = [*self.responses, *self.requests]
        self.everything = (
            None if all(_QUOTED_NAME.fullmatch(repr(n)) for n in names) else frozenset(names)
        )
        self._spelled: dict[str, tuple[str, frozenset[str]]] = {}

    def reached(self, shown: str) -> set[str]:
        """The definitions that resources reach, directly or through other definitions;
        `shown` is their `repr`."""
        seen: set[str] = set()
        todo = list(self.everything or self._names(shown))
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self._spelling(name)[1] - seen)
        return seen

    def spelled(self, names: set[str]) -> list[str]:
        """What the key needs of each definition in `names`, in name order."""
        return [self._spelling(name)[0] for name in sorted(names)]

    def _names(self, text: str) -> set[str]:
        return {
            name
            for name in _QUOTED_NAME.findall(text)
            if name in self.responses or name in self.requests
        }

    def _spelling(self, name: str) -> tuple[str, frozenset[str]]:
        """(the text the key takes of definition `name`, the names it refers to)."""
        if name not in self._spelled:
            both = repr(_textless((self.responses.get(name), self.requests.get(name))))
            text = repr((name, self.request_names.get(name), name in self.public)) + both
            self._spelled[name] = (text, frozenset(self._names(both)))
        return self._spelled[name]


def _textless(value: object) -> object:
    """`value` without the `description` of any model object in it that has one, as far
    as such objects and tuples of them nest (what else it holds is kept whole).

    A definition's descriptions are what models.py and params.py show of it, never a
    resource module or api.md, which show the texts of operations, parameters and
    flattened bodies (held by the operation itself): so editing a schema's or its
    properties' descriptions renders no resource again. tests/generator/test_module_reuse.py
    checks on whole APIs that those files do not change when every definition's texts do.
    """
    kind = type(value)
    if isinstance(value, tuple):
        items: tuple[object, ...] = value
    else:
        getter = _described_fields(kind)
        if getter is None:
            return value
        items = (kind.__name__, *getter(value))
    # Scalars, most of what a definition holds, are kept without a call each.
    return tuple([v if type(v) in _SCALARS else _textless(v) for v in items])


def _described_fields(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """What gives the fields of a model class that has a `description` but that one, in
    order; None for any other class."""
    if kind not in _DESCRIBED:
        names = [f.name for f in dataclasses.fields(kind)] if dataclasses.is_dataclass(kind) else []
        others = [n for n in names if n != "description"]
        _DESCRIBED[kind] = None if len(others) == len(names) else _getter(others)
    return _DESCRIBED[kind]


def _getter(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """The values of `names` of an object, as a tuple (`attrgetter` gives one name's value
    alone)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda value: tuple(getattr(value, name) for name in names)


_SCALARS = frozenset({str, int, float, bool, type(None)})
_DESCRIBED: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


@memoized
def _made_with(templates: Path) -> str:
    """The generator, the templates and the tools whose output a cached module is."""
    return digest(
        json.dumps(generator_digests(), sort_keys=True),
        json.dumps(tree_digests(templates), sort_keys=True),
        metadata.version("black"),
        metadata.version("jinja2"),
        sys.version,
    )
