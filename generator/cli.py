"""The `clientgen` command line: generate, check, validate, bundle.

Every failure prints located one-line messages and exits non-zero; a traceback is
shown only with --debug.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from generator.cache import Cache, default_cache_dir
from generator.diagnostics import Diagnostic, GeneratorError
from generator.settings import DistributionSettings, load_distribution_settings
from generator.write.record import RECORD_FILE, MadeFrom, drift_causes, read_record, record_bytes
from generator.write.tree import Drift, read_tree

if TYPE_CHECKING:
    from generator.changes.change import Report

# The generation stages (black, Jinja, the validator) are imported by the commands that
# run them, so that a check or regenerate with nothing to do starts fast.

_F = TypeVar("_F", bound=Callable[..., Any])
_DIFF_LINES = 80


class _Context:
    debug: bool = False
    root_option: Path | None = None

    def root(self) -> Path:
        """The project root: --root, else the nearest folder up from here with our settings."""
        return find_root(self.root_option or Path("."), walk_up=self.root_option is None)


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


def _reporting(func: _F) -> _F:
    """Turn `GeneratorError` and unexpected exceptions into messages and exit codes."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        context = click.get_current_context().find_object(_Context)
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise  # a usage mistake: click prints it with the usage line, exit 2
        except GeneratorError as exc:
            for diagnostic in exc.diagnostics:
                click.echo(f"error: {diagnostic}", err=True)
            sys.exit(1)
        except (OSError, UnicodeDecodeError) as exc:
            if context is not None and context.debug:
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug of ours: say so, briefly, unless debugging
            if context is not None and context.debug:
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True
            )
            sys.exit(2)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


def _context() -> _Context:
    return click.get_current_context().ensure_object(_Context)


@click.group()
@click.version_option(package_name="clientgen", prog_name="clientgen")
@click.option("--debug", is_flag=True, help="Show tracebacks of unexpected errors.")
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    help="The project folder (default: found by walking up from the current folder).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, root: Path | None) -> None:
    """Generate typed Python clients from the OpenAPI documents in specs/."""
    context = ctx.ensure_object(_Context)
    context.debug = debug
    context.root_option = root


_no_cache = click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the cache of formatted modules."
)


def _with_progress(func: _F) -> _F:
    """A `--quiet` option; without it, progress goes to stderr when stderr is a terminal."""

    @click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
    def wrapper(*args: Any, quiet: bool, **kwargs: Any) -> Any:
        from generator import progress

        with progress.shown(not quiet and sys.stderr.isatty()):
            return func(*args, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


def _cache(no_cache: bool) -> Cache:
    return Cache(None if no_cache else default_cache_dir())


@main.command()
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="Ad-hoc: one spec file.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Output folder.")
@click.option("--package", help="Ad-hoc: the package name (default: the spec file's name).")
@click.option(
    "--settings",
    "settings_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Ad-hoc: an api.toml for the spec (names, method_names, pins).",
)
@click.option(
    "--fail-on-breaking",
    is_flag=True,
    help="Exit with 1 if the change report has breaking changes (the output is still written).",
)
@_no_cache
@_with_progress
@_reporting
def generate(
    spec_file: Path | None,
    out: Path | None,
    package: str | None,
    settings_file: Path | None,
    fail_on_breaking: bool,
    no_cache: bool,
) -> None:
    """Generate the client package (all APIs of specs/), or one from --spec FILE."""
    from generator.write.tree import compare, write_tree

    if spec_file is not None:
        if out is None:
            raise click.UsageError("--spec needs --out")
        if fail_on_breaking:
            raise click.UsageError("--fail-on-breaking goes without --spec (no report there)")
        name = _ad_hoc_package(spec_file, package, settings_file)
        if not _fast_causes(out, _ad_hoc_made_from(spec_file, name, out, settings_file)):
            click.echo(f"{out}: up to date ({name} from {spec_file})")
            return
        notes: list[str] = []
        files, _ = _build_single(spec_file, name, _cache(no_cache), notes, settings_file)
        if compare(files, out):
            write_tree(files, out)
        click.echo(f"generated {name} into {out}")
        for note in notes:
            click.echo(f"note: {note}")
        return
    if package is not None or settings_file is not None:
        raise click.UsageError("--package and --settings go with --spec")
    from generator.changes.changes_file import (
        CHANGES_FILE,
        SURFACE_FILE,
        baseline_surface,
        changes_since,
        current_surface,
        with_changes_file,
    )
    from generator.changes.render import render_text

    root = _context().root()
    settings = load_distribution_settings(root / "pyproject.toml")
    target = out or root / settings.output
    made = _project_made_from(settings, root)
    baseline = baseline_surface(target)
    if not _fast_causes(target, made):
        click.echo(f"{target}: up to date ({len(_on_disk(target))} files)")
        if not fail_on_breaking:
            return
        # Nothing to write, but the gate still judges what callers see since the baseline.
        current = current_surface(target)
        report = changes_since(baseline, {SURFACE_FILE: current} if current else {})
    else:
        files, report, drift = _rebuild(settings, root, target, made, _cache(no_cache), baseline)
        if not drift:
            click.echo(f"{target}: up to date ({len(files)} files)")
            if not fail_on_breaking:
                return
        else:
            write_tree(with_changes_file(files, report, target), target)
            click.echo(
                f"{target}: {len(drift.changed)} changed, {len(drift.added)} added, "
                f"{len(drift.removed)} removed"
            )
    if report:
        click.echo(render_text(report), nl=False)
        click.echo(f"(also in {target / CHANGES_FILE})")
    if fail_on_breaking and report and report.breaking_count:
        click.echo("error: breaking changes for callers (--fail-on-breaking)", err=True)
        sys.exit(1)


