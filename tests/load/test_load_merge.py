"""Fragments of one API merge into one document, and disagreements are located twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError, Location
from generator.load import load_api_folder
from generator.load.merge import first_difference

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # displayed file names are relative to the working directory


def test_fragments_merge_key_by_key_in_order_of_appearance() -> None:
    spec = load_api_folder(FIXTURES / "merge_ok")
    document = spec.document
    assert spec.name == "merge_ok"
    assert list(document["paths"]) == ["/pets", "/owners"]
    assert list(document["paths"]["/pets"]) == ["parameters", "get", "post"]
    assert list(document["components"]["schemas"]) == ["Pet", "Owner"]
    # Identical lists (servers, tags, path-level parameters) merge silently.
    assert document["servers"] == [{"url": "https://example.com"}]
    assert document["tags"] == [{"name": "Pets"}]
    assert len(document["paths"]["/pets"]["parameters"]) == 1


def test_nodes_are_located_in_the_first_fragment_that_wrote_them() -> None:
    spec = load_api_folder(FIXTURES / "merge_ok")
    a, b = "tests/load/fixtures/merge_ok/a.yaml", "tests/load/fixtures/merge_ok/b.yaml"
    assert spec.locate("/servers") == Location(a, 5, 1)
    assert spec.locate("/paths/~1pets/parameters") == Location(a, 11, 5)
    assert spec.locate("/paths/~1pets/post") == Location(b, 16, 5)
    assert spec.locate("/paths/~1owners") == Location(b, 20, 3)
    assert spec.locate("/components/schemas/Pet") == Location(a, 22, 5)
    assert spec.locate("/components/schemas/Owner") == Location(b, 29, 5)


def test_conflicts_name_both_files_with_positions() -> None:
    with pytest.raises(GeneratorError) as caught:
        load_api_folder(FIXTURES / "merge_conflict")
    a = "tests/load/fixtures/merge_conflict/a.yaml"
    b = "tests/load/fixtures/merge_conflict/b.yaml"
    version, required = caught.value.diagnostics
    assert version.location == Location(b, 4, 3)
    assert version.pointer == "/info/version"
    assert version.message.endswith(f"conflicts with {a}:4:3")
    assert "'2' here" in version.message and "'1'" in version.message
    assert required.location == Location(b, 10, 7)
    assert required.pointer == "/components/schemas/Pet/required"
    assert required.message.endswith(f"conflicts with {a}:10:7")


def test_info_is_compared_whole(tmp_path: Path) -> None:
    head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n"
    (tmp_path / "a.yaml").write_text(head + "paths: {}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(head + "  description: more\npaths: {}\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_api_folder(tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.pointer == "/info"
    assert diagnostic.location == Location(str(tmp_path / "b.yaml"), 2, 1)
    assert f"conflicts with {tmp_path / 'a.yaml'}:2:1" in diagnostic.message


def test_openapi_versions_must_agree(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("openapi: 3.1.0\npaths: {}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("openapi: 3.1.1\npaths: {}\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_api_folder(tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.pointer == "/openapi"


@pytest.mark.parametrize(
    ("a", "b", "where"),
    [
        ({"x": [1, 2]}, {"x": [1, 2]}, None),
        ({"x": 1, "y": 2}, {"y": 2, "x": 1}, None),  # member order does not matter
        ({"x": [1, {"y": 2}]}, {"x": [1, {"y": 3}]}, ("x", 1, "y")),
        ({"x": 1}, {"x": True}, ("x",)),
        ({"x": 1}, {"x": 1.0}, ("x",)),
        ({"x": [1]}, {"x": [1, 1]}, ("x",)),
        ({"x": {}}, {"x": {"y": None}}, ("x",)),
    ],
)
def test_first_difference(a: object, b: object, where: tuple[str | int, ...] | None) -> None:
    assert first_difference(a, b) == where


def test_polyai_fragments_merge_into_one_api() -> None:
    spec = load_api_folder(REPO / "specs" / "polyai")
    document = spec.document
    assert spec.name == "polyai"
    assert len(document["paths"]) == 3
    operations = [
        method for item in document["paths"].values() for method in item if method in METHODS
    ]
    assert len(operations) == 5
    assert {
        "ImportPhoneNumbersBody",
        "DeletePhoneNumbersBody",
        "PhoneNumberResponse",
        "BatchGetPhoneNumbersBody",
    } <= set(document["components"]["schemas"])
    phone_numbers = "/paths/~1v1~1agents~1{agentId}~1telephony~1phone-numbers"
    # delete-phone-numbers.yaml sorts first; import-phone-numbers.yaml adds the post.
    assert spec.locate(phone_numbers + "/delete") == Location(
        "specs/polyai/delete-phone-numbers.yaml", 49, 5
    )
    assert spec.locate(phone_numbers + "/post") == Location(
        "specs/polyai/import-phone-numbers.yaml", 49, 5
    )
