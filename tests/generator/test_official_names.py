"""Method paths with `method_names = "rest"` and the pins of docs/vendor-settings/, against
the official SDKs' (transcribed from the api.md of each SDK at the version generated from
the spec we vendor), over the vendors' whole APIs.

Every difference that remains is listed here, so a new one fails the test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load import load_api_folder
from generator.model.api import Operation
from generator.parse.api import build_api
from generator.settings import load_api_settings

ROOT = Path(__file__).resolve().parents[2]
VENDOR_SPECS = ROOT / "tests" / "vendor-specs"
SETTINGS = ROOT / "docs" / "vendor-settings"

# retell-sdk 5.24.0, api.md: route → client.<path>
RETELL_SDK = {
    "GET /v2/get-call/{call_id}": "call.retrieve",
    "PATCH /v2/update-call/{call_id}": "call.update",
    "POST /v2/list-calls": "call.list",
    "DELETE /v2/delete-call/{call_id}": "call.delete",
    "POST /v2/create-phone-call": "call.create_phone_call",
    "POST /v2/create-web-call": "call.create_web_call",
    "POST /v2/register-phone-call": "call.register_phone_call",
    "POST /create-chat": "chat.create",
    "GET /get-chat/{chat_id}": "chat.retrieve",
    "PATCH /update-chat/{chat_id}": "chat.update",
    "GET /list-chat": "chat.list",
    "POST /create-chat-completion": "chat.create_chat_completion",
    "POST /create-sms-chat": "chat.create_sms_chat",
    "PATCH /end-chat/{chat_id}": "chat.end",
    "POST /create-phone-number": "phone_number.create",
    "GET /get-phone-number/{phone_number}": "phone_number.retrieve",
    "PATCH /update-phone-number/{phone_number}": "phone_number.update",
    "GET /list-phone-numbers": "phone_number.list",
    "DELETE /delete-phone-number/{phone_number}": "phone_number.delete",
    "POST /create-agent": "agent.create",
    "GET /get-agent/{agent_id}": "agent.retrieve",
    "PATCH /update-agent/{agent_id}": "agent.update",
    "GET /list-agents": "agent.list",
    "DELETE /delete-agent/{agent_id}": "agent.delete",
    "GET /get-agent-versions/{agent_id}": "agent.get_versions",
    "POST /publish-agent/{agent_id}": "agent.publish",
    "POST /create-chat-agent": "chat_agent.create",
    "GET /get-chat-agent/{agent_id}": "chat_agent.retrieve",
    "PATCH /update-chat-agent/{agent_id}": "chat_agent.update",
    "GET /list-chat-agents": "chat_agent.list",
    "DELETE /delete-chat-agent/{agent_id}": "chat_agent.delete",
    "GET /get-chat-agent-versions/{agent_id}": "chat_agent.get_versions",
    "POST /publish-chat-agent/{agent_id}": "chat_agent.publish",
    "POST /create-retell-llm": "llm.create",
    "GET /get-retell-llm/{llm_id}": "llm.retrieve",
    "PATCH /update-retell-llm/{llm_id}": "llm.update",
    "GET /list-retell-llms": "llm.list",
    "DELETE /delete-retell-llm/{llm_id}": "llm.delete",
    "POST /create-conversation-flow": "conversation_flow.create",
    "GET /get-conversation-flow/{conversation_flow_id}": "conversation_flow.retrieve",
    "PATCH /update-conversation-flow/{conversation_flow_id}": "conversation_flow.update",
    "GET /list-conversation-flows": "conversation_flow.list",
    "DELETE /delete-conversation-flow/{conversation_flow_id}": "conversation_flow.delete",
    "POST /create-conversation-flow-component": "conversation_flow_component.create",
    "GET /get-conversation-flow-component/{conversation_flow_component_id}": "conversation_flow_component.retrieve",  # noqa: E501 (one route a line, as in api.md)
    "PATCH /update-conversation-flow-component/{conversation_flow_component_id}": "conversation_flow_component.update",  # noqa: E501 (one route a line, as in api.md)
    "GET /list-conversation-flow-components": "conversation_flow_component.list",
    "DELETE /delete-conversation-flow-component/{conversation_flow_component_id}": "conversation_flow_component.delete",  # noqa: E501 (one route a line, as in api.md)
    "POST /create-knowledge-base": "knowledge_base.create",
    "GET /get-knowledge-base/{knowledge_base_id}": "knowledge_base.retrieve",
    "GET /list-knowledge-bases": "knowledge_base.list",
    "DELETE /delete-knowledge-base/{knowledge_base_id}": "knowledge_base.delete",
    "POST /add-knowledge-base-sources/{knowledge_base_id}": "knowledge_base.add_sources",
    "DELETE /delete-knowledge-base-source/{knowledge_base_id}/source/{source_id}": "knowledge_base.delete_source",  # noqa: E501 (one route a line, as in api.md)
    "GET /get-voice/{voice_id}": "voice.retrieve",
    "GET /list-voices": "voice.list",
    "POST /add-community-voice": "voice.add_resource",
    "POST /clone-voice": "voice.clone",
    "POST /search-community-voice": "voice.search",
    "GET /get-concurrency": "concurrency.retrieve",
    "POST /create-batch-call": "batch_call.create_batch_call",
    "POST /create-batch-test": "tests.create_batch_test",
    "POST /create-test-case-definition": "tests.create_test_case_definition",
    "DELETE /delete-test-case-definition/{test_case_definition_id}": "tests.delete_test_case_definition",  # noqa: E501 (one route a line, as in api.md)
    "GET /get-batch-test/{test_case_batch_job_id}": "tests.get_batch_test",
    "GET /get-test-case-definition/{test_case_definition_id}": "tests.get_test_case_definition",
    "GET /get-test-run/{test_case_job_id}": "tests.get_test_run",
    "GET /list-batch-tests": "tests.list_batch_tests",
    "GET /list-test-case-definitions": "tests.list_test_case_definitions",
    "GET /list-test-runs/{test_case_batch_job_id}": "tests.list_test_runs",
    "PUT /update-test-case-definition/{test_case_definition_id}": "tests.update_test_case_definition",  # noqa: E501 (one route a line, as in api.md)
    "GET /get-mcp-tools/{agent_id}": "mcp_tool.get_mcp_tools",
    "POST /import-phone-number": "phone_number.import_",
}

# cartesia 3.2.0, api.md: route → client.<path>
CARTESIA_SDK = {
    "GET /": "get_status",  # a method of the client itself
    "GET /agents/{agent_id}": "agents.retrieve",
    "PATCH /agents/{agent_id}": "agents.update",
    "GET /agents": "agents.list",
    "DELETE /agents/{agent_id}": "agents.delete",
    "GET /agents/{agent_id}/phone-numbers": "agents.list_phone_numbers",
    "GET /agents/templates": "agents.list_templates",
    "GET /agents/calls/{call_id}": "agents.calls.retrieve",
    "GET /agents/calls": "agents.calls.list",
    "GET /agents/calls/{call_id}/audio": "agents.calls.download_audio",
    "POST /agents/metrics": "agents.metrics.create",
    "GET /agents/metrics/{metric_id}": "agents.metrics.retrieve",
    "GET /agents/metrics": "agents.metrics.list",
    "POST /agents/{agent_id}/metrics/{metric_id}": "agents.metrics.add_to_agent",
    "DELETE /agents/{agent_id}/metrics/{metric_id}": "agents.metrics.remove_from_agent",
    "GET /agents/metrics/results": "agents.metrics.results.list",
    "GET /agents/metrics/results/export": "agents.metrics.results.export",
    "GET /agents/deployments/{deployment_id}": "agents.deployments.retrieve",
    "GET /agents/{agent_id}/deployments": "agents.deployments.list",
    "POST /access-token": "access_token.create",
    "POST /datasets/": "datasets.create",
    "GET /datasets/{id}": "datasets.retrieve",
    "PATCH /datasets/{id}": "datasets.update",
    "GET /datasets/": "datasets.list",
    "DELETE /datasets/{id}": "datasets.delete",
    "GET /datasets/{id}/files": "datasets.files.list",
    "DELETE /datasets/{id}/files/{fileID}": "datasets.files.delete",
    "POST /datasets/{id}/files": "datasets.files.upload",
    "POST /fine-tunes/": "fine_tunes.create",
    "GET /fine-tunes/{id}": "fine_tunes.retrieve",
    "GET /fine-tunes/": "fine_tunes.list",
    "DELETE /fine-tunes/{id}": "fine_tunes.delete",
    "GET /fine-tunes/{id}/voices": "fine_tunes.list_voices",
    "POST /pronunciation-dicts/": "pronunciation_dicts.create",
    "GET /pronunciation-dicts/{id}": "pronunciation_dicts.retrieve",
    "PATCH /pronunciation-dicts/{id}": "pronunciation_dicts.update",
    "GET /pronunciation-dicts/": "pronunciation_dicts.list",
    "DELETE /pronunciation-dicts/{id}": "pronunciation_dicts.delete",
    "POST /stt": "stt.transcribe",
    "POST /tts/bytes": "tts.generate",
    "POST /tts/sse": "tts.generate_sse",
    "POST /infill/bytes": "tts.infill",
    "POST /voice-changer/bytes": "voice_changer.generate",
    "POST /voice-changer/sse": "voice_changer.generate_sse",
    "PATCH /voices/{id}": "voices.update",
    "GET /voices": "voices.list",
    "DELETE /voices/{id}": "voices.delete",
    "POST /voices/clone": "voices.clone",
    "GET /voices/{id}": "voices.get",
    "POST /voices/localize": "voices.localize",
}

# Routes whose name differs from the official SDK's, with ours.
RETELL_DIFFERENCES: dict[str, str] = {}
CARTESIA_DIFFERENCES = {
    # The SDK has methods on the client itself; ours are all on resources.
    "GET /": "api_status.get",
}
# Routes of the spec the SDK has no method for (newer versions of calls), with ours.
RETELL_EXTRA = {
    "GET /v2/list-batch-tests": "tests.list_batch_tests_v2",
    "GET /v2/list-conversation-flow-components": "conversation_flow_component.list_v2",
    "GET /v2/list-export-requests": "export_request.list",
    "GET /v2/list-phone-numbers": "phone_number.list_v2",
    "GET /v2/list-test-case-definitions": "tests.list_test_case_definitions_v2",
    "GET /v2/list-test-runs/{test_case_batch_job_id}": "tests.list_test_runs_v2",
}
CARTESIA_EXTRA: dict[str, str] = {}

API = {
    "retell": (("retell-openapi.yaml",), RETELL_SDK, RETELL_DIFFERENCES, RETELL_EXTRA),
    "cartesia": (
        ("cartesia-openapi.yaml", "cartesia-overlay.yaml"),
        CARTESIA_SDK,
        CARTESIA_DIFFERENCES,
        CARTESIA_EXTRA,
    ),
}


def _method_paths(api: str, tmp_path: Path) -> dict[str, str]:
    """route → resource.method, as generated from the vendor's spec with our settings."""
    files, _, _, _ = API[api]
    folder = tmp_path / api
    folder.mkdir()
    for name in files:
        shutil.copy(VENDOR_SPECS / name, folder / name)
    shutil.copy(SETTINGS / f"{api}.toml", folder / "api.toml")
    model = build_api(load_api_folder(folder), load_api_settings(folder, f"{api}.toml"))
    return {op.key: f"{op.resource}.{op.name}" for op in model.operations}


