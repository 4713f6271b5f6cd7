"""How the round trip names the outcome of a call, from what went over the wire."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from harness import (
    MOCK_LIMIT,
    NOT_DECODED,
    OK,
    REFUSED,
    REJECTED,
    SPEC_DEFECT,
    Exchange,
    classify,
    twin_paths,
    unroutable,
)


class StatusError(Exception):
    """Stands for the generated package's APIStatusError."""


RUNTIME = SimpleNamespace(APIStatusError=StatusError)
SERVER: Any = SimpleNamespace(process=SimpleNamespace(poll=lambda: None))
DOCUMENT: dict[str, Any] = {
    "components": {
        "schemas": {
            "Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                "discriminator": {"propertyName": "kind"},
            },
            "Cat": {"type": "object"},
        }
    }
}
BODY = {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Pet"}}}


def _exchange(status: int, *, violations: Any = None, problem: Any = None) -> Exchange:
    request = httpx.Request("POST", "http://127.0.0.1/things")
    headers = {} if violations is None else {"sl-violations": json.dumps(violations)}
    if problem is not None:
        headers["content-type"] = "application/problem+json"
        response = httpx.Response(status, headers=headers, json=problem, request=request)
    else:
        response = httpx.Response(status, headers=headers, json={}, request=request)
    return Exchange(request, response)


def _violation(location: list[str], message: str) -> dict[str, Any]:
    return {"location": location, "severity": "Error", "code": "x", "message": message}


def _prism(kind: str, title: str = "t") -> dict[str, Any]:
    return {"type": f"https://stoplight.io/prism/errors#{kind}", "title": title, "detail": "d"}


@pytest.mark.parametrize(
    ("exchange", "error", "encoding", "outcome", "starts"),
    [
        (Exchange(), ValueError("bad"), "json", REFUSED, "ValueError: bad"),
        (_exchange(200), None, "json", OK, ""),
        (
            _exchange(
                422, violations=[_violation(["request", "body"], "Request body must be object")]
            ),
            StatusError(),
            "json",
            REJECTED,
            "Request body must be object",
        ),
        (
            _exchange(422, violations=[_violation(["request", "body", "ids"], "x must be array")]),
            StatusError(),
            "form",
            MOCK_LIMIT,
            "Prism reads form fields as text",
        ),
        (
            _exchange(422, violations=[_violation(["request", "body", "ids"], "x must be array")]),
            StatusError(),
            "json",
            REJECTED,
            "x must be array",
        ),
        (
            _exchange(
                422,
                violations=[
                    _violation(["request", "body", "pet"], "must match exactly one schema in oneOf")
                ],
            ),
            StatusError(),
            "json",
            MOCK_LIMIT,
            "Prism ignores the discriminator",
        ),
        (
            _exchange(
                500, violations=[_violation(["response", "body"], "Response body must be x")]
            ),
            StatusError(),
            "json",
            MOCK_LIMIT,
            "Prism's own response breaks the spec: Response body must be x",
        ),
        (
            _exchange(406, problem=_prism("NOT_ACCEPTABLE")),
            StatusError(),
            "json",
            REJECTED,
            "NOT_ACCEPTABLE",
        ),
        (
            _exchange(
                400,
                violations=[
                    _violation(["request", "header"], "must have required property 'authorization'")
                ],
            ),
            StatusError(),
            "json",
            MOCK_LIMIT,
            "Prism requires a header OpenAPI ignores",
        ),
        (
            _exchange(
                400,
                violations=[
                    _violation(["request", "header"], "must have required property 'x-id'")
                ],
            ),
            StatusError(),
            "json",
            REJECTED,
            "must have required property 'x-id'",
        ),
        (_exchange(500, problem=_prism("UNKNOWN")), StatusError(), "json", MOCK_LIMIT, "UNKNOWN"),
        (_exchange(404), StatusError(), "json", MOCK_LIMIT, "Prism answered 404"),
        (_exchange(200), KeyError("x"), "json", NOT_DECODED, "KeyError"),
    ],
)
def test_each_call_is_named_by_what_happened_on_the_wire(
    exchange: Exchange, error: Exception | None, encoding: str, outcome: str, starts: str
) -> None:
    call = classify(DOCUMENT, BODY, encoding, RUNTIME, SERVER, exchange, error, "sync")
    assert (call.outcome, call.detail[: len(starts)]) == (outcome, starts)


def test_a_path_with_a_fragment_or_a_query_is_one_prism_cannot_route() -> None:
    assert unroutable("POST /#X-Amz-Target=Svc.Do")
    assert unroutable("GET /?Action=List")
    assert unroutable("POST /tags#operation=tag-resource")
    assert not unroutable("GET /things/{id}")


def _sent(url: str, violations: list[dict[str, Any]], content_type: str = "") -> Exchange:
    headers = {"content-type": content_type} if content_type else {}
    request = httpx.Request("PUT", url, headers=headers, content=b"x")
    response = httpx.Response(
        422, headers={"sl-violations": json.dumps(violations)}, json={}, request=request
    )
    return Exchange(request, response)


@pytest.mark.parametrize(
    ("route", "exchange", "encoding", "outcome", "starts"),
    [
        (
            "GET /profiles/{id}{ext}",
            _sent("http://h/profiles/7.json", [_violation(["path"], "must have property 'id'")]),
            None,
            MOCK_LIMIT,
            "Prism cannot split adjacent path parameters",
        ),
        (
            "GET /tags/kinds.{format}",
            _sent("http://h/tags/kinds.json", [_violation(["path", "id"], "id must be integer")]),
            None,
            MOCK_LIMIT,
            "Prism matched the request to another path",
        ),
        (
            "GET /tags/{id}.{format}",
            _sent("http://h/tags/x.json", [_violation(["path", "id"], "id must be integer")]),
            None,
            REJECTED,
            "id must be integer",
        ),
        (
            "GET /reports",
            _sent(
                "http://h/reports?filter%5Bapp%5D=1",
                [_violation(["query"], "must have required property 'filter%5bapp%5d'")],
            ),
            None,
            MOCK_LIMIT,
            "Prism cannot match a query parameter whose name it percent-encodes",
        ),
        (
            "GET /reports",
            _sent(
                "http://h/reports?other=1",
                [_violation(["query"], "must have required property 'filter%5bapp%5d'")],
            ),
            None,
            REJECTED,
            "must have required property",
        ),
        (
            "PUT /bucket",
            _sent(
                "http://h/bucket", [_violation(["body"], "Request body must be object")], "text/xml"
            ),
            "text",
            MOCK_LIMIT,
            "Prism reads a text/xml body as text",
        ),
        (
            "PUT /blob",
            _sent(
                "http://h/blob",
                [_violation(["body"], "Request body must be object")],
                "application/octet-stream",
            ),
            "binary",
            SPEC_DEFECT,
            "the spec describes a application/octet-stream body as JSON object",
        ),
    ],
)
def test_what_prism_or_the_spec_gets_wrong_is_named(
    route: str, exchange: Exchange, encoding: str | None, outcome: str, starts: str
) -> None:
    call = classify(
        DOCUMENT, None, encoding, RUNTIME, SERVER, exchange, StatusError(), "sync", route=route
    )
    assert (call.outcome, call.detail[: len(starts)]) == (outcome, starts)


RESPONDING: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {
        "/pipelines": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Pipeline"}
                            }
                        },
                    }
                }
            }
        }
    },
    "components": {
        "schemas": {
            "Pipeline": {
                "type": "object",
                "properties": {
                    "created": {"allOf": [{"type": "string", "format": "date-time"}]},
                    "name": {"type": "string"},
                },
            }
        }
    },
}


