"""The golden feature areas: one small hand-written spec each, and its reviewed tree.

Each area's package is named after the area, so that all of them can be type-checked
together in one mypy run. A build is made once per test session and shared, because
formatting a package takes most of a second.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.pipeline import build_single
from generator.write.tree import read_tree

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
EXPECTED = HERE / "expected"

# area (= package name) → its spec under specs/
AREAS = {
    "widgets": "widgets-3.0.yaml",
    "forms": "forms.yaml",
    "bodies": "bodies.yaml",
    "parameters": "parameters.yaml",
    "servers": "servers.yaml",
    "auth": "auth.yaml",
    "unions": "unions.yaml",
    "streams": "streams.yaml",
    "lines": "lines.yaml",
    "nesting": "nesting.yaml",
}

RUNTIME = "/_runtime/"


@cache
def build(area: str) -> dict[str, bytes]:
    """Everything generated for the area, the runtime copy included, with the area's
    api.toml (the spec's name with `.toml`) where it has one."""
    spec = SPECS / AREAS[area]
    settings = spec.with_suffix(".toml")
    return build_single(spec, area, settings_file=settings if settings.is_file() else None)


def generated_code(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files rendered from templates; the runtime copy is tested where it is written."""
    return {path: content for path, content in files.items() if RUNTIME not in path}


def expected_tree(area: str) -> dict[str, str]:
    """The committed tree of the area, as text by relative path."""
    return {path: content.decode() for path, content in read_tree(EXPECTED / area).items()}


def endpoint(source: str, name: str) -> str:
    """The `_NAME_ENDPOINT = Endpoint[...](...)` statement of a resource module."""
    start = source.index(f"\n_{name.upper()}_ENDPOINT = Endpoint[")
    return source[start : source.index("\n)\n", start) + 2]


def method(source: str, name: str, is_async: bool = False) -> str:
    """The sync (or async) method `name` of a resource module, up to the next definition."""
    head = f"\n    {'async def' if is_async else 'def'} {name}(\n"
    start = source.index(head)
    end = source.find("\n    def ", start + 1)
    end_async = source.find("\n    async def ", start + 1)
    ends = [e for e in (end, end_async, source.find("\nclass ", start)) if e != -1]
    return source[start : min(ends)]
