"""Generate every spec of the `@readme/oas-examples` corpus and judge each package.

A spec passes when its package is generated, every module imports, `mypy --strict` is
clean and there is one method per operation; otherwise the generator must have refused
it with one located message and written nothing. Anything else (a crash, a package
that does not import or type-check, a missing method) is a failure.

Run by `make corpus`, which writes the table in docs/corpus.md and fails if a spec
recorded as generated no longer is; the regression test in this folder (part of `make
test`) runs a fixed sample of the corpus and compares it with that table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.load import load_spec_file
from generator.naming import snake_case
from generator.parse.operations import HTTP_METHODS
from generator.pipeline import build_single
from generator.write.tree import write_tree

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(
    os.environ.get("CLIENTGEN_CORPUS", ROOT / "node_modules" / "@readme" / "oas-examples")
)
TABLE = ROOT / "docs" / "corpus.md"
# docs/corpus.md also holds the table of the public sample (public.py), from this heading on.
PUBLIC_SECTION = "\n## 200 public specs"

GENERATED = "generated"
REFUSED = "refused"
FAILED = "FAILED"


@dataclass
class Outcome:
    spec: str
    operations: int
    methods: int
    outcome: str
    detail: str
    seconds: float


def corpus_specs() -> list[Path]:
    """The JSON examples of OpenAPI 3.0 and 3.1, plus 3.1 examples only published as YAML."""
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is missing: run `make node_modules` (npm ci) first")
    found = sorted((CORPUS / "3.0" / "json").rglob("*.json"))
    found += sorted((CORPUS / "3.1" / "json").glob("*.json"))
    json_stems = {p.stem for p in found}
    found += sorted(p for p in (CORPUS / "3.1" / "json").glob("*.yaml") if p.stem not in json_stems)
    return found


def package_name(spec: Path) -> str:
    relative = spec.relative_to(CORPUS).with_suffix("").as_posix().replace("/json/", "/")
    return "oas_" + snake_case(relative)


def run(specs: list[Path], workdir: Path) -> list[Outcome]:
    outcomes: dict[str, Outcome] = {}
    packages: dict[str, Outcome] = {}
    for spec in specs:
        name = spec.relative_to(CORPUS).as_posix()
        started = time.perf_counter()
        try:
            files = build_single(spec, package_name(spec))
        except GeneratorError as exc:
            first = exc.diagnostics[0]
            more = f" (+{len(exc.diagnostics) - 1} more)" if len(exc.diagnostics) > 1 else ""
            detail = str(first).replace(str(CORPUS) + "/", "") + more
            outcomes[name] = Outcome(name, _operations(spec), 0, REFUSED, detail, 0.0)
        except Exception as exc:  # the generator crashed: that is what this harness hunts
            detail = f"crash: {type(exc).__name__}: {exc}"
            outcomes[name] = Outcome(name, _operations(spec), 0, FAILED, detail, 0.0)
        else:
            write_tree(files, workdir / package_name(spec))
            seconds = time.perf_counter() - started
            outcome = Outcome(name, _operations(spec), 0, GENERATED, "", seconds)
            outcomes[name] = packages[package_name(spec)] = outcome
        outcomes[name].seconds = time.perf_counter() - started
    _check_imports(workdir, packages)
    _check_types(workdir, packages)
    for outcome in packages.values():
        if outcome.outcome == GENERATED and outcome.methods != outcome.operations:
            outcome.outcome = FAILED
            outcome.detail = f"{outcome.methods} methods for {outcome.operations} operations"
    return [outcomes[s.relative_to(CORPUS).as_posix()] for s in specs]


def _operations(spec: Path) -> int:
    """Client calls in the spec: operations under `paths` (webhooks and callbacks are not)."""
    try:
        document = load_spec_file(spec).document
    except GeneratorError:
        return 0
    paths = document.get("paths") or {}
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )


_IMPORT_ALL = """
import importlib, json, pkgutil, sys
result = {}
for name in sys.argv[1:]:
    try:
        package = importlib.import_module(name)
        methods = 0
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            module = importlib.import_module(info.name)
            if ".resources." in info.name:
                runtime = importlib.import_module(name + "._runtime")
                methods += sum(isinstance(v, runtime.Endpoint) for v in vars(module).values())
        result[name] = {"methods": methods}
    except Exception as exc:
        result[name] = {"error": f"{type(exc).__name__}: {exc}"}
