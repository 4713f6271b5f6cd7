"""Compiled templates kept in the generator's cache, so a run does not compile them again.

Compiling the templates (Jinja2 parses them and writes Python code, which Python then
compiles) takes a few tenths of a second on every run, most of a small spec's rendering.
Jinja2 keeps the result as marshalled code in a bytecode cache; this one stores it in
the same content-addressed store as the formatted modules (generator/cache), so entries
are written atomically and a damaged one is a miss. The key covers the template's name
and source (Jinja2's own bucket key and checksum), Jinja2's and Python's versions (the
code is marshalled for one interpreter) and the environment's options, which change
what a template compiles to.
"""

from __future__ import annotations

import sys

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from generator.cache import Cache, digest

_NAMESPACE = "jinja2"


class TemplateCache(BytecodeCache):
    """Jinja2's bytecode cache on top of a `Cache`; `options` describe the environment."""

    def __init__(self, cache: Cache, options: str) -> None:
        self.cache = cache
        self.options = options

    def load_bytecode(self, bucket: Bucket) -> None:
        value = self.cache.get(_NAMESPACE, self._key(bucket))
        if value is not None:
            # Jinja2 checks the magic header and the source checksum again, and drops
            # the code (the template is then compiled) if either differs.
            bucket.bytecode_from_string(value)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.cache.put(_NAMESPACE, self._key(bucket), bucket.bytecode_to_string())

    def _key(self, bucket: Bucket) -> str:
        return digest(jinja2.__version__, sys.version, self.options, bucket.key, bucket.checksum)
