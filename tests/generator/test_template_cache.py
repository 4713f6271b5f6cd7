"""Compiled templates come from the generator's cache: a run with a warm cache compiles none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator.cache import Cache
from generator.render import renderer
from generator.render.renderer import TEMPLATES_DIR


def _compiled(monkeypatch: pytest.MonkeyPatch, templates: Path, cache: Cache) -> list[str]:
    """The templates an environment on `templates` compiles from source to load each one."""
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a: Any) -> Any:
        compiled.append(str(name))
        return real(self, source, name, *a)

    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", counting)
        env = renderer._environment(templates, cache)
        for name in env.list_templates(extensions=["jinja"]):
            env.get_template(name)
    return sorted(compiled)


def test_a_warm_cache_compiles_no_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = sorted(p.name for p in TEMPLATES_DIR.glob("*.jinja"))
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(tmp_path)) == names
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(tmp_path)) == []
    # Without a cache (`--no-cache`), every run compiles them all.
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(None)) == names


def test_an_edited_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "a.jinja").write_text("one {{ x }}\n", encoding="utf-8")
    (templates / "b.jinja").write_text("b\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    assert _compiled(monkeypatch, templates, cache) == ["a.jinja", "b.jinja"]
    (templates / "a.jinja").write_text("two {{ x }}\n", encoding="utf-8")
    assert _compiled(monkeypatch, templates, cache) == ["a.jinja"]
    env = renderer._environment(templates, cache)
    assert env.get_template("a.jinja").render(x=1) == "two 1\n"
