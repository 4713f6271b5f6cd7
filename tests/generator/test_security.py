"""Operation requirements: the alternatives the client sends, schemes it cannot apply left
to the caller's http_client."""

from __future__ import annotations

from typing import Any

import pytest

from generator.parse.security import operation_requirement

APPLICABLE = frozenset({"oauth", "key"})


def _requirement(*alternatives: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    raw: dict[str, Any] = {"security": list(alternatives)}
    return operation_requirement({}, raw, APPLICABLE)


def test_an_alternative_only_the_transport_can_satisfy_lets_the_call_go_without_credentials() -> (
    None
):
    assert _requirement({"oauth": ["read"]}, {"mtls": []}) == (("oauth",), ())


def test_the_transport_alternative_comes_after_the_ones_the_client_sends() -> None:
    """A token the caller gave is sent even when mutual TLS is listed first."""
    assert _requirement({"mtls": []}, {"oauth": []}, {"key": []}) == (("oauth",), ("key",), ())


def test_a_scheme_the_client_cannot_apply_drops_out_of_its_alternative_only() -> None:
    assert _requirement({"oauth": [], "mtls": []}) == (("oauth",),)
    assert _requirement({"oauth": [], "mtls": []}, {"oauth": []}) == (("oauth",),)


@pytest.mark.parametrize(
    "alternatives",
    [
        ({"mtls": []},),
        ({"mtls": []}, {}),
        ({}, {"oauth": []}),
    ],
)
def test_nothing_to_send_is_no_requirement(alternatives: tuple[dict[str, list[str]], ...]) -> None:
    assert _requirement(*alternatives) == ()


def test_an_empty_alternative_still_ends_the_list() -> None:
    assert _requirement({"key": []}, {}, {"mtls": []}, {"oauth": []}) == (("key",), ())


def _colliding(*alternatives: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    document: dict[str, Any] = {
        "components": {
            "securitySchemes": {
                "basic": {"type": "http", "scheme": "basic"},
                "bearer": {"type": "http", "scheme": "bearer"},
                "header_key": {"type": "apiKey", "in": "header", "name": "authorization"},
                "query_key": {"type": "apiKey", "in": "query", "name": "Authorization"},
                "other_key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            }
        }
    }
    applicable = frozenset(document["components"]["securitySchemes"])
    return operation_requirement(document, {"security": list(alternatives)}, applicable)


def test_schemes_of_one_alternative_that_share_a_header_become_alternatives() -> None:
    """`{basic, key in Authorization}` cannot be sent whole: the second would overwrite the
    first, so each is sent on its own, with the alternative's other schemes."""
    assert _colliding({"basic": [], "header_key": []}) == (("basic",), ("header_key",))
    assert _colliding({"other_key": [], "bearer": [], "basic": []}) == (
        ("other_key", "bearer"),
        ("other_key", "basic"),
    )


def test_schemes_in_different_places_are_still_sent_together() -> None:
    assert _colliding({"basic": [], "query_key": [], "other_key": []}) == (
        ("basic", "query_key", "other_key"),
    )
    assert _colliding({"basic": []}, {"basic": [], "header_key": []}) == (
        ("basic",),
        ("header_key",),
    )
