"""The validator libraries run with fixed settings, and validating imports no pydantic.

`generator.validate.library_settings` stands in for the `settings` modules of
openapi-spec-validator and openapi-schema-validator. These tests read the pinned
libraries' sources for every name they import from those modules, compare the stand-ins'
values with the libraries' own defaults, and validate in a fresh interpreter, as a run
does.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.validate import library_settings

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "specs" / "retell" / "openapi.yaml"
INVALID = ROOT / "tests" / "validate" / "fixtures" / "semantic_errors.yaml"
_LIBRARIES = ("openapi_spec_validator", "openapi_schema_validator")


def _package_dir(name: str) -> Path:
    found = importlib.util.find_spec(name)
    assert found is not None and found.origin is not None
    return Path(found.origin).parent


def _names_imported_from_settings() -> dict[str, set[str]]:
    """Per settings module, every name the libraries' sources import from it."""
    imported: dict[str, set[str]] = {}
    for library in _LIBRARIES:
        for source in _package_dir(library).rglob("*.py"):
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").endswith(".settings"):
                    names = imported.setdefault(node.module or "", set())
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        assert not alias.name.endswith(".settings"), (source, alias.name)
                elif isinstance(node, ast.ImportFrom) and node.module in _LIBRARIES:
                    # `from openapi_spec_validator import settings` would reach the module
                    # as an attribute of the package, which the stand-in is not.
                    assert "settings" not in {alias.name for alias in node.names}, source
    return imported


def test_the_stand_ins_hold_every_name_the_libraries_import() -> None:
    imported = _names_imported_from_settings()
    assert set(imported) == set(library_settings.STAND_INS)
    for module, names in imported.items():
        assert names <= set(library_settings.STAND_INS[module]), module


def _library_module(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The library's own settings module, loaded apart from `sys.modules`, read with an
    environment holding none of the libraries' variables."""
    for variable in list(os.environ):
        if variable.upper().startswith(("OPENAPI_SPEC_VALIDATOR_", "OPENAPI_SCHEMA_VALIDATOR_")):
            monkeypatch.delenv(variable)
    package, _, module = name.partition(".")
    path = _package_dir(package) / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"_library_{package}_settings", path)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def test_the_cache_sizes_are_the_libraries_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    spec_settings = _library_module("openapi_spec_validator.settings", monkeypatch)
    schema_settings = _library_module("openapi_schema_validator.settings", monkeypatch)
    ours = library_settings.STAND_INS
    assert (
        ours["openapi_spec_validator.settings"][
            "OpenAPISpecValidatorSettings"
        ].resolved_cache_maxsize  # type: ignore[attr-defined]
        == spec_settings.OpenAPISpecValidatorSettings().resolved_cache_maxsize
    )
    assert (
        ours["openapi_schema_validator.settings"][
            "get_settings"
        ]().compiled_validator_cache_max_size  # type: ignore[operator]
        == schema_settings.get_settings().compiled_validator_cache_max_size
    )
    # The backend is the jsonschema one the library's "auto" gives without jsonschema-rs.
    assert spec_settings.OpenAPISpecValidatorSettings().schema_validator_backend == "auto"
    assert library_settings.SCHEMA_VALIDATOR_BACKEND == "jsonschema"


_VALIDATE = """
import json, sys
from generator.diagnostics import GeneratorError
from generator.load import load_spec_file
from generator.validate import validate_spec
from openapi_spec_validator.schemas.backend import get_validator_backend
problems = []
for path in sys.argv[1:]:
    try:
        validate_spec(load_spec_file(__import__("pathlib").Path(path)))
        problems.append([])
    except GeneratorError as found:
        problems.append([d.message for d in found.diagnostics])
pydantic = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_settings"))
print(json.dumps({"problems": problems, "pydantic": pydantic, "backend": get_validator_backend()}))
"""


def _validate_in_fresh_interpreter(env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _VALIDATE, str(VALID), str(INVALID)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_validating_imports_no_pydantic_and_uses_the_jsonschema_backend() -> None:
    result = _validate_in_fresh_interpreter({})
    assert result["pydantic"] == []
    assert result["backend"] == "jsonschema"
    problems = result["problems"]
    assert isinstance(problems, list) and problems[0] == [] and problems[1]


def test_the_libraries_environment_variables_change_no_verdict() -> None:
    """Asking the library for a backend that is not installed made it raise; a cache size
    of its own choosing could only change the speed."""
    plain = _validate_in_fresh_interpreter({})
    varied = _validate_in_fresh_interpreter(
        {
            "OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND": "jsonschema-rs",
            "OPENAPI_SPEC_VALIDATOR_RESOLVED_CACHE_MAXSIZE": "0",
            "OPENAPI_SCHEMA_VALIDATOR_COMPILED_VALIDATOR_CACHE_MAX_SIZE": "0",
        }
    )
    assert varied == plain
