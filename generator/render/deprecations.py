"""Deprecation warnings of generated methods, and the per-operation credential line of api.md.

A call of a deprecated operation, or one passing a deprecated argument, warns with
`DeprecationWarning` at the caller's line (`stacklevel=2`); Python's default filters show
it once per call site.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from generator.model.api import Api, Operation, Resource
from generator.parse.deprecations import about_deprecation


@dataclass(frozen=True)
class Warning_:
    condition: str | None  # a Python expression over the method's arguments; None: always
    message: str


def deprecation_warnings(api: Api, operation: Operation) -> list[Warning_]:
    subject = f"{api.client_class}.{operation.resource}.{operation.name}"
    warnings = []
    if operation.deprecated:
        warnings.append(Warning_(None, _message(f"`{subject}()`", operation.deprecation)))
    for parameter in operation.parameters:
        if parameter.deprecated:
            warnings.append(
                _argument(subject, parameter.python_name, parameter.required, parameter.description)
            )
    body = operation.body
    if body is not None and body.fields is not None:
        for field, argument in zip(body.fields, body.arguments, strict=True):
            if field.deprecated:
                warnings.append(_argument(subject, argument, field.required, field.description))
    return warnings


def any_warnings(api: Api, resource: Resource) -> bool:
    return any(deprecation_warnings(api, op) for op in resource.operations)


def _argument(subject: str, argument: str, required: bool, description: str | None) -> Warning_:
    condition = None if required else f"{argument} is not NOT_GIVEN"
    return Warning_(
        condition, _message(f"`{subject}({argument}=...)`", about_deprecation(description))
    )


def _message(subject: str, text: str | None) -> str:
    return f"{subject} is deprecated" + (f": {text}" if text else "")


def requirement_text(api: Api, operation: Operation) -> str:
    """`api_key`, or `token`; `none` for an operation that sends no credentials, and for
    an optional requirement's empty alternative (`token`, or none)."""
    if not operation.security:
        return "none"
    schemes = {scheme.key: scheme for scheme in api.security}
    alternatives = [
        " and ".join(f"`{name}`" for names in choice for name in names) or "none"
        for alternative in operation.security
        for choice in product(*(schemes[key].alternatives for key in alternative))
    ]
    return ", or ".join(alternatives)
