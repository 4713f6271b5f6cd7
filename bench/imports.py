"""Section 2 (and the import figure of section 5): import time in fresh processes.

Each sample is one new interpreter timing `import <module>` with perf_counter, so interpreter
start-up is excluded and nothing is cached in-process. Contenders run interleaved, round
after round; ratios are to `import httpx` measured in the same round.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .common import PYTHON, median, run

PROBE = "import time, sys; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def one(module: str, extra_path: Sequence[Path] = ()) -> float:
    """`module` is a module name to import, or a whole `from ... import ...` statement."""
    statement = module if module.startswith("from ") else f"import {module}"
    result = run(
        [PYTHON, "-c", PROBE.format(statement=statement)], extra_path=extra_path, timeout=120
    )
    if result.returncode != 0:
        raise RuntimeError(f"import {module} failed: {result.output.strip()[-500:]}")
    return float(result.output.strip().splitlines()[-1])


def import_times(
    modules: Mapping[str, tuple[str, Sequence[Path]]], rounds: int
) -> dict[str, tuple[float, float, str]]:
    """label -> (median ms, median ratio to `import httpx`, error or "")."""
    labels = ["httpx", *modules]
    specs = {"httpx": ("httpx", ()), **modules}
    samples: dict[str, list[float]] = {label: [] for label in labels}
    ratios: dict[str, list[float]] = {label: [] for label in labels}
    errors: dict[str, str] = {}
    for i in range(rounds + 1):
        order = labels if i % 2 == 0 else labels[::-1]
        got: dict[str, float] = {}
        for label in order:
            if label in errors:
                continue
            module, extra = specs[label]
            try:
                got[label] = one(module, extra)
            except RuntimeError as error:
                errors[label] = str(error)
        if i == 0 or "httpx" not in got:
            continue  # warm-up: page cache, .pyc files
        for label, value in got.items():
            samples[label].append(value)
            ratios[label].append(value / got["httpx"])
    return {
        label: (median(samples[label]) * 1e3, median(ratios[label]), errors.get(label, ""))
        for label in labels
    }
