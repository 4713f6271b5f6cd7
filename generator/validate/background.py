"""Validation in a forked process, beside model building, rendering and formatting.

On a cold run of a small spec, importing openapi-spec-validator and validating is a
large share of the time, and on a big one validation takes seconds; the later stages
do not need the verdict until the end (nothing is written before). So the verdict is
computed by a child process (`os.fork`, on Linux) while this process goes on,
and collected before anything is returned: on a machine with a core to spare, the
validation's time is hidden. The verdict is the one `validate_spec` gives, computed by
it in the child, the cache included: even a cached verdict costs a walk of the whole
document to compute its key (a sixth of a second on GitHub's spec), which the child
spends beside the later stages too. The caller puts the verdict first: whatever the
later stages report or raise on an invalid document (they assume a valid one), the
validation's problems are what the user sees, as before.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from generator.cache import Cache
from generator.diagnostics import Diagnostic, GeneratorError
from generator.load import LoadedSpec
from generator.validate import validate_spec

# Linux only: macOS has `os.fork`, but a forked child may crash in system libraries the
# parent has loaded (Python's own default there is spawn), and Windows has no fork.
_CAN_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


# Of each document, what the child also works out, first (the model's digest of the spec).
Digest = Callable[[dict[str, Any]], str]


@dataclass
class _Child:
    """A child process validating several specs in order; its verdicts are read once,
    and the digests it works out first, before validating, once too."""

    pid: int
    pipe: int
    digest_pipe: int
    verdicts: list[list[Diagnostic]] | None = None
    done: bool = False
    digests: list[str | None] | None = None
    digests_read: bool = False

    def collect_digests(self) -> list[str | None] | None:
        """Each document's digest (None where working it out raised), or None if the
        child did not deliver them."""
        if not self.digests_read:
            self.digests_read = True
            with os.fdopen(self.digest_pipe, "rb") as stream:
                data = stream.read()
            try:
                value = pickle.loads(data) if data else None
            except Exception:
                value = None
            self.digests = value if isinstance(value, list) else None
        return self.digests

    def collect(self) -> list[list[Diagnostic]] | None:
        """Every spec's problems, or None if the child did not deliver them."""
        if not self.done:
            self.done = True
            if not self.digests_read:  # never asked for: the pipe is closed unread
                self.digests_read = True
                os.close(self.digest_pipe)
            with os.fdopen(self.pipe, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(self.pid, 0)
            if data and os.waitstatus_to_exitcode(status) == 0:
                outcome, value = pickle.loads(data)
                if outcome == "ok":
                    self.verdicts = [list(found) for found in value]
        return self.verdicts


@dataclass
class Pending:
    """A validation under way (or done); `problems` waits for it."""

    spec: LoadedSpec
    cache: Cache | None
    digest_of: Digest | None = None
    child: _Child | None = None  # None: nothing under way, `found` holds the verdict
    index: int = 0  # this spec's place among the child's
    found: list[Diagnostic] | None = None

    def digest(self) -> str:
        """`digest_of(the document)`, as the child worked it out (before validating, so
        it is there by the time the model is built), or worked out here."""
        assert self.digest_of is not None
        if self.child is not None:
            digests = self.child.collect_digests()
            found = digests[self.index] if digests is not None else None
            if found is not None:
                return found
        return self.digest_of(self.spec.document)

    def problems(self, *, settled_only: bool = False) -> list[Diagnostic]:
        """The validation's problems (empty: the document is valid).

        A child that did not deliver (killed, or the library's crash inside it) is made
        good by validating here; with `settled_only`, when the caller is already on its
        way out with an exception of its own, it is taken as no problems instead.
        """
        if self.found is None and self.child is not None:
            verdicts = self.child.collect()
            if verdicts is None and settled_only:
                return []
            self.found = verdicts[self.index] if verdicts is not None else None
        if self.found is None:
            self.found = _problems(self.spec, self.cache)
        return self.found


def start_validation(
    spec: LoadedSpec, cache: Cache | None = None, digest_of: Digest | None = None
) -> Pending:
    """Start validating `spec` (see `start_validations`)."""
    return start_validations([spec], cache, digest_of)[0]


def start_validations(
    specs: list[LoadedSpec], cache: Cache | None = None, digest_of: Digest | None = None
) -> list[Pending]:
    """Start validating `specs`, each as `validate_spec(spec, cache)` does (a clean verdict
    read from and written to `cache`): by one child process, one after the other (so the
    validator is imported once), or here, where a fork is not safe (see `_CAN_FORK`).

    The child first works out `digest_of` each document (`Pending.digest`): the model's
    digest of the spec serialises the whole document, a tenth of a second on a large
    spec that the child spends beside model building instead."""
    pending = [Pending(spec, cache, digest_of) for spec in specs]
    if not pending:
        return pending
    if not _CAN_FORK:
        for p in pending:
            p.found = _problems(p.spec, cache)
        return pending
    read, write = os.pipe()
    digest_read, digest_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: digests, then validate, send the verdicts, leave without cleanup
        os.close(read)
        os.close(digest_read)
        try:
            # The parent may have closed the pipe unread: it no longer needs them.
            with suppress(OSError):
                _send(digest_write, [_digest(digest_of, p.spec) for p in pending])
            try:
                data = pickle.dumps(("ok", [_problems(p.spec, cache) for p in pending]))
            except BaseException as failure:
                data = pickle.dumps(("failed", repr(failure)))
            _send(write, data)
        finally:
            os._exit(0)
    os.close(write)
    os.close(digest_write)
    child = _Child(pid, read, digest_read)
    for index, p in enumerate(pending):
        p.child, p.index = child, index
    return pending


def _digest(digest_of: Digest | None, spec: LoadedSpec) -> str | None:
    """`digest_of` the document, None if there is none or it raised (the parent, working it
    out again, raises as it would have)."""
    if digest_of is None:
        return None
    try:
        return digest_of(spec.document)
    except Exception:
        return None


def _send(pipe: int, value: object) -> None:
    """Write `value` (pickled unless bytes already) to `pipe` and close it."""
    data = value if isinstance(value, bytes) else pickle.dumps(value)
    with os.fdopen(pipe, "wb") as stream:
        stream.write(data)


def _problems(spec: LoadedSpec, cache: Cache | None) -> list[Diagnostic]:
    try:
        validate_spec(spec, cache)
    except GeneratorError as refused:
        return list(refused.diagnostics)
    return []
