"""The event-stream wire format (WHATWG HTML, "server-sent events"), without a network."""

from __future__ import annotations

import pytest
from runtime._streaming import LineSplitter, ServerSentEvent, SSEDecoder, iter_events


def _events(*chunks: bytes) -> list[ServerSentEvent]:
    return list(iter_events(chunks))


def test_fields_multiline_data_and_dispatch_on_blank_line() -> None:
    events = _events(b"event: add\ndata: 1\ndata:2\ndata\nid: 9\nretry: 300\n\n")
    assert events == [ServerSentEvent("1\n2\n", "add", "9", 300)]


@pytest.mark.parametrize("newline", [b"\n", b"\r", b"\r\n"])
def test_each_line_ending(newline: bytes) -> None:
    text = newline.join([b"data: a", b"", b"data: b", b"", b""])
    assert [e.data for e in _events(text)] == ["a", "b"]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    events = _events(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n")
    assert [e.data for e in events] == ["a\nb"]


def test_comments_unknown_fields_and_bad_retry_are_ignored() -> None:
    events = _events(b": ping\nfoo: bar\nretry: 1x\nretry: \xd9\xa3\ndata: x\n\n")
    assert events == [ServerSentEvent("x")]


def test_id_persists_and_one_with_nul_is_ignored() -> None:
    events = _events(b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n")
    assert [e.id for e in events] == ["1", "1"]


def test_event_without_data_is_not_dispatched_and_type_resets() -> None:
    events = _events(b"event: x\n\ndata: y\n\n")
    assert events == [ServerSentEvent("y", "message")]


def test_only_one_leading_space_is_stripped_and_utf8_split_across_chunks() -> None:
    text = "data:  two spaces é\n\n".encode()
    cut = text.index("é".encode()) + 1
    assert [e.data for e in _events(text[:cut], text[cut:])] == [" two spaces é"]


def test_unterminated_last_event_is_dropped() -> None:
    assert _events(b"data: a\n\ndata: b") == [ServerSentEvent("a")]


def test_decoder_and_splitter_compose_by_hand() -> None:
    splitter, decoder = LineSplitter(), SSEDecoder()
    lines = splitter.feed(b"data: q\n") + splitter.feed(b"\n")
    assert [decoder.feed(line) for line in lines] == [None, ServerSentEvent("q")]