def _ad_hoc_package(spec_file: Path, package: str | None, settings_file: Path | None) -> str:
    """The ad-hoc package name, once the files named on the command line are known to exist."""
    from generator.naming import python_identifier

    _must_exist("--spec", spec_file)
    if settings_file is not None:
        _must_exist("--settings", settings_file)
    name = package or python_identifier(spec_file.stem, fallback="client")
    if not name.isidentifier():
        raise click.UsageError(f"--package {name!r} is not a Python identifier")
    return name


def _must_exist(option: str, path: Path) -> None:
    """A file named on the command line that is not there is a usage mistake (exit 2).

    Checked here rather than by click's `exists=`, so that a command missing another option
    (`--spec` without `--out`) says that first.
    """
    if not path.is_file():
        raise click.UsageError(
            f"{option} {path}: {'not a file' if path.exists() else 'no such file'}"
        )


def _project_made_from(settings: DistributionSettings, root: Path) -> MadeFrom:
    from generator.provenance import project_made_from

    return project_made_from(settings, root)


def _ad_hoc_made_from(
    spec_file: Path, package: str, out: Path, settings_file: Path | None
) -> MadeFrom:
    from generator.provenance import recorded_single_made_from

    record = read_record(out)
    recorded = record["made_from"].get("inputs", {}) if record else {}
    return recorded_single_made_from(spec_file, package, recorded, settings_file)


def _on_disk(target: Path) -> dict[str, bytes]:
    """The output folder's files that the record covers."""
    from generator.changes.kept import KEPT

    skipped = {*KEPT, RECORD_FILE}
    return {p: c for p, c in read_tree(target).items() if p not in skipped}


def _fast_causes(target: Path, made: MadeFrom) -> list[str]:
    """Why `target` is not what `made` gives, from its record alone; [] if it is."""
    record = read_record(target)
    if record is None:
        return [f"{target / RECORD_FILE} is missing or unreadable"]
    return drift_causes(record, made, _on_disk(target), str(target))


def _build_single(
    spec_file: Path,
    package: str,
    cache: Cache,
    notes: list[str] | None = None,
    settings_file: Path | None = None,
) -> tuple[dict[str, bytes], MadeFrom]:
    """The ad-hoc output with its record."""
    from generator.pipeline import build_single
    from generator.provenance import single_made_from

    inputs: list[Path] = []
    files = build_single(spec_file, package, notes, cache, inputs, settings_file)
    made = single_made_from(spec_file, package, inputs, settings_file)
    return {**files, RECORD_FILE: record_bytes(made, files)}, made


