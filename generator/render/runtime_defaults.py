"""The runtime's defaults that generated docs state, read from the runtime's own source.

A client's docstring says how long it waits and which statuses it retries; the runtime
decides both (`DEFAULT_TIMEOUT` in `_types.py`, `RETRY_STATUSES` in `_retries.py`). The
values are read from those assignments rather than written again here, so the docs can
never promise other defaults than the code has. The source is parsed, not imported: the
generator does not depend on httpx, which the runtime needs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RuntimeDefaults:
    timeout: float  # seconds, for each of reading, writing and waiting for the pool
    connect_timeout: float
    retry_statuses: tuple[int, ...]

    def timeout_text(self) -> str:
        """`60 s by default (5 s to connect)`."""
        return f"{self.timeout:g} s by default ({self.connect_timeout:g} s to connect)"

    def retry_statuses_text(self) -> str:
        """`408, 429, 500, 502, 503 and 504`."""
        *most, last = (str(status) for status in self.retry_statuses)
        return f"{', '.join(most)} and {last}" if most else last


def read_runtime_defaults(runtime: Path) -> RuntimeDefaults:
    """The defaults of the runtime in `runtime` (the folder copied into the package)."""
    timeout = _assigned(runtime / "_types.py", "DEFAULT_TIMEOUT")
    statuses = _assigned(runtime / "_retries.py", "RETRY_STATUSES")
    # DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
    if not (isinstance(timeout, ast.Call) and len(timeout.args) == 1):
        raise ValueError(
            f"DEFAULT_TIMEOUT is not `httpx.Timeout(seconds, connect=...)` in {runtime}"
        )
    connect = [k.value for k in timeout.keywords if k.arg == "connect"]
    # RETRY_STATUSES = frozenset({408, 429, ...})
    if not (isinstance(statuses, ast.Call) and len(statuses.args) == 1):
        raise ValueError(f"RETRY_STATUSES is not `frozenset({{...}})` in {runtime}")
    total = float(ast.literal_eval(timeout.args[0]))
    return RuntimeDefaults(
        timeout=total,
        connect_timeout=float(ast.literal_eval(connect[0])) if connect else total,
        retry_statuses=tuple(sorted(ast.literal_eval(statuses.args[0]))),
    )


def _assigned(source: Path, name: str) -> ast.expr:
    """The expression assigned to a module-level `name` in `source`."""
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == name
        ):
            return node.value
    raise ValueError(f"{source} assigns no {name}")
