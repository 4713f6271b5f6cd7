"""Is the loaded document an OpenAPI document we can generate from? Every problem, located."""

from generator.diagnostics import GeneratorError
from generator.load import LoadedSpec
from generator.validate.openapi import library_problems
from generator.validate.refs import check_refs
from generator.validate.version import openapi_minor


def validate_spec(spec: LoadedSpec) -> None:
    """Raise one `GeneratorError` listing every problem found.

    References are checked first, and the library validator only runs when they all
    resolve: its resolver reports a dangling one as an unreadable traceback.
    """
    minor = openapi_minor(spec)
    problems = check_refs(spec) or library_problems(spec, minor)
    if problems:
        raise GeneratorError(problems)


__all__ = ["validate_spec"]
