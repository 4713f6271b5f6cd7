"""Compiled templates come from the generator's stores: a run with a warm one compiles none.

The installation's store (beside the generator's code) is looked in first, then the user
cache, which serves where the installation is read-only (a disabled store here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator.cache import Cache
from generator.render import renderer
from generator.render.renderer import TEMPLATES_DIR

# An installation whose store can be neither read nor written.
_READ_ONLY = Cache(None)


def _compiled(
    monkeypatch: pytest.MonkeyPatch,
    templates: Path,
    cache: Cache,
    installation: Cache = _READ_ONLY,
) -> list[str]:
    """The templates an environment on `templates` compiles from source to load each one,
    with `installation` as the installation's store (by default a read-only one)."""
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a: Any) -> Any:
        compiled.append(str(name))
        return real(self, source, name, *a)

    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", counting)
        patch.setattr(renderer, "installation_cache", lambda: installation)
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
    installation = Cache(tmp_path / "installation")
    assert _compiled(monkeypatch, templates, cache, installation) == ["a.jinja", "b.jinja"]
    (templates / "a.jinja").write_text("two {{ x }}\n", encoding="utf-8")
    assert _compiled(monkeypatch, templates, cache, installation) == ["a.jinja"]
    monkeypatch.setattr(renderer, "installation_cache", lambda: installation)
    env = renderer._environment(templates, cache)
    assert env.get_template("a.jinja").render(x=1) == "two 1\n"


def test_the_installations_store_serves_every_run_whatever_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(p.name for p in TEMPLATES_DIR.glob("*.jinja"))
    installation = Cache(tmp_path / "installation")
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(None), installation) == names
    # Then neither an empty user cache nor none at all (`--no-cache`) compiles again.
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(tmp_path / "empty"), installation) == []
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(None), installation) == []


def test_a_template_found_in_the_user_cache_is_kept_in_the_installations_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(p.name for p in TEMPLATES_DIR.glob("*.jinja"))
    cache = Cache(tmp_path / "cache")
    assert _compiled(monkeypatch, TEMPLATES_DIR, cache) == names  # read-only installation
    installation = Cache(tmp_path / "installation")
    assert _compiled(monkeypatch, TEMPLATES_DIR, cache, installation) == []
    assert _compiled(monkeypatch, TEMPLATES_DIR, Cache(None), installation) == []
