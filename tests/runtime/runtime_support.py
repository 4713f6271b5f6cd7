"""Shared pieces of the runtime tests: small models, endpoints and clients written the way
generated code uses the runtime, a recording mock transport, and a server on 127.0.0.1
that drops connections (the scripted HTTP server is in support/).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import Any, ClassVar, Literal

import httpx
import msgspec
from runtime import (
    DEFAULT_MAX_RETRIES,
    NOT_GIVEN,
    ApiKeyAuth,
    AsyncAPIClient,
    BearerAuth,
    ClientConfig,
    Endpoint,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncAPIClient,
    Timeout,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from runtime._models import RequestModel, ResponseModel, UnionMarker

API_KEY = "sk-test-7f3a9c1e55d04b2a"
API_KEY_ENV = "RTTEST_API_KEY"
BASE_URL_ENV = "RTTEST_BASE_URL"
US = "https://api.us.example.test"
UK = "https://api.uk.example.test"
EU = "https://api.eu.example.test"


# --- models -------------------------------------------------------------------------------


class Provider(UnionMarker):
    """A union marker, as generated for a tagged union of request shapes."""

    clientgen_tag_field = "type"


class TwilioProvider(RequestModel, Provider, tag="twilio", tag_field="type"):
    account_sid: str = msgspec.field(name="accountSid")


class SipProvider(RequestModel, Provider, tag="sip", tag_field="type"):
    host: str


Provider.clientgen_mapping = {"twilio": TwilioProvider, "sip": SipProvider}


class PhoneNumberSpec(RequestModel):
    phone_number: str = msgspec.field(name="phoneNumber")
    label: str | msgspec.UnsetType = msgspec.UNSET


class ImportBody(RequestModel):
    phone_numbers: list[PhoneNumberSpec] = msgspec.field(name="phoneNumbers")
    provider: Provider | msgspec.UnsetType = msgspec.UNSET
    dry_run: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="dryRun")


class Item(ResponseModel):
    phone_number: str = msgspec.field(name="phoneNumber")
    status: str


class ImportResponse(ResponseModel):
    imported: list[Item]
    count: int


class ErrorBody(ResponseModel):
    message: str
    code: str | None = None


# --- endpoints ----------------------------------------------------------------------------

IMPORT = Endpoint[ImportResponse](
    method="POST",
    path="/v1/agents/{agentId}/telephony/phone-numbers",
    path_params=("agentId",),
    responses={"201": ImportResponse},
    errors={"400": ErrorBody, "4XX": ErrorBody},
    request_type=ImportBody,
    accept="application/json",
)
GET_NUMBER = Endpoint[Item](
    method="GET",
    path="/v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}",
    path_params=("agentId", "phoneNumber"),
    responses={"200": Item},
    errors={"404": ErrorBody},
    accept="application/json",
)
LIST_NUMBERS = Endpoint[list[Item]](
    method="GET",
    path="/v1/agents/{agentId}/telephony/phone-numbers",
    path_params=("agentId",),
    responses={"2XX": list[Item]},
    accept="application/json",
)
DELETE_NUMBER = Endpoint[None](
    method="DELETE",
    path="/v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}",
    path_params=("agentId", "phoneNumber"),
    responses={"204": None},
)
HEALTH = Endpoint[dict[str, str]](
    method="GET",
    path="/health",
    responses={"default": dict[str, str]},
    security=(),
    accept="application/json",
)

IMPORT_OK = {"imported": [{"phoneNumber": "+14155551234", "status": "ok"}], "count": 1}
IMPORT_OK_BYTES = msgspec.json.encode(IMPORT_OK)


# --- clients and resources, shaped like generated code ------------------------------------

POLY_CONFIG = ClientConfig(
    name="PolyTest",
    user_agent="PolyTest/Python 0.0.1",
    servers={"us": US, "uk": UK, "eu": EU},
    default_server="us",
    server_parameter="region",
    api_key_env=API_KEY_ENV,
    base_url_env=BASE_URL_ENV,
    auth=(ApiKeyAuth("x-api-key", "header"),),
)


class PhoneNumbers:
    def __init__(self, client: Poly) -> None:
        self._client = client

    def import_(
        self,
        agent_id: str,
        *,
        phone_numbers: list[PhoneNumberSpec],
        provider: TwilioProvider | SipProvider | NotGiven = NOT_GIVEN,
        dry_run: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ImportResponse:
        return self._client.request(
            IMPORT,
            path=(agent_id,),
            body=ImportBody(phone_numbers=phone_numbers, provider=provider, dry_run=dry_run),
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get(self, phone_number: str, *, agent_id: str) -> Item:
        return self._client.request(GET_NUMBER, path=(agent_id, phone_number))

    def list(
        self,
        agent_id: str,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        status: list[str] | NotGiven = NOT_GIVEN,
        active: bool | NotGiven | None = NOT_GIVEN,
        x_trace: str | NotGiven = NOT_GIVEN,
    ) -> list[Item]:
        return self._client.request(
            LIST_NUMBERS,
            path=(agent_id,),
            query={"limit": limit, "status": status, "active": active},
            headers={"X-Trace": x_trace},
        )

    def delete(self, phone_number: str, *, agent_id: str) -> None:
        return self._client.request(DELETE_NUMBER, path=(agent_id, phone_number))

    @cached_property
    def with_raw_response(self) -> PhoneNumbersWithRawResponse:
        return PhoneNumbersWithRawResponse(self)


class PhoneNumbersWithRawResponse:
    def __init__(self, resource: PhoneNumbers) -> None:
        self.import_ = to_raw_response_wrapper(resource.import_)
        self.get = to_raw_response_wrapper(resource.get)
        self.delete = to_raw_response_wrapper(resource.delete)


class Poly(SyncAPIClient):
    _config: ClassVar[ClientConfig] = POLY_CONFIG

    def __init__(
        self,
        *,
        api_key: str | None = None,
        region: Literal["us", "uk", "eu"] | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            server=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )

    @cached_property
    def phone_numbers(self) -> PhoneNumbers:
        return PhoneNumbers(self)

    def health(self) -> dict[str, str]:
        return self.request(HEALTH)


class AsyncPhoneNumbers:
    def __init__(self, client: AsyncPoly) -> None:
        self._client = client

    async def import_(
        self,
        agent_id: str,
        *,
        phone_numbers: list[PhoneNumberSpec],
        provider: TwilioProvider | SipProvider | NotGiven = NOT_GIVEN,
        extra_body: Mapping[str, object] | None = None,
    ) -> ImportResponse:
        return await self._client.request(
            IMPORT,
            path=(agent_id,),
            body=ImportBody(phone_numbers=phone_numbers, provider=provider),
            options=RequestOptions(extra_body=extra_body),
        )

    async def get(self, phone_number: str, *, agent_id: str) -> Item:
        return await self._client.request(GET_NUMBER, path=(agent_id, phone_number))

    @cached_property
    def with_raw_response(self) -> AsyncPhoneNumbersWithRawResponse:
        return AsyncPhoneNumbersWithRawResponse(self)


class AsyncPhoneNumbersWithRawResponse:
    def __init__(self, resource: AsyncPhoneNumbers) -> None:
        self.import_ = async_to_raw_response_wrapper(resource.import_)
        self.get = async_to_raw_response_wrapper(resource.get)


class AsyncPoly(AsyncAPIClient):
    _config: ClassVar[ClientConfig] = POLY_CONFIG

    def __init__(
        self,
        *,
        api_key: str | None = None,
        region: Literal["us", "uk", "eu"] | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            server=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @cached_property
    def phone_numbers(self) -> AsyncPhoneNumbers:
        return AsyncPhoneNumbers(self)


class Bearer(SyncAPIClient):
    """A single-server API with bearer auth and no server parameter (like Retell)."""

    _config: ClassVar[ClientConfig] = ClientConfig(
        name="BearerTest",
        user_agent="BearerTest/Python 0.0.1",
        servers={"production": "https://api.bearer.example.test"},
        api_key_env="RTTEST_BEARER_API_KEY",
        auth=(BearerAuth(),),
    )

    def __init__(self, *, api_key: str | None = None, http_client: httpx.Client | None = None):
        super().__init__(api_key=api_key, http_client=http_client)


# --- transports and servers ---------------------------------------------------------------

Responder = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A mock transport that records requests and answers from a script (last one repeats)."""

    def __init__(self, *responses: httpx.Response | Responder) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses) or [httpx.Response(201, content=IMPORT_OK_BYTES)]

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        index = min(len(self.requests), len(self._responses)) - 1
        answer = self._responses[index]
        return answer(request) if callable(answer) else answer

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self._answer))

    def async_client(self) -> httpx.AsyncClient:
        async def answer(request: httpx.Request) -> httpx.Response:
            return self._answer(request)

        return httpx.AsyncClient(transport=httpx.MockTransport(answer))

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def json_response(status: int, body: object, headers: Mapping[str, str] | None = None) -> Any:
    return httpx.Response(status, content=msgspec.json.encode(body), headers=headers)


def _read_request(conn: socket.socket) -> None:
    """Read one whole request (headers, then a `Content-Length` body), so that closing
    the connection after it is a clean end (FIN), not a reset for unread data (RST): the
    client then sees the same error on every run, whatever the timing of the segments."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        body += chunk


class DroppingServer:
    """A TCP server on 127.0.0.1 that reads a request, writes `reply` (maybe nothing or part
    of a response) and closes the connection: the client sees a dropped connection."""

    def __init__(self, reply: bytes = b"") -> None:
        self.reply = reply
        self.connections = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.01)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(1)
                try:
                    _read_request(conn)
                    if self.reply:
                        conn.sendall(self.reply)
                except OSError:
                    pass

    @contextmanager
    def running(self) -> Iterator[DroppingServer]:
        thread = threading.Thread(target=self._serve, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join(5)
            self.sock.close()
