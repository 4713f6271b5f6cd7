"""Settings mistakes are located at the api.toml line at fault, tables included."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.pipeline import build_project
from generator.settings import DistributionSettings, load_api_settings

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"


def test_a_misspelt_table_is_located_at_its_header(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('package = "x"\n\n[operation]\n"GET /a" = "a.b"\n')
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "specs/x/api.toml")
    assert str(caught.value.diagnostics[0]) == ("specs/x/api.toml:3:1: unknown setting 'operation'")


def test_a_misspelt_subtable_is_located_at_its_header(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('package = "x"\n\n[serverz.eu]\nurl = "x"\n')
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "specs/x/api.toml")
    assert str(caught.value.diagnostics[0]) == "specs/x/api.toml:3:1: unknown setting 'serverz'"


def test_two_apis_with_one_package_name_name_the_second_ones_setting(tmp_path: Path) -> None:
    for name in ("alpha", "beta"):
        folder = tmp_path / "specs" / name
        folder.mkdir(parents=True)
        (folder / "widgets.yaml").write_bytes(WIDGETS.read_bytes())
    (tmp_path / "specs" / "beta" / "api.toml").write_text('# beta\n\npackage = "alpha"\n')
    settings = DistributionSettings("d", "d", "0.1.0", "specs", "out")
    with pytest.raises(GeneratorError) as caught:
        build_project(settings, tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location is not None
    assert diagnostic.location.file.endswith("specs/beta/api.toml")
    assert diagnostic.location.line == 3
    assert "APIs 'alpha' and 'beta' both use the package name 'alpha'" in diagnostic.message
