"""The runtime's modules import each other without a cycle, counting every import: those
made on first use and those only type checkers read (`if TYPE_CHECKING:`) too. Value
types (`_types`, `_call`), errors and masking sit at the bottom; the clients at the top.
A cycle would make the order of first use decide whether an import works."""

from __future__ import annotations

import ast
from pathlib import Path

RUNTIME = Path(__file__).resolve().parents[2] / "templates" / "runtime"


def imports_of(source: str) -> set[str]:
    """The runtime modules `source` imports (`from ._x import …`, `from . import _x`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def runtime_graph() -> dict[str, set[str]]:
    modules = {path.stem: path for path in RUNTIME.glob("*.py")}
    return {
        name: imports_of(path.read_text(encoding="utf-8")) & set(modules)
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` (its modules in import order, the first one repeated), if any."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return None
        for imported in sorted(graph[name]):
            cycle = visit(imported, [*path, name])
            if cycle is not None:
                return cycle
        done.add(name)
        return None

    for name in sorted(graph):
        cycle = visit(name, [])
        if cycle is not None:
            return cycle
    return None


def test_imports_are_read_wherever_they_are_made() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import _retries\n"
        "from ._errors import APIError\n"
        "if TYPE_CHECKING:\n    from ._endpoint import Endpoint\n"
        "def f():\n    from ._streaming import Stream\n"
    )
    assert imports_of(source) == {"_retries", "_errors", "_endpoint", "_streaming"}


def test_find_cycle_finds_one() -> None:
    graph = {"_a": {"_b"}, "_b": {"_c"}, "_c": {"_a"}, "_d": set()}
    assert find_cycle(graph) == ["_a", "_b", "_c", "_a"]
    assert find_cycle({"_a": {"_b"}, "_b": set()}) is None


def test_the_runtime_imports_have_no_cycle() -> None:
    graph = runtime_graph()
    assert {"_call", "_endpoint", "_errors", "_request"} <= set(graph)
    assert find_cycle(graph) is None


def test_value_types_and_errors_are_at_the_bottom() -> None:
    graph = runtime_graph()
    assert graph["_types"] == set()
    assert graph["_masking"] == set()
    assert graph["_errors"] <= {"_masking", "_messages"}
    assert graph["_call"] <= {"_errors", "_types"}