def _rebuild(
    settings: DistributionSettings,
    root: Path,
    target: Path,
    made: MadeFrom,
    cache: Cache,
    baseline: bytes | None,
) -> tuple[dict[str, bytes], Report | None, Drift]:
    """Everything the project produces, in memory, with its record, what it changes for
    callers since the `baseline` surface and what it changes on disk: the shared first
    half of `generate` and `check --full`."""
    from generator.changes.changes_file import KEPT, changes_since
    from generator.pipeline import build_project
    from generator.write.tree import compare

    files = build_project(settings, root, cache)
    files[RECORD_FILE] = record_bytes(made, files)
    return files, changes_since(baseline, files), compare(files, target, ignore=KEPT)


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder to compare.",
)
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="Ad-hoc: one spec file.")
@click.option("--package", help="Ad-hoc: the package name (default: the spec file's name).")
@click.option(
    "--settings",
    "settings_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Ad-hoc: an api.toml for the spec (names, method_names, pins).",
)
@click.option(
    "--full",
    is_flag=True,
    help="Regenerate in memory and compare byte for byte, with a diff (slower).",
)
@_no_cache
@_with_progress
@_reporting
def check(
    out: Path | None,
    spec_file: Path | None,
    package: str | None,
    settings_file: Path | None,
    full: bool,
    no_cache: bool,
) -> None:
    """Fail if generated/ differs from what specs/ and templates/ produce.

    By default the output's record of what it was made from is compared with the current
    generator, templates, tools and inputs, and every output file with its recorded
    digest; --full regenerates everything in memory instead and shows a diff.
    """
    if spec_file is not None:
        if out is None:
            raise click.UsageError("--spec needs --out")
        name = _ad_hoc_package(spec_file, package, settings_file)
        made = _ad_hoc_made_from(spec_file, name, out, settings_file)
        target, source = out, str(spec_file)
    else:
        if package is not None or settings_file is not None:
            raise click.UsageError("--package and --settings go with --spec")
        root = _context().root()
        settings = load_distribution_settings(root / "pyproject.toml")
        target = out or root / settings.output
        made = _project_made_from(settings, root)
        source = "specs and templates"
    causes = _fast_causes(target, made)
    if not full:
        if not causes:
            click.echo(f"{target}: up to date with {source} (by its record)")
            return
        click.echo(f"{target} has drifted from {source}; run `make regenerate`.", err=True)
        for cause in causes:
            click.echo(f"  {cause}", err=True)
        click.echo("(`clientgen check --full` shows the diff)", err=True)
        sys.exit(1)
    from generator.changes.render import render_text

    report: Report | None = None
    if spec_file is not None:
        from generator.write.tree import compare

        files, _ = _build_single(spec_file, name, _cache(no_cache), None, settings_file)
        drift = compare(files, target)
    else:
        from generator.changes.changes_file import current_surface

        _, report, drift = _rebuild(
            settings, root, target, made, _cache(no_cache), current_surface(target)
        )
    if not drift:
        click.echo(f"{target}: up to date with {source}")
        return
    click.echo(f"{target} has drifted from {source}; run `make regenerate`.", err=True)
    if report:
        click.echo(render_text(report), err=True, nl=False)
    for cause in causes:
        if not cause.startswith(("changed:", "missing:", "extra:")):
            click.echo(f"  {cause}", err=True)
    for label, paths in (
        ("changed", drift.changed),
        ("missing", drift.added),
        ("extra", drift.removed),
    ):
        for path in paths:
            click.echo(f"  {label}: {target / path}", err=True)
    lines = drift.diff.splitlines()
    click.echo("\n".join(lines[:_DIFF_LINES]), err=True)
    if len(lines) > _DIFF_LINES:
        click.echo(f"... {len(lines) - _DIFF_LINES} more diff lines", err=True)
    sys.exit(1)


@main.command()
@click.argument("apis", nargs=-1)
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="Validate one file.")
@_reporting
def validate(apis: tuple[str, ...], spec_file: Path | None) -> None:
    """Validate the specs of the named APIs (default: all) with their api.toml, or one spec
    file.

    An API's api.toml is read and its pins applied as `generate` would, so that a typo in
    it fails here rather than at the next generate.
    """
    from generator.load import load_spec_file
    from generator.validate import validate_spec

    if spec_file is not None:
        _must_exist("--spec", spec_file)
        spec = load_spec_file(spec_file)
        validate_spec(spec)
        click.echo(f"{spec_file}: valid")
        return
    from generator.pipeline import api_folders, load_api, model_api
    from generator.settings import SETTINGS_FILE, load_api_settings

    root = _context().root()
    settings = load_distribution_settings(root / "pyproject.toml")
    folders = api_folders(root / settings.specs)
    wanted = [f for f in folders if not apis or f.name in apis]
    unknown = set(apis) - {f.name for f in folders}
    if unknown:
        raise click.UsageError(f"unknown API(s): {', '.join(sorted(unknown))}")
    problems: list[Diagnostic] = []
    for folder in wanted:
        try:
            model_api(load_api(folder), load_api_settings(folder, str(folder / SETTINGS_FILE)))
            click.echo(f"{folder}: valid")
        except GeneratorError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise GeneratorError(problems)


@main.command()
@click.argument("api")
@click.option("--format", "output_format", type=click.Choice(["yaml", "json"]), default="yaml")
@_reporting
def bundle(api: str, output_format: str) -> None:
    """Print the effective spec of API: fragments merged, overlays applied."""
    import yaml

    from generator.pipeline import api_folders, load_api

    root = _context().root()
    settings = load_distribution_settings(root / "pyproject.toml")
    folders = {f.name: f for f in api_folders(root / settings.specs)}
    if api not in folders:
        raise click.UsageError(f"unknown API {api!r}; one of: {', '.join(sorted(folders))}")
    document = load_api(folders[api]).document
    if output_format == "json":
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)
