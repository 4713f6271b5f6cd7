"""The schema checker's id lists answer `in` from a set, and the library only appends to them.

`_IdList` is only equivalent to the list it replaces while openapi-spec-validator uses
its lists by `append` and `in` alone; this reads the pinned library's source to keep it so.
"""

from __future__ import annotations

import inspect
import re

from openapi_spec_validator.validation import keywords

from generator.validate.openapi import _ID_LISTS, _IdList


def test_the_library_only_appends_to_and_searches_its_id_lists() -> None:
    source = inspect.getsource(keywords)
    names = "|".join(_ID_LISTS)
    allowed = re.compile(
        rf"self\.({names}): list\[int\] \| None = \[\]"
        rf"|assert self\.({names}) is not None"
        rf"|if schema_id (not )?in self\.({names}):"
        rf"|self\.({names})\.append\(schema_id\)"
    )
    uses = [line.strip() for line in source.splitlines() if re.search(names, line)]
    assert len(uses) >= 6  # both lists are still there, set up, searched and appended to
    assert [use for use in uses if not allowed.fullmatch(use)] == []


def test_an_id_list_answers_as_a_list_would() -> None:
    ids = _IdList([3, 1])
    ids.append(7)
    assert list(ids) == [3, 1, 7]
    assert all(value in ids for value in (1, 3, 7))
    assert 2 not in ids and "1" not in ids
