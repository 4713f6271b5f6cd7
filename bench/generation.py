"""Sections 4 and 5: generating the three APIs, and generating GitHub's whole API ad hoc."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .common import APIS, BIN, PYTHON, QUICK, ROOT, Run, median, run

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
GITHUB_SPEC = ROOT / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"


def bundle_specs(work: Path) -> dict[str, Path]:
    """The effective spec of each API as one JSON file: openapi-python-client's input."""
    specs = {}
    for api in APIS:
        result = run([str(BIN / "clientgen"), "bundle", api, "--format", "json"])
        if result.returncode != 0:
            raise SystemExit(f"clientgen bundle {api} failed:\n{result.output}")
        specs[api] = work / f"{api}.json"
        specs[api].write_text(result.output)
    return specs


def opc(spec: Path, out: Path, timeout: float | None = None) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    argv = [str(BIN / "openapi-python-client"), "generate", "--path", str(spec)]
    argv += ["--output-path", str(out), "--meta", "none"]
    return run(argv, cwd=out.parent, timeout=timeout)


def ours(out: Path, spec: Path | None = None, package: str | None = None, **kw: float) -> Run:
    # Sections 4 and 5 time whole generations: no cache (section 6 times the cache).
    argv = [str(BIN / "clientgen"), "generate", "--no-cache", "--out", str(out)]
    if spec is not None:
        argv += ["--spec", str(spec), "--package", str(package)]
    return run(argv, cwd=ROOT, timeout=kw.get("timeout"))


@dataclass
class Generation:
    ours_s: float
    opc_s: float
    no_change_s: float
    check_s: float
    check_rc: int
    opc_failures: list[str] = field(default_factory=list)
    runs: int = 0


def generation(work: Path, specs: dict[str, Path]) -> tuple[Generation, dict[str, Path]]:
    """Interleaved: clientgen (3 APIs, one process) against openapi-python-client (3 runs)."""
    rounds = 2 if QUICK else 5
    ours_t: list[float] = []
    opc_t: list[float] = []
    same_t: list[float] = []
    check_t: list[float] = []
    failures: set[str] = set()
    check_rc = 0
    opc_out = {api: work / "opc" / f"opc_{api}" for api in APIS}
    (work / "opc").mkdir(exist_ok=True)
    for i in range(rounds + 1):  # round 0 is the warm-up
        out = work / "ours"
        shutil.rmtree(out, ignore_errors=True)
        first = ours(out)
        if first.returncode != 0:
            raise SystemExit(f"clientgen generate failed:\n{first.output}")
        again = ours(out)  # the no-change case: what `make regenerate` does on a clean tree
        check = run([str(BIN / "clientgen"), "check"], cwd=ROOT)
        check_rc = check.returncode
        total = 0.0
        for api in APIS:
            result = opc(specs[api], opc_out[api])
            total += result.wall
            if result.returncode != 0 or not (opc_out[api] / "__init__.py").exists():
                failures.add(f"{api}: {result.output.strip()[-300:]}")
        if i:
            ours_t.append(first.wall)
            same_t.append(again.wall)
            check_t.append(check.wall)
            opc_t.append(total)
    generation_result = Generation(
        median(ours_t),
        median(opc_t),
        median(same_t),
        median(check_t),
        check_rc,
        sorted(failures),
        rounds,
    )
    return generation_result, opc_out


@dataclass
class Scale:
    tool: str
    wall: float
    peak_mib: float
    returncode: int
    timed_out: bool
    size_mib: float = 0.0
    files: int = 0
    operations: int = 0
    modules: int = 0
    modules_ok: int = 0
    import_errors: list[str] = field(default_factory=list)
    import_s: float = float("nan")
    note: str = ""
    runs: int = 1


def spec_operations(spec: Path) -> int:
    doc = json.loads(spec.read_text())
    return sum(
        1 for item in doc.get("paths", {}).values() for method in item if method in HTTP_METHODS
    )


