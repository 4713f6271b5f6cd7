"""A status error's body, typed as the model the operation documents for its status."""

from __future__ import annotations

import httpx
from voice_clients.retell import BadRequestError, Retell
from voice_clients.retell.models import BadRequestBody, UnauthorizedBody

ARGUMENTS = {"phone_number": "+14157774444", "termination_uri": "x.pstn.twilio.com"}


def test_a_status_error_gives_its_documented_body_typed() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=b'{"status": "error", "message": "bad number"}')

    client = Retell(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(refuse)))
    try:
        client.phone_number.import_(**ARGUMENTS)
    except BadRequestError as error:
        problem = error.body_as(BadRequestBody)
        assert problem is not None and problem.message == "bad number"
        assert error.body_as(UnauthorizedBody) is None
    else:
        raise AssertionError("a 400 must raise BadRequestError")
