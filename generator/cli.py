"""The `clientgen` command line: generate, check, validate, bundle.

Every failure prints located one-line messages and exits non-zero; a traceback is
shown only with --debug.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml

from generator.changes.change import Report
from generator.changes.changes_file import (
    CHANGES_FILE,
    KEPT,
    changes_since,
    with_changes_file,
)
from generator.changes.render import render_text
from generator.diagnostics import Diagnostic, GeneratorError
from generator.pipeline import api_folders, build_project, build_single, load_api
from generator.settings import load_distribution_settings
from generator.write.tree import Drift, compare, write_tree

_F = TypeVar("_F", bound=Callable[..., Any])
_DIFF_LINES = 80


class _Context:
    debug: bool = False


def _reporting(func: _F) -> _F:
    """Turn `GeneratorError` and unexpected exceptions into messages and exit codes."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        context = click.get_current_context().find_object(_Context)
        try:
            return func(*args, **kwargs)
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


@click.group()
@click.option("--debug", is_flag=True, help="Show tracebacks of unexpected errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Generate typed Python clients from the OpenAPI documents in specs/."""
    ctx.ensure_object(_Context).debug = debug


@main.command()
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="Ad-hoc: one spec file.")
@click.option("--out", type=click.Path(path_type=Path), help="Output folder.")
@click.option("--package", help="Ad-hoc: the package name (default: the spec file's name).")
@click.option(
    "--fail-on-breaking",
    is_flag=True,
    help="Exit with 1 if the change report has breaking changes (the output is still written).",
)
@_reporting
def generate(
    spec_file: Path | None, out: Path | None, package: str | None, fail_on_breaking: bool
) -> None:
    """Generate the client package (all APIs of specs/), or one from --spec FILE."""
    if spec_file is not None:
        if out is None:
            raise click.UsageError("--spec needs --out")
        if fail_on_breaking:
            raise click.UsageError("--fail-on-breaking goes without --spec (no report there)")
        from generator.naming import python_identifier

        name = package or python_identifier(spec_file.stem, fallback="client")
        if not name.isidentifier():
            raise click.UsageError(f"--package {name!r} is not a Python identifier")
        notes: list[str] = []
        write_tree(build_single(spec_file, name, notes), out)
        click.echo(f"generated {name} into {out}")
        for note in notes:
            click.echo(f"note: {note}")
        return
    if package is not None:
        raise click.UsageError("--package goes with --spec")
    target, files, report, drift = _rebuild(out)
    if not drift:
        click.echo(f"{target}: up to date ({len(files)} files)")
        return
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


def _rebuild(out: Path | None) -> tuple[Path, dict[str, bytes], Report | None, Drift]:
    """Everything the project produces, in memory, with what it changes for callers
    and on disk: the shared first half of `generate` and `check`."""
    settings = load_distribution_settings(Path("pyproject.toml"))
    target = out or Path(settings.output)
    files = build_project(settings, Path("."))
    return target, files, changes_since(target, files), compare(files, target, ignore=KEPT)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), help="Output folder to compare.")
@_reporting
def check(out: Path | None) -> None:
    """Fail if generated/ differs from what specs/ and templates/ produce."""
    target, _, report, drift = _rebuild(out)
    if not drift:
        click.echo(f"{target}: up to date with specs and templates")
        return
    click.echo(f"{target} has drifted from specs/ and templates/; run `make regenerate`.", err=True)
    if report:
        click.echo(render_text(report), err=True, nl=False)
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
    """Validate the specs of the named APIs (default: all), or one spec file."""
    from generator.load import load_spec_file
    from generator.validate import validate_spec

    if spec_file is not None:
        spec = load_spec_file(spec_file)
        validate_spec(spec)
        click.echo(f"{spec_file}: valid")
        return
    settings = load_distribution_settings(Path("pyproject.toml"))
    folders = api_folders(Path(settings.specs))
    wanted = [f for f in folders if not apis or f.name in apis]
    unknown = set(apis) - {f.name for f in folders}
    if unknown:
        raise click.UsageError(f"unknown API(s): {', '.join(sorted(unknown))}")
    problems: list[Diagnostic] = []
    for folder in wanted:
        try:
            load_api(folder)
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
    settings = load_distribution_settings(Path("pyproject.toml"))
    folders = {f.name: f for f in api_folders(Path(settings.specs))}
    if api not in folders:
        raise click.UsageError(f"unknown API {api!r}; one of: {', '.join(sorted(folders))}")
    document = load_api(folders[api]).document
    if output_format == "json":
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)