@pytest.mark.parametrize(
    ("body", "error", "outcome", "starts"),
    [
        (
            {"created": "string"},
            "ResponseValidationError: ... at `$.created`: Invalid RFC3339 encoded datetime",
            MOCK_LIMIT,
            "Prism's own response breaks the spec: Response body at created:",
        ),
        (
            {"created": "2024-01-02T03:04:05Z", "name": 3},
            "ResponseValidationError: ... at `$.created`: Invalid RFC3339 encoded datetime",
            NOT_DECODED,
            "DecodeError",
        ),
        (
            "text",
            "ResponseValidationError: ... at `$`: Expected `object`, got `str`",
            MOCK_LIMIT,
            "",
        ),
    ],
)
def test_a_response_the_client_cannot_decode_is_checked_against_the_spec(
    body: Any, error: str, outcome: str, starts: str
) -> None:
    """Prism does not check every keyword of its own responses: a response that breaks the
    spec where the client failed is Prism's; one that fits it there is the client's."""
    request = httpx.Request("GET", "http://127.0.0.1/pipelines")
    exchange = Exchange(request, httpx.Response(200, json=body, request=request))

    class DecodeError(Exception):
        def __str__(self) -> str:
            return error.split(": ", 1)[1]

    call = classify(
        RESPONDING,
        None,
        None,
        RUNTIME,
        SERVER,
        exchange,
        DecodeError(),
        "sync",
        route="GET /pipelines",
    )
    assert (call.outcome, call.detail[: len(starts)]) == (outcome, starts)


def test_paths_that_differ_only_in_parameter_names_are_twins() -> None:
    document = {"paths": {"/a/{name}/subs": {}, "/a/{parent}/subs": {}, "/a/{id}": {}}}
    assert twin_paths(document) == {
        "/a/{name}/subs": "/a/{parent}/subs",
        "/a/{parent}/subs": "/a/{name}/subs",
    }


def test_a_response_that_is_the_specs_own_broken_example_is_a_spec_defect() -> None:
    """`properties` without a `type` is an object as the client reads it; JSON Schema would
    take the string the spec gives as its example (azure.com/mysql.json: "No Content")."""
    document = json.loads(json.dumps(RESPONDING))
    media = document["paths"]["/pipelines"]["get"]["responses"]["200"]["content"]
    media["application/json"]["examples"] = {"gone": {"value": "No Content"}}
    del document["components"]["schemas"]["Pipeline"]["type"]
    request = httpx.Request("GET", "http://127.0.0.1/pipelines")
    error = "at `$`: Expected `object`, got `str`"
    for body, outcome in (("No Content", SPEC_DEFECT), ("Other", MOCK_LIMIT)):
        exchange = Exchange(request, httpx.Response(200, json=body, request=request))
        call = classify(
            document,
            None,
            None,
            RUNTIME,
            SERVER,
            exchange,
            ValueError(error),
            "sync",
            route="GET /pipelines",
        )
        assert call.outcome == outcome, call.detail
