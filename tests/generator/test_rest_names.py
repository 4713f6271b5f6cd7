"""`method_names = "rest"`: names by the path's shape, nested resources, and the pins."""

from typing import Any

import pytest
from model_helpers import operations

from generator.diagnostics import Location
from generator.settings import NamingSettings

REST = NamingSettings(style="rest")


def _op(method: str = "post", **fields: Any) -> dict[str, Any]:
    return {method: {"responses": {"200": {"description": "ok"}}, **fields}}


def _names(paths: dict[str, Any], naming: NamingSettings = REST) -> dict[str, str]:
    builder = operations(paths, naming=naming)
    built = builder.build_all()
    assert builder.diagnostics == []
    return {o.key: f"{o.resource}.{o.name}" for o in built}


def test_crud_by_collection_and_item_and_nested_by_path() -> None:
    assert _names(
        {
            "/agents": {**_op("get"), **_op("post")},
            "/agents/{agent_id}": {**_op("get"), **_op("patch"), **_op("delete")},
            "/agents/{agent_id}/metrics/results": {**_op("get"), **_op("post")},
            "/v1/voices/{id}": _op("put"),
        }
    ) == {
        "GET /agents": "agents.list",
        "POST /agents": "agents.create",
        "GET /agents/{agent_id}": "agents.retrieve",
        "PATCH /agents/{agent_id}": "agents.update",
        "DELETE /agents/{agent_id}": "agents.delete",
        "GET /agents/{agent_id}/metrics/results": "agents.metrics.results.list",
        "POST /agents/{agent_id}/metrics/results": "agents.metrics.results.create",
        "PUT /v1/voices/{id}": "voices.update",  # the version prefix is no resource
    }


def test_a_last_segment_that_is_a_verb_is_an_action() -> None:
    assert _names(
        {"/voices": _op("get"), "/voices/clone": _op(), "/voices/{id}/export": _op("get")}
    ) == {
        "GET /voices": "voices.list",
        "POST /voices/clone": "voices.clone",
        "GET /voices/{id}/export": "voices.export",
    }


def test_rpc_style_paths_name_the_noun_and_the_verb() -> None:
    assert _names(
        {
            "/create-agent": _op(operationId="createAgent"),
            "/get-agent/{agent_id}": _op("get"),
            "/list-agents": _op("get"),
            "/v2/list-calls": _op(),  # a POST that lists is still `list`
            "/publish-agent/{agent_id}": _op(),
            "/end-chat/{chat_id}": _op("patch"),
            "/import-phone-number": _op(),
            "/test-cases/{id}": _op("get"),  # a noun that is also a verb: no RPC call
        }
    ) == {
        "POST /create-agent": "agent.create",
        "GET /get-agent/{agent_id}": "agent.retrieve",
        "GET /list-agents": "agent.list",
        "POST /v2/list-calls": "call.list",
        "POST /publish-agent/{agent_id}": "agent.publish",
        "PATCH /end-chat/{chat_id}": "chat.end",
        "POST /import-phone-number": "phone_number.import_",
        "GET /test-cases/{id}": "test_cases.retrieve",
    }


def test_other_operations_are_named_by_their_operation_id() -> None:
    assert _names(
        {
            "/agents/{agent_id}/metrics/{metric_id}": {
                **_op(operationId="agents_add-metric-to-agent"),
                **_op("delete", operationId="agents_remove-metric-from-agent"),
                **_op("get"),
            },
            "/stt": _op(operationId="stt_transcribe"),
            "/datasets/{id}/files": {**_op(operationId="datasets_uploadFile"), **_op("get")},
        }
    ) == {
        "POST /agents/{agent_id}/metrics/{metric_id}": "agents.metrics.add_to_agent",
        "DELETE /agents/{agent_id}/metrics/{metric_id}": "agents.metrics.remove_from_agent",
        "GET /agents/{agent_id}/metrics/{metric_id}": "agents.metrics.retrieve",
        "POST /stt": "stt.transcribe",
        "POST /datasets/{id}/files": "datasets.files.upload",
        "GET /datasets/{id}/files": "datasets.files.list",
    }


def test_a_nested_resource_with_one_operation_becomes_a_method_of_its_parent() -> None:
    assert _names(
        {
            "/agents": _op("get"),
            "/agents/templates": _op("get"),
            "/agents/calls/{call_id}/audio": _op("get", operationId="agents_download-call-audio"),
            "/agents/calls/{call_id}": _op("get"),
            "/agents/calls": _op("get"),
        }
    ) == {
        "GET /agents": "agents.list",
        "GET /agents/templates": "agents.list_templates",
        "GET /agents/calls/{call_id}/audio": "agents.calls.download_audio",
        "GET /agents/calls/{call_id}": "agents.calls.retrieve",
        "GET /agents/calls": "agents.calls.list",
    }


