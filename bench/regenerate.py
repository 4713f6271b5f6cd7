"""Section 6: cold, warm and edited generation at GitHub's size, of PolyAI's whole API and
of the three seed APIs, against openapi-python-client in the same run.

Every clientgen run gets its own cache folder (`CLIENTGEN_CACHE_DIR`), so "cold" means an
empty cache and "warm" one filled by the run before; openapi-python-client has no cache
and is measured in the same run. The section also reports lines per operation (what
black is given to format) and, measured in the same run, where a cold run's time goes
(bench/stages.py). `BENCH_SECTIONS=6 python -m bench` (or `python -m bench regenerate`)
runs it alone and rewrites it, and its rows of the targets table, in docs/benchmarks.md.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .common import APIS, BIN, QUICK, ROOT, median, run
from .edits import edit_yaml_schema, edited_operation_copy, edited_schema_copy
from .generation import GITHUB_SPEC, opc
from .stages import Stages, stages

POLYAI_FULL = ROOT / "tests" / "vendor-specs" / "polyai-agents-api-1.0.11.json"
PACKAGE = "github_client"
# The seed API whose spec the edited case changes (one schema's description).
EDITED_SEED = "retell"

# Issue 22's targets, as ratios to openapi-python-client's wall time (or peak memory).
GITHUB_COLD = 1.5
GITHUB_MEMORY = 1.0
GITHUB_SCHEMA_EDITED = 0.10
SEEDS_COLD = 0.5


@dataclass
class Case:
    name: str
    ours_s: float
    opc_s: float
    target: float | None  # None: measured, no target set
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours_s / self.opc_s


def _clientgen(cache: Path, *args: str | Path) -> tuple[float, float, str]:
    """(wall s, peak MiB, output) of one clientgen run from the repository root."""
    result = run(
        [str(BIN / "clientgen"), *map(str, args)],
        cwd=ROOT,
        extra_env={"CLIENTGEN_CACHE_DIR": str(cache)},
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"clientgen {' '.join(map(str, args))} failed:\n{result.output}")
    return result.wall, result.peak_mib, result.output


def generated_lines(package: Path) -> tuple[int, int]:
    """(operations, lines of the generated Python modules) of one API package, its
    runtime left out: clientgen lists each method it generated in api.md (one `###`)."""
    doc = package / "api.md"
    operations = sum(
        1 for line in doc.read_text(encoding="utf-8").splitlines() if line.startswith("### ")
    )
    lines = sum(
        path.read_text(encoding="utf-8").count("\n")
        for path in package.rglob("*.py")
        if "_runtime" not in path.relative_to(package).parts
    )
    return operations, lines


@dataclass
class Github:
    cases: list[Case]
    ours_peak: float
    opc_peak: float
    lines: tuple[int, int]
    cold: Stages
    edited: Stages


def github(work: Path) -> Github:
    """The GitHub cases, one round each (a cold run takes a minute or more)."""
    cache, out = work / "gh-cache", work / "gh-out"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    opc_pkg = work / "gh-opc" / "opc_github"
    opc_pkg.parent.mkdir(parents=True, exist_ok=True)
    opc_run = opc(GITHUB_SPEC, opc_pkg, timeout=900)
    spec_args = ("--spec", GITHUB_SPEC, "--out", out, "--package", PACKAGE)
    cold, cold_peak, _ = _clientgen(cache, "generate", *spec_args)
    lines = generated_lines(out / PACKAGE)
    check, _, check_output = _clientgen(cache, "check", *spec_args)
    same, _, _ = _clientgen(cache, "generate", *spec_args)
    new_out = work / "gh-out-warm"
    warm, _, _ = _clientgen(
        cache, "generate", "--spec", GITHUB_SPEC, "--out", new_out, "--package", PACKAGE
    )
    # The stages of the schema edit are measured on a copy of the cache as it is now.
    warm_cache = work / "gh-cache-warm"
    shutil.copytree(cache, warm_cache)
    edited = edited_operation_copy(GITHUB_SPEC, work / "edited")
    edit, _, _ = _clientgen(cache, "generate", "--spec", edited, "--out", out, "--package", PACKAGE)
    schema = edited_schema_copy(GITHUB_SPEC, work / "edited-schema")
    edit_schema, _, _ = _clientgen(
        cache, "generate", "--spec", schema, "--out", out, "--package", PACKAGE
    )
    note = "" if "up to date" in check_output else f"check said: {check_output.strip()[:200]}"
    base = opc_run.wall
    cases = [
        Case("GitHub, cold (empty cache): wall time", cold, base, GITHUB_COLD),
        Case("GitHub, warm cache, new output folder", warm, base, None),
        Case(
            "GitHub, one schema's description edited, warm", edit_schema, base, GITHUB_SCHEMA_EDITED
        ),
        Case("GitHub, one operation's summary edited, warm", edit, base, None),
        Case("GitHub, regenerate with nothing changed", same, base, None),
        Case("GitHub, `check --spec F --out DIR` (no cache)", check, base, None, note),
    ]
    cold_stages = stages(GITHUB_SPEC, work / "gh-stages-cache", package=PACKAGE)
    edited_stages = stages(schema, warm_cache, package=PACKAGE, cold=False)
    return Github(cases, cold_peak, opc_run.peak_mib, lines, cold_stages, edited_stages)


def polyai_full(work: Path, rounds: int) -> tuple[list[Case], tuple[int, int]]:
    """PolyAI's whole API (61 operations) ad hoc: cold, warm, one schema edited."""
    cold_t: list[float] = []
    warm_t: list[float] = []
    edit_t: list[float] = []
    opc_t: list[float] = []
    edited = edited_schema_copy(POLYAI_FULL, work / "polyai-edited")
    out = work / "polyai-out"
    lines = (0, 0)
    for i in range(rounds + 1):  # round 0 is the warm-up
        cache = work / f"polyai-cache-{i}"
        shutil.rmtree(out, ignore_errors=True)
        args = ("--out", out, "--package", "polyai_client")
        cold, _, _ = _clientgen(cache, "generate", "--spec", POLYAI_FULL, *args)
        lines = generated_lines(out / "polyai_client")
        shutil.rmtree(out, ignore_errors=True)
        warm, _, _ = _clientgen(cache, "generate", "--spec", POLYAI_FULL, *args)
        edit, _, _ = _clientgen(cache, "generate", "--spec", edited, *args)
        opc_run = opc(POLYAI_FULL, work / "polyai-opc" / "opc_polyai")
        if i:
            cold_t.append(cold)
            warm_t.append(warm)
            edit_t.append(edit)
            opc_t.append(opc_run.wall)
    baseline = median(opc_t)
    cases = [
        Case("PolyAI whole API, cold (empty cache)", median(cold_t), baseline, None),
        Case("PolyAI whole API, warm cache, new output folder", median(warm_t), baseline, None),
        Case(
            "PolyAI whole API, one schema's description edited, warm",
            median(edit_t),
            baseline,
            None,
        ),
    ]
    return cases, lines


