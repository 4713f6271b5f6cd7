"""A content-addressed store of byte strings, safe to share between concurrent runs.

An entry is written to a temporary file and renamed into place, so a reader sees a whole
entry or none. Each entry repeats its key and carries a digest of its value: an entry
that is truncated, edited or written by something else is treated as a miss (and
replaced by the next put), never trusted. The entries of a namespace share one folder,
made once per run: on this kind of disk, creating folders and files is what a cold run of
a small spec spent most of its cache time on, so callers keep entries few and large.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

_MAGIC = b"clientgen-cache 1\n"
_ENV = "CLIENTGEN_CACHE_DIR"


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def default_cache_dir() -> Path:
    """$CLIENTGEN_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    explicit = os.environ.get(_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "clientgen"


class Cache:
    """Values by key within one namespace; `Cache(None)` stores nothing and finds nothing."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0
        self._made: set[str] = set()  # namespaces whose folder this object has made

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def get(self, namespace: str, key: str) -> bytes | None:
        if self.root is None:
            return None
        try:
            raw = self._path(namespace, key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        value = _decode(raw, namespace, key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, namespace: str, key: str, value: bytes) -> None:
        """Store `value`; a cache that cannot be written only costs speed, so errors pass."""
        if self.root is None:
            return
        path = self._path(namespace, key)
        header = f"{namespace}\n{key}\n{hashlib.sha256(value).hexdigest()}\n".encode()
        try:
            if namespace not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(namespace)
            fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(_MAGIC + header + value)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return

    def _path(self, namespace: str, key: str) -> Path:
        assert self.root is not None
        return self.root / namespace / key


def _decode(raw: bytes, namespace: str, key: str) -> bytes | None:
    if not raw.startswith(_MAGIC):
        return None
    parts = raw[len(_MAGIC) :].split(b"\n", 3)
    if len(parts) != 4:
        return None
    stored_namespace, stored_key, value_digest, value = parts
    if stored_namespace != namespace.encode() or stored_key != key.encode():
        return None
    if hashlib.sha256(value).hexdigest().encode() != value_digest:
        return None
    return value
