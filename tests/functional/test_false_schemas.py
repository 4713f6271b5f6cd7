"""A `false` schema (3.1) where a value must be: a located error, never a client."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RESPONSE = """\
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /x:
    get:
      operationId: getX
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: false
"""
BODY = """\
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /x:
    post:
      operationId: postX
      requestBody:
        content:
          application/json:
            schema: false
      responses:
        '204': {description: done}
"""


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (RESPONSE, "12:15: /paths/~1x/get/responses/200/content/application~1json/schema"),
        (BODY, "10:13: /paths/~1x/post/requestBody/content/application~1json/schema"),
    ],
)
def test_false_at_a_response_or_body_root_is_a_located_error(
    tmp_path: Path, text: str, where: str
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"error: spec.yaml:{where}: a `false` schema admits no value" in done.stderr
    assert not out.exists()
