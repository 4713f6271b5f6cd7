"""The validator libraries' settings, fixed, without the library they read them with.

openapi-spec-validator and openapi-schema-validator each have a `settings` module that
reads a few values from the environment with pydantic-settings: the sizes of two caches
and the schema validator's backend. Importing pydantic-settings (and pydantic) is more
than half of importing the validator, in every run that validates, for values that must not
vary here anyway:

- the backend: `openapi.py` drives the jsonschema backend's validators directly (their
  resolver and keywords), so "jsonschema" is the one that works; the library's default,
  "auto", would take jsonschema-rs wherever it happens to be installed;
- the cache sizes change how fast a document is checked, never a verdict: the
  libraries' defaults.

So, before the validator is first imported, this module puts a stand-in for each
`settings` module in `sys.modules`, with the names the libraries import from it and
those values. Where a library's own module was imported before (by a caller that
imported the library first), it stays. `tests/validate/test_library_settings.py` checks
that the stand-ins have every name the libraries import from their `settings`, and that
validating imports no pydantic.
"""

from __future__ import annotations

import sys
import types

RESOLVED_CACHE_MAXSIZE = 128  # openapi-spec-validator's default
COMPILED_VALIDATOR_CACHE_MAX_SIZE = 128  # openapi-schema-validator's default
SCHEMA_VALIDATOR_BACKEND = "jsonschema"


class SpecValidatorSettings:
    """What openapi-spec-validator's `OpenAPISpecValidatorSettings()` gives it."""

    resolved_cache_maxsize = RESOLVED_CACHE_MAXSIZE
    schema_validator_backend = SCHEMA_VALIDATOR_BACKEND


class SchemaValidatorSettings:
    """What openapi-schema-validator's `get_settings()` gives it."""

    compiled_validator_cache_max_size = COMPILED_VALIDATOR_CACHE_MAX_SIZE


def _resolved_cache_maxsize() -> int:
    return RESOLVED_CACHE_MAXSIZE


def _schema_validator_backend() -> str:
    return SCHEMA_VALIDATOR_BACKEND


def _schema_validator_settings() -> type[SchemaValidatorSettings]:
    return SchemaValidatorSettings


def _no_cache_to_reset() -> None:
    """The libraries' settings are read once and cached; these are fixed."""


# Each library's settings module, and what its stand-in holds.
STAND_INS: dict[str, dict[str, object]] = {
    "openapi_spec_validator.settings": {
        "OpenAPISpecValidatorSettings": SpecValidatorSettings,
        "get_resolved_cache_maxsize": _resolved_cache_maxsize,
        "get_schema_validator_backend": _schema_validator_backend,
    },
    "openapi_schema_validator.settings": {
        "OpenAPISchemaValidatorSettings": SchemaValidatorSettings,
        "get_settings": _schema_validator_settings,
        "reset_settings_cache": _no_cache_to_reset,
    },
}


def install() -> None:
    """Put the stand-ins in place, each unless the library's own module is loaded."""
    for name, names in STAND_INS.items():
        if name not in sys.modules:
            module = types.ModuleType(name, f"Fixed settings, from {__name__}.")
            module.__dict__.update(names)
            sys.modules[name] = module
