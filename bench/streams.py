"""Section 7: event-stream decoding and page iteration, each as a ratio in the same run.

Event streams: 20,000 Cartesia-shaped `chunk` events (base64 audio, as `POST /tts/sse`
sends them) served by an `httpx.MockTransport` in 16 KiB pieces, decoded into typed
events by clientgen's runtime `Stream`, by the official Cartesia SDK's `Stream` (into its
`TTSSSEEvent` union), and by bare httpx (`iter_lines` + `json.loads`, untyped).

Pages: 200 pages of 50 items through clientgen's `SyncPage` (a runtime client, cursor
by last item id) against a hand-written loop over bare httpx + msgspec that decodes the
same models and sends the same requests: the ratio is the cost of the page machinery.
Run alone with `python -m bench.streams`.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import msgspec

from .common import QUICK, median

EVENTS = 4_000 if QUICK else 20_000
PAGES, PER_PAGE = (40, 50) if QUICK else (200, 50)
ROUNDS = 3 if QUICK else 7
_AUDIO = base64.b64encode(bytes(range(256)) * 6).decode()


@dataclass
class Rate:
    section: str
    contender: str
    per_second: float


def _sse_body() -> bytes:
    event = {
        "type": "chunk",
        "data": _AUDIO,
        "done": False,
        "status_code": 206,
        "step_time": 1.5,
        "context_id": "ctx",
    }
    line = b"event: chunk\ndata: " + json.dumps(event).encode() + b"\n\n"
    done = b'data: {"type": "done", "done": true, "status_code": 200, "context_id": "ctx"}\n\n'
    return line * EVENTS + done


def _streaming_transport(body: bytes) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        pieces = [body[i : i + 16384] for i in range(0, len(body), 16384)]
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=iter(pieces)
        )

    return httpx.MockTransport(handle)


class ChunkEvent(msgspec.Struct, tag="chunk", tag_field="type"):
    data: str
    done: bool
    status_code: int
    step_time: float
    context_id: str | None = None


class DoneEvent(msgspec.Struct, tag="done", tag_field="type"):
    done: bool
    status_code: int
    context_id: str | None = None


def _clientgen_events(http: httpx.Client) -> int:
    from voice_clients._runtime._streaming import EventItems, Stream, event_decoder

    response = http.send(http.build_request("POST", "https://bench.test/tts/sse"), stream=True)
    with Stream(response, EventItems(event_decoder(ChunkEvent | DoneEvent))) as stream:
        return sum(1 for _ in stream)


def _cartesia_events(http: httpx.Client) -> int:
    from cartesia import Cartesia, Stream
    from cartesia.types.tts_sse_event import TTSSSEEvent

    client = Cartesia(api_key="bench", base_url="https://bench.test", http_client=http)
    response = http.send(http.build_request("POST", "https://bench.test/tts/sse"), stream=True)
    # TTSSSEEvent is a union alias, which the SDK's own streams pass as cast_to too.
    event_type: Any = TTSSSEEvent
    stream: Stream[Any] = Stream(cast_to=event_type, response=response, client=client)
    return sum(1 for _ in stream)


def _bare_events(http: httpx.Client) -> int:
    count = 0
    with http.stream("POST", "https://bench.test/tts/sse") as response:
        for line in response.iter_lines():
            if line.startswith("data:"):
                json.loads(line[5:])
                count += 1
    return count


class Item(msgspec.Struct):
    id: str
    name: str


def _pages_transport() -> httpx.MockTransport:
    ids = [f"v{i:06d}" for i in range(PAGES * PER_PAGE)]
    pages = {
        None if p == 0 else ids[p * PER_PAGE - 1]: json.dumps(
            [{"id": i, "name": i.upper()} for i in ids[p * PER_PAGE : (p + 1) * PER_PAGE]]
        ).encode()
        for p in range(PAGES + 1)
    }

    def handle(request: httpx.Request) -> httpx.Response:
        body = pages[request.url.params.get("after")]
        return httpx.Response(200, headers={"content-type": "application/json"}, content=body)

    return httpx.MockTransport(handle)


def _clientgen_pages(http: httpx.Client) -> int:
    from voice_clients._runtime import ClientConfig, Endpoint, Pagination, SyncAPIClient

    class Bench(SyncAPIClient):
        _config = ClientConfig(name="Bench", user_agent="bench")

    endpoint = Endpoint[list[Item]](
        method="GET",
        path="/voices",
        responses={"200": list[Item]},
        security=(),
        result="page",
        pagination=Pagination(cursor="after", cursor_item="id"),
    )
    client = Bench(base_url="https://bench.test", http_client=http)
    return sum(1 for _ in client.paginate(endpoint, query={"limit": PER_PAGE}))


def _bare_pages(http: httpx.Client) -> int:
    decoder = msgspec.json.Decoder(list[Item])
    count, params = 0, {"limit": str(PER_PAGE)}
    while True:
        items = decoder.decode(http.get("https://bench.test/voices", params=params).content)
        if not items:
            return count
        count += len(items)
        params = {**params, "after": items[-1].id}


def _rate(run: Callable[[httpx.Client], int], transport: httpx.MockTransport) -> float:
    http = httpx.Client(transport=transport)
    try:
        start = time.perf_counter()
        count = run(http)
        return count / (time.perf_counter() - start)
    finally:
        http.close()


def streams() -> list[Rate]:
    """Events (and items) per second, medians of interleaved rounds after a warm-up."""
    body = _sse_body()
    sections: list[tuple[str, Callable[[], httpx.MockTransport], dict[str, Any]]] = [
        (
            "event stream",
            lambda: _streaming_transport(body),
            {
                "clientgen": _clientgen_events,
                "official SDK": _cartesia_events,
                "bare httpx": _bare_events,
            },
        ),
        ("pages", _pages_transport, {"clientgen": _clientgen_pages, "bare httpx": _bare_pages}),
    ]
    rates: list[Rate] = []
    for section, transport, contenders in sections:
        samples: dict[str, list[float]] = {name: [] for name in contenders}
        for round_ in range(ROUNDS + 1):
            for name, run in contenders.items():
                rate = _rate(run, transport())
                if round_:  # the first round warms up
                    samples[name].append(rate)
        rates += [Rate(section, name, median(values)) for name, values in samples.items()]
    return rates


def table(rates: list[Rate]) -> list[str]:
    """Markdown rows: rate and the ratio of clientgen's time to each other contender's."""
    lines = [
        "| section | contender | per second | clientgen time ÷ this |",
        "| --- | --- | ---: | ---: |",
    ]
    for rate in rates:
        ours = next(r for r in rates if r.section == rate.section and r.contender == "clientgen")
        ratio = rate.per_second / ours.per_second
        lines.append(
            f"| {rate.section} | {rate.contender} | {rate.per_second:,.0f} | {ratio:.2f} |"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(table(streams())))
