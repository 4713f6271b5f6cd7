"""Each non-2xx status raises its own class, with the body decoded as well as possible."""

from __future__ import annotations

import httpx
import pytest
from runtime import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ResponseValidationError,
    UnprocessableEntityError,
    make_status_error,
)
from runtime_support import (
    API_KEY,
    AsyncPoly,
    ErrorBody,
    PhoneNumberSpec,
    Poly,
    Recorder,
    json_response,
)

NUMBERS = [PhoneNumberSpec(phone_number="+1")]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_status_picks_the_class(status: int, cls: type[APIStatusError]) -> None:
    recorder = Recorder(json_response(status, {"message": "nope", "code": "E1"}))
    client = Poly(api_key=API_KEY, http_client=recorder.client(), max_retries=0)

    with pytest.raises(APIStatusError) as caught:
        client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    error = caught.value
    assert type(error) is cls
    assert error.status_code == status
    # IMPORT documents ErrorBody for 400 and 4XX: typed there, plain JSON elsewhere.
    if 400 <= status < 500:
        assert error.body == ErrorBody(message="nope", code="E1")
    else:
        assert error.body == {"message": "nope", "code": "E1"}
    assert error.retries_taken == 0
    assert len(recorder.requests) == 1


def test_typed_error_body_and_message() -> None:
    recorder = Recorder(
        json_response(404, {"message": "no such number"}, headers={"x-request-id": "req-42"})
    )
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(NotFoundError) as caught:
        client.phone_numbers.get("+1", agent_id="a1")

    error = caught.value
    assert error.body == ErrorBody(message="no such number")
    assert error.request_id == "req-42"
    assert error.headers["x-request-id"] == "req-42"
    assert str(error) == "Error code: 404 - no such number"


def test_documented_error_that_does_not_fit_falls_back_to_json_then_text() -> None:
    recorder = Recorder(
        json_response(404, {"error": "gone"}),
        httpx.Response(404, content=b"Not Found", headers={"content-type": "text/plain"}),
        httpx.Response(404),
    )
    client = Poly(api_key=API_KEY, http_client=recorder.client())

    with pytest.raises(NotFoundError) as first:
        client.phone_numbers.get("+1", agent_id="a1")
    with pytest.raises(NotFoundError) as second:
        client.phone_numbers.get("+1", agent_id="a1")
    with pytest.raises(NotFoundError) as third:
        client.phone_numbers.get("+1", agent_id="a1")

    assert first.value.body == {"error": "gone"}
    assert str(first.value) == "Error code: 404 - gone"
    assert second.value.body == "Not Found"
    assert str(second.value) == "Error code: 404 - Not Found"
    assert third.value.body is None
    assert str(third.value) == "Error code: 404"
    assert third.value.request_id is None


@pytest.mark.anyio
async def test_async_status_error() -> None:
    recorder = Recorder(json_response(422, {"message": "bad number"}))
    client = AsyncPoly(api_key=API_KEY, http_client=recorder.async_client())

    with pytest.raises(UnprocessableEntityError) as caught:
        await client.phone_numbers.import_("a", phone_numbers=NUMBERS)

    assert caught.value.body == ErrorBody(message="bad number")
    assert caught.value.status_code == 422


def test_long_bodies_are_truncated_in_the_message() -> None:
    response = httpx.Response(500, content=b"x" * 2000)
    error = make_status_error(response, "x" * 2000, 2)

    assert type(error) is InternalServerError
    assert str(error) == "Error code: 500 - " + "x" * 500 + "…"
    assert error.body == "x" * 2000
    assert error.retries_taken == 2


def test_hierarchy() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert issubclass(NotFoundError, APIStatusError)
    assert issubclass(APIStatusError, APIError)
    assert issubclass(RequestValidationError, APIError)
    assert issubclass(RequestValidationError, ValueError)
    assert issubclass(ResponseValidationError, APIError)
    assert not issubclass(APIStatusError, APIConnectionError)
