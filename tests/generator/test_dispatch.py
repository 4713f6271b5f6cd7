"""Code that treats type-model kinds differently dispatches with `match` + `assert_never`,
so that mypy points at every place a new kind of type or definition must be handled."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dispatch_sites import isinstance_chains, open_matches

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"

# The modules that switch on kinds; each must keep being checked.
DISPATCH_MODULES = {
    "generator/model/decodability.py",
    "generator/render/annotations.py",
    "generator/render/signatures.py",
    "generator/render/renderer.py",
    "generator/changes/shapes.py",
    "generator/changes/surface.py",
    "generator/model/types.py",
    "generator/parse/bodies.py",
}

# Declared before the `TypeRef` alias, which they then join.
_MADE_UP_KINDS = """@dataclass(frozen=True)
class MadeUpType:
    def children(self) -> tuple[TypeRef, ...]:
        return ()


@dataclass(frozen=True)
class MadeUpDefinition:
    name: str
    description: str | None = None
    pointer: str = ""

    def children(self) -> tuple[TypeRef, ...]:
        return ()


"""


def test_no_isinstance_chain_over_model_kinds() -> None:
    chains = {
        str(path.relative_to(ROOT)): isinstance_chains(path.read_text(encoding="utf-8"))
        for path in sorted(GENERATOR.rglob("*.py"))
    }
    assert {path: found for path, found in chains.items() if found} == {}


def test_every_match_on_model_kinds_ends_in_assert_never() -> None:
    found = {
        str(path.relative_to(ROOT)): open_matches(path.read_text(encoding="utf-8"))
        for path in sorted(GENERATOR.rglob("*.py"))
    }
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_match_check_wants_a_final_assert_never() -> None:
    source = """
def f(t):
    match t:
        case Nullable():
            return 1
        case _:
            return 2

def g(t):
    match t:
        case NamedRef() | Primitive():
            return 1
        case _ if t:
            assert_never(t)

def h(t):
    match t:
        case Nullable():
            return 1
        case _:
            assert_never(t)

def k(t):
    match t:
        case {"a": 1}:
            return 1
"""
    assert open_matches(source) == [3, 10]


def test_the_chain_finder_tells_chains_from_guards_and_matches() -> None:
    chain = """
def f(t):
    if isinstance(t, Nullable):
        return 1
    if not isinstance(t, NamedRef | ArrayType) and t:
        return 2
    return 3

def g(t):
    if isinstance(t, Nullable):
        return 1
    elif isinstance(t, MapType):
        return 2
"""
    assert isinstance_chains(chain) == [(3, "t"), (10, "t")]
    not_chains = """
def guard(t, d):
    if isinstance(t, Nullable):
        t = t.inner
    if isinstance(d, ObjectDef):
        return d
    if isinstance(t, dict) and isinstance(t, list):
        return None

def matched(t):
    match t:
        case Nullable():
            if isinstance(t.inner, NamedRef):
                return 1
        case _:
            return 2
"""
    assert isinstance_chains(not_chains) == []


def _assert_never_sites(root: Path) -> set[tuple[str, int]]:
    sites = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "assert_never"
            ):
                sites.add((str(path.relative_to(root.parent)), node.lineno))
    return sites


@pytest.mark.slow
def test_mypy_flags_every_dispatch_site_for_a_new_kind(tmp_path: Path) -> None:
    copy = tmp_path / "generator"
    shutil.copytree(GENERATOR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    types_file = copy / "model" / "types.py"
    source = types_file.read_text(encoding="utf-8")
    for anchor in (
        "TypeRef: TypeAlias = (",
        "    | RawBody\n)",
        "= ObjectDef | EnumDef | UnionDef | AliasDef\n",
    ):
        assert source.count(anchor) == 1, anchor
    source = source.replace("    | RawBody\n)", "    | RawBody\n    | MadeUpType\n)")
    source = source.replace("TypeRef: TypeAlias = (", _MADE_UP_KINDS + "TypeRef: TypeAlias = (")
    source = source.replace(
        "= ObjectDef | EnumDef | UnionDef | AliasDef\n",
        "= ObjectDef | EnumDef | UnionDef | AliasDef | MadeUpDefinition\n",
    )
    types_file.write_text(source, encoding="utf-8")

    sites = _assert_never_sites(copy)
    assert {path for path, _ in sites} >= DISPATCH_MODULES

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "generator",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    flagged = {
        (match["path"], int(match["line"]))
        for match in re.finditer(
            r"^(?P<path>[\w/]+\.py):(?P<line>\d+): error: .*\"assert_never\"",
            run.stdout,
            re.MULTILINE,
        )
    }
    assert sites - flagged == set(), run.stdout
