"""Schema constructs of real specs, generated from one spec and called through a mock
transport: unions inside allOf, boolean schemas, keyword names, bodies without fields or
with one value, Unicode patterns, and unions of strings or of an object and a primitive."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from generated_package import generated
from schemas_spec import SPEC

from generator.pipeline import build_single
from generator.write.tree import write_tree


class Recorder:
    """A mock transport that records each request and answers with a fixed response."""

    def __init__(self, status: int = 204, body: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self.status = status
        self.body = body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.body is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.body)

    @property
    def sent(self) -> Any:
        return json.loads(self.requests[-1].content)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with generated(SPEC, tmp_path_factory.mktemp("schemas"), "schemas_client") as module:
        importlib.import_module("schemas_client.models")
        importlib.import_module("schemas_client.params")
        yield module


def _client(package: Any, recorder: Recorder) -> Any:
    transport = httpx.MockTransport(recorder)
    return package.SchemasClient(http_client=httpx.Client(transport=transport))


# -- allOf with a union member ------------------------------------------------------------------


def test_retell_tool_shape_decodes_each_variant_with_the_shared_field(package: Any) -> None:
    models = package.models
    recorder = Recorder(
        200, {"type": "book_appointment_cal", "name": "b", "event_type_id": 7, "tool_id": "t9"}
    )
    tool = _client(package, recorder).tools.create(
        body={"type": "custom", "name": "n", "url": "https://x.test", "tool_id": "t1"}
    )
    assert isinstance(tool, models.ToolBookAppointmentCalTool)
    assert (tool.event_type_id, tool.tool_id) == (7, "t9")
    assert recorder.sent == {
        "type": "custom",
        "name": "n",
        "url": "https://x.test",
        "tool_id": "t1",
    }


def test_the_variants_tag_is_what_decoding_goes_by(package: Any) -> None:
    models = package.models
    # Fits the custom tool's fields too; the tag says it is a calendar check.
    payload = {
        "type": "check_availability_cal",
        "name": "c",
        "url": "u",
        "cal_api_key": "k",
        "tool_id": "t",
    }
    tool = _client(package, Recorder(200, payload)).tools.create(body=payload)
    assert isinstance(tool, models.ToolCheckAvailabilityCalTool)
    unknown = _client(
        package, Recorder(200, {"type": "transfer_call", "tool_id": "t"})
    ).tools.create(body=payload)
    assert isinstance(unknown, models.UnknownTool)
    assert unknown.tag == "transfer_call"


def test_the_shared_required_field_is_checked_before_sending(package: Any) -> None:
    recorder = Recorder(200, {})
    with pytest.raises(package.RequestValidationError):
        _client(package, recorder).tools.create(body={"type": "custom", "name": "n", "url": "u"})
    with pytest.raises(package.RequestValidationError):
        _client(package, recorder).tools.create(body={"type": "nope", "tool_id": "t"})
    assert recorder.requests == []


def test_inline_allof_union_in_an_array(package: Any) -> None:
    models = package.models
    tools = [
        {"type": "custom", "name": "n", "url": "u", "tool_id": "a"},
        {"type": "book_appointment_cal", "name": "b", "event_type_id": 1, "tool_id": "b"},
    ]
    agent = _client(package, Recorder(200, {"tools": tools})).agents.get("ag1")
    assert [type(t) for t in agent.tools] == [
        models.AgentToolsItemCustomTool,
        models.AgentToolsItemBookAppointmentCalTool,
    ]
    assert [t.tool_id for t in agent.tools] == ["a", "b"]


def test_ref_to_a_discriminated_union_stays_discriminated(package: Any) -> None:
    models = package.models
    payload = {"type": "check_availability_cal", "name": "c", "cal_api_key": "k", "created_at": 5}
    stored = _client(package, Recorder(200, payload)).stored_tools.get()
    assert isinstance(stored, models.StoredToolCheckAvailabilityCalTool)
    assert (stored.cal_api_key, stored.created_at) == ("k", 5)
    custom = {"type": "custom", "name": "n", "url": "u", "created_at": 1}
    assert isinstance(
        _client(package, Recorder(200, custom)).stored_tools.get(), models.StoredToolCustomTool
    )
    recorder = Recorder()
    _client(package, recorder).stored_tools.create(
        body=package.params.StoredToolCustomToolParam(
            type="custom", name="n", url="u", created_at=2
        )
    )
    assert recorder.sent == {"type": "custom", "name": "n", "url": "u", "created_at": 2}
    with pytest.raises(package.RequestValidationError):  # the merged member's field is required
        _client(package, recorder).stored_tools.create(
            body={"type": "custom", "name": "n", "url": "u"}
        )
    assert len(recorder.requests) == 1


# -- boolean schemas, keyword names -------------------------------------------------------------


def test_false_property_has_no_field_and_true_is_any(package: Any) -> None:
    fields = package.models.Profile.__struct_fields__
    assert "legacy" not in fields and "extra" in fields
    checks = importlib.import_module(package.__name__ + "._request_models")
    assert "legacy" not in checks.Profile.__struct_fields__
    recorder = Recorder(200, {"name": "Ann", "legacy": 1, "extra": {"any": ["thing"]}})
    profile = _client(package, recorder).profiles.put(name="Ann", extra=[1, "two"])
    assert profile.extra == {"any": ["thing"]}
    assert recorder.sent == {"name": "Ann", "extra": [1, "two"]}
    with pytest.raises(TypeError):
        _client(package, recorder).profiles.put(name="Ann", legacy=1)
    api_md = (Path(package.__file__).parent / "api.md").read_text()
    assert "`Profile.legacy` has the schema `false`" in api_md


def test_keyword_schema_names_get_a_safe_spelling(package: Any) -> None:
    models, params = package.models, package.params
    assert models.None_.__name__ == "None_"
    assert {"None_Param", "False_"} <= set(params.__all__)
    checks = importlib.import_module(package.__name__ + "._request_models")
    assert checks.True_.__name__ == "True_"  # the body's Struct (its fields are arguments)
    recorder = Recorder(200, {"value": "v"})
    result = _client(package, recorder).none.create(
        true="nope", none={"value": "x"}, false=params.False_.__args__[0]
    )
    assert isinstance(result, models.None_) and result.value == "v"
    assert recorder.sent == {"none": {"value": "x"}, "false": "no"}
    assert recorder.requests[0].url.params["True"] == "nope"
    with pytest.raises(package.RequestValidationError):
        _client(package, recorder).none.create(false="yes")


# -- bodies -------------------------------------------------------------------------------------


def test_an_empty_object_body_takes_no_fields_and_sends_nothing(package: Any) -> None:
    recorder = Recorder()
    client = _client(package, recorder)
    assert client.search.list() is None
    request = recorder.requests[0]
    assert (request.method, request.content, "content-type" in request.headers) == (
        "GET",
        b"",
        False,
    )
    client.search.list(extra_body={"q": "cats"})
    request = recorder.requests[1]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"q=cats"


def test_a_single_binary_multipart_body_is_one_file_argument(package: Any) -> None:
    recorder = Recorder()
    _client(package, recorder).uploads.create(file=("a.txt", io.BytesIO(b"hello"), "text/plain"))
    request = recorder.requests[0]
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert (
        b'name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello' in request.content
    )
    with pytest.raises(TypeError):
        _client(package, recorder).uploads.create()


def test_file_bodies_through_a_ref_and_in_a_urlencoded_form(package: Any) -> None:
    recorder = Recorder()
    client = _client(package, recorder)
    client.avatars.put(file=b"\x89PNG")  # the body schema is a `$ref` to a binary string
    assert b'name="file"' in recorder.requests[0].content
    client.avatars.post_form(b"a=1&b=2")  # already encoded, sent as given
    request = recorder.requests[1]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"a=1&b=2"


def test_primitive_and_array_bodies_are_one_argument_by_position_or_keyword(package: Any) -> None:
    recorder = Recorder()
    client = _client(package, recorder)
    client.labels.set_tags("l1", ["a", "b"])  # named from the schema's title
    client.labels.set_tags("l1", tags=["c"])
    client.counters.add_count(3)
    client.counters.add_count(body=4)
    assert [json.loads(r.content) for r in recorder.requests] == [["a", "b"], ["c"], 3, 4]
    assert recorder.requests[0].url.path == "/labels/l1/tags"
    with pytest.raises(package.RequestValidationError):
        client.counters.add_count(0)  # minimum: 1
    assert len(recorder.requests) == 4


# -- patterns -----------------------------------------------------------------------------------


def test_unicode_property_patterns_are_checked(package: Any) -> None:
    recorder = Recorder(200, {"name": "x"})
    client = _client(package, recorder)
    client.profiles.put(name="Zoë O'Brien-Łukasz")
    client.profiles.put(name="Ann", code="AB-12")
    for bad in ({"name": "R2D2"}, {"name": "Ann", "code": "Ab12"}, {"name": "Ann", "code": "ABc"}):
        with pytest.raises(package.RequestValidationError):
            client.profiles.put(**bad)
    client.profiles.put(name="Ann", greek="not greek")  # untranslatable: not checked, noted
    assert len(recorder.requests) == 3
    api_md = (Path(package.__file__).parent / "api.md").read_text()
    assert (
        "`^\\p{Script=Greek}+$` at `/components/schemas/Profile/properties/greek/pattern`" in api_md
    )


# -- unions typed precisely ---------------------------------------------------------------------


def test_string_enum_unions_are_str_and_literals(package: Any) -> None:
    import typing

    assert package.models.Feeling is str
    assert set(typing.get_args(package.params.Feeling)) == {"happy", "sad", "sunny", "rainy"}
    recorder = Recorder(200, {"feeling": "foggy", "label": "xyzw"})  # responses stay lenient
    reading = _client(package, recorder).readings.create(feeling="rainy", label="zz")
    assert (reading.feeling, reading.label) == ("foggy", "xyzw")
    assert recorder.sent == {"feeling": "rainy", "label": "zz"}
    with pytest.raises(package.RequestValidationError):
        _client(package, recorder).readings.create(feeling="foggy")
    assert len(recorder.requests) == 1


def test_object_or_primitive_union_decodes_and_encodes_both_ways(package: Any) -> None:
    models, params = package.models, package.params
    nested = {"op": "add", "args": ["x", {"op": "neg", "args": ["y"]}]}
    recorder = Recorder(200, {"feeling": "happy", "operand": nested})
    reading = _client(package, recorder).readings.create(feeling="happy", operand="x")
    assert recorder.sent == {"feeling": "happy", "operand": "x"}
    assert isinstance(reading.operand, models.Expression)
    assert reading.operand.args[0] == "x"
    assert isinstance(reading.operand.args[1], models.Expression)
    assert reading.operand.args[1].args == ["y"]
    recorder.body = {"feeling": "sad", "operand": "plain"}
    reading = _client(package, recorder).readings.create(
        feeling="sad", operand=params.ExpressionParam(op="neg", args=["z"])
    )
    assert reading.operand == "plain"
    assert recorder.sent == {"feeling": "sad", "operand": {"op": "neg", "args": ["z"]}}
    with pytest.raises(package.RequestValidationError):
        _client(package, recorder).readings.create(feeling="sad", operand=3)


# -- the package as a whole ---------------------------------------------------------------------


@pytest.mark.slow
def test_generated_package_passes_mypy_strict(tmp_path: Path) -> None:
    spec = tmp_path / "schemas_client.json"
    spec.write_text(json.dumps(SPEC))
    write_tree(build_single(spec, "schemas_client"), tmp_path / "out")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "schemas_client"],
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
