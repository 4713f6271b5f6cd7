"""Adding an API as README's "Adding an API" says: a spec and an api.toml in specs/<name>/,
`make regenerate`, then the new package is called against a server on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.local_server import Exchange, LocalServer
from user_shell import ROOT, Shell, ok

WIDGETS = ROOT / "tests" / "golden" / "specs" / "widgets-3.1.yaml"
API_TOML = """\
package = "widgets"
client_class = "Widgets"
async_client_class = "AsyncWidgets"
api_key_env = "WIDGETS_API_KEY"
base_url_env = "WIDGETS_BASE_URL"

[credentials]
token = "api_key"
"""
USER_SCRIPT = """\
import sys

from voice_clients.widgets import BadRequestError, Widgets

client = Widgets(base_url=sys.argv[1])
widget = client.widgets.get("w-1", expand=["parts"])
print(widget.id, type(widget.shape).__name__, widget.shape.radius)
try:
    client.widgets.create(name="bolt", size=1.5, api_version="2024-01-01")
except BadRequestError as exc:
    print(exc.status_code, exc.body)
"""


def _answer(exchange: Exchange) -> None:
    exchange.body()
    if exchange.method == "GET" and exchange.path == "/widgets/w-1":
        exchange.send_json({"id": "w-1", "shape": {"type": "circle", "radius": 2.5}})
    else:
        exchange.send_json({"message": "size too small"}, status=400)


def test_a_new_api_is_generated_reported_installed_and_called(tmp_path: Path) -> None:
    shell = Shell.copy_of_project(tmp_path / "project")
    api = shell.root / "specs" / "widgets"
    api.mkdir()
    shutil.copy(WIDGETS, api / "openapi.yaml")
    (api / "api.toml").write_text(API_TOML, encoding="utf-8")

    assert shell.clientgen("check").returncode == 1  # specs/ changed, generated/ not yet
    regenerated = ok(shell.make("regenerate"))
    assert regenerated.stderr == ""  # no progress lines into a pipe
    assert "voice_clients.widgets" in regenerated.stdout
    assert "`voice_clients.widgets`: new API, client `Widgets`" in regenerated.stdout
    assert "0 breaking, 1 compatible" in (shell.root / "generated" / "CHANGES.md").read_text()
    assert (
        "specs/widgets/openapi.yaml"
        in (shell.root / "generated" / "clientgen-record.json").read_text()
    )
    ok(shell.clientgen("check"))
    ok(shell.clientgen("check", "--full"))
    assert "generated: up to date" in ok(shell.make("regenerate")).stdout

    (tmp_path / "app.py").write_text(USER_SCRIPT, encoding="utf-8")
    server = LocalServer(_answer)
    env = {
        **os.environ,
        "PYTHONPATH": str(shell.root / "generated"),
        "WIDGETS_API_KEY": "sk-test",
    }
    with server.running():
        done = subprocess.run(
            [sys.executable, "app.py", server.url],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["w-1 Circle 2.5", "400 Problem(message='size too small')"]
    get, post = server.seen
    assert get.path == "/widgets/w-1?expand=parts"
    assert get.headers["authorization"] == "Bearer sk-test"
    assert (post.method, post.headers["api-version"]) == ("POST", "2024-01-01")
