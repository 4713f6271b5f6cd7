"""The parser's result kind per operation, and its located errors for schemes that do not fit."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from streams_specs import CARTESIA, CARTESIA_PAGINATION, POLYAI, RETELL, RETELL_PAGINATION
from streams_support import build_files

from generator.diagnostics import GeneratorError
from generator.settings import load_api_settings


def test_each_fixture_operation_gets_its_kind(tmp_path: Path) -> None:
    files = build_files(CARTESIA, tmp_path, "c", pagination=CARTESIA_PAGINATION)
    tts = files["c/resources/tts.py"].decode()
    assert 'result="event_stream"' in tts and 'result="binary"' in tts
    assert "-> BinaryResponse:" in tts and "-> AsyncBinaryResponse:" in tts
    assert "-> Stream[models.TTSSSEEvent]:" in tts
    assert "-> AsyncStream[models.TTSSSEEvent]:" in tts
    voices = files["c/resources/voices.py"].decode()
    assert "-> SyncPage[models.GetVoicesResponse, models.Voice]:" in voices
    assert "    def list(" in voices.split("class AsyncVoices")[1]  # a pager, not a coroutine


def test_without_settings_only_unambiguous_lists_are_pages(tmp_path: Path) -> None:
    retell = build_files(RETELL, tmp_path, "r")
    assert 'result="page"' in retell["r/resources/phone_number.py"].decode()  # envelope
    assert 'result="page"' not in retell["r/resources/agent.py"].decode()  # bare array
    assert 'result="page"' not in retell["r/resources/call.py"].decode()
    polyai = build_files(POLYAI, tmp_path, "p")["p/resources/audio_cache.py"].decode()
    assert 'pagination=Pagination(items="entries", offset="offset", total="total_count")' in (
        polyai
    )


def test_a_limit_echoed_in_the_response_is_not_taken_for_a_cursor(tmp_path: Path) -> None:
    spec = copy.deepcopy(RETELL)
    base = spec["components"]["schemas"]["PaginationBase"]
    base["properties"] = {"limit": {"type": "string"}}
    del base["required"]
    files = build_files(spec, tmp_path, "r")
    assert 'result="page"' not in files["r/resources/phone_number.py"].decode()


def test_two_candidate_cursors_leave_the_list_a_value(tmp_path: Path) -> None:
    spec = copy.deepcopy(RETELL)
    spec["components"]["schemas"]["PaginationBase"]["properties"]["after"] = {"type": "string"}
    operation = spec["paths"]["/v2/list-phone-numbers"]["get"]
    operation["parameters"].append({"name": "after", "in": "query", "schema": {"type": "string"}})
    files = build_files(spec, tmp_path, "r")
    assert 'result="page"' not in files["r/resources/phone_number.py"].decode()


def test_next_page_with_a_more_flag_and_starting_after_is_detected_and_only_then(
    tmp_path: Path,
) -> None:
    files = build_files(CARTESIA, tmp_path, "c")
    assert 'result="page"' in files["c/resources/voices.py"].decode()
    without_more = copy.deepcopy(CARTESIA)
    page = without_more["components"]["schemas"]["GetVoicesResponse"]
    del page["properties"]["has_more"]
    page["required"] = ["data"]
    files = build_files(without_more, tmp_path, "c")
    assert 'result="page"' not in files["c/resources/voices.py"].decode()
    without_after = copy.deepcopy(CARTESIA)
    parameters = without_after["paths"]["/voices"]["get"]["parameters"]
    parameters[:] = [p for p in parameters if p["name"] != "starting_after"]
    files = build_files(without_after, tmp_path, "c")
    assert 'result="page"' not in files["c/resources/voices.py"].decode()


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        (
            'cursor = "nope"\ncursor_item = "agent_id"\n',
            3,
            "does not fit GET /list-agents: no request parameter or body field 'nope'",
        ),
        (
            'cursor = "pagination_key"\ncursor_item = "x"\n',
            4,
            "does not fit GET /list-agents: not every item has a field 'x'",
        ),
        (
            'items = "data"\noffset = "limit"\n',
            3,
            "does not fit GET /list-agents: the field 'data' is not an array",
        ),
        (
            'offset = "limit"\noperations = ["GET /nowhere"]\n',
            3,
            "names 'GET /nowhere', which is not an operation",
        ),
    ],
)
def test_a_scheme_that_does_not_fit_is_an_error_at_its_api_toml_line(
    tmp_path: Path, table: str, line: int, message: str
) -> None:
    operations = "" if "operations" in table else 'operations = ["GET /list-agents"]\n'
    (tmp_path / "api.toml").write_text(f"[pagination.s]\n{operations}{table}")
    (scheme,) = load_api_settings(tmp_path, "specs/r/api.toml").pagination
    with pytest.raises(GeneratorError) as caught:
        build_files(RETELL, tmp_path, "r", pagination=(scheme, *RETELL_PAGINATION[1:]))
    text = "\n".join(str(d) for d in caught.value.diagnostics)
    assert f"specs/r/api.toml:{line}:1: [pagination.s] " in text
    assert message in text


def test_the_runtime_knows_every_result_kind_the_generator_gives() -> None:
    """`_results` tells the kinds read whole from the streams without loading `_streaming`:
    every kind is one of them, binary, or a stream the runtime has a decoder for."""
    from runtime._results import _DECODED
    from runtime._streaming import STREAM_DECODERS

    from generator.model.results import RESULT_SHAPES

    streams = {kind for kind, shape in RESULT_SHAPES.items() if shape.body is not None}
    assert streams == set(STREAM_DECODERS)
    assert set(RESULT_SHAPES) == _DECODED | {"binary"} | streams
    assert not _DECODED & streams
