"""Finds `isinstance` chains over type-model kinds, which `match` statements replace.

A chain is two or more `if`/`elif` tests in one block that ask `isinstance(x, <kind>)`
(or `not isinstance`, or either as an operand of `and`/`or`) about the same `x`. One
such test on its own is a guard ("is it this one kind") and is fine. A `match` on kinds
must end in `case _: assert_never(...)`, or mypy cannot tell when it misses one.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from typing import get_args

from generator.model.types import Definition, TypeRef

MODEL_KINDS = frozenset(kind.__name__ for kind in (*get_args(TypeRef), *get_args(Definition)))


def isinstance_chains(source: str) -> list[tuple[int, str]]:
    """(line, subject) of each chain in `source`."""
    found: set[tuple[int, str]] = set()
    for node in ast.walk(ast.parse(source)):
        for block in _blocks(node):
            tests = [(line, subject) for stmt in block for line, subject in _if_tests(stmt)]
            counts = Counter(subject for _, subject in tests)
            found.update(
                (min(line for line, s in tests if s == subject), subject)
                for subject, count in counts.items()
                if count > 1
            )
    return sorted(found)


def open_matches(source: str) -> list[int]:
    """Lines of the `match` statements on model kinds that do not end in `assert_never`."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Match)
        and any(_matches_kind(case.pattern) for case in node.cases)
        and not _ends_in_assert_never(node.cases[-1])
    )


def _matches_kind(pattern: ast.pattern) -> bool:
    if isinstance(pattern, ast.MatchClass):
        return _names(pattern.cls) & MODEL_KINDS != set()
    if isinstance(pattern, ast.MatchOr):
        return any(_matches_kind(p) for p in pattern.patterns)
    return False


def _ends_in_assert_never(case: ast.match_case) -> bool:
    wildcard = isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None
    body = case.body[0] if len(case.body) == 1 else None
    return (
        wildcard
        and case.guard is None
        and isinstance(body, ast.Expr)
        and isinstance(body.value, ast.Call)
        and isinstance(body.value.func, ast.Name)
        and body.value.func.id == "assert_never"
    )


def _blocks(node: ast.AST) -> Iterator[list[ast.stmt]]:
    for name in ("body", "orelse", "finalbody"):
        if name == "orelse" and isinstance(node, ast.If) and _is_elif(node):
            continue  # its tests belong to the chain of `node`
        value = getattr(node, name, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            yield value


def _is_elif(node: ast.If) -> bool:
    return len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)


def _if_tests(stmt: ast.stmt) -> Iterator[tuple[int, str]]:
    """The kind tests of an `if` and its `elif`s."""
    while isinstance(stmt, ast.If):
        for subject in _kind_subjects(stmt.test):
            yield stmt.lineno, subject
        if not _is_elif(stmt):
            return
        stmt = stmt.orelse[0]


def _kind_subjects(test: ast.expr) -> Iterator[str]:
    if isinstance(test, ast.BoolOp):
        for value in test.values:
            yield from _kind_subjects(value)
    elif isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        yield from _kind_subjects(test.operand)
    elif (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance"
        and len(test.args) == 2
        and _names(test.args[1]) & MODEL_KINDS
    ):
        yield ast.unparse(test.args[0])


def _names(node: ast.expr) -> set[str]:
    """The class names of `A`, `A | B` or `(A, B)`."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _names(node.left) | _names(node.right)
    if isinstance(node, ast.Tuple):
        return set().union(*(_names(e) for e in node.elts))
    return set()
