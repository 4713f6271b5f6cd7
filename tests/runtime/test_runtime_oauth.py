"""The client credentials scheme and its token flow, without a generated client."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from runtime import APIError, ClientCredentialsAuth, TokenError
from runtime._auth import token_url_for

SCHEME = ClientCredentialsAuth(key="oauth", token_url="https://id.example.com/token")


def _flow(scheme: ClientCredentialsAuth = SCHEME) -> httpx.Auth:
    flow = scheme.flow({"client_id": "id", "client_secret": "secret"}, "https://api.test/v1")
    assert flow is not None
    return flow


def test_a_given_access_token_needs_no_flow_and_is_a_bearer_header() -> None:
    values = {"access_token": "mine", "client_id": "id", "client_secret": "s"}
    assert SCHEME.given(values) == ("access_token",)
    assert SCHEME.flow(values, "https://api.test") is None
    headers: dict[str, str] = {}
    SCHEME.apply(values, headers, {}, {})
    assert headers == {"Authorization": "Bearer mine"}
    assert SCHEME.given({"client_id": "id"}) is None


def test_a_relative_token_url_is_resolved_against_the_base_url() -> None:
    assert token_url_for("/oauth/token", "https://api.test/v1") == "https://api.test/oauth/token"
    assert token_url_for("token", "https://api.test/v1") == "https://api.test/v1/token"
    assert token_url_for("https://id.test/t", "https://api.test") == "https://id.test/t"


def test_a_client_secret_an_http_header_cannot_carry_fails_at_construction() -> None:
    with pytest.raises(ValueError, match="client_secret credential") as caught:
        SCHEME.flow({"client_id": "id", "client_secret": "secret\n"}, "https://api.test")
    assert "secret" not in str(caught.value).replace("client_secret", "")


def test_the_flow_keeps_its_secret_out_of_its_repr() -> None:
    assert "secret" not in repr(_flow()).replace("redacted", "")


def test_a_long_lived_token_is_renewed_30_seconds_before_it_expires() -> None:
    fetched: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "id.example.com":
            fetched.append(request)
            body = {"access_token": f"t{len(fetched)}", "expires_in": 3600}
            return httpx.Response(200, content=json.dumps(body).encode())
        return httpx.Response(200, json={"sent": request.headers["Authorization"]})

    flow = _flow()
    with httpx.Client(transport=httpx.MockTransport(answer), auth=flow) as http:
        start = time.monotonic()
        assert http.get("https://api.test/v1/x").json() == {"sent": "Bearer t1"}
        token = flow._token  # type: ignore[attr-defined]
        assert 3569 < token.renew_at - start < 3571
        token_request = fetched[0]
        assert token_request.content == b"grant_type=client_credentials"
        assert token_request.headers["Authorization"] == "Basic aWQ6c2VjcmV0"  # id:secret


def test_a_token_answer_without_a_bearer_token_raises_the_public_token_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": "t", "token_type": "mac"})

    with (
        httpx.Client(transport=httpx.MockTransport(answer), auth=_flow()) as http,
        pytest.raises(TokenError, match="not a bearer token") as caught,
    ):
        http.get("https://api.test/v1/things")
    assert isinstance(caught.value, APIError)
