"""Checks a generated module passes beyond compiling: no top-level name defined twice."""

from __future__ import annotations

import ast


def defined_twice(tree: ast.Module) -> tuple[str, int, int] | None:
    """The first module-level class or assigned name that a later statement defines again."""
    seen: dict[str, int] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            defined = [statement.name]
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            defined = [statement.target.id]
        elif isinstance(statement, ast.Assign):
            defined = [t.id for t in statement.targets if isinstance(t, ast.Name)]
        else:
            continue
        for name in defined:
            if name in seen:
                return name, seen[name], statement.lineno
            seen[name] = statement.lineno
    return None
