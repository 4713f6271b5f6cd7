"""The drift diff shows code before the JSON files that restate it."""

from __future__ import annotations

from pathlib import Path

from generator.write.tree import compare


def test_the_diff_shows_code_before_the_record_and_the_surface(tmp_path: Path) -> None:
    on_disk = {
        "clientgen-record.json": b'{"a": "1"}\n',
        "surface.json": b'{"m": "old"}\n',
        "pkg/models.py": b"x = 1\n",
        "pkg/api.md": b"old\n",
    }
    for path, content in on_disk.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(content)
    expected = {
        "clientgen-record.json": b'{"a": "2"}\n',
        "surface.json": b'{"m": "new"}\n',
        "pkg/models.py": b"x = 2\n",
        "pkg/api.md": b"new\n",
    }
    diff = compare(expected, tmp_path).diff
    order = [line[len("--- a/") :] for line in diff.splitlines() if line.startswith("--- a/")]
    assert order == ["pkg/api.md", "pkg/models.py", "clientgen-record.json", "surface.json"]
