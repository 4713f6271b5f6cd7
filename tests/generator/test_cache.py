"""The caches: the same bytes with and without them, damaged entries ignored, safe sharing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache import Cache, default_cache_dir
from generator.pipeline import build_project
from generator.render import renderer
from generator.render.renderer import TEMPLATES_DIR
from generator.settings import load_distribution_settings
from generator.write.tree import read_tree

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = load_distribution_settings(ROOT / "pyproject.toml")
# Files of generated/ that a build in memory does not produce (written by the CLI).
_NOT_BUILT = {"CHANGES.md", "clientgen-record.json"}
# The templates only resource modules and api.md are rendered with.
_REUSED_TEMPLATES = {"resource.py.jinja", "_method.jinja", "api.md.jinja"}


@pytest.fixture(autouse=True)
def _read_only_installation(monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts below are the user cache's: the installation's store (compiled templates,
    tests/generator/test_template_cache.py) is one that holds nothing here."""
    monkeypatch.setattr(renderer, "installation_cache", lambda: Cache(None))


def _committed() -> dict[str, bytes]:
    return {p: c for p, c in read_tree(ROOT / "generated").items() if p not in _NOT_BUILT}


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".tmp"))


def test_cached_and_uncached_builds_give_the_committed_bytes(tmp_path: Path) -> None:
    uncached = build_project(SETTINGS, ROOT, Cache(None))
    cold = Cache(tmp_path)
    first = build_project(SETTINGS, ROOT, cold)
    warm = Cache(tmp_path)
    second = build_project(SETTINGS, ROOT, warm)
    assert uncached == first == second == _committed()
    assert cold.hits == 0 and cold.misses > 0
    # Every formatted module, each api.md and each compiled template the rest needs come
    # from the cache the second time, one lookup each (a cold run also looks up each
    # top-level statement of a module): a resource module and api.md come whole, so their
    # templates are not loaded. Each API's validation is looked up by the child process
    # that validates (counted there, see tests/validate/test_background.py).
    modules = [p for p in first if p.endswith(".py") and "/_runtime/" not in p]
    modules += [p for p in first if p.endswith("/api.md")]
    templates = [t for t in TEMPLATES_DIR.glob("*.jinja") if t.name not in _REUSED_TEMPLATES]
    assert warm.misses == 0 and warm.hits == len(modules) + len(templates)
    assert cold.misses > warm.hits


def test_damaged_and_foreign_entries_are_ignored_and_replaced(tmp_path: Path) -> None:
    build_project(SETTINGS, ROOT, Cache(tmp_path))
    entries = _entries(tmp_path)
    assert len(entries) >= 4
    good = entries[0].read_bytes()
    for index, entry in enumerate(entries):
        data = entry.read_bytes()
        if index % 4 == 0:  # truncated, as by a crash without atomic writes
            entry.write_bytes(data[: len(data) // 2])
        elif index % 4 == 1:  # the value edited, the header left as it was
            entry.write_bytes(data.replace(b"def ", b"def  ", 1) + b"\nimport os\n")
        elif index % 4 == 2:  # another key's entry under this name
            entry.write_bytes(good)
        else:  # not ours at all
            entry.write_bytes(b"\x00\xffgarbage")
    damaged = Cache(tmp_path)
    assert build_project(SETTINGS, ROOT, damaged) == _committed()
    verdicts = [e for e in entries if e.parent.name == "valid"]  # read by the child
    assert len(verdicts) == 3
    assert damaged.hits == 0 and damaged.misses == len(entries) - len(verdicts)
    repaired = Cache(tmp_path)
    assert build_project(SETTINGS, ROOT, repaired) == _committed()
    assert repaired.misses == 0
    assert all(repaired.get("valid", e.name) == b"valid" for e in verdicts)  # rewritten


def test_the_store_checks_key_and_value(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key, other = "ab" * 32, "cd" * 32
    assert cache.get("ns", key) is None
    cache.put("ns", key, b"value\nwith lines\n")
    assert cache.get("ns", key) == b"value\nwith lines\n"
    assert cache.get("other-namespace", key) is None
    (tmp_path / "ns" / other).write_bytes((tmp_path / "ns" / key).read_bytes())
    assert cache.get("ns", other) is None  # a copy of another key's entry
    disabled = Cache(None)
    disabled.put("ns", key, b"x")
    assert disabled.get("ns", key) is None


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = Cache(blocker)
    cache.put("ns", "ab" * 32, b"x")
    assert cache.get("ns", "ab" * 32) is None


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLIENTGEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert default_cache_dir() == Path("/somewhere/cache/clientgen")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "clientgen"
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", "/explicit")
    assert default_cache_dir() == Path("/explicit")


@pytest.mark.slow
def test_concurrent_generate_runs_on_one_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLIENTGEN_CACHE_DIR": str(cache)}
    outs = [tmp_path / f"out{i}" for i in range(3)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "generate", "--out", str(out)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    expected = read_tree(ROOT / "generated")
    expected.pop("CHANGES.md", None)
    for out in outs:
        assert read_tree(out) == expected
    assert not list(cache.rglob(".tmp-*"))  # no temporary file left behind
    # And the shared cache they filled gives the same output again.
    again = build_project(SETTINGS, ROOT, Cache(cache))
    assert again == _committed()
