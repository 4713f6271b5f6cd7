"""Shared helpers: paths, environment, medians, and child processes with their peak memory."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
APIS = ("polyai", "cartesia", "retell")
QUICK = os.environ.get("BENCH_QUICK") == "1"


def env(
    extra_path: Sequence[Path] = (), extra_env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of child processes: the venv's tools first, no vendor variables, and
    clientgen's cache folder only where a run gives one (`extra_env`)."""
    child = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("RETELL_", "CARTESIA_", "POLYAI_", "PYTHON", "CLIENTGEN_"))
    }
    child.update(extra_env or {})
    child["PATH"] = f"{BIN}{os.pathsep}{child.get('PATH', '')}"
    if extra_path:
        child["PYTHONPATH"] = os.pathsep.join(str(p) for p in extra_path)
    return child


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class Run:
    """One child process: wall seconds, peak RSS in MiB, exit code, whether it timed out."""

    wall: float
    peak_mib: float
    returncode: int
    timed_out: bool
    output: str


def run(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    timeout: float | None = None,
    extra_path: Sequence[Path] = (),
    extra_env: Mapping[str, str] | None = None,
) -> Run:
    """Run argv; its peak memory comes from wait4's rusage for that child alone."""
    log = subprocess.PIPE
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env=env(extra_path, extra_env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()))  # type: ignore
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if timer:
        timer.cancel()
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = b"".join(chunks).decode("utf-8", "replace")
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, timed_out.is_set(), output)


def sections_selected() -> set[int]:
    """`BENCH_SECTIONS=6,8`: the sections to run (default: all eight); the others keep
    what docs/benchmarks.md says from an earlier run."""
    chosen = os.environ.get("BENCH_SECTIONS", "").strip()
    if not chosen:
        return set(range(1, 9))
    numbers = {int(part) for part in chosen.split(",") if part.strip()}
    if not numbers <= set(range(1, 9)):
        raise SystemExit(f"BENCH_SECTIONS={chosen}: sections are numbered 1 to 8")
    return numbers


def md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def old_section(doc: str, number: int) -> tuple[list[str], list[str]]:
    """Section `number` of an earlier docs/benchmarks.md and its rows of the targets
    table; nothing if it has none."""
    lines = doc.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(f"## {number}.")), None)
    if start is None:
        return [], []
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), None)
    section = [*lines[start:end]]
    while section and not section[-1]:
        section.pop()
    rows = [line for line in lines if line.startswith(f"| {number}. ")]
    return [*section, ""], rows
