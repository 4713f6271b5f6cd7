"""Start and stop Stoplight Prism, one mock server per API, for the contract tests.

Prism validates every request against the effective spec (`clientgen bundle API`: fragments
merged, overlay applied), in the copy `prism_safe` makes of it so that Prism can compile
every schema, and answers from it. It is started with `--errors`, so a request or
response that breaks the spec becomes an error response instead of a warning nobody reads.

Anything that keeps Prism from starting raises `PrismError` with Prism's own output: the
contract tests must fail loudly, never be skipped, when the judge is missing.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import httpx
from prism_safe import prism_safe

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / "node_modules" / ".bin" / "prism"
APIS = ("polyai", "cartesia", "retell")
HOST = "127.0.0.1"
# Generous: a cold Node.js start on a busy CI machine; Prism needs well under a second here.
STARTUP_SECONDS = 60.0
STOP_SECONDS = 10.0
PORT_ATTEMPTS = 3
# Prism's own telemetry stays off even if a future version reports at run time.
_QUIET_ENV = {"SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1", "FORCE_COLOR": "0"}


class PrismError(RuntimeError):
    """The judge could not be started; the message says why and shows its output."""


@dataclass
class PrismServer:
    """One running Prism: where it listens, and its log for failure messages."""

    api: str
    spec: Path
    port: int
    log: Path
    process: subprocess.Popen[bytes]
    _log_file: TextIO = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop Prism and anything it spawned (it runs in its own process group)."""
        if self.process.poll() is None:
            _signal_group(self.process, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                _signal_group(self.process, signal.SIGKILL)
                self.process.wait(timeout=STOP_SECONDS)
        self._log_file.close()


def violations(headers: httpx.Headers) -> list[dict[str, Any]]:
    """Prism's findings for one exchange (`sl-violations`), empty when it found none."""
    value = headers.get("sl-violations")
    if value is None:
        return []
    found: list[dict[str, Any]] = json.loads(value)
    return found


def bundle_specs(directory: Path, apis: tuple[str, ...] = APIS) -> dict[str, Path]:
    """Write each API's effective spec with the real CLI, in parallel (they are independent),
    as the Prism-safe copy."""
    clientgen = Path(sys.executable).with_name("clientgen")
    if not clientgen.exists():
        raise PrismError(f"{clientgen} is missing: install the project (`make`) first")
    running: dict[str, tuple[Path, subprocess.Popen[bytes]]] = {}
    for api in apis:
        spec = directory / f"{api}.json"
        with spec.open("wb") as out:
            command = [str(clientgen), "bundle", api, "--format", "json"]
            running[api] = (spec, _popen(command, stdout=out, stderr=subprocess.PIPE))
    errors = {
        api: process.communicate(timeout=STARTUP_SECONDS)[1]
        for api, (_, process) in running.items()
    }
    for api, (spec, process) in running.items():
        if process.returncode != 0:
            raise PrismError(f"`clientgen bundle {api}` failed:\n{errors[api].decode()}")
        safe, _ = prism_safe(json.loads(spec.read_text(encoding="utf-8")))
        spec.write_text(json.dumps(safe, indent=2, ensure_ascii=False), encoding="utf-8")
    return {api: spec for api, (spec, _) in running.items()}


def start_all(specs: dict[str, Path], logs: Path) -> dict[str, PrismServer]:
    """One Prism per API, launched together (startup dominates), then each awaited."""
    _check_tools()
    launched: dict[str, PrismServer] = {}
    ready: dict[str, PrismServer] = {}
    try:
        for api, spec in specs.items():
            launched[api] = _launch(api, spec, logs, attempt=1)
        for api, server in launched.items():
            ready[api] = _await_ready(server, logs)
            # Should the session die before the fixture's teardown, still leave no orphan.
            atexit.register(ready[api].stop)
    except BaseException:
        for server in [*launched.values(), *ready.values()]:
            server.stop()
        raise
    return ready


def _check_tools() -> None:
    if shutil.which("node") is None:
        raise PrismError(
            "Node.js is not on PATH: the contract tests run Stoplight Prism, which needs"
            " Node.js 20 or newer. Install Node.js, then `make node` (npm ci --ignore-scripts)."
        )
    if not PRISM.exists():
        raise PrismError(
            f"{PRISM.relative_to(ROOT)} is missing: run `make node` (npm ci --ignore-scripts),"
            " which installs the Prism pinned in package-lock.json."
        )


def _launch(api: str, spec: Path, logs: Path, *, attempt: int) -> PrismServer:
    port = _free_port()
    log = logs / f"prism-{api}-{attempt}.log"
    log_file = log.open("w", encoding="utf-8")
    command = [str(PRISM), "mock", "--host", HOST, "--port", str(port), "--errors", str(spec)]
    process = _popen(command, stdout=log_file, stderr=subprocess.STDOUT)
    return PrismServer(api, spec, port, log, process, log_file)


def _await_ready(server: PrismServer, logs: Path) -> PrismServer:
    """Wait until Prism says it listens on its port; relaunch if another process took it."""
    for attempt in range(1, PORT_ATTEMPTS + 1):
        if attempt > 1:
            server = _launch(server.api, server.spec, logs, attempt=attempt)
        ready = f"Prism is listening on {server.base_url}"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if ready in server.output() and _accepts(server.port):
                return server
            if server.process.poll() is not None:
                break
            time.sleep(0.05)
        status = server.process.poll()
        server.stop()
        output = server.output()
        if status is not None and "EADDRINUSE" in output:
            continue
        state = (
            f"exited with status {status}"
            if status is not None
            else f"did not start within {STARTUP_SECONDS:.0f}s"
        )
        raise PrismError(
            f"Prism for {server.api} ({PRISM.relative_to(ROOT)} mock --errors {server.spec})"
            f" {state}. Its output:\n{output}"
        )
    raise PrismError(f"Prism for {server.api}: no free port after {PORT_ATTEMPTS} attempts")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _popen(command: list[str], **streams: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **_QUIET_ENV},
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        **streams,
    )


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # it already exited
        os.killpg(process.pid, sig)
