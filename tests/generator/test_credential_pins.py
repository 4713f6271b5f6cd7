"""[credentials] pins name every credential of a scheme, or are located errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import GeneratorError
from generator.load import load_spec_file
from generator.model.api import Api
from generator.parse.api import build_api
from generator.settings import load_api_settings

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Trunks", "version": "1"},
    "components": {"securitySchemes": {"accountAuth": {"type": "http", "scheme": "basic"}}},
    "security": [{"accountAuth": []}],
    "paths": {"/trunks": {"get": {"operationId": "listTrunks", "responses": {"204": {}}}}},
}


def _api(tmp_path: Path, settings: str, spec: dict[str, Any] = SPEC) -> Api:
    (tmp_path / "api.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "trunks.json").write_text(json.dumps(spec), encoding="utf-8")
    pins = load_api_settings(tmp_path, "specs/trunks/api.toml")
    return build_api(load_spec_file(tmp_path / "trunks.json"), pins)


def _credentials(api: Api) -> list[tuple[str, str]]:
    return [(credential.argument, credential.env) for credential in api.credentials]


def test_each_basic_credential_is_named_with_its_environment_variable(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        'package = "trunks"\n[credentials.accountAuth]\n'
        'username = { argument = "account_sid", env = "TWILIO_ACCOUNT_SID" }\n'
        'password = "auth_token"\n',
    )
    assert _credentials(api) == [
        ("account_sid", "TWILIO_ACCOUNT_SID"),
        ("auth_token", "TRUNKS_AUTH_TOKEN"),
    ]


def test_a_basic_scheme_pinned_by_one_name_takes_it_as_a_prefix(tmp_path: Path) -> None:
    api = _api(tmp_path, 'package = "trunks"\n[credentials]\naccountAuth = "account"\n')
    assert [argument for argument, _ in _credentials(api)] == [
        "account_username",
        "account_password",
    ]


@pytest.mark.parametrize(
    ("settings", "line", "message"),
    [
        (
            'package = "trunks"\n\n[credentials]\n'
            'accountAuth = { argument = "account", env = "TRUNKS_ACCOUNT" }\n',
            4,
            "credentials.accountAuth: scheme 'accountAuth' has 2 credentials (username, "
            'password); name each one\'s env: username = {argument = "...", env = "..."}',
        ),
        (
            'package = "trunks"\n[credentials.accountAuth]\nuser = "sid"\n',
            2,
            "credentials.accountAuth must name a Python identifier",
        ),
        (
            'package = "trunks"\n\napi_key_env = "TRUNKS_KEY"\n',
            3,
            "api_key_env: no credential of this API is named api_key (it has: username, "
            "password); name the environment variable in [credentials] or remove the setting",
        ),
    ],
)
def test_a_pin_that_would_be_ignored_is_a_located_error(
    tmp_path: Path, settings: str, line: int, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        _api(tmp_path, settings)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location is not None
    assert (diagnostic.location.file, diagnostic.location.line) == ("specs/trunks/api.toml", line)
    assert diagnostic.message.startswith(message)
