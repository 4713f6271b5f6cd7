"""Every list of the three vendors' whole APIs, and a server on 127.0.0.1 that pages each
one as its document says, refusing a cursor it did not hand out (as a server enforcing
the spec would, with a 400)."""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from instances import Instances
from support.local_server import Exchange

ROOT = Path(__file__).resolve().parents[2]
VENDOR_SPECS = ROOT / "tests" / "vendor-specs"
DOCUMENTS = {
    "polyai": ("polyai-agents-api-1.0.11.json",),
    "retell": ("retell-openapi.yaml",),
    "cartesia": ("cartesia-openapi.yaml", "cartesia-overlay.yaml"),
}
CLIENTS = {"polyai": "PolyAI", "retell": "Retell", "cartesia": "Cartesia"}
PAGE_SIZE = 2

# "item": a bare array, the cursor filled from the last item's fields (`keys`);
# "token": {items, pagination_key, has_more}; "next_page": {data, has_more?, next_page}
# sent back as starting_after; "offset": {entries, totalCount} with offset.
Paging = Literal["item", "token", "next_page", "offset"]


@dataclass(frozen=True)
class VendorList:
    api: str
    route: str
    paging: Paging
    keys: tuple[str, ...]  # the item fields telling items apart (and the cursor, for "item")
    items: str | None = None  # the envelope's array field
    cursor: tuple[str, ...] = ()  # the request fields of an "item" cursor
    has_more: bool = True
    versions: bool = False  # items are versions: several share an id

    @property
    def method(self) -> str:
        return self.route.split(" ", 1)[0]

    @property
    def path(self) -> str:
        return self.route.split(" ", 1)[1]


_VERSIONED = ("pagination_key", "pagination_key_version")
LISTS = (
    VendorList("polyai", "GET /v1/agents/{agentId}/audio-cache", "offset", ("id",), "entries"),
    *(
        VendorList(
            "retell", f"GET /{path}", "item", (key, "version"), None, _VERSIONED, False, True
        )
        for path, key in (
            ("list-agents", "agent_id"),
            ("list-chat-agents", "agent_id"),
            ("list-conversation-flows", "conversation_flow_id"),
            ("list-retell-llms", "llm_id"),
        )
    ),
    VendorList("retell", "GET /list-chat", "item", ("chat_id",), None, ("pagination_key",)),
    VendorList("retell", "POST /v2/list-calls", "item", ("call_id",), None, ("pagination_key",)),
    *(
        VendorList("retell", f"GET /v2/{path}", "token", (key,), "items")
        for path, key in (
            ("list-test-case-definitions", "test_case_definition_id"),
            ("list-batch-tests", "test_case_batch_job_id"),
            ("list-test-runs/{test_case_batch_job_id}", "test_case_job_id"),
            ("list-conversation-flow-components", "conversation_flow_component_id"),
            ("list-phone-numbers", "phone_number"),
            ("list-export-requests", "export_request_id"),
        )
    ),
    VendorList("cartesia", "GET /agents/calls", "next_page", ("id",), "data", has_more=False),
    *(
        VendorList("cartesia", f"GET {path}", "next_page", ("id",), "data")
        for path in (
            "/agents/metrics",
            "/agents/metrics/results",
            "/datasets/",
            "/datasets/{id}/files",
            "/fine-tunes/",
            "/fine-tunes/{id}/voices",
            "/pronunciation-dicts/",
            "/voices",
        )
    ),
)


@functools.cache
def load_document(api: str) -> dict[str, Any]:
    """The vendor's document as published (read once: YAML parsing is slow)."""
    path = VENDOR_SPECS / DOCUMENTS[api][0]
    text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = (
        json.loads(text) if path.suffix == ".json" else yaml.load(text, loader)
    )
    return document


@dataclass
class ListServer:
    """Serves `listed` in pages of two and records what went wrong (`refused`)."""

    listed: VendorList
    document: dict[str, Any]
    refused: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.items = self._items()

    def expected(self) -> list[tuple[object, ...]]:
        return [tuple(item[k] for k in self.listed.keys) for item in self.items]

    def _items(self) -> list[dict[str, Any]]:
        base = Instances(self.document).of(self._item_schema())
        if self.listed.versions:
            keys = [("a", 4), ("a", 3), ("a", 2), ("a", 1), ("b", 2), ("b", 1), ("c", 1)]
        else:
            keys = [(f"{self.listed.keys[0]}-{n}",) for n in range(5)]
        return [base | dict(zip(self.listed.keys, key, strict=True)) for key in keys]

    def _item_schema(self) -> dict[str, Any]:
        instances = Instances(self.document)
        operation = self.document["paths"][self.listed.path][self.listed.method.lower()]
        response = instances.resolve(
            next(r for s, r in operation["responses"].items() if str(s).startswith("2"))
        )
        schema = instances.resolve(response["content"]["application/json"]["schema"])
        if self.listed.items is None:
            return schema["items"]  # type: ignore[no-any-return]
        for part in [schema, *schema.get("allOf", ())]:
            properties = instances.resolve(part).get("properties", {})
            if self.listed.items in properties:
                return instances.resolve(properties[self.listed.items])["items"]  # type: ignore[no-any-return]
        raise AssertionError(f"no {self.listed.items} in {self.listed.route}")

    def handle(self, exchange: Exchange) -> None:
        sent = exchange.json() if exchange.method == "POST" else exchange.query
        start = self._start(sent or {})
        if start is None:
            exchange.send_json({"status": "error", "message": "bad cursor"}, status=400)
            return
        page = self.items[start : start + PAGE_SIZE]
        following = start + len(page)
        more = following < len(self.items)
        match self.listed.paging:
            case "item":
                exchange.send_json(page)
            case "token":
                body: dict[str, Any] = {"items": page, "has_more": more}
                if more:
                    body["pagination_key"] = f"token-{following}"
                exchange.send_json(body)
            case "next_page":
                body = {"data": page, "next_page": page[-1]["id"] if page and more else None}
                if self.listed.has_more:
                    body["has_more"] = more
                exchange.send_json(body)
            case "offset":
                exchange.send_json({"entries": page, "totalCount": len(self.items)})

    def _start(self, sent: dict[str, Any]) -> int | None:
        """Where the page `sent` asks for starts, or None (and why, in `refused`)."""
        match self.listed.paging:
            case "item":
                given = [sent.get(name) for name in self.listed.cursor]
                if all(v is None for v in given):
                    return 0
                if any(v is None for v in given):
                    return self._refuse(f"cursor fields missing: {given}")
                keys = [tuple(str(v) for v in key) for key in self.expected()]
                wanted = tuple(str(v) for v in given)
                if wanted not in keys:
                    return self._refuse(f"unknown cursor {wanted}")
                return keys.index(wanted) + 1
            case "token":
                token = sent.get("pagination_key")
                if token is None:
                    return 0
                if not str(token).startswith("token-"):
                    return self._refuse(f"unknown token {token}")
                return int(str(token).removeprefix("token-"))
            case "next_page":
                after = sent.get("starting_after")
                if after is None:
                    return 0
                ids = [item["id"] for item in self.items]
                if after not in ids:
                    return self._refuse(f"unknown starting_after {after}")
                return ids.index(after) + 1
            case "offset":
                return int(sent.get("offset", 0))

    def _refuse(self, why: str) -> None:
        with self._lock:
            self.refused.append(why)
        return None