@pytest.mark.parametrize("api", sorted(API))
def test_method_paths_are_the_official_sdks_but_the_listed_differences(
    api: str, tmp_path: Path
) -> None:
    _, official, differences, extra = API[api]
    ours = _method_paths(api, tmp_path)
    expected = {**official, **differences, **extra}
    assert ours == expected
    assert set(differences) <= set(official)
    assert not set(extra) & set(official)


# The operations that accept Cartesia's access token (`token=`); the SDK sends it to every
# call.
TOKEN_OPERATIONS = [
    "GET /",
    "GET /agents/templates",
    "POST /stt",
    "POST /tts/bytes",
    "POST /tts/sse",
]


@pytest.mark.parametrize("api", sorted(API))
def test_the_client_takes_the_api_key_as_the_sdk_does(api: str, tmp_path: Path) -> None:
    files = API[api][0]
    folder = tmp_path / api
    folder.mkdir()
    for name in files:
        shutil.copy(VENDOR_SPECS / name, folder / name)
    shutil.copy(SETTINGS / f"{api}.toml", folder / "api.toml")
    model = build_api(load_api_folder(folder), load_api_settings(folder, f"{api}.toml"))
    assert "api_key" in [c.argument for c in model.credentials]
    assert model.api_key_env == f"{api.upper()}_API_KEY"
    # ...and, as the SDK's client does, sends it to every operation (Cartesia's spec also
    # has an access-token scheme, `token=`, which only five operations accept).
    schemes = {scheme.key: scheme for scheme in model.security}

    def accepts(operation: Operation, credential: str) -> bool:
        """Whether `credential` alone satisfies one of its requirements (an empty one, as
        `GET /` has, needs nothing: it does not count)."""
        return any(
            requirement and all((credential,) in schemes[key].alternatives for key in requirement)
            for requirement in operation.security
        )

    for operation in model.operations:
        needs_nothing = not operation.security or () in operation.security
        assert needs_nothing or accepts(operation, "api_key"), operation.key
    with_token = sorted(op.key for op in model.operations if accepts(op, "token"))
    assert with_token == ([] if api == "retell" else TOKEN_OPERATIONS)


