"""The official SDKs' sources and the virtual environments their suites run in.

The sdists on PyPI carry `tests/`, so the suites come from pip by name and version, into
the ignored build folder; nothing of theirs is committed here. Each suite runs twice, in
two venvs that share its test tools at the versions of its own `requirements-dev.lock`:
one with the official SDK, one with only what our package needs (httpx, msgspec).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "sdk-suites"

# What the suites import besides the SDK; aiohttp for their `http_client="aiohttp"` cases.
TEST_TOOLS = (
    "pytest",
    "pytest-asyncio",
    "respx",
    "dirty-equals",
    "time-machine",
    "aiohttp",
    "httpx-aiohttp",
)
# A hung test must not hang the run (not in their lock files; pinned here).
TIMEOUT_PLUGIN = "pytest-timeout==2.4.0"


@dataclass(frozen=True)
class Sdk:
    """One official SDK: its PyPI name and version, its import name, our API folder."""

    distribution: str
    version: str
    package: str
    api: str

    @property
    def source(self) -> Path:
        """The unpacked sdist (its `tests/`, `api.md` and `requirements-dev.lock`)."""
        stem = f"{self.distribution.replace('-', '_')}-{self.version}"
        return BUILD / "src" / stem

    def venv(self, side: str) -> Path:
        return BUILD / f"venv-{self.api}-{side}"


SDKS = (
    Sdk("retell-sdk", "5.24.0", "retell", "retell"),
    Sdk("cartesia", "3.2.0", "cartesia", "cartesia"),
)


def fetch_source(sdk: Sdk) -> Path:
    """Download the pinned sdist with pip and unpack it (once)."""
    if (sdk.source / "tests" / "api_resources").is_dir():
        return sdk.source
    sdists = BUILD / "sdists"
    sdists.mkdir(parents=True, exist_ok=True)
    _pip(
        sys.executable,
        "download",
        "--no-deps",
        "--no-binary",
        ":all:",
        f"{sdk.distribution}=={sdk.version}",
        "-d",
        str(sdists),
    )
    (archive,) = sdists.glob(f"{sdk.source.name}.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(sdk.source.parent, filter="data")
    return sdk.source


def tool_pins(sdk: Sdk) -> list[str]:
    """The suite's own pins of its test tools (markers kept: pip evaluates them)."""
    lock = (sdk.source / "requirements-dev.lock").read_text(encoding="utf-8")
    wanted = re.compile(rf"^({'|'.join(re.escape(t) for t in TEST_TOOLS)})==", re.IGNORECASE)
    return [line.strip() for line in lock.splitlines() if wanted.match(line)]


def our_pins() -> list[str]:
    """httpx and msgspec at the versions our own dev environment pins."""
    dev = (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8")
    return [
        line.strip() for line in dev.splitlines() if re.match(r"^(httpx|msgspec)==", line.strip())
    ]


def ensure_venv(sdk: Sdk, side: str) -> Path:
    """The venv of one side ("official" or "ours"), created and filled on first use.

    The official side gets the SDK with its aiohttp extra and the suite's pinned test
    tools; ours gets httpx and msgspec and the very versions of the test tools that the
    official side ended up with (a lock file need not pin aiohttp, for one).
    """
    venv = sdk.venv(side)
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    if stamp.exists():
        return python
    if side == "official":
        requirements = [f"{sdk.distribution}[aiohttp]=={sdk.version}", *tool_pins(sdk)]
    else:
        requirements = [*our_pins(), *installed_tools(ensure_venv(sdk, "official"))]
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    _pip(str(python), "install", *requirements, TIMEOUT_PLUGIN)
    stamp.touch()
    return python


def installed_tools(python: Path) -> list[str]:
    """The test tools installed in a venv, as `name==version`."""
    frozen = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tools = {t.lower() for t in TEST_TOOLS}
    return [
        line
        for line in frozen.splitlines()
        if line.partition("==")[0].lower().replace("_", "-") in tools
    ]


def _pip(python: str, *arguments: str) -> None:
    command = [python, "-m", "pip", "--disable-pip-version-check", "--quiet", *arguments]
    subprocess.run(command, check=True)
