"""The judges are the pinned ones, and their pins carry no download addresses.

A judge that silently changes version changes the verdict; a lock file with registry URLs
ties installs to one mirror. Both are cheap to check and easy to get wrong when updating.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from typing import Any

from prism_server import ROOT

PRISM_PACKAGE = "@stoplight/prism-cli"


def _json(path: str) -> Any:
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def test_prism_is_pinned_exactly_and_installed_at_that_version() -> None:
    pinned = _json("package.json")["devDependencies"][PRISM_PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), pinned
    lock = _json("package-lock.json")
    assert lock["packages"][f"node_modules/{PRISM_PACKAGE}"]["version"] == pinned
    installed = _json(f"node_modules/{PRISM_PACKAGE}/package.json")["version"]
    assert installed == pinned, "node_modules is stale: run `make node`"


def test_the_lock_file_holds_no_download_address() -> None:
    text = (ROOT / "package-lock.json").read_text(encoding="utf-8")
    assert "://" not in text
    assert '"resolved"' not in text
    packages = _json("package-lock.json")["packages"]
    # Every package is still verified by its hash when `npm ci` fetches it.
    assert all("integrity" in entry for name, entry in packages.items() if name)


def test_dev_requirements_are_exact_pins_and_the_sdks_are_installed_at_them() -> None:
    lines = (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==") for line in lines)
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[A-Za-z0-9_.]+", line) for line in lines), lines
    for sdk in ("retell-sdk", "cartesia"):
        assert version(sdk) == pins[sdk]
