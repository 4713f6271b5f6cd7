"""Progress of the installed `clientgen generate` in a project: its stages on a terminal's
stderr, nothing with --quiet. (Into a pipe, where CI logs it, there is none either:
test_new_api.py asserts it of `make regenerate`.)"""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from support.terminal import read_until_closed
from user_shell import Shell

READS = "specs/polyai/reference-page-operations.yaml"


def _on_a_terminal(shell: Shell, *args: str) -> tuple[int, str]:
    """The exit code and what `clientgen ARGS` wrote to its terminal (stdout and stderr)."""
    main, secondary = pty.openpty()
    with subprocess.Popen(
        [str(shell.venv / "bin" / "clientgen"), *args],
        cwd=shell.root,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    ) as process:
        os.close(secondary)
        written = read_until_closed(main)
    os.close(main)
    return process.returncode, written.decode()


def test_a_terminal_sees_the_stages_and_quiet_none(tmp_path: Path) -> None:
    shell = Shell.copy_of_project(tmp_path / "project")
    shell.edit(READS, "Get a specific phone number", "Get one phone number")
    code, terminal = _on_a_terminal(shell, "generate")
    assert code == 0, terminal
    assert "reading and validating specs/polyai" in terminal
    assert "reading and validating specs/retell" in terminal
    assert "formatting " in terminal and "formatted: " in terminal
    assert "\r\ngenerated: 4 changed, 0 added, 0 removed\r\n" in terminal

    shell.edit(READS, "Get one phone number", "Get a phone number")
    code, quiet = _on_a_terminal(shell, "generate", "--quiet")
    assert code == 0, quiet
    assert quiet == "generated: 4 changed, 0 added, 0 removed\r\n"
