"""Structurally hostile specs through the CLI: one located line, a non-zero exit, no
traceback, and the output folder exactly as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _spec(**extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, **extra}


def _ok_path(schema_ref: str) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": schema_ref}}}
    return {
        "/x": {
            "get": {
                "operationId": "get",
                "responses": {"200": {"description": "ok", "content": content}},
            }
        }
    }


CASES: dict[str, tuple[str, str]] = {
    # name: (file text, expected message part)
    "ref_cycle.json": (
        json.dumps(
            _spec(
                paths=_ok_path("#/components/schemas/A"),
                components={
                    "schemas": {
                        "A": {"$ref": "#/components/schemas/B"},
                        "B": {"$ref": "#/components/schemas/A"},
                    }
                },
            )
        ),
        "cycle",
    ),
    "dangling.json": (
        json.dumps(_spec(paths=_ok_path("#/components/schemas/Nope"))),
        "unresolved $ref '#/components/schemas/Nope'",
    ),
    "remote.json": (
        json.dumps(_spec(paths=_ok_path("https://example.com/schemas.json#/Pet"))),
        "$ref",
    ),
    "swagger.json": (json.dumps({"swagger": "2.0", "info": {"title": "T", "version": "1"}}), "2.0"),
    "future.json": (json.dumps({**_spec(), "openapi": "4.0.0"}), "4.0.0"),
    "bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
            for i in range(9)
        ),
        "",
    ),
    "deep.json": ('{"openapi": "3.1.0", "x": ' + "[" * 5000 + "]" * 5000 + "}", ""),
    "syntax.yaml": ("openapi: 3.1.0\ninfo: {title: T, version: '1'\npaths: {}\n", "syntax.yaml:"),
}


def _run(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out)],
        cwd=spec.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_structure_fails_cleanly(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    spec = tmp_path / name
    spec.write_text(text)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous output")
    done = _run(spec, out)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert errors, done.stderr
    assert errors[0].startswith(f"error: {name}:"), errors[0]  # file:line:col first
    assert expected in done.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert (out / "keep.txt").read_text() == "previous output"


def test_empty_paths_give_a_client_with_no_methods(tmp_path: Path) -> None:
    spec = tmp_path / "empty.json"
    spec.write_text(json.dumps(_spec()))
    done = _run(spec, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "empty" / "_client.py").is_file()
    assert not (tmp_path / "out" / "empty" / "resources" / "x.py").exists()


def test_mutually_recursive_schemas_generate(tmp_path: Path) -> None:
    person = {
        "type": "object",
        "properties": {"employer": {"$ref": "#/components/schemas/Company"}},
    }
    company = {"type": "object", "properties": {"ceo": {"$ref": "#/components/schemas/Person"}}}
    spec = tmp_path / "mutual.json"
    spec.write_text(
        json.dumps(
            _spec(
                paths=_ok_path("#/components/schemas/Person"),
                components={"schemas": {"Person": person, "Company": company}},
            )
        )
    )
    done = _run(spec, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    models = (tmp_path / "out" / "mutual" / "models.py").read_text()
    assert "employer: Company | None = None" in models and "ceo: Person | None = None" in models


def test_webhooks_are_skipped_with_a_note(tmp_path: Path) -> None:
    hook = {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": {}}}},
            "responses": {"200": {"description": "ok"}},
        }
    }
    spec = tmp_path / "hooks.json"
    spec.write_text(json.dumps(_spec(webhooks={"newPet": hook})))
    done = _run(spec, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "note: webhooks are not client calls and have no methods: newPet" in done.stdout
    assert "newPet" in (tmp_path / "out" / "hooks" / "api.md").read_text()
