"""Generate a package from an inline spec into a temporary folder and import it."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from support.generator_cache import run_cache

from generator.pipeline import build_single
from generator.write.tree import write_tree


@contextmanager
def generated(spec: dict[str, Any], tmp_path: Path, package: str) -> Iterator[ModuleType]:
    """The generated package, importable for the duration of the block."""
    spec_file = tmp_path / f"{package}.json"
    spec_file.write_text(json.dumps(spec))
    out = tmp_path / "out"
    write_tree(build_single(spec_file, package, cache=run_cache()), out)
    with importable(out, package) as module:
        yield module


@contextmanager
def importable(out: Path, package: str) -> Iterator[ModuleType]:
    """`package`, generated into `out`, importable for the duration of the block; its
    modules are forgotten afterwards, so the next test can generate one of the same name."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
