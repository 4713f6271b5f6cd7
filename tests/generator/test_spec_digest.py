"""An operation's text edited: the model modules keep their bytes, only the digest moves.

models.py and params.py are the largest modules (GitHub's are tens of thousands of lines);
when they carried the spec's sha256, any edit anywhere in the spec rewrote and reformatted
both. The digest lives in the API package's `SPEC_SHA256` (and the generation record).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.cache import Cache
from generator.pipeline import build_single

ROOT = Path(__file__).resolve().parents[2]
_ORIGINAL = "description: Import a phone number from custom telephony & Bind agents"


def _build(spec_text: str, folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    spec = folder / "openapi.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    return build_single(spec, "retell_client", cache=Cache(None))


def test_an_operation_description_edit_leaves_models_and_params_unchanged(
    tmp_path: Path,
) -> None:
    text = (ROOT / "specs" / "retell" / "openapi.yaml").read_text(encoding="utf-8")
    assert text.count(_ORIGINAL) == 1
    edited = text.replace(_ORIGINAL, _ORIGINAL + " (edited)")
    before = _build(text, tmp_path / "before")
    after = _build(edited, tmp_path / "after")
    for module in ("retell_client/models.py", "retell_client/params.py"):
        assert after[module] == before[module]
        assert not re.search(rb"\b[0-9a-f]{64}\b", after[module])
    # What the edit is about did change, and so did the digest the package exposes.
    changed = {path for path in before if before[path] != after.get(path)}
    assert "retell_client/__init__.py" in changed
    assert any(path.startswith("retell_client/resources/") for path in changed)
