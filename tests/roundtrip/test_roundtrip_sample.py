"""A fixed sample of the round trip in `make test`: every operation works, or Prism says
why it cannot judge it (the whole run is `make roundtrip`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import MOCK_LIMIT, OK, run_spec

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "specs"
SHAPES = ROOT / "tests" / "corpus" / "shapes"

# Small specs that run in seconds, with each operation that is a named mock limit and the
# start of Prism's reason; every other operation must be OK, sync and async.
SAMPLE: dict[Path, dict[str, str]] = {
    GOLDEN / "widgets-3.1.yaml": {},
    GOLDEN / "parameters.yaml": {},
    GOLDEN / "auth.yaml": {},
    GOLDEN
    / "unions.yaml": {
        # Cat and Dog both fit {"pet_type": "cat", ...}: only the discriminator tells.
        "POST /pets": "Prism ignores the discriminator",
        # Prism's made-up responses, static and random, fit both variants of the union.
        "GET /pets/{id}": "(dynamic response) Prism's own response breaks the spec",
    },
    SHAPES / "azure-arm-style.json": {},
}


@pytest.mark.parametrize("spec", list(SAMPLE), ids=[spec.stem for spec in SAMPLE])
def test_every_operation_round_trips(spec: Path, tmp_path: Path) -> None:
    package = "roundtrip_" + spec.stem.replace("-", "_").replace(".", "_")
    result = run_spec(spec.stem, spec, tmp_path, package)

    assert result.problem == ""
    assert result.operations > 0
    assert len(result.calls) == 2 * result.operations, "every operation, sync and async"
    expected = SAMPLE[spec]
    unexpected = [
        f"{call.route} ({call.mode}): {call.outcome}: {call.detail}"
        for call in result.calls
        if (call.outcome, call.detail.startswith(expected.get(call.route, "")))
        != ((MOCK_LIMIT, True) if call.route in expected else (OK, True))
    ]
    assert unexpected == []