def _seed_project(work: Path) -> Path:
    """A copy of the project's specs/ with the settings clientgen needs, to edit freely."""
    project = work / "seed-project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT / "specs", project / "specs")
    (project / "pyproject.toml").write_text(
        "[tool.clientgen]\n"
        'distribution = "voice-clients"\npackage = "voice_clients"\nversion = "0.1.0"\n'
        'specs = "specs"\noutput = "generated"\n',
        encoding="utf-8",
    )
    return project


def seeds(
    work: Path, specs: dict[str, Path], rounds: int
) -> tuple[list[Case], dict[str, tuple[int, int]], Stages]:
    """The three seed APIs in one clientgen run against three openapi-python-client runs."""
    cold_t: list[float] = []
    warm_t: list[float] = []
    edit_t: list[float] = []
    opc_t: list[float] = []
    out = work / "seed-out"
    lines: dict[str, tuple[int, int]] = {}
    for i in range(rounds + 1):  # round 0 is the warm-up
        project = _seed_project(work)
        cache = work / f"seed-cache-{i}"
        shutil.rmtree(out, ignore_errors=True)
        cold, _, _ = _clientgen(cache, "--root", project, "generate", "--out", out)
        lines = {api: generated_lines(out / "voice_clients" / api) for api in APIS}
        shutil.rmtree(out, ignore_errors=True)
        warm, _, _ = _clientgen(cache, "--root", project, "generate", "--out", out)
        edit_yaml_schema(project / "specs" / EDITED_SEED / "openapi.yaml")
        edit, _, _ = _clientgen(cache, "--root", project, "generate", "--out", out)
        total = 0.0
        for api in APIS:
            total += opc(specs[api], work / "seed-opc" / f"opc_{api}").wall
        if i:
            cold_t.append(cold)
            warm_t.append(warm)
            edit_t.append(edit)
            opc_t.append(total)
    cold_stages = stages(_seed_project(work), work / "seed-stages-cache", project=True)
    baseline = median(opc_t)
    cases = [
        Case("three seed APIs, cold (empty cache)", median(cold_t), baseline, SEEDS_COLD),
        Case("three seed APIs, warm cache, new output folder", median(warm_t), baseline, None),
        Case(
            f"three seed APIs, one schema's description edited ({EDITED_SEED}), warm",
            median(edit_t),
            baseline,
            None,
        ),
    ]
    return cases, lines, cold_stages


