"""The official SDKs' import names, backed by our generated clients, for their test suites.

`install("retell", "retell")` makes `from retell import Retell` give a class whose
instances are our `voice_clients.retell.Retell` seen through the official method paths:
`client.agent.with_raw_response.retrieve(...)` calls our method at the same route
(`client.agent.with_raw_response.get(...)`), as the name table (`names/retell.json`,
matched by route) says. A path missing from the table is the same on both sides.
`retell.types.X` is our return type at X's routes, else our model named X.

Only names are mapped: arguments, return values, raw and streamed responses are ours,
so the suites test our clients. The constructor drops the official private arguments
(`_strict_response_validation=`), which ours has no counterpart for, and can give one
credential under both names where the official client treats them alike. In the
diagnostic run it also sends Stainless' telemetry header (`stubs`).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from _sdk_shim import helpers, stubs

NAMES = Path(__file__).resolve().parents[2] / "names"
_MODES = ("with_raw_response", "with_streaming_response")


class NoCounterpart:
    """Stands for an official type that has no counterpart in our package."""


class Names:
    """One vendor's name table and our package it points into."""

    def __init__(self, vendor: str, api: str) -> None:
        table = json.loads((NAMES / f"{vendor}.json").read_text(encoding="utf-8"))
        self.methods: dict[str, str] = table["methods"]
        self.types: dict[str, str] = table["types"]
        self.package = importlib.import_module(f"voice_clients.{api}")
        self.models = importlib.import_module(f"voice_clients.{api}.models")
        self.official_of: dict[int, str] = {}
        self._prefixes = {
            ".".join(path.split(".")[:n])
            for path in self.methods
            for n in range(1, path.count(".") + 1)
        }

    def is_prefix(self, path: str) -> bool:
        return path in self._prefixes

    def type(self, name: str) -> Any:
        """The type our package returns where the official one returns `name`."""
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self.types:
            found = self._evaluate(self.types[name])
        elif name in helpers.RESPONSES:
            found = self._evaluate(helpers.RESPONSES[name])
        elif hasattr(self.models, name):
            found = getattr(self.models, name)
        else:
            found = type(name, (NoCounterpart,), {"__module__": "no counterpart in ours"})
        found = (
            helpers.page_check(found) if helpers.is_page_type(found) else helpers.unmarked(found)
        )
        self.official_of.setdefault(id(found), name)
        return found

    def page(self, page: str, item: Any) -> Any:
        """`SyncCursorIDPage[Agent]`: our return type where the official one is that page."""
        key = f"{page}[{self.official_of.get(id(item), getattr(item, '__name__', item))}]"
        key = key.replace("Async", "Sync", 1) if key.startswith("Async") else key
        return self.type(key)

    def _evaluate(self, expression: str) -> Any:
        namespace = {**vars(self.models), **helpers.runtime()}
        return eval(expression, namespace)  # our own surface.json's type expressions


class _Path:
    """`client.agents.calls` and so on: official path segments not yet a whole method."""

    def __init__(self, names: Names, ours: Any, segments: tuple[str, ...], mode: str) -> None:
        self._names = names
        self._ours = ours
        self._segments = segments
        self._mode = mode

    def __getattr__(self, name: str) -> Any:
        if name in _MODES:
            return _Path(self._names, self._ours, self._segments, name)
        path = ".".join((*self._segments, name))
        target = self._names.methods.get(path)
        if target is not None:
            return _resolve(self._ours, target, self._mode)
        if self._names.is_prefix(path):
            return _Path(self._names, self._ours, (*self._segments, name), self._mode)
        return _resolve(self._ours, path, self._mode)


def _resolve(ours: Any, path: str, mode: str) -> Any:
    *owners, last = path.split(".")
    found = ours
    for owner in owners:
        found = getattr(found, owner)
    if mode:
        found = getattr(found, mode)
    return getattr(found, last)


def client_class(
    names: Names, ours: type[Any], name: str, same_credential: tuple[str, str] | None = None
) -> type[Any]:
    """A class named like the official client, wrapping ours.

    `same_credential=("token", "api_key")`: the official client sends either argument as
    the same bearer header, for every call; ours sends each only to the operations whose
    security scheme it belongs to, so the one given is passed as both.
    """

    def __init__(self: Any, **kwargs: Any) -> None:
        public = {k: v for k, v in kwargs.items() if not k.startswith("_")}
        headers = stubs.default_headers(public.get("default_headers"))
        if headers is not None:
            public["default_headers"] = headers
        if same_credential is not None:
            given, other = same_credential
            if public.get(given) is not None and public.get(other) is None:
                public[other] = public[given]
        object.__setattr__(self, "_ours", ours(**public))

    def __getattr__(self: Any, attribute: str) -> Any:
        if attribute == "_ours":  # __init__ failed
            raise AttributeError(attribute)
        path = _Path(names, self._ours, (), "")
        return getattr(path, attribute)

    def __enter__(self: Any) -> Any:
        self._ours.__enter__()
        return self

    def __exit__(self: Any, *exc: object) -> None:
        self._ours.__exit__(*exc)

    async def __aenter__(self: Any) -> Any:
        await self._ours.__aenter__()
        return self

    async def __aexit__(self: Any, *exc: object) -> None:
        await self._ours.__aexit__(*exc)

    members = {
        "__init__": __init__,
        "__getattr__": __getattr__,
        "__enter__": __enter__,
        "__exit__": __exit__,
        "__aenter__": __aenter__,
        "__aexit__": __aexit__,
    }
    return type(name, (), members)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the official SDK's submodules the suites import (`retell.types`, …)."""

    def __init__(self, vendor: str, modules: dict[str, Callable[[str], ModuleType]]) -> None:
        self._vendor = vendor
        self._modules = modules

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(f"{self._vendor}."):
            return None
        first = fullname.split(".")[1]
        if first not in self._modules:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self._modules[spec.name.split(".")[1]](spec.name)

    def exec_module(self, module: ModuleType) -> None:
        """The module is complete when created."""


def install(vendor: str, api: str) -> Names:
    """Register `vendor`'s submodules; its names, for the package to make its clients."""
    names = Names(vendor, api)

    def types(fullname: str) -> ModuleType:
        module = ModuleType(fullname)
        module.__getattr__ = names.type  # type: ignore[method-assign]
        module.__path__ = []
        return module

    def pagination(fullname: str) -> ModuleType:
        module = ModuleType(fullname)
        module.__getattr__ = lambda page: helpers.page_class(names, page)  # type: ignore[method-assign]
        return module

    def internal(fullname: str) -> ModuleType:
        module = ModuleType(fullname)
        module.__dict__.update(helpers.STAINLESS_INTERNAL)
        return module

    modules: dict[str, Callable[[str], ModuleType]] = {
        "types": types,
        "_response": types,
        "pagination": pagination,
        "_utils": internal,
        "_compat": internal,
        "_models": internal,
        "_types": internal,
    }
    sys.meta_path.insert(0, _Finder(vendor, modules))
    return names
