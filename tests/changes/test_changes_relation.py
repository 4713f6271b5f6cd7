"""The relation between two shapes, on each side of the wire."""

from __future__ import annotations

import pytest

from generator.changes.relation import Relation, relation
from generator.changes.shapes import Shape
from generator.model.sides import Side

SAME, WIDER, NARROWER, DIFFERENT = (
    Relation.SAME,
    Relation.WIDER,
    Relation.NARROWER,
    Relation.DIFFERENT,
)


@pytest.mark.parametrize(
    ("old", "new", "side", "expected"),
    [
        ("str", "str", "request", SAME),
        ("str", "any", "request", WIDER),
        ("any", "str", "response", NARROWER),
        ("int", "float", "request", WIDER),
        ("float", "int", "request", NARROWER),
        ("str", "int", "request", DIFFERENT),
        ("str", {"nullable": "str"}, "request", WIDER),
        ({"list": {"nullable": "int"}}, {"list": "int"}, "response", NARROWER),
        # Widening the items but dropping None at once is neither.
        ({"nullable": "int"}, "float", "request", DIFFERENT),
        ("int", {"union": ["int", "str"]}, "request", WIDER),
        ({"union": ["int", "str"]}, {"union": ["str", "bool"]}, "request", DIFFERENT),
        (
            {"constrained": "str", "max_length": 10},
            {"constrained": "str", "max_length": 5},
            "request",
            NARROWER,
        ),
        ({"constrained": "int", "ge": 1}, "int", "request", WIDER),
        (
            {"constrained": "str", "pattern": "a"},
            {"constrained": "str", "pattern": "b"},
            "request",
            DIFFERENT,
        ),
        ({"enum": ["a", "b"]}, {"enum": ["a"]}, "request", NARROWER),
        ({"enum": ["a"]}, "str", "request", WIDER),
        ({"enum": ["a"]}, {"enum": ["b"]}, "request", DIFFERENT),
        # Responses decode enums as their plain kind: the Python type does not change.
        ({"enum": ["a"]}, {"enum": ["b"]}, "response", SAME),
        ("str", {"enum": ["a"]}, "response", SAME),
        ({"enum": [1, 2]}, "str", "response", DIFFERENT),
        ({"ref": "A"}, {"ref": "B"}, "response", DIFFERENT),
    ],
)
def test_relation(old: Shape, new: Shape, side: Side, expected: Relation) -> None:
    assert relation(old, new, side) is expected
