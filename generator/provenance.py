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


def single_made_from(spec_file: Path, package: str, files: Iterable[Path]) -> MadeFrom:
    """An ad-hoc output's inputs: the spec file and the files it references."""
    # A symlinked spec is read where it lives, so its references resolve there.
    return _made_from(
        file_digests(spec_file.resolve().parent, files),
        {"spec": spec_file.name, "package": package},
    )


def recorded_single_made_from(
    spec_file: Path, package: str, recorded_inputs: Mapping[str, str]
) -> MadeFrom:
    """The ad-hoc inputs as they are now, for the files the last generation read.

    A spec that starts referencing another file has changed itself, so the recorded list
    is enough; a recorded file that is gone is left out and shows as removed.
    """
    real = spec_file.resolve()
    base = real.parent
    names = {real.name, *(str(name) for name in recorded_inputs)}
    inputs = {name: sha256((base / name).read_bytes()) for name in names if (base / name).is_file()}
    return _made_from(inputs, {"spec": spec_file.name, "package": package})


def _made_from(inputs: dict[str, str], settings: dict[str, str]) -> MadeFrom:
    return MadeFrom(
        tools=installed_tools(),
        generator=generator_digests(),
        templates=tree_digests(templates_dir()),
        inputs=inputs,
        settings=settings,
    )
