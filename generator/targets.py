"""What a command works on: the project's APIs under its specs folder, or one spec file.

Every command resolves its target here, once: the project root (found by walking up, or
given by --root), its `[tool.clientgen]` settings, the output folder, the API folders
and where each one's api.toml is named in messages; or, ad hoc, the spec file, its
package name and its settings file. `generate`, `check`, `validate` and `bundle` then
work on the same values, so that they cannot disagree on a path, a default or a message.

This module imports nothing heavy: the fast check resolves its target too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.settings import (
    SETTINGS_FILE,
    ApiSettings,
    DistributionSettings,
    load_api_settings,
    load_distribution_settings,
    setting_location,
)
from generator.write.record import MadeFrom, read_record


@dataclass(frozen=True)
class ApiFolder:
    """One API of the project: a folder under the specs folder, with an optional api.toml."""

    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def settings_display(self) -> str:
        """How messages name the folder's api.toml (whether or not it exists)."""
        return display_path(self.folder / SETTINGS_FILE)

    def settings(self) -> ApiSettings:
        return load_api_settings(self.folder, self.settings_display)

    def setting_location(self, key: str) -> Location:
        return setting_location(self.folder, self.settings_display, key)


@dataclass(frozen=True)
class ProjectTarget:
    """The project's distribution: every API under `root / settings.specs`, into `output`."""

    root: Path
    settings: DistributionSettings
    output: Path

    source = "specs and templates"

    def apis(self, names: Sequence[str] = ()) -> list[ApiFolder]:
        """The named APIs (default: all), in name order; an unknown name is a usage mistake."""
        folders = api_folders(self.root / self.settings.specs)
        unknown = set(names) - {folder.name for folder in folders}
        if unknown:
            raise click.UsageError(f"unknown API(s): {', '.join(sorted(unknown))}")
        return [folder for folder in folders if not names or folder.name in names]

    def api(self, name: str) -> ApiFolder:
        """One API by name; an unknown name is a usage mistake that lists the known ones."""
        folders = {folder.name: folder for folder in api_folders(self.root / self.settings.specs)}
        if name not in folders:
            raise click.UsageError(f"unknown API {name!r}; one of: {', '.join(sorted(folders))}")
        return folders[name]

    def made_from(self) -> MadeFrom:
        from generator.provenance import project_made_from

        return project_made_from(self.settings, self.root)


@dataclass(frozen=True)
class SpecTarget:
    """The ad-hoc mode: one spec file, generated as `package` into `output`."""

    spec_file: Path
    package: str
    output: Path
    settings_file: Path | None

    @property
    def source(self) -> str:
        return str(self.spec_file)

    def made_from(self) -> MadeFrom:
        """The inputs as they are now, for the files the output's last generation read."""
        from generator.provenance import recorded_single_made_from

        record = read_record(self.output)
        recorded = record["made_from"].get("inputs", {}) if record else {}
        return recorded_single_made_from(self.spec_file, self.package, recorded, self.settings_file)


Target = ProjectTarget | SpecTarget


def resolve_target(
    root_option: Path | None,
    spec_file: Path | None,
    out: Path | None,
    package: str | None,
    settings_file: Path | None,
    *,
    refused_with_spec: str | None = None,
) -> Target:
    """The target of `generate` or `check` from their options.

    `refused_with_spec` is the usage message for an option given with --spec that only the
    project takes; it is said after a missing --out and before a missing file.
    """
    if spec_file is None:
        if package is not None or settings_file is not None:
            raise click.UsageError("--package and --settings go with --spec")
        return project_target(root_option, out)
    if out is None:
        raise click.UsageError("--spec needs --out")
    if refused_with_spec is not None:
        raise click.UsageError(refused_with_spec)
    return SpecTarget(
        spec_file, ad_hoc_package(spec_file, package, settings_file), out, settings_file
    )


def project_target(root_option: Path | None, out: Path | None = None) -> ProjectTarget:
    """The project at --root, else the nearest one up from here, with its settings read."""
    root = find_root(root_option or Path("."), walk_up=root_option is None)
    settings = load_distribution_settings(root / "pyproject.toml")
    return ProjectTarget(root, settings, out or root / settings.output)


def ad_hoc_package(spec_file: Path, package: str | None, settings_file: Path | None) -> str:
    """The ad-hoc package name, once the files named on the command line are known to exist."""
    from generator.naming import python_identifier

    must_exist("--spec", spec_file)
    if settings_file is not None:
        must_exist("--settings", settings_file)
    name = package or python_identifier(spec_file.stem, fallback="client")
    if not name.isidentifier():
        raise click.UsageError(f"--package {name!r} is not a Python identifier")
    return name


def must_exist(option: str, path: Path) -> None:
    """A file named on the command line that is not there is a usage mistake (exit 2).

    Checked here rather than by click's `exists=`, so that a command missing another option
    (`--spec` without `--out`) says that first.
    """
    if not path.is_file():
        raise click.UsageError(
            f"{option} {path}: {'not a file' if path.exists() else 'no such file'}"
        )


def find_root(start: Path, walk_up: bool = True) -> Path:
    """The first of `start` and its parents holding a pyproject.toml with [tool.clientgen].

    Returned relative to the current folder when it can be, so messages stay short.
    """
    here = start.absolute()
    for folder in (here, *here.parents) if walk_up else (here,):
        if _has_settings(folder / "pyproject.toml"):
            relative = os.path.relpath(folder)
            return Path(relative) if not relative.startswith("../" * 8) else folder
    where = "here or in any folder above" if walk_up else f"in {start}"
    raise GeneratorError(
        [Diagnostic(f"no pyproject.toml with a [tool.clientgen] table {where} (see --root)")]
    )


def _has_settings(path: Path) -> bool:
    import tomllib

    try:
        content = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(content.get("tool"), dict) and "clientgen" in content["tool"]


def api_folders(specs: Path) -> list[ApiFolder]:
    """The API folders under `specs`, in name order."""
    if not specs.is_dir():
        raise GeneratorError([Diagnostic(f"specs folder {str(specs)!r} does not exist")])
    folders = sorted(p for p in specs.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        raise GeneratorError([Diagnostic(f"no API folders in {str(specs)!r}")])
    return [ApiFolder(folder) for folder in folders]


def display_path(path: Path) -> str:
    """`path` as messages show it: relative to the current folder when it is inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
