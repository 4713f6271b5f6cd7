"""Security per operation: every scheme a credential, each operation its own requirement."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from clients.recorder import Recorder
from generated_package import importable
from settings_package import build_folder, generated_with, write_package

from generator.diagnostics import GeneratorError


def _get(operation_id: str, security: list[dict[str, list[str]]] | None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "tags": ["things"],
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    }
    if security is not None:
        operation["security"] = security
    return {"get": operation}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Locks", "version": "1"},
    "servers": [{"url": "https://locks.test"}],
    "security": [{"ApiKeyAuth": []}],
    "paths": {
        "/either": _get("thingsEither", [{"AccessToken": []}, {"ApiKeyAuth": []}]),
        "/both": _get("thingsBoth", [{"ApiKeyAuth": [], "QueryKey": []}]),
        "/open": _get("thingsOpen", []),
        "/basic": _get("thingsBasic", [{"Basic": []}]),
        "/cookie": _get("thingsCookie", [{"SessionCookie": []}]),
        "/oauth": _get("thingsOauth", [{"OAuth": ["read"]}]),
        "/inherited": _get("thingsInherited", None),
    },
    "components": {
        "securitySchemes": {
            "ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            "AccessToken": {"type": "http", "scheme": "bearer"},
            "Basic": {"type": "http", "scheme": "basic"},
            "QueryKey": {"type": "apiKey", "in": "query", "name": "key"},
            "SessionCookie": {"type": "apiKey", "in": "cookie", "name": "sid"},
            "OAuth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {"tokenUrl": "https://locks.test/token", "scopes": {}}
                },
            },
        }
    },
}
SETTINGS = 'package = "locks"\nclient_class = "Locks"\nasync_client_class = "AsyncLocks"\n'
ALL = {
    "api_key": "k-header",
    "token": "t-bearer",
    "username": "ann",
    "password": "pw",
    "query_key": "k-query",
    "session_cookie": "c-sid",
    "access_token": "o-token",
}


@pytest.fixture(scope="module")
def locks_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Generated and type-checked once for the module (mypy is most of the cost)."""
    return write_package(SPEC, SETTINGS, tmp_path_factory.mktemp("locks"), mypy=True)


@pytest.fixture
def locks(locks_package: tuple[Path, str]) -> Any:
    """Imported afresh by each test, as when each test generated its own."""
    with importable(*locks_package) as module:
        yield module


def _client(locks: Any, recorder: Recorder, **credentials: str) -> Any:
    return locks.Locks(http_client=recorder.sync_client(), **credentials)


def test_the_first_satisfied_alternative_is_sent_and_nothing_else(locks: Any) -> None:
    recorder = Recorder(body={})
    _client(locks, recorder, **ALL).things.either()
    assert recorder.last.headers["authorization"] == "Bearer t-bearer"
    assert "x-api-key" not in recorder.last.headers
    _client(locks, recorder, api_key="k-header").things.either()
    assert recorder.last.headers["x-api-key"] == "k-header"
    assert "authorization" not in recorder.last.headers


def test_an_alternative_with_several_schemes_needs_all(locks: Any) -> None:
    recorder = Recorder(body={})
    client = _client(locks, recorder, **ALL)
    client.things.both()
    assert recorder.last.headers["x-api-key"] == "k-header"
    assert recorder.last.url.params["key"] == "k-query"
    assert "authorization" not in recorder.last.headers
    with pytest.raises(locks.MissingAPIKeyError) as caught:
        _client(locks, recorder, api_key="k-header").things.both()
    assert str(caught.value) == (
        "The Locks client has no credential this operation accepts; pass api_key=... (or set"
        " LOCKS_API_KEY) and query_key=... (or set LOCKS_QUERY_KEY) when creating the client"
    )
    assert len(recorder.requests) == 1


def test_security_none_sends_nothing(locks: Any) -> None:
    recorder = Recorder(body={})
    _client(locks, recorder, **ALL).things.open()
    assert "authorization" not in recorder.last.headers
    assert "x-api-key" not in recorder.last.headers
    assert "cookie" not in recorder.last.headers
    assert not recorder.last.url.params


def test_basic_cookie_oauth_and_inherited_requirements(locks: Any) -> None:
    recorder = Recorder(body={})
    client = _client(locks, recorder, **ALL)
    client.things.basic()
    assert recorder.last.headers["authorization"] == "Basic " + base64.b64encode(b"ann:pw").decode()
    client.things.cookie()
    assert recorder.last.headers["cookie"] == "sid=c-sid"
    client.things.oauth()
    assert recorder.last.headers["authorization"] == "Bearer o-token"
    client.things.inherited()
    assert recorder.last.headers["x-api-key"] == "k-header"
    assert "authorization" not in recorder.last.headers


