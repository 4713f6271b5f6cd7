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
    Exchange,
    classify,
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
