"""Defects found while reviewing the golden trees, called for real.

Open ones are strict xfails: the trees hold what the generator makes today, these tests
state what the spec asks for, so that a fix makes them pass, which fails them ("strict")
until the marker goes and the trees are regenerated and reviewed again. Fixed ones keep
their test, as a regression test.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from generated_package import importable
from golden_areas import build

from generator.write.tree import write_tree


class Recorder:
    """An httpx transport that keeps the requests and answers each the same way."""

    def __init__(self, status: int = 200, body: object = None) -> None:
        self.requests: list[httpx.Request] = []
        self.status, self.body = status, body

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self._answer))

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.body is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.body)


def _package(area: str, tmp_path: Path) -> Iterator[ModuleType]:
    write_tree(build(area), tmp_path)
    with importable(tmp_path, area) as package:
        yield package


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[ModuleType]:
    yield from _package("servers", tmp_path)


@pytest.fixture
def parameters(tmp_path: Path) -> Iterator[ModuleType]:
    yield from _package("parameters", tmp_path)


@pytest.fixture
def forms(tmp_path: Path) -> Iterator[ModuleType]:
    yield from _package("forms", tmp_path)


@pytest.fixture
def unions(tmp_path: Path) -> Iterator[ModuleType]:
    yield from _package("unions", tmp_path)


@pytest.fixture
def auth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    for name in ("TOKEN", "HEADER_KEY", "QUERY_KEY", "COOKIE_KEY", "ACCESS_TOKEN"):
        monkeypatch.delenv(f"AUTH_{name}", raising=False)
    yield from _package("auth", tmp_path)


def test_an_operation_with_its_own_servers_is_sent_there(servers: ModuleType) -> None:
    recorder = Recorder(body="done")
    servers.Servers(http_client=recorder.client()).uploads.get_status("u1")
    assert recorder.requests[0].url.host == "status.example.com"


def test_a_path_item_with_its_own_servers_is_sent_there(servers: ModuleType) -> None:
    recorder = Recorder(201)
    servers.Servers(http_client=recorder.client()).uploads.create()
    assert recorder.requests[0].url.host == "uploads.example.com"


def test_an_explicit_base_url_also_takes_the_operations_with_their_own_servers(
    servers: ModuleType,
) -> None:
    """(The choice made for the fix: a client pointed at a proxy or a mock sends nothing to
    the spec's hosts behind its back.)"""
    recorder = Recorder(body="done")
    client = servers.Servers(base_url="http://127.0.0.1:9/mock", http_client=recorder.client())
    client.uploads.get_status("u1")
    assert str(recorder.requests[0].url) == "http://127.0.0.1:9/mock/uploads/u1/status"


def test_the_other_operations_go_to_the_chosen_server(servers: ModuleType) -> None:
    """(What the xfails above are measured against: the client's server does work.)"""
    recorder = Recorder(body={"id": "c1"})
    client = servers.Servers(region="eu", http_client=recorder.client())
    client.calls.get("c1")
    assert str(recorder.requests[0].url) == "https://eu.api.example.com/v1/calls/c1"


def test_an_operation_accepting_mutual_tls_needs_no_token(auth: ModuleType) -> None:
    recorder = Recorder()
    try:
        auth.Auth(http_client=recorder.client()).things.get_oauth()
    except auth.MissingAPIKeyError as refused:
        raise AssertionError(f"refused before sending: {refused}") from None
    assert "authorization" not in recorder.requests[0].headers


def test_a_cookie_parameter_is_sent_beside_a_cookie_api_key(auth: ModuleType) -> None:
    recorder = Recorder(204)
    client = auth.Auth(header_key="h", cookie_key="c", http_client=recorder.client())
    client.things.delete(confirm=True)
    cookies = recorder.requests[0].headers["cookie"].split("; ")
    assert sorted(cookies) == ["confirm=true", "session_key=c"]


def test_an_operation_accepting_oauth_sends_the_token(auth: ModuleType) -> None:
    recorder = Recorder()
    auth.Auth(access_token="t0k", http_client=recorder.client()).things.get_oauth()
    assert recorder.requests[0].headers["authorization"] == "Bearer t0k"


def test_a_header_array_of_any_sequence_is_sent_in_the_simple_style(
    parameters: ModuleType,
) -> None:
    """(Fixed: only a list or a tuple was joined; any other `Sequence[str]` went as its
    Python spelling, `deque(['a', 'b'])`.)"""
    recorder = Recorder(body=[])
    client = parameters.Parameters(http_client=recorder.client())
    client.reports.list(year=2024, x_trace=deque(["a", "b"]))
    assert recorder.requests[0].headers["x-trace"] == "a,b"


def test_a_multipart_array_of_files_is_one_part_per_file(forms: ModuleType) -> None:
    """(Fixed: an array of files was refused before sending, "Expected `array`, got `null`".)"""
    recorder = Recorder(201, [])
    forms.Forms(http_client=recorder.client()).uploads.documents(
        files=[b"one", ("two.txt", b"two", "text/plain")], metadata={"title": "T"}
    )
    content = recorder.requests[0].content
    assert content.count(b'Content-Disposition: form-data; name="files"') == 2
    assert b'name="files"; filename="two.txt"\r\nContent-Type: text/plain\r\n\r\ntwo' in content
    assert b'name="metadata"\r\nContent-Type: application/json\r\n\r\n{"title":"T"}' in content


def test_a_multipart_array_of_files_keeps_its_min_items(forms: ModuleType) -> None:
    recorder = Recorder(201, [])
    with pytest.raises(forms.RequestValidationError) as refused:
        forms.Forms(http_client=recorder.client()).uploads.documents(
            files=[], metadata={"title": "T"}
        )
    assert refused.value.path == "files"
    assert recorder.requests == []


def test_a_union_matching_no_variant_names_each_problem_where_it_is(unions: ModuleType) -> None:
    """(Fixed: the first variant's path, inside the joined message, was taken for the
    path of the whole body: "number`; Object missing required field `iban".)"""
    recorder = Recorder(201, {})
    with pytest.raises(unions.RequestValidationError) as refused:
        unions.Unions(http_client=recorder.client()).payments.create(body={"number": "12"})
    assert refused.value.path == ""  # the body itself is the union
    assert str(refused.value) == (
        "matches none of the allowed shapes: "
        "Expected `str` matching regex '^[0-9]{12,19}$' at `$.number`; "
        "Object missing required field `iban`"
    )
    assert recorder.requests == []
