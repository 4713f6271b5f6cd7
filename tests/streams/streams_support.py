"""Generating the fixture specs with their settings (the servers are in support/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from generated_package import importable
from support.generator_cache import run_cache

from generator.load import load_spec_file
from generator.parse.api import build_api
from generator.render.formatting import format_files
from generator.render.renderer import Distribution, render_distribution
from generator.settings import ApiSettings, PaginationScheme, default_api_settings
from generator.validate import validate_spec
from generator.write.tree import write_tree


def build_files(
    spec: dict[str, Any],
    tmp_path: Path,
    package: str,
    *,
    operations: dict[str, str] | None = None,
    pagination: tuple[PaginationScheme, ...] = (),
) -> dict[str, bytes]:
    spec_file = tmp_path / f"{package}.json"
    spec_file.write_text(json.dumps(spec))
    loaded = load_spec_file(spec_file)
    validate_spec(loaded, run_cache())
    settings: ApiSettings = replace(
        default_api_settings(package), operations=operations or {}, pagination=pagination
    )
    api = build_api(loaded, settings)
    dist = Distribution(package.replace("_", "-"), package, "0.1.0", (api,), flat=True)
    return format_files(render_distribution(dist), run_cache())


@contextmanager
def generated_with(
    spec: dict[str, Any],
    tmp_path: Path,
    package: str,
    *,
    operations: dict[str, str] | None = None,
    pagination: tuple[PaginationScheme, ...] = (),
) -> Iterator[ModuleType]:
    """The package generated from `spec` with these settings, importable in the block."""
    out = tmp_path / "out"
    files = build_files(spec, tmp_path, package, operations=operations, pagination=pagination)
    write_tree(files, out)
    with importable(out, package) as module:
        yield module
