"""A run imports only what it uses: black, Jinja2 and openapi-spec-validator are heavy.

A warm run (every module and verdict in the cache) formats and validates nothing, so it
must not import black or the validator; the drift check renders nothing either, so it
imports none of the three; and a cold run validates in a child process, so the
validator is never imported by the process that renders and formats. With more than one
core, a cold run formats in processes started before rendering, which import black
themselves when a piece needs it (`EarlyFormatter`): the process that renders does not
import it either.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("black", "jinja2", "openapi_spec_validator")
PROBE = """
import json, sys
from generator.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps([name for name in {heavy} if name in sys.modules]))
"""


def _imported(cache: Path, *args: str) -> list[str]:
    env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


def test_each_run_imports_only_what_it_uses(tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    cold = ["jinja2"] if (os.cpu_count() or 1) > 1 else ["black", "jinja2"]
    assert _imported(cache, "generate", "-q", "--out", str(out)) == cold
    assert _imported(cache, "check", "--full") == ["jinja2"]
    assert _imported(cache, "check") == []
    (out / "voice_clients" / "retell" / "api.md").unlink()
    assert _imported(cache, "generate", "-q", "--out", str(out)) == ["jinja2"]


# Loaded on first use only: YAML for a YAML spec, JSONPath for an overlay, the process
# pool for formatting large enough to share out; and the stages after validation, once
# the specs are read and their validation started (the child then starts that much
# earlier).
LAZY = (
    "yaml",
    "jsonpath_rfc9535",
    "multiprocessing",
    "concurrent.futures",
    "jinja2",
    "generator.parse.api",
    "generator.render.renderer",
    "generator.render.formatting",
)


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
