"""The vendored PolyAI spec, edited as a vendor update would be, and the report it gives.

PolyAI documents `clientEnv` as a plain string (sandbox, pre-release or live) in the
import body and in the phone number it returns. Version "enum" makes it an enum in
both; version "update" then adds a value, makes it required in the import body and
removes the batch-get operation.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from changes_specs import lines, surfaces

from generator.changes.compare import compare_surfaces
from generator.changes.manifest import Surfaces
from generator.pipeline import load_api, model_api
from generator.settings import load_api_settings

ROOT = Path(__file__).resolve().parents[2]
IMPORT = "import-phone-numbers.yaml"
READS = "reference-page-operations.yaml"
CLIENT_ENV = "          description: Client environment (sandbox, pre-release, live)\n"
BATCH = "  /v1/agents/{agentId}/telephony/phone-numbers/batch:\n"
AFTER_BATCH = "  /v1/agents/{agentId}/telephony/phone-numbers/{phoneNumber}:\n"
Edit = Callable[[str], str]


def _replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)

    return edit


def _enum(values: str) -> Edit:
    return _replace(CLIENT_ENV, CLIENT_ENV + f"          enum: [{values}]\n")


def _remove_batch_get(text: str) -> str:
    start, end = text.index(BATCH), text.index(AFTER_BATCH)
    return text[:start] + text[end:]


# A pin for an operation the spec no longer has is an error: the update drops it too.
_UNPIN_BATCH_GET = _replace(
    '"POST /v1/agents/{agentId}/telephony/phone-numbers/batch" = "phone_numbers.batch_get"\n', ""
)

_REQUIRE_CLIENT_ENV = _replace(
    "        - phoneNumbers\n    ImportPhoneNumbersResponse:",
    "        - phoneNumbers\n        - clientEnv\n    ImportPhoneNumbersResponse:",
)


def _version(tmp: Path, name: str, edits: dict[str, list[Edit]]) -> Surfaces:
    """A copy of specs/polyai with `edits` applied, through load, validation and model."""
    folder = tmp / name / "polyai"
    shutil.copytree(ROOT / "specs" / "polyai", folder)
    for file, file_edits in edits.items():
        text = (folder / file).read_text(encoding="utf-8")
        for edit in file_edits:
            text = edit(text)
        (folder / file).write_text(text, encoding="utf-8")
    return surfaces(model_api(load_api(folder), load_api_settings(folder, "api.toml")))


def _enum_version(tmp: Path) -> Surfaces:
    values = "sandbox, pre-release, live"
    return _version(tmp, "enum", {IMPORT: [_enum(values)], READS: [_enum(values)]})


def test_an_enum_introduced_narrows_the_request_and_documents_the_response(
    tmp_path: Path,
) -> None:
    vendored = _version(tmp_path, "vendored", {})
    assert lines(compare_surfaces(vendored, _enum_version(tmp_path))) == [
        (
            "breaking",
            "PolyAI.phone_numbers.import_(client_env=...)",
            'type narrowed from `str` to `Literal["sandbox", "pre-release", "live"]`; '
            "values accepted before may now be rejected",
        ),
        (
            "compatible",
            "models.PhoneNumberResponse.client_env",
            "values now documented: 'sandbox', 'pre-release', 'live' (still decoded as `str`)",
        ),
    ]


def test_an_operation_removed_a_field_required_and_an_enum_value_added(tmp_path: Path) -> None:
    values = "sandbox, pre-release, live, staging"
    update = _version(
        tmp_path,
        "update",
        {
            IMPORT: [_enum(values), _REQUIRE_CLIENT_ENV],
            READS: [_enum(values), _remove_batch_get],
            "api.toml": [_UNPIN_BATCH_GET],
        },
    )
    assert lines(compare_surfaces(_enum_version(tmp_path), update)) == [
        # Breaking first: the method, the model only it returned, the now required argument.
        (
            "breaking",
            "PolyAI.phone_numbers.batch_get()",
            "removed; calls to it fail with AttributeError",
        ),
        (
            "breaking",
            "PolyAI.phone_numbers.import_(client_env=...)",
            "now required; calls that leave it out fail",
        ),
        ("breaking", "models.BatchGetPhoneNumbersResponse", "removed; imports of it fail"),
        # A new value is accepted in requests, and may arrive (as a plain str) in responses.
        (
            "compatible",
            "PolyAI.phone_numbers.import_(client_env=...)",
            "now also accepts 'staging'",
        ),
        (
            "compatible",
            "models.PhoneNumberResponse.client_env",
            "may now be 'staging' (still decoded as `str`, so decoding does not fail)",
        ),
    ]


def test_the_vendored_spec_against_itself_is_an_empty_report(tmp_path: Path) -> None:
    assert not compare_surfaces(_version(tmp_path, "a", {}), _version(tmp_path, "b", {}))