print(json.dumps(result))
"""


def _check_imports(workdir: Path, packages: dict[str, Outcome]) -> None:
    """Import every module of every package (in one fresh interpreter) and count methods."""
    if not packages:
        return
    names = sorted(packages)
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *names],
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(str(workdir / n) for n in names)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        for outcome in packages.values():
            outcome.outcome, outcome.detail = FAILED, "import check crashed: " + done.stderr[-300:]
        return
    report = json.loads(done.stdout)
    for name in names:
        entry = report[name]
        if "error" in entry:
            packages[name].outcome, packages[name].detail = FAILED, "import: " + entry["error"]
        else:
            packages[name].methods = entry["methods"]


def _check_types(workdir: Path, packages: dict[str, Outcome]) -> None:
    """`mypy --strict` over every package in one run (they share the runtime's analysis)."""
    names = sorted(n for n, o in packages.items() if o.outcome == GENERATED)
    if not names:
        return
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10"]
        + [arg for n in names for arg in ("-p", n)],
        cwd=workdir,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(workdir / n) for n in names)},
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        path, _, message = line.partition(": error: ")
        if not message:
            continue
        package = Path(path.split(":")[0]).parts[1] if len(Path(path).parts) > 1 else ""
        outcome = packages.get(package)
        if outcome is not None and outcome.outcome == GENERATED:
            outcome.outcome, outcome.detail = FAILED, f"mypy: {line.split('/', 2)[-1]}"


def write_table(outcomes: list[Outcome], table: Path = TABLE) -> None:
    version = json.loads((CORPUS / "package.json").read_text())["version"]
    counts = {o: sum(1 for x in outcomes if x.outcome == o) for o in (GENERATED, REFUSED, FAILED)}
    lines = [
        "# The real-world corpus",
        "",
        f"Every OpenAPI 3.0 and 3.1 example of `@readme/oas-examples` {version}, generated",
        "with `clientgen generate --spec` by `make corpus` (this table is its output).",
        f"**{counts[GENERATED]} generated**: the package imports, passes `mypy --strict` and",
        "has one method per operation (webhooks and callbacks are not client calls).",
        f"**{counts[REFUSED]} refused**: the generator stopped with one located message and",
        f"wrote nothing; the first message is shown. **{counts[FAILED]} failed**.",
        "",
        "| spec | operations | methods | outcome | time (s) | detail |",
        "| --- | ---: | ---: | --- | ---: | --- |",
    ]
    for o in outcomes:
        detail = o.detail.replace("|", "\\|").replace("\n", " ")
        cells = [o.spec, str(o.operations), str(o.methods), o.outcome, f"{o.seconds:.2f}", detail]
        lines.append("| " + " | ".join(cells) + " |")
    table.parent.mkdir(parents=True, exist_ok=True)
    kept = table.read_text(encoding="utf-8") if table.exists() else ""
    public = kept[kept.find(PUBLIC_SECTION) :] if PUBLIC_SECTION in kept else ""
    table.write_text("\n".join(lines) + "\n" + public, encoding="utf-8")


def read_table(table: Path = TABLE) -> dict[str, str]:
    """spec → outcome, as last recorded."""
    text = table.read_text(encoding="utf-8").split(PUBLIC_SECTION)[0]
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    # The first two rows are the header and its separator.
    return {cells[0]: cells[3] for cells in (r.strip("| ").split(" | ") for r in rows[2:])}


def regressions(recorded: dict[str, str], outcomes: list[Outcome]) -> list[str]:
    """Each spec recorded as generated that no longer is, and each failure, as a line."""
    lines = [
        f"{o.spec}: was generated, now {o.outcome}: {o.detail}"
        for o in outcomes
        if recorded.get(o.spec) == GENERATED and o.outcome != GENERATED
    ]
    return lines + [f"{o.spec}: {o.detail}" for o in outcomes if o.outcome == FAILED]


def main() -> None:
    """Rewrite the table; exit 1 on a failure or on a spec that no longer generates (the
    table is rewritten all the same, so the change shows in `git diff docs/corpus.md`)."""
    recorded = read_table()
    with tempfile.TemporaryDirectory(prefix="clientgen-corpus-") as workdir:
        outcomes = run(corpus_specs(), Path(workdir))
    write_table(outcomes)
    for o in outcomes:
        print(f"{o.outcome:10s} {o.spec}  {o.detail}")
    failed = [o for o in outcomes if o.outcome == FAILED]
    print(f"{len(outcomes)} specs: {len(outcomes) - len(failed)} passed, {len(failed)} failed")
    lost = regressions(recorded, outcomes)
    for line in lost:
        print(f"regression: {line}")
    sys.exit(1 if failed or lost else 0)


if __name__ == "__main__":
    main()
