"""Cells of the argument tables in api.md.

A description from a spec can hold newlines and pipes; either would break the table
row, so every cell goes through `cell`.
"""

from __future__ import annotations

from generator.model.api import Parameter
from generator.model.types import Field

_DEPRECATED = "**Deprecated.** "


def cell(text: str) -> str:
    """Text for one cell of a Markdown table: on one line, its pipes escaped."""
    return text.replace("\n", " ").replace("|", "\\|")


def parameter_description(parameter: Parameter) -> str:
    text = parameter.description or f"{parameter.location} parameter `{parameter.wire_name}`"
    return (_DEPRECATED if parameter.deprecated else "") + cell(text)


def field_description(field: Field) -> str:
    text = field.description or f"body field `{field.wire_name}`"
    return (_DEPRECATED if field.deprecated else "") + cell(text)