def test_credentials_come_from_their_own_environment_variables(
    locks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCKS_TOKEN", "t-env")
    monkeypatch.setenv("LOCKS_API_KEY", "k-env")
    recorder = Recorder(body={})
    client = _client(locks, recorder)
    client.things.either()
    assert recorder.last.headers["authorization"] == "Bearer t-env"
    client.things.inherited()
    assert recorder.last.headers["x-api-key"] == "k-env"


def test_a_missing_credential_raises_before_sending_naming_what_would_do(locks: Any) -> None:
    recorder = Recorder(body={})
    client = _client(locks, recorder)  # one operation needs nothing, so this is allowed
    client.things.open()
    with pytest.raises(locks.MissingAPIKeyError) as caught:
        client.things.either()
    assert "pass token=... (or set LOCKS_TOKEN), or api_key=... (or set LOCKS_API_KEY)" in str(
        caught.value
    )
    assert len(recorder.requests) == 1


def test_api_md_documents_credentials_and_oauth(locks: Any) -> None:
    api_md = (Path(locks.__file__).parent / "api.md").read_text()
    assert "- `client_id=`: Security scheme `OAuth`, the OAuth2 client ID" in api_md
    assert "- `access_token=`: Security scheme `OAuth`, an OAuth2 access token" in api_md
    assert "OAuth2 client credentials: with `client_id=` and `client_secret=`" in api_md
    assert "the client does not run the flow" not in api_md
    assert "Credentials: `token`, or `api_key`." in api_md
    assert "Credentials: none." in api_md


def test_credential_names_are_pinnable(tmp_path: Path) -> None:
    settings = SETTINGS + '\n[credentials]\nAccessToken = { argument = "session", env = "SESS" }\n'
    recorder = Recorder(body={})
    with generated_with(SPEC, settings, tmp_path) as pinned:
        pinned.Locks(session="s1", http_client=recorder.sync_client()).things.either()
        assert recorder.last.headers["authorization"] == "Bearer s1"
        with pytest.raises(pinned.MissingAPIKeyError, match=r"session=\.\.\. \(or set SESS\)"):
            pinned.Locks(http_client=recorder.sync_client()).things.either()


def test_a_pin_for_a_scheme_the_spec_lacks_is_a_located_error(tmp_path: Path) -> None:
    settings = SETTINGS + '\n[credentials]\nGone = "api_key"\n'
    with pytest.raises(GeneratorError) as caught:
        build_folder(SPEC, settings, tmp_path)
    assert str(caught.value).startswith("api.toml:6:1: credentials.Gone: the spec has no")


def test_a_client_whose_every_operation_needs_a_credential_fails_at_construction(
    tmp_path: Path,
) -> None:
    spec = {**SPEC, "paths": {"/inherited": SPEC["paths"]["/inherited"]}}
    with (
        generated_with(spec, SETTINGS, tmp_path) as strict,
        pytest.raises(strict.MissingAPIKeyError, match="needs a credential: pass one of api_key"),
    ):
        strict.Locks()


def test_a_client_of_operations_accepting_mutual_tls_can_be_made_without_a_token(
    tmp_path: Path,
) -> None:
    """Every operation takes an access token or mutual TLS: the caller whose http_client
    does mutual TLS has no token to give, so construction must not demand one."""
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Vault", "version": "1"},
        "servers": [{"url": "https://vault.test"}],
        "security": [{"OAuth": []}, {"Mtls": []}],
        "paths": {"/secrets": _get("thingsList", None)},
        "components": {
            "securitySchemes": {
                "OAuth": SPEC["components"]["securitySchemes"]["OAuth"],
                "Mtls": {"type": "mutualTLS"},
            }
        },
    }
    settings = 'package = "vault"\nclient_class = "Vault"\nasync_client_class = "AsyncVault"\n'
    with generated_with(spec, settings, tmp_path) as vault:
        recorder = Recorder(body={})
        vault.Vault(http_client=recorder.sync_client()).things.list()
        assert "authorization" not in recorder.last.headers
        vault.Vault(access_token="o-t", http_client=recorder.sync_client()).things.list()
        assert recorder.last.headers["authorization"] == "Bearer o-t"