def _size(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sum(p.stat().st_size for p in files) / 2**20, len(files)


IMPORT_ALL = """
import importlib, json, pathlib, sys
root = pathlib.Path(sys.argv[1]); pkg = sys.argv[2]; sys.path.insert(0, str(root))
names = []
for p in sorted((root / pkg).rglob("*.py")):
    parts = p.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    names.append(".".join(parts))
errors = []
for name in names:
    try:
        importlib.import_module(name)
    except BaseException as e:
        errors.append(f"{name}: {type(e).__name__}: {str(e)[:200]}")
print(json.dumps({"modules": len(names), "errors": errors}))
"""


def import_all(root: Path, package: str, timeout: float) -> tuple[int, list[str]]:
    result = run([PYTHON, "-c", IMPORT_ALL, str(root), package], timeout=timeout)
    if result.timed_out or result.returncode != 0:
        return 0, [f"importing every module failed: {result.output.strip()[-300:]}"]
    data = json.loads(result.output.strip().splitlines()[-1])
    return int(data["modules"]), list(data["errors"])


def _opc_operations(package: Path) -> int:
    """openapi-python-client writes one module per operation under api/<tag>/."""
    return sum(1 for p in (package / "api").rglob("*.py") if p.name != "__init__.py")


def _our_operations(package: Path) -> int:
    """clientgen lists every method it generated in api.md, one `###` heading each."""
    doc = package / "api.md"
    if not doc.exists():
        return 0
    return sum(1 for line in doc.read_text().splitlines() if line.startswith("### "))


def scale(
    work: Path, timeout: float, rounds: int
) -> tuple[int, list[Scale], dict[str, tuple[str, Path]]]:
    """GitHub's API generated by us and by opc, interleaved; the last outputs are inspected."""
    operations = spec_operations(GITHUB_SPEC)
    ours_root = work / "scale_ours"
    opc_pkg = work / "scale_opc" / "opc_github"
    opc_pkg.parent.mkdir(parents=True, exist_ok=True)
    tools = ["clientgen", "openapi-python-client"]
    runs: dict[str, list[Run]] = {tool: [] for tool in tools}
    for i in range(rounds):
        for tool in tools if i % 2 == 0 else tools[::-1]:
            if any(r.timed_out for r in runs[tool]):
                continue  # one timeout is the answer; do not spend the budget again
            if tool == "clientgen":
                shutil.rmtree(ours_root, ignore_errors=True)
                runs[tool].append(ours(ours_root, GITHUB_SPEC, "github_client", timeout=timeout))
            else:
                runs[tool].append(opc(GITHUB_SPEC, opc_pkg, timeout=timeout))
    results = []
    packages: dict[str, tuple[str, Path]] = {}
    for tool in tools:
        last = runs[tool][-1]
        done = [r for r in runs[tool] if not r.timed_out] or runs[tool]
        row = Scale(
            tool,
            median([r.wall for r in done]),
            median([r.peak_mib for r in done]),
            last.returncode,
            last.timed_out,
            runs=len(runs[tool]),
        )
        if last.timed_out:
            row.note = f"timed out after {timeout:.0f} s"
        elif last.returncode != 0:
            row.note = f"exit {last.returncode}: {last.output.strip()[-200:]}"
        if tool == "clientgen":
            package, root, name = ours_root / "github_client", ours_root, "github_client"
        else:
            package, root, name = opc_pkg, opc_pkg.parent, "opc_github"
        if (package / "__init__.py").exists() and not last.timed_out:
            row.size_mib, row.files = _size(package)
            row.operations = (
                _our_operations(package) if tool == "clientgen" else _opc_operations(package)
            )
            row.modules, row.import_errors = import_all(root, name, timeout)
            row.modules_ok = row.modules - len(row.import_errors)
            packages[tool] = (name, root)
        removed = last.output.count("Unable to process schema")
        degraded = last.output.count("WARNING parsing")
        if tool == "openapi-python-client" and (removed or degraded):
            row.note = (row.note + "; " if row.note else "") + (
                f"warned: {removed} schemas removed, {degraded} endpoints degraded"
                " (a response or parameter omitted)"
            )
        results.append(row)
    return operations, results, packages


def opc_packages(work: Path, specs: dict[str, Path]) -> dict[str, Path]:
    """openapi-python-client's package of each API, for the sections that call or import
    them when section 4 (which generates them while timing) is not run."""
    opc_out = {api: work / "opc" / f"opc_{api}" for api in APIS}
    (work / "opc").mkdir(exist_ok=True)
    for api in APIS:
        opc(specs[api], opc_out[api])
    return opc_out
