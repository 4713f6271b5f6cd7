"""`import voice_clients.<api>` loads no runtime; naming the client loads what a call needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def _loaded(statements: str) -> list[str]:
    script = (
        "import sys, json\n"
        f"{statements}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('voice_clients'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_importing_an_api_package_loads_neither_client_nor_runtime() -> None:
    assert _loaded("import voice_clients.retell") == ["voice_clients", "voice_clients.retell"]


def test_the_client_and_runtime_names_load_on_first_use() -> None:
    loaded = _loaded(
        "import voice_clients.retell as r, voice_clients as v\n"
        "import voice_clients._runtime._errors as e, voice_clients._runtime._streaming as s\n"
        "assert r.APIError is v.APIError is e.APIError\n"
        "assert r.Stream is v.Stream is s.Stream\n"
        "assert v.Retell is r.Retell and r.Retell(api_key='k').phone_number is not None"
    )
    assert "voice_clients.retell._client" in loaded
    assert "voice_clients._runtime._sync_client" in loaded


def test_a_plain_client_leaves_streams_pages_and_uploads_unloaded() -> None:
    loaded = _loaded("from voice_clients.retell import AsyncRetell, Retell\nRetell(api_key='k')")
    assert "voice_clients._runtime._sync_client" in loaded
    later = (
        "_pagination",
        "_streaming",
        "_streamed_response",
        "_results",
        "_binary_response",
        "_forms",
        "_uploads",
    )
    assert [m for m in loaded if m.rsplit(".", 1)[-1] in later] == []


def test_an_unknown_name_is_an_attribute_error() -> None:
    _loaded(
        "import voice_clients.retell as r\n"
        "try:\n    r.Nope\nexcept AttributeError as exc:\n    assert 'Nope' in str(exc)\n"
        "else:\n    raise SystemExit('no AttributeError')"
    )


def test_a_resource_leaves_the_public_request_types_unloaded() -> None:
    # Its signatures alone name `params`: the import is for type checkers only.
    loaded = _loaded("import voice_clients.retell as r\nr.Retell(api_key='k').phone_number")
    assert "voice_clients.retell.resources.phone_number" in loaded
    assert "voice_clients.retell.params" not in loaded


def test_models_and_params_are_attributes_of_the_api_package_on_first_use() -> None:
    # As `retell.types` is in the official SDK: no import of the submodule needed.
    loaded = _loaded(
        "import voice_clients.retell as r\n"
        "assert 'voice_clients.retell.params' not in sys.modules\n"
        "assert r.params.AgentWeightParam(agent_id='a', weight=1.0) == "
        "{'agent_id': 'a', 'weight': 1.0}\n"
        "assert r.models.PhoneNumberResponse.__name__ == 'PhoneNumberResponse'"
    )
    assert {"voice_clients.retell.params", "voice_clients.retell.models"} <= set(loaded)
    assert "voice_clients.retell._client" not in loaded
