"""The CLI as users run it: located errors, untouched output, drift detection, determinism.

Most tests run it in this process (`invoke`); those that need a process of their own run
it as one (`run`): hash seeds, an edited template, and one end-to-end test of each command
(generate: determinism; check: the template edit; validate: the Cartesia defect; bundle:
the effective spec).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from project_copy import Project, Ran


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project.copy_of_repo(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.copy_of_repo(tmp_path)


@pytest.fixture
def project_with_code(tmp_path: Path) -> Project:
    return Project.copy_of_repo(tmp_path, with_code=True)


@pytest.mark.parametrize("mode", [(), ("--full",)], ids=["fast", "full"])
def test_check_passes_on_the_repository_as_committed(
    pristine: Project, mode: tuple[str, ...]
) -> None:
    result = pristine.invoke("check", *mode)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def test_generation_is_byte_identical_across_runs_and_hash_seeds(
    project_with_code: Project,
) -> None:
    project = project_with_code
    before = project.snapshot()
    first = project.run("generate", seed="1")
    assert first.returncode == 0, first.stderr
    after_first = project.snapshot()
    second = project.run("generate", seed="4242")
    assert second.returncode == 0, second.stderr
    assert after_first == project.snapshot()
    assert after_first == before  # the committed tree is what generation produces


@pytest.mark.parametrize(
    ("edit", "drifted"),
    [
        (
            ("specs/retell/openapi.yaml", "Import a phone number", "Import one phone number"),
            "retell",
        ),
        (("specs/cartesia/overlay.yaml", "      cartesia: '#", "      managed: '#"), "cartesia"),
        (("specs/polyai/api.toml", '"phone_numbers.get"', '"phone_numbers.fetch"'), "polyai"),
        (("templates/models.py.jinja", "__all__ = [", "__all__: list[str] = ["), "models.py"),
    ],
)
def test_any_edit_makes_check_fail_naming_the_files(
    tmp_path: Path, edit: tuple[str, str, str], drifted: str
) -> None:
    path, old, new = edit
    # A template edit reaches only a generator that reads the copy's templates.
    in_process = not path.startswith("templates/")
    project = Project.copy_of_repo(tmp_path, with_code=not in_process)
    target = project.root / path
    text = target.read_text()
    assert old in text
    target.write_text(text.replace(old, new, 1))
    result = (project.invoke if in_process else project.run)("check", "--full")
    assert result.returncode == 1
    changed = [line for line in result.stderr.splitlines() if line.strip().startswith("changed:")]
    assert changed and all("generated/" in line for line in changed)
    assert any(drifted in line for line in changed)
    assert "--- a/" in result.stderr  # a unified diff follows


def test_editing_generated_by_hand_is_drift(project: Project) -> None:
    target = project.root / "generated/voice_clients/retell/models.py"
    target.write_text(target.read_text() + "\n# hand edit\n")
    result = project.invoke("check")
    assert result.returncode == 1
    assert "changed: generated/voice_clients/retell/models.py" in result.stderr


def _assert_clean_failure(result: Ran, expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        # A YAML syntax error, located by the parser.
        (
            "specs/retell/openapi.yaml",
            "openapi: 3.0.3\n",
            "openapi: [3.0.3\n",
            "specs/retell/openapi.yaml:",
        ),
        # A dangling $ref, located at the reference.
        (
            "specs/polyai/delete-phone-numbers.yaml",
            "$ref: '#/components/schemas/DeletePhoneNumbersResponse'",
            "$ref: '#/components/schemas/Nope'",
            "unresolved $ref",
        ),
        # A schema violation: a response code must be a string key with an object value.
        (
            "specs/cartesia/openapi.yaml",
            "          description: Provider or agent not found.",
            "          description: [not, a, string]",
            "specs/cartesia/openapi.yaml:",
        ),
    ],
)
def test_broken_spec_is_one_located_line_and_generated_is_untouched(
    project: Project, path: str, old: str, new: str, expected: str
) -> None:
    before = project.snapshot()
    target = project.root / path
    text = target.read_text()
    assert old in text
    target.write_text(text.replace(old, new, 1))
    result = project.invoke("generate")
    _assert_clean_failure(result, expected)
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert error_lines
    # file:line:col: pointer: message
    location = error_lines[0].removeprefix("error: ").split(": ")[0]
    file, line, col = location.rsplit(":", 2)
    assert file == path and int(line) >= 1 and int(col) >= 1
    assert project.snapshot() == before


def test_cartesia_defect_is_reported_without_the_overlay(project_with_code: Project) -> None:
    project = project_with_code
    (project.root / "specs/cartesia/overlay.yaml").unlink()
    result = project.run("validate", "cartesia")
    _assert_clean_failure(result, "specs/cartesia/openapi.yaml:")
    assert "/components/schemas/ProviderResponse/discriminator/mapping" in result.stderr


def test_overlay_action_that_matches_nothing_fails(project: Project) -> None:
    overlay = project.root / "specs/cartesia/overlay.yaml"
    overlay.write_text(overlay.read_text().replace("ProviderResponse", "ProviderResponseGone"))
    result = project.invoke("generate")
    _assert_clean_failure(result, "specs/cartesia/overlay.yaml:")


def test_bundle_prints_the_effective_spec(pristine: Project, project_with_code: Project) -> None:
    result = project_with_code.run("bundle", "cartesia", "--format", "json")
    assert result.returncode == 0, result.stderr
    mapping = json.loads(result.stdout)["components"]["schemas"]["ProviderResponse"][
        "discriminator"
    ]["mapping"]
    assert mapping == {
        "twilio": "#/components/schemas/TwilioProviderResponse",
        "cartesia": "#/components/schemas/CartesiaProviderResponse",
    }
    merged = yaml.safe_load(pristine.invoke("bundle", "polyai").stdout)
    operations = [(m, p) for p, item in merged["paths"].items() for m in item if m != "parameters"]
    assert len(operations) == 5


def test_ad_hoc_generation_of_one_file(pristine: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = pristine.invoke(
        "generate",
        "--spec",
        "specs/retell/openapi.yaml",
        "--out",
        str(out),
        "--package",
        "retell_client",
    )
    assert result.returncode == 0, result.stderr
    assert (out / "retell_client" / "resources" / "phone_number.py").is_file()
    assert (out / "retell_client" / "_runtime" / "_models.py").is_file()


def test_ad_hoc_generation_with_an_api_toml(pristine: Project, tmp_path: Path) -> None:
    out, settings = tmp_path / "out", tmp_path / "retell.toml"
    settings.write_text(
        'client_class = "Retell"\nmethod_names = "rest"\n\n[operations]\n'
        '"POST /import-phone-number" = "numbers.inbound.import_"\n'
    )
    ad_hoc = (
        "--spec",
        "specs/retell/openapi.yaml",
        "--out",
        str(out),
        "--package",
        "retell_client",
    )
    result = pristine.invoke("generate", *ad_hoc, "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    client = (out / "retell_client" / "_client.py").read_text()
    assert "class Retell(" in client and "def numbers(self) -> Numbers:" in client
    assert (
        "def import_(" in (out / "retell_client" / "resources" / "numbers_inbound.py").read_text()
    )
    assert pristine.invoke("check", *ad_hoc, "--settings", str(settings)).returncode == 0
    # The settings are an input: without them, or edited, the output has drifted.
    assert pristine.invoke("check", *ad_hoc).returncode == 1
    settings.write_text(settings.read_text().replace("numbers.inbound", "numbers.incoming"))
    drifted = pristine.invoke("check", *ad_hoc, "--settings", str(settings))
    assert drifted.returncode == 1 and "settings" in drifted.stderr


def test_settings_file_goes_with_spec(pristine: Project, tmp_path: Path) -> None:
    result = pristine.invoke("generate", "--settings", str(tmp_path / "api.toml"))
    assert result.returncode == 2
    assert "--package and --settings go with --spec" in result.stderr


def test_unknown_api_is_a_usage_error(pristine: Project) -> None:
    result = pristine.invoke("bundle", "nope")
    assert result.returncode == 2
    assert "unknown API 'nope'" in result.stderr
