"""Which files of an API folder are read, how they are named, and how fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, GeneratorError, Location
from generator.load import diagnostic_at, load_api_folder, load_spec_file

REPO = Path(__file__).resolve().parents[2]
MINIMAL = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def load_errors(folder: Path) -> tuple[Diagnostic, ...]:
    with pytest.raises(GeneratorError) as caught:
        load_api_folder(folder)
    return caught.value.diagnostics


def test_settings_and_dot_files_are_not_read(tmp_path: Path) -> None:
    write(
        tmp_path / "api",
        {
            "openapi.yaml": MINIMAL,
            "api.toml": "package = 'x'\n",
            ".spectral.yaml": "extends: spectral:oas\n",
            "notes.md": "# notes\n",
        },
    )
    spec = load_api_folder(tmp_path / "api")
    assert spec.name == "api"
    assert spec.document["info"]["title"] == "T"


def test_files_that_are_neither_spec_nor_overlay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(Path("api"), {"a.yaml": MINIMAL, "b.json": '{"asyncapi": "2.6.0"}', "c.yml": "x: 1\n"})
    diagnostics = load_errors(Path("api"))
    assert [(d.location, d.pointer) for d in diagnostics] == [
        (Location("api/b.json", 1, 1), ""),
        (Location("api/c.yml", 1, 1), ""),
    ]
    assert all("neither an OpenAPI document nor an overlay" in d.message for d in diagnostics)


def test_every_broken_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(Path("api"), {"a.yaml": "a: [\n", "b.yaml": "", "c.yaml": MINIMAL})
    diagnostics = load_errors(Path("api"))
    assert [d.location.file for d in diagnostics if d.location] == ["api/a.yaml", "api/b.yaml"]


def test_a_folder_needs_an_openapi_document(tmp_path: Path) -> None:
    overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n"
    write(tmp_path / "api", {"overlay.yaml": overlay})
    (diagnostic,) = load_errors(tmp_path / "api")
    assert "holds no OpenAPI document" in diagnostic.message


def test_missing_folder(tmp_path: Path) -> None:
    (diagnostic,) = load_errors(tmp_path / "nope")
    assert diagnostic.message.endswith("is not a folder")


def test_a_single_file_must_be_an_openapi_document(tmp_path: Path) -> None:
    path = tmp_path / "overlay.yaml"
    path.write_text("overlay: 1.0.0\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.message.startswith("an overlay: ")
    assert diagnostic.location == Location(str(path), 1, 1)


def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_spec_file(tmp_path / "missing.yaml")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.message.startswith(f"cannot read {tmp_path / 'missing.yaml'}")


def test_file_names_are_shown_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "api", {"openapi.yaml": MINIMAL})
    monkeypatch.chdir(tmp_path)
    assert load_api_folder(tmp_path / "api").locate("") == Location("api/openapi.yaml", 1, 1)
    assert load_api_folder(Path("api")).locate("") == Location("api/openapi.yaml", 1, 1)
    monkeypatch.chdir(tmp_path / "api")
    # Not under the working directory: shown exactly as given, never made absolute.
    shown = load_api_folder(Path("../api")).locate("")
    assert shown == Location("../api/openapi.yaml", 1, 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    shown = load_api_folder(tmp_path / "api").locate("")
    assert shown == Location(str(tmp_path / "api" / "openapi.yaml"), 1, 1)


def test_diagnostic_at_locates_with_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    spec = load_spec_file(Path("specs/retell/openapi.yaml"))
    pointer = "/components/schemas/AgentWeight/properties/weight/nonexistent"
    assert diagnostic_at(spec, pointer, "bad weight") == Diagnostic(
        "bad weight", Location("specs/retell/openapi.yaml", 183, 9), pointer
    )
