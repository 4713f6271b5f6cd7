"""The stages in order: load → validate → model → render → format.

Each function returns a value or raises `GeneratorError`; none writes to disk, so
`generate` and `check` share everything but the last step.

The modules of the stages after validation (the model, the renderer and Jinja2,
formatting) are imported by the functions that use them, once the specs are read and
their validation started: the validation child starts that much earlier, and this
process imports them beside it. On a small spec, validation is the last thing a run
waits for.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator import collector, progress
from generator.cache import Cache
from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import LoadedSpec, load_api_folder, load_spec_file
from generator.load.digest import spec_sha256
from generator.settings import (
    ApiSettings,
    DistributionSettings,
    default_api_settings,
    load_api_settings_file,
)
from generator.targets import ApiFolder, api_folders, display_path
from generator.validate import validate_spec
from generator.validate.background import Pending, start_validation, start_validations

if TYPE_CHECKING:
    from generator.model.api import Api
    from generator.render.renderer import Distribution


def load_api(folder: Path, cache: Cache | None = None) -> LoadedSpec:
    spec = load_api_folder(folder)
    validate_spec(spec, cache)
    return spec


def model_api(spec: LoadedSpec, settings: ApiSettings, validation: Pending | None = None) -> Api:
    """The API's model; the spec's digest from `validation`'s child process, which works
    it out beside (see `validate.background`)."""
    from generator.parse.api import build_api

    return build_api(spec, settings, validation.digest if validation is not None else None)


def build_project(
    settings: DistributionSettings, root: Path, cache: Cache | None = None
) -> dict[str, bytes]:
    """Every file of the project's distribution, from `specs/` and `templates/`.

    Each API is validated in the background (`validate.background`) while the next is
    read and the distribution is modelled, rendered and formatted; the outcome is then
    told as if each API had been validated first, in order (`_settled`).
    """
    outcomes: list[_Outcome] = []
    specs: dict[Path, LoadedSpec] = {}
    sources: dict[Path, ApiFolder] = {}
    for source in api_folders(root / settings.specs):
        folder = source.folder
        sources[folder] = source
        progress.stage(f"reading and validating {display_path(folder)}")
        outcome = _Outcome(folder)
        outcomes.append(outcome)
        try:
            with collector.paused(kept=True):
                specs[folder] = load_api_folder(folder)
        except GeneratorError as exc:
            outcome.problems = list(exc.diagnostics)
        except Exception as crash:  # told in its turn, after the problems before it
            outcome.crash = crash
    loaded = [outcome for outcome in outcomes if outcome.folder in specs]
    validations = start_validations(
        [specs[outcome.folder] for outcome in loaded], cache, spec_sha256
    )
    files: dict[str, bytes] = {}
    try:
        for outcome, validation in zip(loaded, validations, strict=True):
            outcome.validation = validation
            _model(outcome, specs[outcome.folder], sources[outcome.folder], validation)
        if all(outcome.api is not None for outcome in outcomes):
            apis = [outcome.api for outcome in outcomes if outcome.api is not None]
            places = [outcome.place for outcome in outcomes if outcome.place is not None]
            _check_unique_packages(apis, places)
            progress.stage(f"rendering {_operation_count(apis)} operations of {len(apis)} APIs")
            from generator.render.renderer import Distribution

            dist = Distribution(
                settings.distribution, settings.package, settings.version, tuple(apis)
            )
            files = _formatted(dist, cache)
    except BaseException as late:
        _settled(outcomes, late)
        raise
    _settled(outcomes, None)
    return files


def build_single(
    spec_file: Path,
    package: str,
    notes: list[str] | None = None,
    cache: Cache | None = None,
    inputs: list[Path] | None = None,
    settings_file: Path | None = None,
) -> dict[str, bytes]:
    """A standalone distribution for one spec file (the ad-hoc mode).

    `notes`, when given, receives what the caller should know but is not an error
    (webhooks without methods, a security scheme left to the caller); `inputs` receives
    the files read (the spec and the files it references); `settings_file` is an api.toml
    to read instead of deriving every name from `package`. The spec is validated in the
    background, as in `build_project`, and its problems come first.
    """
    progress.stage(f"reading and validating {spec_file}")
    with collector.paused(kept=True):
        spec = load_spec_file(spec_file)
    if inputs is not None:
        inputs.extend(spec.files)
    validation = start_validation(spec, cache, spec_sha256)
    outcome = _Outcome(spec_file, validation=validation)
    try:
        settings = (
            load_api_settings_file(settings_file, display_path(settings_file), package)
            if settings_file is not None
            else default_api_settings(package)
        )
        with collector.paused(kept=True):
            api = model_api(spec, settings, validation)
        progress.stage(f"rendering {_operation_count([api])} operations")
        from generator.render.renderer import Distribution

        dist = Distribution(package.replace("_", "-"), package, "0.1.0", (api,), flat=True)
        files = _formatted(dist, cache)
    except BaseException as late:
        _settled([outcome], late)
        raise
    _settled([outcome], None)
    if notes is not None:
        notes.extend(api.notes)
    return files


def _model(outcome: _Outcome, spec: LoadedSpec, source: ApiFolder, validation: Pending) -> None:
    """The API's model, or what stopped it, kept in `outcome`."""
    try:
        with collector.paused(kept=True):
            outcome.api = model_api(spec, source.settings(), validation)
        outcome.place = source.setting_location("package")
    except GeneratorError as exc:
        outcome.problems = list(exc.diagnostics)
    except Exception as crash:  # told in its turn: the API's own problems come first
        outcome.crash = crash


