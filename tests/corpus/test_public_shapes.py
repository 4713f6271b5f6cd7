"""The public corpus in miniature: small specs of our own with the constructs that broke
clientgen on the 200 public specs, judged by the same code as `make corpus`.

The judge itself is tested too, on made-up command output, so that a crash can never be
counted as a clean refusal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from generated_package import generated
from public import (
    CLIENTGEN,
    COMPLETE,
    FAILED,
    INVALID,
    REFUSED,
    VALID,
    Row,
    Verdict,
    _clientgen_outcome,
    _Ran,
    run,
)

SHAPES = Path(__file__).resolve().parent / "shapes"

# Each shape, what openapi-spec-validator says of it, and the outcome the goal asks for.
EXPECTED = {
    "aws-target-paths.json": (VALID, COMPLETE),
    "azure-arm-style.json": (VALID, COMPLETE),
    "google-discovery-style.json": (VALID, COMPLETE),
    "string-default-for-boolean.json": (INVALID, REFUSED),
}


def test_every_shape_is_listed() -> None:
    assert sorted(p.name for p in SHAPES.iterdir()) == sorted(EXPECTED)


@pytest.fixture(scope="module")
def rows() -> dict[str, Row]:
    return {r.spec: r for r in run(SHAPES, sorted(EXPECTED), tools=(CLIENTGEN,))}


@pytest.mark.parametrize("shape", sorted(EXPECTED))
def test_shape_meets_the_goal(rows: dict[str, Row], shape: str) -> None:
    row = rows[shape]
    validator, outcome = EXPECTED[shape]
    assert row.validator == validator, row.validator_detail
    assert row.clientgen.outcome == outcome, row.clientgen.detail
    if outcome == COMPLETE:
        assert row.clientgen.methods == row.operations > 0
    else:
        assert row.clientgen.detail.startswith(f"{shape}:")  # located in the spec
    assert row.meets_goal


def test_target_fragment_and_literal_query_reach_the_right_url(tmp_path: Path) -> None:
    """AWS specs tell operations on one URL apart by `#X-Amz-Target=…` or `?Action=…`
    in the path key: the fragment is not sent, parameters follow the literal query."""
    spec = json.loads((SHAPES / "aws-target-paths.json").read_text())
    sent: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, text="<Things/>", headers={"content-type": "text/xml"})

    with generated(spec, tmp_path, "aws_target") as package:
        http = httpx.Client(transport=httpx.MockTransport(respond))
        client: Any = package.AwsTarget(api_key="key", http_client=http)
        client.account.associate(account_id="12", next_token="t/1")
        client.things.list(action="ListThings", version="2018-01-01", max_results=3)

    associate, listing = sent
    assert associate.url.raw_path == b"/?NextToken=t%2F1"
    assert associate.headers["x-amz-target"] == "Svc_20180101.AssociateAccount"
    assert associate.content == b'{"AccountId":"12"}'
    assert listing.url.raw_path.startswith(b"/?Action=ListThings&Version=2018-01-01&")
    assert listing.url.params["MaxResults"] == "3"
    assert listing.url.params["Version"] == "2018-01-01"


def test_azure_operation_groups_become_resources(tmp_path: Path) -> None:
    spec = json.loads((SHAPES / "azure-arm-style.json").read_text())
    sent: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"value": [{"name": "t1", "location": "west"}]})

    with generated(spec, tmp_path, "azure_arm") as package:
        http = httpx.Client(transport=httpx.MockTransport(respond))
        client: Any = package.AzureArm(access_token="t", http_client=http)
        listed = client.things.list("sub-1", api_version="2021-06-01")
        assert callable(client.things.create_or_update) and callable(client.things.delete)

    assert listed.value[0].name == "t1"
    assert sent[0].url.raw_path == (
        b"/subscriptions/sub-1/providers/Microsoft.Things/things?api-version=2021-06-01"
    )
    assert sent[0].headers["authorization"] == "Bearer t"  # the OAuth2 token the caller got


def _verdict(returncode: int | None, output: str, wrote: bool = False) -> Verdict | None:
    return _clientgen_outcome(_Ran(returncode, output, 0.1), wrote)


def test_judge_counts_a_located_refusal_as_refused() -> None:
    output = "error: a.json:3:7: /paths/~1x/get: bad\nerror: a.json:9:1: /info: worse\n"
    verdict = _verdict(1, output)
    assert verdict == Verdict(REFUSED, "a.json:3:7: /paths/~1x/get: bad (+1 more)")


@pytest.mark.parametrize(
    ("returncode", "output", "wrote"),
    [
        (1, "error: something went wrong\n", False),  # no location
        (1, "error: a.json:3:7: /x: bad\n", True),  # refused, yet wrote output
        (2, "internal error: KeyError: 'x' (rerun with --debug)\n", False),
        (1, 'Traceback (most recent call last):\n  File "x"\nKeyError: 1\n', False),
        (0, 'Traceback (most recent call last):\n  File "x"\nKeyError: 1\n', True),
        (None, "", False),  # killed at the time limit
    ],
)
def test_judge_counts_anything_else_as_failed(
    returncode: int | None, output: str, wrote: bool
) -> None:
    verdict = _verdict(returncode, output, wrote)
    assert verdict is not None and verdict.outcome == FAILED


def test_judge_checks_the_package_after_success() -> None:
    assert _verdict(0, "generated client into out\n", True) is None


def test_goal_asks_a_complete_client_of_a_valid_spec() -> None:
    refused = Verdict(REFUSED, "a.json:1:1: /: bad")
    assert not Row("a.json", 1, VALID, "", refused, Verdict(COMPLETE)).meets_goal
    assert Row("a.json", 1, INVALID, "bad", refused, Verdict(COMPLETE)).meets_goal
