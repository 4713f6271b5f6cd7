"""Template logic lives in named Python functions; templates only place their results.

A `{{ }}` or `{% %}` longer than this is logic that belongs in generator/render (or the
model), where it has a name, a docstring and tests.
"""

from __future__ import annotations

import re

from generator.render.template_files import templates_dir

LONGEST = 100
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def overlong_tags(text: str, limit: int = LONGEST) -> list[tuple[int, int]]:
    """(line, length) of each expression or statement tag longer than `limit` characters."""
    return [
        (text.count("\n", 0, tag.start()) + 1, len(tag.group()))
        for tag in _TAG.finditer(text)
        if len(tag.group()) > limit
    ]


def test_no_template_has_an_overlong_expression() -> None:
    templates = sorted(templates_dir().glob("*.jinja"))
    assert templates
    found = [
        f"{path.name}:{line}: {length} characters"
        for path in templates
        for line, length in overlong_tags(path.read_text(encoding="utf-8"))
    ]
    assert not found, "move these into named functions:\n" + "\n".join(found)


def test_the_scan_finds_long_tags_on_their_line_and_across_lines() -> None:
    text = "short {{ a }}\n\n{{ " + "b ~ " * 30 + "c }}\n{%\n if " + "x and " * 20 + "y\n%}"
    assert overlong_tags(text) == [(3, 127), (4, 131)]
    assert overlong_tags("{{ a }}{% if b %}") == []
