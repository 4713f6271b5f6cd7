"""Compiled templates kept in the generator's stores, so a run does not compile them again.

Compiling the templates (Jinja2 parses them and writes Python code, which Python then
compiles) takes a tenth of a second on every run, most of a small spec's rendering.
Jinja2 keeps the result as marshalled code in a bytecode cache; this one stores it in
content-addressed stores (generator/cache): the installation's, beside the generator's
code, first, then the user cache, which serves where the installation is read-only.
Entries are written atomically and a damaged one is a miss. The key covers the template's name
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
    """Jinja2's bytecode cache on top of `Cache` stores, the first that has a template
    answering; `options` describe the environment."""

    def __init__(self, stores: list[Cache], options: str) -> None:
        self.stores = [store for store in stores if store.enabled]
        self.options = options

    def load_bytecode(self, bucket: Bucket) -> None:
        key = self._key(bucket)
        for index, store in enumerate(self.stores):
            value = store.get(_NAMESPACE, key)
            if value is not None:
                for earlier in self.stores[
                    :index
                ]:  # found later: kept where it is looked for first
                    earlier.put(_NAMESPACE, key, value)
                # Jinja2 checks the magic header and the source checksum again, and drops
                # the code (the template is then compiled) if either differs.
                bucket.bytecode_from_string(value)
                return

    def dump_bytecode(self, bucket: Bucket) -> None:
        value = bucket.bytecode_to_string()
        for store in self.stores:
            store.put(_NAMESPACE, self._key(bucket), value)

    def _key(self, bucket: Bucket) -> str:
        return digest(jinja2.__version__, sys.version, self.options, bucket.key, bucket.checksum)