def test_the_tables_are_the_whole_sdks() -> None:
    """73 methods in retell-sdk 5.24.0, 50 in cartesia 3.2.0 (their api.md)."""
    assert (len(RETELL_SDK), len(CARTESIA_SDK)) == (73, 50)


@pytest.mark.parametrize(
    ("method_names", "same"),
    [
        # By operationId (the default) most paths differ from the SDKs': 48 and 28.
        ("operation_id", {"retell": 25, "cartesia": 22}),
        # By REST shape without pins: the pins of docs/vendor-settings/ are the exceptions.
        ("rest", {"retell": 45, "cartesia": 43}),
    ],
)
def test_how_many_paths_each_rule_alone_gets_right(
    method_names: str, same: dict[str, int], tmp_path: Path
) -> None:
    for api, (files, official, _, _) in API.items():
        folder = tmp_path / api
        folder.mkdir()
        for name in files:
            shutil.copy(VENDOR_SPECS / name, folder / name)
        (folder / "api.toml").write_text(f'method_names = "{method_names}"\n')
        model = build_api(load_api_folder(folder), load_api_settings(folder, "api.toml"))
        ours = {op.key: f"{op.resource}.{op.name}" for op in model.operations}
        assert sum(ours.get(route) == name for route, name in official.items()) == same[api]
