"""Schema constructs that made calls fail before they were sent (or their answers fail to
decode), generated from one spec and called through a mock transport."""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest
from correctness_spec import COMBINATIONS, spec
from generated_package import generated


class Recorder:
    """A mock transport that records each request and answers with a fixed JSON body."""

    def __init__(self, body: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self.body = body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.body is None:
            return httpx.Response(204)
        return httpx.Response(200, json=self.body)

    @property
    def sent(self) -> Any:
        return json.loads(self.requests[-1].content)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with generated(spec(), tmp_path_factory.mktemp("correctness"), "correctness") as module:
        yield module


def _client(package: Any, recorder: Recorder) -> Any:
    return package.Correctness(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))


def _async_client(package: Any, recorder: Recorder) -> Any:
    transport = httpx.MockTransport(recorder)
    return package.AsyncCorrectness(http_client=httpx.AsyncClient(transport=transport))


# -- allOf of a non-object schema and annotations -----------------------------------------------


def test_a_string_with_a_described_allof_is_sent_and_read_as_a_string(package: Any) -> None:
    answer = {"name": "Rex", "nick": "R", "color": "red", "born": "2024-01-02T03:04:05Z"}
    recorder = Recorder(answer)
    pet = _client(package, recorder).pet.create(name="Rex", nick="R", color="blue")
    assert recorder.sent == {"name": "Rex", "nick": "R", "color": "blue"}
    assert (pet.name, pet.nick, pet.color) == ("Rex", "R", "red")
    assert pet.born.year == 2024
    with pytest.raises(package.RequestValidationError, match="nick"):  # the member's maxLength
        _client(package, recorder).pet.create(name="Rex", nick="Rexies")
    with pytest.raises(package.RequestValidationError, match="name"):  # the ref'd maxLength
        _client(package, recorder).pet.create(name="R" * 21)
    assert len(recorder.requests) == 1


def test_the_annotations_document_the_field(package: Any) -> None:
    source = Path(package.models.__file__).read_text()
    assert "The pet's name." in source and "Fur." in source


# -- constraints a type cannot carry ------------------------------------------------------------


@pytest.mark.parametrize(("name", "value"), [(n, v) for n, _, v in COMBINATIONS])
def test_every_kind_with_every_constraint_encodes_and_decodes(
    package: Any, name: str, value: Any
) -> None:
    content = json.dumps(value).encode()
    params = importlib.import_module(package.__name__ + ".params")
    for module in (params, package.models):
        decoded = msgspec.json.decode(content, type=getattr(module, name))
        assert json.loads(msgspec.json.encode(decoded)) == value


def test_a_call_with_every_combination_is_sent_and_its_answer_decoded(package: Any) -> None:
    values = {name: value for name, _, value in COMBINATIONS}
    recorder = Recorder(values)
    checks = importlib.import_module(package.__name__ + "._request_models")
    param = msgspec.json.decode(json.dumps(values), type=checks.Combinations)
    arguments = {name: getattr(param, name) for name in param.__struct_fields__}
    answer = _client(package, recorder).combinations.send(**arguments)
    assert recorder.sent == values
    assert msgspec.to_builtins(answer) == values


def test_constraints_left_unchecked_are_listed_in_api_md(package: Any) -> None:
    api_md = (Path(package.__file__).parent / "api.md").read_text()
    assert "`minLength` at `/components/schemas/DateTimeMinLength/minLength` is not checked" in (
        api_md
    )


# -- matching union variants --------------------------------------------------------------------


def test_any_of_takes_a_value_matching_several_variants_one_of_refuses_it(package: Any) -> None:
    both = {"email": "a@b.c", "phone": "1"}
    recorder = Recorder({})
    matches = _client(package, recorder).matches
    matches.send(any_contact=both)
    assert recorder.sent == {"any_contact": both}
    with pytest.raises(package.RequestValidationError, match="more than one"):
        matches.send(one_contact=both)
    matches.send(one_contact={"phone": "1"})
    assert len(recorder.requests) == 2


