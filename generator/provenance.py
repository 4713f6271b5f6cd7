"""What an output is made from, computed without generating: the fast drift check's input.

Reading a few hundred small files and hashing them is all this costs; it imports none of
the generation stages, so `clientgen check` starts and ends in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.render.template_files import templates_dir
from generator.settings import DistributionSettings
from generator.write.record import (
    MadeFrom,
    file_digests,
    generator_digests,
    installed_tools,
    sha256,
    tree_digests,
)


def project_made_from(settings: DistributionSettings, root: Path) -> MadeFrom:
    """The project's inputs: every file under its specs folder, and its distribution settings."""
    specs = settings.specs.rstrip("/")
    inputs = {f"{specs}/{path}": digest for path, digest in tree_digests(root / specs).items()}
    return _made_from(
        inputs,
        {
            "distribution": settings.distribution,
            "package": settings.package,
            "version": settings.version,
            "specs": specs,
        },
    )


def single_made_from(
    spec_file: Path, package: str, files: Iterable[Path], settings_file: Path | None = None
) -> MadeFrom:
    """An ad-hoc output's inputs: the spec file and the files it references."""
    # A symlinked spec is read where it lives, so its references resolve there.
    return _made_from(
        file_digests(spec_file.resolve().parent, files),
        _single_settings(spec_file, package, settings_file),
    )


def recorded_single_made_from(
    spec_file: Path,
    package: str,
    recorded_inputs: Mapping[str, str],
    settings_file: Path | None = None,
) -> MadeFrom:
    """The ad-hoc inputs as they are now, for the files the last generation read.

    A spec that starts referencing another file has changed itself, so the recorded list
    is enough; a recorded file that is gone is left out and shows as removed.
    """
    real = spec_file.resolve()
    base = real.parent
    names = {real.name, *(str(name) for name in recorded_inputs)}
    inputs = {name: sha256((base / name).read_bytes()) for name in names if (base / name).is_file()}
    return _made_from(inputs, _single_settings(spec_file, package, settings_file))


def _single_settings(spec_file: Path, package: str, settings_file: Path | None) -> dict[str, str]:
    """What the ad-hoc mode was asked for; a `--settings` file by its digest, as it may
    live anywhere."""
    settings = {"spec": spec_file.name, "package": package}
    if settings_file is not None:
        settings["settings_sha256"] = sha256(settings_file.read_bytes())
    return settings


def _made_from(inputs: dict[str, str], settings: dict[str, str]) -> MadeFrom:
    return MadeFrom(
        tools=installed_tools(),
        generator=generator_digests(),
        templates=tree_digests(templates_dir()),
        inputs=inputs,
        settings=settings,
    )
