"""Operations with their own servers: where their calls go, against the client's choice."""

from __future__ import annotations

import httpx
import pytest
from runtime import Endpoint
from runtime_support import API_KEY, BASE_URL_ENV, EU, US, Poly, Recorder

STATUS = Endpoint[None](
    method="GET",
    path="/status",
    responses={"200": None},
    security=(),
    server="https://status.example.test/v2",
)
NESTED = Endpoint[None](
    method="GET", path="/ping", responses={"200": None}, security=(), server="uploads"
)
ROOTED = Endpoint[None](
    method="GET", path="/ping", responses={"200": None}, security=(), server="/other"
)


def _sent(client: Poly, endpoint: Endpoint[None], recorder: Recorder) -> str:
    client.request(endpoint)
    return str(recorder.last.url)


def test_an_absolute_server_of_the_operation_wins_over_the_chosen_server() -> None:
    recorder = Recorder(httpx.Response(200))
    client = Poly(api_key=API_KEY, region="eu", http_client=recorder.client())
    assert _sent(client, STATUS, recorder) == "https://status.example.test/v2/status"
    assert _sent(client.with_options(region="us"), STATUS, recorder) == (
        "https://status.example.test/v2/status"
    )


def test_an_explicit_base_url_takes_every_call_the_operation_servers_too() -> None:
    recorder = Recorder(httpx.Response(200))
    client = Poly(
        api_key=API_KEY, base_url="http://127.0.0.1:9/mock", http_client=recorder.client()
    )
    assert _sent(client, STATUS, recorder) == "http://127.0.0.1:9/mock/status"


def test_a_base_url_from_the_environment_counts_as_explicit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:9/env")
    recorder = Recorder(httpx.Response(200))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    assert _sent(client, STATUS, recorder) == "http://127.0.0.1:9/env/status"


def test_with_options_switches_between_explicit_and_chosen_servers() -> None:
    recorder = Recorder(httpx.Response(200))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    mock = client.with_options(base_url="http://127.0.0.1:9")
    assert _sent(mock, STATUS, recorder) == "http://127.0.0.1:9/status"
    assert _sent(mock.with_options(timeout=3.0), STATUS, recorder) == "http://127.0.0.1:9/status"
    back = mock.with_options(region="eu")
    assert str(back.base_url) == EU
    assert _sent(back, STATUS, recorder) == "https://status.example.test/v2/status"


def test_a_relative_server_resolves_against_the_client_base_url() -> None:
    recorder = Recorder(httpx.Response(200))
    client = Poly(api_key=API_KEY, http_client=recorder.client())
    assert _sent(client, NESTED, recorder) == f"{US}/uploads/ping"
    assert _sent(client, ROOTED, recorder) == f"{US}/other/ping"
    mock = client.with_options(base_url="http://127.0.0.1:9/base")
    assert _sent(mock, NESTED, recorder) == "http://127.0.0.1:9/base/uploads/ping"
    assert _sent(mock, ROOTED, recorder) == "http://127.0.0.1:9/other/ping"


def test_operations_without_servers_keep_the_client_base_url() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": "ok"}))
    client = Poly(api_key=API_KEY, region="eu", http_client=recorder.client())
    client.health()
    assert str(recorder.last.url) == f"{EU}/health"