def test_a_closed_variant_does_not_match_a_value_with_keys_it_does_not_declare(
    package: Any,
) -> None:
    recorder = Recorder({})
    matches = _client(package, recorder).matches
    matches.send(figure={"name": "n"})
    matches.send(figure={"radius": 1.5})
    assert [json.loads(r.content) for r in recorder.requests] == [
        {"figure": {"name": "n"}},
        {"figure": {"radius": 1.5}},
    ]
    with pytest.raises(package.RequestValidationError, match="figure"):
        matches.send(figure={"radius": 1.5, "side": 2})
    with pytest.raises(package.RequestValidationError, match="unknown field `side`"):
        matches.send(circle={"radius": 1.5, "side": 2})  # closed outside a union too


def test_variants_that_only_require_a_property_match_by_it(package: Any) -> None:
    recorder = Recorder({"lookup": {"email": "a@b.c"}})
    matches = _client(package, recorder).matches
    answer = matches.send(lookup={"id": "1"})
    assert recorder.sent == {"lookup": {"id": "1"}}
    assert answer.lookup.email == "a@b.c"
    with pytest.raises(package.RequestValidationError, match="lookup"):
        matches.send(lookup={"id": "1", "email": "a@b.c"})  # oneOf: both required sets
    with pytest.raises(package.RequestValidationError, match="lookup"):
        matches.send(lookup={})
    assert len(recorder.requests) == 1


# -- readOnly and writeOnly ---------------------------------------------------------------------


def test_read_only_properties_are_not_arguments_write_only_ones_not_attributes(
    package: Any,
) -> None:
    recorder = Recorder({"id": "a1", "name": "Ann", "created": "today"})
    accounts = _client(package, recorder).account
    account = accounts.create(name="Ann", password="secret")
    assert recorder.sent == {"name": "Ann", "password": "secret"}
    assert (account.id, account.name, account.created) == ("a1", "Ann", "today")
    assert not hasattr(account, "password")
    checks = importlib.import_module(package.__name__ + "._request_models")
    assert set(checks.Account.__struct_fields__) == {"name", "password"}
    # The body's fields are the method's arguments: it has no TypedDict of its own.
    params = importlib.import_module(package.__name__ + ".params")
    assert not hasattr(params, "AccountParam")
    with pytest.raises(TypeError):
        accounts.create(name="Ann", password="secret", id="a2")


# -- parameters ---------------------------------------------------------------------------------


def test_parameters_within_their_constraints_are_sent(package: Any) -> None:
    recorder = Recorder("ok")
    item = _client(package, recorder).item.get(
        "it_7",
        limit=100,
        color="red",
        since=datetime(2024, 1, 2, tzinfo=timezone.utc),
        ids=[1, 2],
        x_trace="abcde",
        session="xyz",
    )
    assert item == "ok"
    request = recorder.requests[0]
    assert request.url.path == "/items/it_7"
    assert request.url.params["limit"] == "100" and request.headers["x-trace"] == "abcde"
    assert request.headers["cookie"] == "session=xyz"


@pytest.mark.parametrize(
    ("arguments", "path", "message"),
    [
        ({"item_id": "7"}, "item_id", "matching regex"),
        ({"limit": 0}, "limit", ">= 1"),
        ({"limit": 101}, "limit", "<= 100"),
        ({"limit": "0"}, "limit", ">= 1"),
        ({"limit": [5]}, "limit", "Expected `int`, got `array`"),
        ({"color": "green"}, "color", "Invalid enum value 'green'"),
        ({"since": "yesterday"}, "since", "Invalid RFC3339"),
        ({"ids": [1, 2, 3]}, "ids", "length <= 2"),
        ({"ids": ["a"]}, "ids[0]", "Expected `int`, got `str`"),
        ({"x_trace": "abcdef"}, "x_trace", "length <= 5"),
        ({"session": "xy"}, "session", "length >= 3"),
    ],
)
def test_a_parameter_outside_its_constraints_fails_before_sending(
    package: Any, arguments: dict[str, Any], path: str, message: str
) -> None:
    recorder = Recorder("ok")
    call = {"item_id": "it_7", **arguments}
    item_id = call.pop("item_id")
    for client in (_client(package, recorder), _async_client(package, recorder)):
        with pytest.raises(package.RequestValidationError) as caught:
            result = client.item.get(item_id, **call)
            if asyncio.iscoroutine(result):
                asyncio.run(result)
        assert caught.value.path == path
        assert message in str(caught.value)
    assert recorder.requests == []
