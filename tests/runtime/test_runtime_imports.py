"""Importing the runtime stays cheap: no asyncio, no dataclasses, nothing compiled early."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_import_pulls_in_only_what_httpx_already_needs() -> None:
    script = (
        "import sys, httpx, msgspec\n"
        "before = set(sys.modules)\n"
        "import runtime\n"
        "added = sorted(m for m in set(sys.modules) - before if not m.startswith('runtime'))\n"
        "print(added)\n"
        "print(sorted(m for m in sys.modules if m.startswith('runtime')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=TEMPLATES,
        capture_output=True,
        text=True,
        check=True,
    )
    added, runtime_modules = result.stdout.splitlines()
    assert added == "[]"
    # Only failures need the validation helpers.
    assert "runtime._validation" not in runtime_modules
    assert "runtime._sync_client" in runtime_modules
