"""api.md table cells survive descriptions with newlines and pipes."""

from __future__ import annotations

from generator.model.api import Parameter
from generator.model.types import Primitive
from generator.render.markdown import cell, parameter_description


def test_a_cell_is_one_line_with_its_pipes_escaped() -> None:
    assert cell("a | b\nc") == "a \\| b c"


def test_a_parameter_without_description_names_its_place_and_deprecation_leads() -> None:
    plain = Parameter("page_size", "pageSize", "query", Primitive("integer"), False)
    assert parameter_description(plain) == "query parameter `pageSize`"
    old = Parameter("x", "x", "header", Primitive("string"), False, "Old |\nname", deprecated=True)
    assert parameter_description(old) == "**Deprecated.** Old \\| name"
