"""A user's mistakes, one per command, through the installed `clientgen` in a project copy.

Each gets a usage error (exit 2, click's `Usage:` line) or one located message
(`error: file:line:col: ...`, exit 1), never a traceback or "internal error", and
`generated/` stays byte for byte as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from user_shell import LOCATED, ROOT, Shell

WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"
BROKEN_YAML = "openapi: 3.1.0\ninfo:\n  title: Broken\n  version: '1'\npaths: {\n  /a: [\n"
INVALID = (
    "openapi: 3.1.0\ninfo:\n  title: Invalid\n  version: '1'\npaths:\n  /things:\n"
    "    get:\n      responses:\n        '200':\n          descriptio: typo\n"
)


@pytest.fixture(scope="module")
def shell(tmp_path_factory: pytest.TempPathFactory) -> Shell:
    shell = Shell.copy_of_project(tmp_path_factory.mktemp("project"))
    (shell.root / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    (shell.root / "invalid.yaml").write_text(INVALID, encoding="utf-8")
    return shell


FAST = [
    (["bundle", "nonexist"], "unknown API 'nonexist'; one of: cartesia, polyai, retell"),
    (["generate", "--spec", "missing.yaml", "--out", "out"], "--spec missing.yaml: no such file"),
]
SLOW = [
    (["validate", "nonexist"], "unknown API(s): nonexist"),
    (["generate", "--spec", str(WIDGETS)], "--spec needs --out"),
    (["check", "--spec", str(WIDGETS)], "--spec needs --out"),
    (["generate", "--package", "foo"], "--package and --settings go with --spec"),
    (["check", "--spec", "missing.yaml", "--out", "out"], "--spec missing.yaml: no such file"),
    (["validate", "--spec", "missing.yaml"], "--spec missing.yaml: no such file"),
    (
        ["generate", "--spec", str(WIDGETS), "--out", "o", "--settings", "no.toml"],
        "--settings no.toml: no such file",
    ),
    (["generate", "--spec", str(WIDGETS), "--out", "o", "--package", "9x"], "not a Python"),
    (["generate", "--frobnicate"], "No such option"),
]
USAGE = [pytest.param(*case, id=" ".join(case[0][:2])) for case in FAST] + [
    pytest.param(*case, id=" ".join(case[0]), marks=pytest.mark.journey) for case in SLOW
]


@pytest.mark.parametrize(("arguments", "message"), USAGE)
def test_a_command_line_mistake_is_a_usage_error(
    shell: Shell, arguments: list[str], message: str
) -> None:
    before = shell.snapshot()
    done = shell.clientgen(*arguments)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Usage: clientgen" in done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error" not in done.stderr
    assert shell.snapshot() == before


def test_a_spec_with_a_yaml_syntax_error_is_located(shell: Shell) -> None:
    for command in (["validate", "--spec"], ["generate", "--out", "out", "--spec"]):
        done = shell.clientgen(*command, "broken.yaml")
        _assert_located(done.returncode, done.stderr, "broken.yaml:")
    assert not (shell.root / "out").exists()


def test_a_spec_failing_validation_is_located(shell: Shell) -> None:
    done = shell.clientgen("generate", "--spec", "invalid.yaml", "--out", "out")
    _assert_located(done.returncode, done.stderr, "invalid.yaml:")
    assert not (shell.root / "out").exists()


QUICK = ("generate", "validate")
EVERY = ("generate", "validate", "validate polyai", "check --full")
API_MISTAKES = [
    pytest.param("api.toml", "[operations]", "[operation]", "api.toml:16:1", QUICK, id="typo"),
    pytest.param(
        "api.toml",
        "[operations]",
        "[operation]",
        "api.toml:16:1",
        EVERY,
        id="typo'd table, every command",
        marks=pytest.mark.journey,
    ),
    pytest.param(
        "api.toml",
        'package = "polyai"',
        'package = "polyai',
        "api.toml:2:",
        EVERY,
        id="toml syntax",
        marks=pytest.mark.journey,
    ),
    pytest.param(
        "import-phone-numbers.yaml",
        "openapi: 3.",
        "openapi: [3.",
        "import-phone-numbers.yaml:",
        EVERY,
        id="yaml syntax",
        marks=pytest.mark.journey,
    ),
    pytest.param(
        "import-phone-numbers.yaml",
        "openapi: 3.",
        "openapi: 9.",
        "import-phone-numbers.yaml:",
        EVERY,
        id="not openapi 3",
        marks=pytest.mark.journey,
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "where", "commands"), API_MISTAKES)
def test_a_mistake_in_an_api_folder_is_located_and_leaves_generated_untouched(
    shell: Shell, name: str, old: str, new: str, where: str, commands: tuple[str, ...]
) -> None:
    before = shell.snapshot()
    path = shell.root / "specs" / "polyai" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        for command in commands:
            done = shell.clientgen(*command.split())
            _assert_located(done.returncode, done.stderr, f"specs/polyai/{where}")
            assert shell.snapshot() == before
    finally:
        path.write_text(text, encoding="utf-8")
    assert shell.clientgen("check").returncode == 0


def test_outside_a_project_the_message_says_where_it_looked(tmp_path: Path) -> None:
    done = Shell(tmp_path).clientgen("generate")
    assert done.returncode in (1, 2), done.stderr
    assert "no pyproject.toml with a [tool.clientgen] table" in done.stderr
    assert "Traceback" not in done.stderr


def _assert_located(returncode: int, stderr: str, where: str) -> None:
    assert returncode == 1, stderr
    assert LOCATED.match(stderr), stderr
    assert all(line.startswith(("error: ", "  ")) for line in stderr.splitlines()), stderr
    assert where in stderr
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
