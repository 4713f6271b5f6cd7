"""The stages in order: load → validate → model → render → format.

Each function returns a value or raises `GeneratorError`; none writes to disk, so
`generate` and `check` share everything but the last step.
"""

from __future__ import annotations

from pathlib import Path

from generator import progress
from generator.cache import Cache
from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import LoadedSpec, load_api_folder, load_spec_file
from generator.model.api import Api
from generator.parse.api import build_api
from generator.render.formatting import format_files
from generator.render.renderer import Distribution, render_distribution
from generator.settings import (
    ApiSettings,
    DistributionSettings,
    default_api_settings,
    load_api_settings,
    load_api_settings_file,
    setting_location,
)
from generator.validate import validate_spec


def api_folders(specs: Path) -> list[Path]:
    """The API folders under `specs`, in name order."""
    if not specs.is_dir():
        raise GeneratorError([Diagnostic(f"specs folder {str(specs)!r} does not exist")])
    folders = sorted(p for p in specs.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        raise GeneratorError([Diagnostic(f"no API folders in {str(specs)!r}")])
    return folders


def load_api(folder: Path, cache: Cache | None = None) -> LoadedSpec:
    spec = load_api_folder(folder)
    validate_spec(spec, cache)
    return spec


def model_api(spec: LoadedSpec, settings: ApiSettings) -> Api:
    return build_api(spec, settings)


def build_project(
    settings: DistributionSettings, root: Path, cache: Cache | None = None
) -> dict[str, bytes]:
    """Every file of the project's distribution, from `specs/` and `templates/`."""
    apis = []
    places: list[Location] = []
    problems: list[Diagnostic] = []
    for folder in api_folders(root / settings.specs):
        progress.stage(f"reading and validating {_display(folder)}")
        try:
            spec = load_api(folder, cache)
            display = _display(folder / "api.toml")
            apis.append(model_api(spec, load_api_settings(folder, display)))
            places.append(setting_location(folder, display, "package"))
        except GeneratorError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise GeneratorError(problems)
    _check_unique_packages(apis, places)
    progress.stage(f"rendering {_operation_count(apis)} operations of {len(apis)} APIs")
    dist = Distribution(settings.distribution, settings.package, settings.version, tuple(apis))
    return _formatted(dist, cache)


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
    to read instead of deriving every name from `package`.
    """
    progress.stage(f"reading and validating {spec_file}")
    spec = load_spec_file(spec_file)
    if inputs is not None:
        inputs.extend(spec.files)
    validate_spec(spec, cache)
    settings = (
        load_api_settings_file(settings_file, _display(settings_file), package)
        if settings_file is not None
        else default_api_settings(package)
    )
    api = model_api(spec, settings)
    progress.stage(f"rendering {_operation_count([api])} operations")
    if notes is not None:
        notes.extend(api.notes)
    dist = Distribution(package.replace("_", "-"), package, "0.1.0", (api,), flat=True)
    return _formatted(dist, cache)


def _formatted(dist: Distribution, cache: Cache | None) -> dict[str, bytes]:
    """Rendered and formatted; the runtime is copied as it is, already black-clean."""
    files = render_distribution(dist, cache=cache)
    runtime = f"{dist.package}/_runtime/"
    return format_files(files, cache, preformatted={p for p in files if p.startswith(runtime)})


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


def _display(path: Path) -> str:
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
