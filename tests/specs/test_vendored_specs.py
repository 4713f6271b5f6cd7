"""The vendored specs are the vendors' text, and the PolyAI transcription follows its page.

The reference pages live in ../shared/seeds beside the repository (where CI clones it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
VENDORED = {
    "000": "specs/polyai/import-phone-numbers.yaml",
    "002": "specs/cartesia/openapi.yaml",
    "003": "specs/retell/openapi.yaml",
    "004": "specs/polyai/delete-phone-numbers.yaml",
}
TRANSCRIPTION = ROOT / "specs/polyai/reference-page-operations.yaml"

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed pages are not beside the repo"
)


def _seed(prefix: str) -> bytes:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_bytes()


def _yaml_block(page: bytes) -> bytes:
    """The text between the ````yaml fence line and the closing fence."""
    start = page.index(b"\n", page.index(b"````yaml")) + 1
    return page[start : page.index(b"````", start)]


@needs_seeds
@pytest.mark.parametrize(("prefix", "path"), sorted(VENDORED.items()))
def test_vendored_file_is_the_seed_block_byte_for_byte(prefix: str, path: str) -> None:
    assert (ROOT / path).read_bytes() == _yaml_block(_seed(prefix))


def test_transcription_is_marked_as_such() -> None:
    assert "Transcribed from the PolyAI Agents API reference page" in TRANSCRIPTION.read_text()


@needs_seeds
def test_transcription_follows_the_reference_page() -> None:
    """Each property reads `name` + `type` on the page, followed by `required` when it is."""
    page = _seed("001").decode("utf-8")
    document = yaml.safe_load(TRANSCRIPTION.read_text())
    checked = 0
    for name, schema in document["components"]["schemas"].items():
        heading = re.search(rf"^{name}$", page, re.M)
        assert heading is not None, name
        section = page[heading.end() :]  # the schema's properties follow its heading
        required = set(schema.get("required", []))
        for prop, sub in schema["properties"].items():
            shown = sub.get("type", "object")
            if shown == "array":
                items = sub["items"]
                shown = f"array[{items.get('type', 'object')}]"
            match = re.search(rf"^{re.escape(prop)}{re.escape(shown)}(required)?$", section, re.M)
            assert match is not None, f"{name}.{prop} ({shown}) is not on the page"
            assert (match.group(1) is not None) == (prop in required), f"{name}.{prop}"
            checked += 1
    assert checked == 9  # 1 + 1 + 2 + 5 properties shown on the page
    # The E.164 wording, the connectorId filter and the routes of the three operations.
    assert "E.164" in document["components"]["schemas"]["BatchGetPhoneNumbersBody"]["description"]
    paths = document["paths"]
    assert paths["/v1/agents/{agentId}/telephony/phone-numbers"]["get"]["parameters"][0] == {
        "name": "connectorId",
        "in": "query",
        "required": False,
        "description": "Filter by connector ID",
        "schema": {"type": "string"},
    }
    for route in (
        "get/v1/agents/{agentId}/telephony/phone-numbers",
        "post/v1/agents/{agentId}/telephony/phone-numbers/batch",
        "get/v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}",
    ):
        method, path = route[:4].rstrip("/"), route[len(route.split("/")[0]) :]
        assert route in page and method in paths[path]
