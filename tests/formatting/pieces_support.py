"""Rendered (unformatted) modules of real specs, and black on them whole and by pieces."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import black
from black.mode import TargetVersion

from generator.load import load_api_folder, load_spec_file
from generator.parse.api import build_api
from generator.render import renderer
from generator.render.fixed_points import unchanged_by_black
from generator.render.layout import MARK
from generator.render.pieces import join_parts, join_pieces, split_module
from generator.render.renderer import Distribution, render_distribution
from generator.settings import ApiSettings, default_api_settings, load_api_settings_file
from generator.validate import validate_spec

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "tests" / "vendor-specs"
MODE = black.Mode(target_versions={TargetVersion.PY310}, line_length=100)


def rendered(spec: Path, package: str, settings: ApiSettings | None = None) -> dict[str, str]:
    """The Python modules rendered from one spec file, before black (the runtime left out)."""
    loaded = load_spec_file(spec)
    validate_spec(loaded, None)
    return _render(build_api(loaded, settings or default_api_settings(package)), package)


def rendered_folder(files: list[Path], package: str, work: Path) -> dict[str, str]:
    """The same for an API folder made of `files` (a document and its overlay)."""
    folder = work / package
    folder.mkdir(parents=True)
    for file in files:
        shutil.copy(file, folder / file.name)
    loaded = load_api_folder(folder)
    validate_spec(loaded, None)
    return _render(build_api(loaded, default_api_settings(package)), package)


def rendered_with_settings(spec: Path, package: str) -> dict[str, str]:
    settings = spec.with_suffix(".toml")
    if not settings.is_file():
        return rendered(spec, package)
    return rendered(spec, package, load_api_settings_file(settings, str(settings), package))


def _render(api: object, package: str) -> dict[str, str]:
    dist = Distribution(package, package, "0.1.0", (api,), flat=True)  # type: ignore[arg-type]
    return {
        path: text
        for path, text in render_distribution(dist).items()
        if path.endswith(".py") and "/_runtime/" not in path
    }


def by_pieces(path: str, text: str) -> str | None:
    """black by pieces, joined; None where the module is formatted whole instead."""
    pieces = split_module(path, text)
    if pieces is None:
        return None
    formatted = []
    for piece in pieces:
        texts = [black.format_str(text, mode=MODE) for text in piece.texts]
        joined = join_parts(texts) if piece.parts else texts[0]
        if joined is None:
            return None
        formatted.append(joined)
    return join_pieces(pieces, formatted)


def mismatches(modules: dict[str, str]) -> tuple[list[str], int]:
    """The modules whose joined pieces differ from black on the whole module, and how many
    modules were cut at all."""
    wrong = []
    cut = 0
    for path, text in sorted(modules.items()):
        joined = by_pieces(path, text)
        if joined is None:
            continue
        cut += 1
        if joined != black.format_str(text, mode=MODE):
            wrong.append(path)
    return wrong, cut


def without_layout(render: Callable[[], dict[str, str]]) -> dict[str, str]:
    """What `render` gives with the long lines left as templates write them, unsplit."""
    split = renderer.laid_out
    renderer.laid_out = lambda text: text.replace(MARK, "")
    try:
        return render()
    finally:
        renderer.laid_out = split


def layout_changes(with_layout: dict[str, str], unsplit: dict[str, str]) -> list[str]:
    """The modules whose black output differs between the laid-out and the unsplit text:
    splitting lines before black is for speed and must never change black's output (a
    trailing comma black would not write, for one, would stay as a magic one)."""
    assert with_layout.keys() == unsplit.keys()
    return [
        path
        for path in sorted(with_layout)
        if black.format_str(with_layout[path], mode=MODE)
        != black.format_str(unsplit[path], mode=MODE)
    ]


def by_black(text: str) -> str:
    return black.format_str(text, mode=MODE)


def fixed_point_pieces(modules: dict[str, str]) -> list[str]:
    """The distinct piece texts of the modules that `fixed_points` recognises."""
    texts: list[str] = []
    for path, text in modules.items():
        for piece in split_module(path, text) or ():
            texts.extend(piece.texts)
    return [text for text in dict.fromkeys(texts) if unchanged_by_black(text)]
