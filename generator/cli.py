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
from generator.targets import (
    ProjectTarget,
    SpecTarget,
    must_exist,
    project_target,
    resolve_target,
)
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
    target = resolve_target(
        _context().root_option,
        spec_file,
        out,
        package,
        settings_file,
        refused_with_spec=(
            "--fail-on-breaking goes without --spec (no report there)" if fail_on_breaking else None
        ),
    )
    if isinstance(target, SpecTarget):
        _generate_single(target, _cache(no_cache))
    else:
        _generate_project(target, _cache(no_cache), fail_on_breaking)


def _generate_single(target: SpecTarget, cache: Cache) -> None:
    from generator.write.tree import compare, write_tree

    name, out = target.package, target.output
    if not _fast_causes(out, target.made_from()):
        click.echo(f"{out}: up to date ({name} from {target.spec_file})")
        return
    notes: list[str] = []
    files = _build_single(target, cache, notes)
    if compare(files, out):
        write_tree(files, out)
    click.echo(f"generated {name} into {out}")
    for note in notes:
        click.echo(f"note: {note}")


def _generate_project(project: ProjectTarget, cache: Cache, fail_on_breaking: bool) -> None:
    from generator.changes.changes_file import (
        CHANGES_FILE,
        SURFACE_FILE,
        baseline_surface,
        changes_since,
        current_surface,
        with_changes_file,
    )
    from generator.changes.render import render_text
    from generator.write.tree import write_tree

    target = project.output
    made = project.made_from()
    baseline = baseline_surface(target)
    if not _fast_causes(target, made):
        click.echo(f"{target}: up to date ({len(_on_disk(target))} files)")
        if not fail_on_breaking:
            return
        # Nothing to write, but the gate still judges what callers see since the baseline.
        current = current_surface(target)
        report = changes_since(baseline, {SURFACE_FILE: current} if current else {})
    else:
        files, report, drift = _rebuild(project, made, cache, baseline)
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
    target: SpecTarget, cache: Cache, notes: list[str] | None = None
) -> dict[str, bytes]:
    """The ad-hoc output with its record of the files its generation read."""
    from generator.pipeline import build_single
    from generator.provenance import single_made_from

    inputs: list[Path] = []
    spec_file, package, settings_file = target.spec_file, target.package, target.settings_file
    files = build_single(spec_file, package, notes, cache, inputs, settings_file)
    made = single_made_from(spec_file, package, inputs, settings_file)
    return {**files, RECORD_FILE: record_bytes(made, files)}


def _rebuild(
    project: ProjectTarget, made: MadeFrom, cache: Cache, baseline: bytes | None
) -> tuple[dict[str, bytes], Report | None, Drift]:
    """Everything the project produces, in memory, with its record, what it changes for
    callers since the `baseline` surface and what it changes on disk: the shared first
    half of `generate` and `check --full`."""
    from generator.changes.changes_file import KEPT, changes_since
    from generator.pipeline import build_project
    from generator.write.tree import compare

    files = build_project(project.settings, project.root, cache)
    files[RECORD_FILE] = record_bytes(made, files)
    return files, changes_since(baseline, files), compare(files, project.output, ignore=KEPT)


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
    resolved = resolve_target(_context().root_option, spec_file, out, package, settings_file)
    target, source, made = resolved.output, resolved.source, resolved.made_from()
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
    if isinstance(resolved, SpecTarget):
        from generator.write.tree import compare

        drift = compare(_build_single(resolved, _cache(no_cache)), target)
    else:
        from generator.changes.changes_file import current_surface

        _, report, drift = _rebuild(resolved, made, _cache(no_cache), current_surface(target))
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
        must_exist("--spec", spec_file)
        spec = load_spec_file(spec_file)
        validate_spec(spec)
        click.echo(f"{spec_file}: valid")
        return
    from generator.pipeline import load_api, model_api

    problems: list[Diagnostic] = []
    for api in project_target(_context().root_option).apis(apis):
        try:
            model_api(load_api(api.folder), api.settings())
            click.echo(f"{api.folder}: valid")
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

    from generator.pipeline import load_api

    document = load_api(project_target(_context().root_option).api(api).folder).document
    if output_format == "json":
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)


def run() -> None:
    """The `clientgen` console script: `main`, then an exit without tearing down.

    A run over a large spec leaves millions of objects (the document, the model, the
    rendered text) that the interpreter would free one by one on the way out, a twentieth
    of a second on GitHub's spec and nothing anyone waits for: every file is written and
    closed, and every child process reaped, before `main` returns. So the process ends
    at once, with `main`'s exit status, once what it printed is flushed.
    """
    try:
        main()
        status: int | str | None = 0
    except SystemExit as done:
        status = done.code
    if isinstance(status, str):
        print(status, file=sys.stderr)
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status or 0)