def section(work: Path, specs: dict[str, Path]) -> tuple[list[str], list[list[str]]]:
    """The section's Markdown lines and its rows for the targets table."""
    (work / "seed-opc").mkdir(parents=True, exist_ok=True)
    (work / "polyai-opc").mkdir(parents=True, exist_ok=True)
    rounds = 1 if QUICK else 3
    seed_cases, seed_lines, seed_stages = seeds(work, specs, rounds)
    polyai_cases, polyai_lines = polyai_full(work, rounds)
    gh = github(work)
    rows, summary = [], []
    memory_case = Case("GitHub, cold: peak memory (MiB)", gh.ours_peak, gh.opc_peak, GITHUB_MEMORY)
    for case in [*gh.cases[:1], memory_case, *gh.cases[1:], *polyai_cases, *seed_cases]:
        if case.target is None:
            target = "—"
        else:
            verdict = "met" if case.ratio <= case.target else "**MISSED**"
            target = f"≤ {case.target:.2f}x: {verdict}"
            bound = f"≤ {case.target:.2f}x"
            summary.append(["6. regenerate", case.name, bound, f"{case.ratio:.2f}x", verdict])
        shown = f"{case.ours_s:.0f}" if case is memory_case else f"{case.ours_s:.2f}"
        theirs = f"{case.opc_s:.0f}" if case is memory_case else f"{case.opc_s:.2f}"
        rows.append(
            [
                case.name,
                shown,
                theirs,
                f"{case.ratio:.2f}x",
                target + (f" ({case.note})" if case.note else ""),
            ]
        )
    volume = [
        [name, f"{operations:,}", f"{lines:,}", f"{lines / max(operations, 1):.0f}"]
        for name, (operations, lines) in [
            *((api, seed_lines[api]) for api in APIS),
            ("PolyAI whole API", polyai_lines),
            ("GitHub", gh.lines),
        ]
    ]
    load = os.getloadavg()[0]
    lines = [
        "## 6. Regenerate: cold, warm and edited",
        "",
        "Wall time of whole processes; the ratio is to openapi-python-client generating the same"
        " spec in the same run (GitHub: one run; seed APIs: its three runs summed; PolyAI's"
        f" whole API and the seed APIs: median of {rounds} rounds after a warm-up)."
        " clientgen's caches live in a folder of the run: cold is an empty cache, warm one"
        ' filled by the run before; "new output folder" regenerates everything from the'
        " cache into an empty folder. GitHub is generated ad hoc (`generate --spec F --out"
        " DIR`), one round per case, so its ratios are only as steady as the machine's load"
        f" (load average {load:.1f} on {os.cpu_count()} CPUs at the end of the section). The"
        " check is the fast one (the output's record against the inputs, no cache); the"
        " nothing-changed regenerate takes the same path. An edited case changes one schema's"
        " description (models.py and params.py are rendered again, and formatted again only in"
        " the class that shows it: a module is formatted by top-level statements, each cached;"
        " no resource module is rendered again, as none shows a schema's description) or one"
        " operation's summary (its resource module and api.md are rendered and formatted"
        " again, and the package's `__init__.py`, which holds `SPEC_SHA256`). Loading and"
        " model building are redone; the other resource modules and api.md are taken from the"
        " cache by a key of the model parts each is made of; the other modules (models.py,"
        " params.py, the client) are rendered again and their formatting found in the cache."
        " The seed APIs are generated from a copy of `specs/` with"
        f" `--root`; their edited case changes a description in {EDITED_SEED}'s spec.",
        "",
        *_table(["case", "clientgen s", "openapi-python-client s", "ratio", "target"], rows),
        "",
        "Lines per operation: the generated Python modules' lines (after black; the runtime,"
        " copied as it is, left out) over the methods generated (api.md's entries), from the"
        " cold runs above. Formatting time follows this volume.",
        "",
        *_table(["API", "operations", "generated lines", "lines per operation"], volume),
        "",
        "Where the time goes, measured in this run (bench/stages.py: the pipeline's stages"
        " called one after the other in a fresh interpreter; `clientgen generate` validates"
        " in a child process beside the later stages, so with a core to spare its wall time"
        " is shorter than their sum):",
        "",
        f"- {seed_stages.sentence('the three seed APIs')}",
        f"- {gh.cold.sentence('GitHub')}",
        f"- {gh.edited.sentence('GitHub with one schema edited, warm cache')}",
        "",
        "The 200-spec public corpus sample is section 8. `import voice_clients.<api>` against"
        " `import httpx` is section 2.",
        "",
    ]
    return lines, summary


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return out + ["| " + " | ".join(row) + " |" for row in rows]