@dataclass
class _Outcome:
    """What became of one API: its validation, and its model or what stopped it."""

    folder: Path
    validation: Pending | None = None
    api: Api | None = None
    place: Location | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    crash: BaseException | None = None


def _settled(outcomes: list[_Outcome], late: BaseException | None) -> None:
    """Wait for every validation, then raise what validating each API before the next
    stage would have raised: per API in order, the problems of reading it, else of
    validating it, else of modelling it, an unexpected exception ending the list; then,
    with nothing found, `late` (what rendering or formatting raised) is the caller's to
    raise. Without `late` and nothing found, return."""
    problems: list[Diagnostic] = []
    crash: BaseException | None = None
    for outcome in outcomes:
        found = (
            outcome.validation.problems(settled_only=late is not None)
            if outcome.validation is not None
            else []
        )
        if crash is not None:
            continue  # still waited for, so no child is left behind
        if found:
            problems.extend(found)
        elif outcome.problems:
            problems.extend(outcome.problems)
        elif outcome.crash is not None:
            crash = outcome.crash
    if crash is not None:
        raise crash
    if problems:
        raise GeneratorError(problems)


def _formatted(dist: Distribution, cache: Cache | None) -> dict[str, bytes]:
    """Rendered and formatted; the runtime is copied as it is, already black-clean, and
    the resource modules and `api.md` files made of what the cache has seen are the
    cache's (`reuse`). Formatting processes are started before rendering
    (`EarlyFormatter`): one per core as far as the API's size keeps them busy
    (`_early_formatters`), which cut and format the modules met for the first time: with
    a core to spare, each as soon as it is rendered (`_cut_while_rendering`), else all
    once they are rendered. Or one, to import black beside rendering, when modules are
    reused and little is likely left to format. With one core, only the latter:
    processes of their own would only take turns with rendering."""
    from generator.render.formatting import format_files, module_cutter
    from generator.render.formatting_processes import EarlyFormatter
    from generator.render.renderer import TEMPLATES_DIR, render_distribution
    from generator.render.reuse import module_keys, remember_modules, reused_modules

    with collector.paused():
        keys = module_keys(dist, TEMPLATES_DIR) if cache is not None and cache.enabled else {}
        reused = reused_modules(cache, keys) if cache is not None else {}
    processes = 1 if reused else _early_formatters(dist)
    early_formatter = EarlyFormatter(processes) if reused or processes > 1 else None
    with early_formatter or nullcontext() as early:
        cut = module_cutter(early, cache) if early is not None else None
        while_rendering = cut if _cut_while_rendering() else None
        with collector.paused():
            files = render_distribution(dist, cache=cache, skip=reused, rendered=while_rendering)
        runtime = f"{dist.package}/_runtime/"
        preformatted = {p for p in files if p.startswith(runtime)}
        if cut is not None and while_rendering is None:
            # Every module at once, the largest first, so that the processes end together.
            for path in sorted(files, key=lambda p: -len(files[p])):
                if path not in preformatted:
                    cut(path, files[path])
        formatted = format_files(files, cache, preformatted, early)
    if cache is not None:
        remember_modules(cache, keys, formatted, reused)
    formatted.update(reused)
    return {path: formatted[path] for path in sorted(formatted)}


# About how many operations and definitions give a formatting process enough text to pay
# for its start (a fork, and black's import where a piece needs it, a sixteenth of a
# second): some half a megabyte of rendered text, at a few kilobytes each.
_PARTS_PER_FORMATTER = 200


def _cut_while_rendering() -> bool:
    """Whether the formatting processes of a cold run cut and format each module as it is
    rendered: when a core is left beside the process that renders and the one that
    validates. With no core to spare, the work is the same but done at the same time as
    theirs: measured on two cores, that costs more in all than giving them the modules
    once all are rendered, as the three only take turns on the cores."""
    return (os.cpu_count() or 1) > 2


def _early_formatters(dist: Distribution) -> int:
    """How many formatting processes a cold run starts before rendering: one per core, but
    no more than the API's size keeps busy (two at least, when there are two cores)."""
    parts = sum(
        len(api.operations) + len(api.response_definitions) + len(api.request_definitions)
        for api in dist.apis
    )
    return min(os.cpu_count() or 1, max(2, parts // _PARTS_PER_FORMATTER))


def _operation_count(apis: list[Api]) -> int:
    return sum(len(api.operations) for api in apis)


def _check_unique_packages(apis: list[Api], places: list[Location]) -> None:
    """Two APIs may not share a subpackage; the second one's `package` setting is named."""
    seen: dict[str, Api] = {}
    for api, place in zip(apis, places, strict=True):
        if api.package in seen:
            message = (
                f"APIs {seen[api.package].name!r} and {api.name!r} both use the "
                f"package name {api.package!r}; set `package` in their api.toml"
            )
            raise GeneratorError([Diagnostic(message, place)])
        seen[api.package] = api
