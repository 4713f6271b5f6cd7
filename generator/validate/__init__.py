"""Is the loaded document an OpenAPI document we can generate from? Every problem, located."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from generator.cache import Cache, digest
from generator.diagnostics import GeneratorError
from generator.load import LoadedSpec
from generator.validate import library_settings
from generator.validate.key import keyed_document

# Before anything imports the validator (see `library_settings`).
library_settings.install()

_NAMESPACE = "valid"


def validate_spec(spec: LoadedSpec, cache: Cache | None = None) -> None:
    """Raise one `GeneratorError` listing every problem found.

    References are checked first, and the library validator only runs when they all
    resolve: its resolver reports a dangling one as an unreadable traceback. Only a
    clean result is cached (problems must be located in the files, which the key does
    not cover), keyed by the validator's version, our checks' source and the document
    less what cannot change the verdict (see `key`).
    """
    key = _cache_key(spec) if cache is not None and cache.enabled else None
    if key is not None and cache is not None and cache.get(_NAMESPACE, key) == b"valid":
        return
    from generator.validate.openapi import library_problems
    from generator.validate.refs import check_refs
    from generator.validate.version import openapi_minor

    minor = openapi_minor(spec)
    problems = check_refs(spec) or library_problems(spec, minor)
    if problems:
        raise GeneratorError(problems)
    if key is not None and cache is not None:
        cache.put(_NAMESPACE, key, b"valid")


def _cache_key(spec: LoadedSpec) -> str:
    document = keyed_document(spec.document)
    return digest(metadata.version("openapi-spec-validator"), _checks_version(), document)


def _checks_version() -> str:
    """Our checks are this package's source and the reference resolver it relies on."""
    here = Path(__file__).parent
    sources = [*sorted(here.glob("*.py")), here.parent / "load" / "references.py"]
    return digest(*(p.read_bytes() for p in sources))


__all__ = ["validate_spec"]
