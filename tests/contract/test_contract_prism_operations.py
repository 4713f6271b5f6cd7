"""Every operation, sync and async, judged by Prism against the effective spec.

Our own tests compare the client with our reading of the spec; Prism reads the spec
independently. A request Prism finds invalid (wrong path encoding, a missing header, a body
property under the wrong name) comes back as an error with `sl-violations`, because Prism
runs with `--errors`; a 2xx here means Prism accepted the request as the spec describes it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from contract_cases import CASES, MODES, Case, compare_decoded, send
from prism_server import APIS, PrismServer, violations


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_is_accepted_by_prism_and_decodes(
    case: Case, mode: str, prism: dict[str, PrismServer]
) -> None:
    raw, parsed = send(mode, case, prism[case.api].base_url)

    assert violations(raw.headers) == []
    assert raw.status_code == case.status, raw.text
    assert raw.method == case.method
    assert type(parsed) is case.model
    # Prism answered from the spec's examples (or schema); every field must carry its value.
    # The body is read directly: the async raw response's `json()` is a coroutine.
    assert compare_decoded(parsed, json.loads(raw.content)) == 0


def test_the_cases_cover_every_operation_of_every_spec(prism: dict[str, PrismServer]) -> None:
    """An operation added to a spec must get a case here, or this fails."""
    in_specs: set[tuple[str, str]] = set()
    for api in APIS:
        document: dict[str, Any] = json.loads(prism[api].spec.read_text(encoding="utf-8"))
        for path, item in document["paths"].items():
            for method in item:
                if method in {"get", "put", "post", "delete", "patch", "head", "options"}:
                    in_specs.add((api, f"{method.upper()} {path}"))
    assert len(in_specs) == 7
    assert {(case.api, case.route) for case in CASES} == in_specs