def test_an_unversioned_path_keeps_the_name_a_versioned_one_meets() -> None:
    assert _names({"/v2/list-phone-numbers": _op("get"), "/list-phone-numbers": _op("get")}) == {
        "GET /v2/list-phone-numbers": "phone_number.list_v2",
        "GET /list-phone-numbers": "phone_number.list",
    }


def test_the_default_style_is_unchanged_by_nesting_rules() -> None:
    assert _names(
        {"/agents/{agent_id}/metrics/results": _op("get", operationId="listMetricResults")},
        NamingSettings(),
    ) == {"GET /agents/{agent_id}/metrics/results": "metric_results.list"}


def test_operation_pins_may_nest() -> None:
    naming = NamingSettings(operations={"GET /things": "a.b.c.everything", "makeThing": "a.make"})
    assert _names({"/things": _op("get"), "/things/new": _op(operationId="makeThing")}, naming) == {
        "GET /things": "a.b.c.everything",
        "POST /things/new": "a.make",
    }


def test_a_path_prefix_pin_names_the_resource_of_everything_under_it() -> None:
    naming = NamingSettings(
        style="rest", resources={"/fine-tunes": "tuning", "/x/y": "z", "/voices": "speakers"}
    )
    assert _names(
        {
            "/fine-tunes": _op("get"),
            "/fine-tunes/{id}": _op("get"),
            "/fine-tunes/{id}/voices": {**_op("get"), **_op()},
            "/x/y/{id}": _op("delete"),
            "/voices/clone": _op(),
        },
        naming,
    ) == {
        "GET /fine-tunes": "tuning.list",
        "GET /fine-tunes/{id}": "tuning.retrieve",
        "GET /fine-tunes/{id}/voices": "tuning.voices.list",
        "POST /fine-tunes/{id}/voices": "tuning.voices.create",
        "DELETE /x/y/{id}": "z.delete",
        "POST /voices/clone": "speakers.clone",
    }


def test_the_longest_matching_prefix_pin_wins() -> None:
    naming = NamingSettings(style="rest", resources={"/agents": "bots", "/agents/metrics": "stats"})
    assert _names(
        {"/agents": _op("get"), "/agents/metrics/results": {**_op("get"), **_op()}}, naming
    ) == {
        "GET /agents": "bots.list",
        "GET /agents/metrics/results": "stats.results.list",
        "POST /agents/metrics/results": "stats.results.create",
    }


@pytest.mark.parametrize("style", ["rest", "operation_id"])
def test_a_tag_pin_names_the_resource_of_its_operations(style: str) -> None:
    naming = NamingSettings(style=style, resources={"Text To Speech": "tts"})  # type: ignore[arg-type]
    assert _names({"/speak": _op(tags=["Text To Speech"], operationId="createSpeech")}, naming) == {
        "POST /speak": "tts.create"
    }


def test_a_method_named_like_a_nested_resource_gives_way() -> None:
    assert _names(
        {
            "/agents/metrics": {**_op("get"), **_op()},
            "/agents/{id}": _op(operationId="metrics"),
        }
    ) == {
        "GET /agents/metrics": "agents.metrics.list",
        "POST /agents/metrics": "agents.metrics.create",
        "POST /agents/{id}": "agents.metrics_2",
    }


def test_a_pin_onto_a_nested_resource_is_an_error() -> None:
    naming = NamingSettings(style="rest", operations={"POST /agents/{id}": "agents.metrics"})
    builder = operations(
        {"/agents/metrics": {**_op("get"), **_op()}, "/agents/{id}": _op()}, naming=naming
    )
    builder.build_all()
    (diagnostic,) = builder.diagnostics
    assert "becomes `agents.metrics`, which is a nested resource" in diagnostic.message


def test_pins_that_match_nothing_are_errors_at_their_line() -> None:
    where = Location("api.toml", 7, 1)
    naming = NamingSettings(
        operations={"GET /gone": "x.y", "GET /here": "here.get"},
        resources={"/nowhere": "n", "NoSuchTag": "t", "/here": "h"},
        locations={
            ("operations", "GET /gone"): where,
            ("resources", "/nowhere"): Location("api.toml", 10, 1),
            ("resources", "NoSuchTag"): Location("api.toml", 11, 3),
        },
    )
    builder = operations({"/here": _op("get", tags=["Here"])}, naming=naming)
    builder.build_all()
    assert [str(d) for d in builder.diagnostics] == [
        "api.toml:7:1: [operations] 'GET /gone' matches no operation of the spec (write"
        ' "METHOD /path" or an operationId)',
        "api.toml:10:1: [resources] path prefix '/nowhere' matches no path of the spec",
        "api.toml:11:3: [resources] 'NoSuchTag' is no operation's first tag (a path prefix"
        ' starts with "/")',
    ]
