"""Each documented error status, forced through Prism with `Prefer: code=…`.

Prism answers with the spec's own error response (its example body, or no body where the
spec documents none), so these tests show the client maps every documented status to its
error class and decodes the documented body, for every operation, sync and async.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import voice_clients
from contract_cases import CASES, MODES, Case, send
from prism_server import PrismServer, violations
from voice_clients.retell.models import BadRequestBody, InternalServerErrorBody, UnauthorizedBody

# status → (error class, body decoded from the spec's error response). PolyAI and Cartesia
# document their errors without a body; Retell's bodies are the spec's examples.
DOCUMENTED_ERRORS: dict[str, dict[int, tuple[type[voice_clients.APIStatusError], Any]]] = {
    "retell": {
        400: (
            voice_clients.BadRequestError,
            BadRequestBody(
                status="error", message="Invalid request format, please check API reference."
            ),
        ),
        401: (
            voice_clients.AuthenticationError,
            UnauthorizedBody(status="error", message="API key is missing or invalid."),
        ),
        500: (
            voice_clients.InternalServerError,
            InternalServerErrorBody(status="error", message="An unexpected server error occurred."),
        ),
    },
    "cartesia": {
        400: (voice_clients.BadRequestError, None),
        404: (voice_clients.NotFoundError, None),
        409: (voice_clients.ConflictError, None),
    },
    "polyai": {
        400: (voice_clients.BadRequestError, None),
        401: (voice_clients.AuthenticationError, None),
        403: (voice_clients.PermissionDeniedError, None),
    },
}

ERROR_CASES = [
    pytest.param(case, status, id=f"{case.id}-{status}")
    for case in CASES
    for status in DOCUMENTED_ERRORS[case.api]
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("case", "status"), ERROR_CASES)
def test_documented_error_raises_its_class_with_its_body(
    case: Case, status: int, mode: str, prism: dict[str, PrismServer]
) -> None:
    error_class, body = DOCUMENTED_ERRORS[case.api][status]
    with pytest.raises(voice_clients.APIStatusError) as caught:
        send(mode, case, prism[case.api].base_url, extra_headers={"Prefer": f"code={status}"})
    error = caught.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.retries_taken == 0
    # The request itself was valid: the status is the one asked for, not Prism's verdict.
    assert violations(error.headers) == []
    assert type(error.body) is type(body)
    assert error.body == body


@pytest.mark.parametrize("api", sorted(DOCUMENTED_ERRORS))
def test_the_documented_statuses_are_those_of_the_spec(
    api: str, prism: dict[str, PrismServer]
) -> None:
    """If a spec documents another error status, the table above must learn it."""
    document: dict[str, Any] = json.loads(prism[api].spec.read_text(encoding="utf-8"))
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            statuses = {int(code) for code in operation["responses"] if not code.startswith("2")}
            assert statuses == set(DOCUMENTED_ERRORS[api]), f"{method.upper()} {path}"
