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
