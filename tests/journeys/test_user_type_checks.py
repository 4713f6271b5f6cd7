"""A user's own script, outside generated/, type-checked in the project's environment as
`make regenerate` left it: mypy --strict and pyright strict both see the package's types."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"

USER_SCRIPT = """\
from voice_clients.cartesia import Cartesia
from voice_clients.retell import APIStatusError, AsyncRetell, BadRequestError, Retell
from voice_clients.retell.models import BadRequestBody, PhoneNumberResponse
from voice_clients.retell.params import AgentWeightParam


def import_number(client: Retell) -> PhoneNumberResponse:
    number = client.phone_number.import_(
        phone_number="+14157774444", termination_uri="someuri.pstn.twilio.com"
    )
    reveal_type(number)
    return number


async def import_async(client: AsyncRetell) -> int | None:
    number = await client.phone_number.import_(
        phone_number="+14157774444", termination_uri="someuri.pstn.twilio.com"
    )
    return number.last_modification_timestamp


def import_or_explain(client: Retell) -> str:
    try:
        number = client.phone_number.import_(phone_number="+14157774444", termination_uri="t")
    except BadRequestError as e:
        problem = e.body_as(BadRequestBody)
        reveal_type(problem)
        if problem is not None and problem.message is not None:
            return problem.message
        return f"{e.status_code} {e.body!r} {e.json_body!r} {len(e.content)}"
    except APIStatusError as e:
        return str(e)
    except ValueError as e:  # RequestValidationError: a bad argument, caught before sending
        return str(e)
    return number.phone_number


def raw_and_streamed(client: Retell) -> int:
    raw = client.phone_number.with_raw_response.import_(phone_number="+1", termination_uri="t")
    parsed = raw.parse()
    reveal_type(parsed)
    streaming = client.phone_number.with_streaming_response
    with streaming.import_(phone_number="+1", termination_uri="t") as streamed:
        number = streamed.parse()
    return raw.status_code + len(number.phone_number)


def provider_type(client: Cartesia) -> str | None:
    number = client.phone_numbers.import_(
        label="Front desk", number="+14155551234", provider={"type": "twilio", "account_sid": "AC1"}
    )
    return number.provider.type  # on every variant, the Unknown one included


def bind_agents(client: Retell) -> str:
    # Nested objects are plain dicts, typed by the TypedDicts of `params`.
    agents: list[AgentWeightParam] = [{"agent_id": "agent_1", "weight": 0.5}]
    agents.append(AgentWeightParam(agent_id="agent_2", weight=0.5, agent_version="prod"))
    number = client.phone_number.import_(
        phone_number="+1",
        termination_uri="t",
        inbound_agents=agents,
        outbound_agents=[{"agent_id": "agent_3", "weight": 1, "agent_version": 2}],
    )
    return number.phone_number
"""

# A misspelled key and a value of the wrong type in a nested dict: both checkers refuse them.
WRONG_SCRIPT = """\
from voice_clients.retell import Retell


def bind_agents(client: Retell) -> None:
    client.phone_number.import_(
        phone_number="+1", termination_uri="t", inbound_agents=[{"agent": "a", "weight": 1}]
    )
    client.phone_number.import_(
        phone_number="+1", termination_uri="t", inbound_agents=[{"agent_id": 1, "weight": 1}]
    )
"""


@pytest.fixture
def user_project(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(USER_SCRIPT, encoding="utf-8")
    return tmp_path


def test_mypy_strict_on_a_users_script_sees_the_package(user_project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "app.py"],
        cwd=user_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    revealed = 'Revealed type is "voice_clients.retell.models.PhoneNumberResponse"'
    assert result.stdout.count(revealed) == 2, result.stdout
    problem = 'Revealed type is "voice_clients.retell.models.BadRequestBody | None"'
    assert problem in result.stdout, result.stdout


def test_mypy_refuses_a_wrong_key_or_value_in_a_nested_dict(tmp_path: Path) -> None:
    (tmp_path / "wrong.py").write_text(WRONG_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "wrong.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert 'Extra key "agent" for TypedDict "AgentWeightParam"' in result.stdout, result.stdout
    assert 'Incompatible types (expression has type "int", TypedDict item "agent_id"' in (
        result.stdout
    ), result.stdout


def test_pyright_refuses_a_wrong_key_or_value_in_a_nested_dict(tmp_path: Path) -> None:
    (tmp_path / "wrong.py").write_text(WRONG_SCRIPT, encoding="utf-8")
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "wrong.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    lines = sorted({d["range"]["start"]["line"] + 1 for d in errors})
    assert lines == [6, 9], errors


def test_pyright_strict_on_a_users_script_sees_the_package(user_project: Path) -> None:
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
    (user_project / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, "--outputjson", "app.py"],
        cwd=user_project,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    assert not errors, errors
    messages = [d["message"] for d in report["generalDiagnostics"]]
    assert 'Type of "number" is "PhoneNumberResponse"' in messages, messages
    assert 'Type of "parsed" is "PhoneNumberResponse"' in messages, messages
    assert 'Type of "problem" is "BadRequestBody | None"' in messages, messages
