"""Importing the runtime stays cheap: no asyncio, no dataclasses, nothing compiled early.

Its names load on first use; a client class loads what a plain call needs, and event
streams, pages, streamed responses, forms and uploads wait for the first call using them.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_LATER = (
    "runtime._forms",
    "runtime._messages",
    "runtime._pagination",
    "runtime._streamed_response",
    "runtime._streaming",
    "runtime._uploads",
    "runtime._validation",
)


def _run(script: str) -> list[list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=TEMPLATES,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_import_pulls_in_only_what_httpx_already_needs() -> None:
    script = (
        "import sys, json, httpx, msgspec\n"
        "before = set(sys.modules)\n"
        "import runtime\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
        "from runtime import SyncAPIClient, AsyncAPIClient, APIError, NOT_GIVEN\n"
        "added = sorted(m for m in set(sys.modules) - before if not m.startswith('runtime'))\n"
        "print(json.dumps(added))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('runtime'))))\n"
    )
    bare, added, runtime_modules = _run(script)
    assert bare == ["runtime"]
    assert added == []
    assert "runtime._sync_client" in runtime_modules
    assert "runtime._async_client" in runtime_modules
    assert [m for m in _LATER if m in runtime_modules] == []


def test_the_first_stream_page_or_upload_loads_its_module() -> None:
    script = (
        "import sys, json, runtime\n"
        "from runtime._endpoint import Endpoint\n"
        "endpoint = Endpoint(\n"
        "    method='GET', path='/e', responses={'200': str}, result='event_stream'\n"
        ")\n"
        "endpoint.stream_decoder()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('runtime'))))\n"
    )
    (loaded,) = _run(script)
    assert "runtime._streaming" in loaded
    assert "runtime._pagination" not in loaded


def test_parsing_a_json_result_loads_no_module_of_another_kind() -> None:
    """`parse()` of a raw JSON call goes through `_results`, which serves every kind: the
    modules of streams and binary responses wait for a result of their kind."""
    script = (
        "import sys, json, httpx, runtime\n"
        "from runtime._endpoint import Endpoint\n"
        "from runtime._types import RawText\n"
        "from runtime._results import sync_result\n"
        "def kinds():\n"
        "    return sorted(m for m in ('runtime._streaming', 'runtime._binary_response')"
        " if m in sys.modules)\n"
        "url = httpx.URL('https://api.test/e')\n"
        "def answer(body):\n"
        "    return httpx.Response(200, content=body, request=httpx.Request('GET', url))\n"
        "for result, tp, body in (('value', dict[str, int], b'{\"a\": 1}'),"
        " ('raw', RawText, b'hi'), ('binary', bytes, b'x'),"
        " ('event_stream', str, b'data: x\\n\\n')):\n"
        "    endpoint = Endpoint(method='GET', path='/e', responses={'200': tp}, result=result)\n"
        "    sync_result(endpoint, answer(body), url)\n"
        "    print(json.dumps(kinds()))\n"
    )
    value, raw, binary, stream = _run(script)
    assert value == raw == []
    assert binary == ["runtime._binary_response"]
    assert stream == ["runtime._binary_response", "runtime._streaming"]


def _declared() -> dict[str, str]:
    """name -> module, as the runtime's TYPE_CHECKING imports (what mypy reads) say."""
    tree = ast.parse((TEMPLATES / "runtime" / "__init__.py").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.update({alias.name: node.module for alias in node.names})
    return found


def test_every_lazy_name_is_the_object_its_module_defines() -> None:
    declared = _declared()
    script = (
        "import json, importlib, runtime\n"
        f"declared = {declared!r}\n"
        "wrong = [n for n, m in declared.items()"
        " if getattr(runtime, n) is not getattr(importlib.import_module('runtime.' + m), n)]\n"
        "print(json.dumps(wrong))\n"
        "print(json.dumps(sorted(runtime.__all__)))\n"
        "print(json.dumps(sorted(runtime._MODULES)))\n"
    )
    wrong, exported, lazy = _run(script)
    assert wrong == []
    assert exported == lazy == sorted(declared)
