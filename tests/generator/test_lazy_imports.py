"""A run loads the libraries of what it does, not of what it might do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Loaded on first use only: YAML for a YAML spec, JSONPath for an overlay, the process
# pool for formatting large enough to share out.
LAZY = ("yaml", "jsonpath_rfc9535", "multiprocessing", "concurrent.futures")


def test_the_pipeline_imports_no_library_it_may_not_need() -> None:
    code = (
        "import json, sys\n"
        "import generator.cli, generator.pipeline\n"
        f"print(json.dumps([name for name in {LAZY!r} if name in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []
