"""Run the official SDKs' own test suites against the official SDKs and against ours.

`make sdk-suites` runs this: for Retell 5.24.0 and Cartesia 3.2.0 (the versions our
vendored specs match) it fetches the sdist (`sdk_fetch`), generates our clients for the
whole vendored spec with the official SDK's method paths (`docs/vendor-settings/<api>.toml`
as the api.toml), rewrites the name table `names/<api>.json` (`sdk_names`) of what still
differs, starts Prism on the spec and runs the suite's
`tests/api_resources/` twice: with the official SDK, and with our client behind the
official import names (`shim/`); then once more with ours sending Stainless' telemetry
header, which the suites check first, to see what fails after it. The counts and our
failures by cause go to docs/sdk-suites.md (`sdk_report`). Everything downloaded or built
stays in build/sdk-suites/.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import sdk_fetch
import sdk_names
import sdk_report
from sdk_fetch import BUILD, ROOT, SDKS, Sdk

HERE = Path(__file__).resolve().parent
CLIENTGEN = Path(sys.executable).with_name("clientgen")
PRISM = ROOT / "node_modules" / ".bin" / "prism"
PROJECT = BUILD / "project"
RESULTS = BUILD / "results"
DOC = ROOT / "docs" / "sdk-suites.md"
VENDOR_SPECS = ROOT / "tests" / "vendor-specs"
# api.toml for each API as users get the official SDK's method paths (README "Coming from
# the official SDK").
VENDOR_SETTINGS = ROOT / "docs" / "vendor-settings"
SPEC_FILES = {
    "retell": {"openapi.yaml": "retell-openapi.yaml"},
    "cartesia": {"openapi.yaml": "cartesia-openapi.yaml", "overlay.yaml": "cartesia-overlay.yaml"},
}
HOST = "127.0.0.1"
TEST_TIMEOUT_SECONDS = "60"
PYPROJECT = """[tool.clientgen]
distribution = "voice-clients"
package = "voice_clients"
version = "0.1.0"
specs = "specs"
output = "out"
"""


def generate_ours() -> Path:
    """Our package for the whole vendored specs, named as `docs/vendor-settings/` says."""
    shutil.rmtree(PROJECT, ignore_errors=True)
    for api, files in SPEC_FILES.items():
        folder = PROJECT / "specs" / api
        folder.mkdir(parents=True)
        shutil.copy(VENDOR_SETTINGS / f"{api}.toml", folder / "api.toml")
        for name, vendored in files.items():
            shutil.copy(VENDOR_SPECS / vendored, folder / name)
    (PROJECT / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    subprocess.run([str(CLIENTGEN), "--root", str(PROJECT), "generate"], check=True)
    return PROJECT / "out"


def bundle(api: str) -> Path:
    """The effective spec (overlay applied) that Prism serves."""
    spec = PROJECT / f"{api}.json"
    with spec.open("wb") as out:
        command = [str(CLIENTGEN), "--root", str(PROJECT), "bundle", api, "--format", "json"]
        subprocess.run(command, stdout=out, check=True)
    return spec


def write_names(sdk: Sdk, surface: Path) -> None:
    official = sdk_names.official_methods((sdk.source / "api.md").read_text(encoding="utf-8"))
    ours = sdk_names.our_methods(json.loads(surface.read_text(encoding="utf-8")), sdk.api)
    text = sdk_names.table_text(sdk_names.name_table(official, ours), sdk.source.name)
    (HERE / "names" / f"{sdk.api}.json").write_text(text, encoding="utf-8")


class Prism:
    """`prism mock` on one spec, as the Stainless suites' scripts/mock start it."""

    def __init__(self, spec: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            self.port: int = probe.getsockname()[1]
        self.base_url = f"http://{HOST}:{self.port}"
        self._log = log.open("w", encoding="utf-8")
        command = [str(PRISM), "mock", "-h", HOST, "-p", str(self.port), str(spec)]
        env = {**os.environ, "SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"}
        self._process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self._process.poll() is None:
            try:
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit(f"Prism did not start on {spec}: see {log}")

    def stop(self) -> None:
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait(timeout=10)
        self._log.close()


def run_suite(sdk: Sdk, side: str, base_url: str, out: Path, *, stub: bool = False) -> Path:
    """One run of the suite; its results as JUnit XML.

    `stub`: the diagnostic run of ours, sending Stainless' telemetry header
    (shim/_sdk_shim/stubs.py), to see what fails after it.
    """
    python = sdk_fetch.ensure_venv(sdk, side)
    report = RESULTS / f"{sdk.api}-{side}{'-stubbed' if stub else ''}.xml"
    paths = [str(HERE)]
    if side == "ours":
        paths += [str(HERE / "shim"), str(out)]
    env = {
        **os.environ,
        "TEST_API_BASE_URL": base_url,
        "PYTHONPATH": os.pathsep.join(paths),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SDK_SUITES_STUB_INTERNALS": "1" if stub else "0",
    }
    command = [
        str(python),
        "-m",
        "pytest",
        "tests/api_resources",
        "-p",
        "sdk_plugin",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-q",
        "--tb=short",
        "--show-capture=no",
        f"--timeout={TEST_TIMEOUT_SECONDS}",
        f"--junitxml={report}",
    ]
    print(f"\n== {sdk.distribution} {sdk.version} suite, {report.stem} ==", flush=True)
    subprocess.run(command, cwd=sdk.source, env=env, check=False)
    return report


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    for sdk in SDKS:
        sdk_fetch.fetch_source(sdk)
    out = generate_ours()
    results: list[sdk_report.VendorResult] = []
    for sdk in SDKS:
        write_names(sdk, out / "surface.json")
        prism = Prism(bundle(sdk.api), RESULTS / f"prism-{sdk.api}.log")
        try:
            official = run_suite(sdk, "official", prism.base_url, out)
            ours = run_suite(sdk, "ours", prism.base_url, out)
            stubbed = run_suite(sdk, "ours", prism.base_url, out, stub=True)
        finally:
            prism.stop()
        results.append(sdk_report.vendor_result(sdk, official, ours, stubbed))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    text = sdk_report.markdown(results, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), commit)
    DOC.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
