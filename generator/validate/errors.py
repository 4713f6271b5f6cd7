"""From jsonschema errors to the few readable messages a person should see.

Most of the OpenAPI schema is alternatives (Schema or Reference, one parameter schema
per location, one security scheme schema per type), and a failed `oneOf` reports why
every alternative failed. Only the alternatives the author plausibly meant are kept,
and sibling complaints about one value ("not one of ['path']", "not one of ['query']")
are merged into one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

_MESSAGE_LENGTH = 300
_INSTANCE_LENGTH = 60
_VALUE_CHECKS = frozenset({"enum", "const"})


def most_specific(error: Any) -> list[Any]:
    """The errors that explain `error`: itself, or those of its plausible alternatives.

    An alternative was not meant when the node is not of its type, or when a direct
    member fails a single-valued enum or a const: a tag (`in: body` against the path
    parameter's `in: [path]`, `type: http` against the apiKey scheme's `[apiKey]`).
    Among the others, those that got deepest into the document win, as in jsonschema's
    `best_match`, and all their errors are kept: they are independent problems of the
    intended alternative. When none is plausible, the mismatches are the whole story.
    """
    context = list(error.context or ())
    if not context:
        return [error]
    alternatives: dict[Any, list[Any]] = defaultdict(list)
    for inner in context:
        alternatives[next(iter(inner.relative_schema_path), None)].append(inner)
    depth = len(error.absolute_path)
    plausible = [
        errors
        for errors in alternatives.values()
        if not any(_is_mismatch(inner, depth) for inner in errors)
    ]
    if not plausible:
        return [inner for inner in context if _is_mismatch(inner, depth)]
    deepest = max(_depth(errors) for errors in plausible)
    chosen = [errors for errors in plausible if _depth(errors) == deepest]
    # A schema is also offered the Reference alternative, which only says `$ref` is missing.
    chosen = [errors for errors in chosen if not all(map(_wants_ref, errors))] or chosen
    return [specific for errors in chosen for inner in errors for specific in most_specific(inner)]


def messages(errors: Iterable[Any]) -> list[str]:
    """Distinct one-line messages for errors about one node, merging sibling complaints.

    "Valid under more than one alternative" is a consequence when the node has other
    errors (a parameter without `in` fits several location alternatives), so it goes.
    """
    errors = list(errors)
    if not all(map(_is_ambiguous, errors)):
        errors = [error for error in errors if not _is_ambiguous(error)]
    allowed: list[Any] = []
    types: list[str] = []
    found: list[str] = []
    for error in errors:
        if error.validator in _VALUE_CHECKS:
            values = error.validator_value if error.validator == "enum" else [error.validator_value]
            allowed.extend(value for value in values if value not in allowed)
        elif error.validator == "type":
            value = error.validator_value
            types.extend(
                t for t in ([value] if isinstance(value, str) else value) if t not in types
            )
        else:
            found.append(_message(error))
    instance = _short(errors[0].instance)
    if types:
        found.insert(0, f"{instance} is not of type {', '.join(repr(t) for t in types)}")
    if allowed:
        found.insert(0, f"{instance} is not one of {allowed!r}")
    return [one_line(message) for message in dict.fromkeys(found)]


def one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LENGTH else text[: _MESSAGE_LENGTH - 3] + "..."


def _message(error: Any) -> str:
    """The library quotes whole offending values, which may be whole schemas."""
    if _is_ambiguous(error):
        return f"{_short(error.instance)} matches more than one alternative of a oneOf"
    message = str(error.message)
    instance = repr(error.instance)
    if len(instance) > _INSTANCE_LENGTH and instance in message:
        message = message.replace(instance, _short(error.instance))
    return one_line(message)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _INSTANCE_LENGTH else text[: _INSTANCE_LENGTH - 3] + "..."


def _is_mismatch(error: Any, depth: int) -> bool:
    if len(error.absolute_path) == depth:
        return bool(error.validator == "type")
    if len(error.absolute_path) != depth + 1:
        return False
    if error.validator == "enum":
        return len(error.validator_value) == 1
    return bool(error.validator == "const")


def _is_ambiguous(error: Any) -> bool:
    return error.validator == "oneOf" and not error.context


def _depth(errors: list[Any]) -> int:
    return max(len(error.absolute_path) for error in errors)


def _wants_ref(error: Any) -> bool:
    return error.validator == "required" and "$ref" in (error.validator_value or ())
