"""A document's objects and arrays, depth by depth, gathered at C speed.

Checks that must look at every container of a large spec (the nesting bound, a search
for file references) cost a Python step per node when written as a walk; taking the
children of a whole level with `map`, `chain` and `filter` leaves that work to C, and
going level by level keeps the stack flat however deep the document nests.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

# `isinstance(x, dict)` as a C callable, for `filter`.
_IS_DICT = dict.__instancecheck__
_IS_LIST = list.__instancecheck__


def levels(document: Any) -> Iterator[tuple[list[dict[str, Any]], list[list[Any]]]]:
    """(objects, arrays) at each depth, the top level first; nothing for a scalar.

    The first pair holds `document` itself, so the n-th pair is depth n as the parsers
    count it. Every container is in exactly one pair; order within a level is not kept.
    """
    dicts: list[dict[str, Any]] = [document] if isinstance(document, dict) else []
    lists: list[list[Any]] = [document] if isinstance(document, list) else []
    while dicts or lists:
        yield dicts, lists
        children = [*chain.from_iterable(map(dict.values, dicts)), *chain.from_iterable(lists)]
        dicts = list(filter(_IS_DICT, children))
        lists = list(filter(_IS_LIST, children))
