"""The per-call options every generated method takes, declared once.

The method signature, the `RequestOptions` value the method builds, and the names spec
parameters must stay clear of all come from this list. Annotations name the aliases that
resource modules import from the runtime; `{int}` is the builtin, spelled by the renderer
(a method named `int` would shadow it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallOption:
    name: str
    annotation: str
    default: str
    doc: str  # what every method's docstring says of it


CALL_OPTIONS = (
    CallOption("extra_headers", "_Headers | None", "None", "Send extra headers."),
    CallOption("extra_query", "_Query | None", "None", "Add additional query parameters."),
    CallOption("extra_body", "_Body | None", "None", "Add additional properties to the body."),
    CallOption(
        "timeout",
        "_Timeout | _NotGiven",
        "NOT_GIVEN",
        "Override the client-level default timeout for this request, in seconds.",
    ),
    CallOption(
        "max_retries",
        "{int} | _NotGiven",
        "NOT_GIVEN",
        "Override the client-level number of retries for this request.",
    ),
)

# Keyword arguments every generated method has; spec parameters must not take these names.
RESERVED_ARGUMENTS = frozenset({"self", *(option.name for option in CALL_OPTIONS)})
