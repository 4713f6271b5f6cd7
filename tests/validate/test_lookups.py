"""The semantic pass's direct steps into dicts and lists answer as the library's step does.

`lookups.take_direct_steps` restates the library's step for plain dicts and lists; this
compares the two on every kind of node and part, and reads the pinned library's source
to keep the restated step the one it has.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from jsonschema_path.nodes import SchemaNode
from pathable.accessors import SubscriptableAccessor

from generator.validate import lookups

_NODES: list[Any] = [
    {"a": 1, "0": 2, 0: 3},
    [10, 20, 30],
    [],
    {},
    "text",
    None,
    7,
    (1, 2),
]
_PARTS: list[Any] = ["a", "0", 0, 1, 2, 3, -1, "missing", None, 1.5]


def _answer(step: Any, node: Any, part: Any) -> tuple[str, Any]:
    try:
        return ("found", step(SchemaNode, node, part))
    except KeyError as missing:
        return ("KeyError", missing.args)
    except Exception as other:  # any other outcome must match too
        return (type(other).__name__, other.args)


@pytest.mark.parametrize("node", _NODES, ids=repr)
def test_a_direct_step_answers_as_the_library_step(node: Any) -> None:
    for part in _PARTS:
        expected = _answer(lookups._LIBRARY_STEP, node, part)
        assert _answer(lookups._step, node, part) == expected, part


def test_the_library_step_is_the_one_restated() -> None:
    source = inspect.getsource(SubscriptableAccessor._get_subnode)
    body = [line.strip() for line in source.splitlines()]
    assert "if not isinstance(node, Subscriptable):" in body
    assert "return node[part]" in body
    assert "except (KeyError, IndexError, TypeError) as exc:" in body
    assert "raise KeyError(part) from exc" in body
    assert lookups._LIBRARY_STEP is SubscriptableAccessor._get_subnode.__func__


def test_direct_steps_are_taken_once_on() -> None:
    lookups.take_direct_steps()
    lookups.take_direct_steps()
    assert SchemaNode._get_subnode.__func__ is lookups._step
    assert SchemaNode._get_subnode({"a": 1}, "a") == 1
