"""The `[operations]` and `[resources]` pins of api.toml: which one applies to a path,
and which match nothing in the spec (each an error at its line, so that a pin left
behind by a vendor's rename cannot silently stop naming anything)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic
from generator.settings import NamingSettings

if TYPE_CHECKING:
    from generator.parse.operation_names import OperationSite


def unmatched_pins(sites: Sequence[OperationSite], naming: NamingSettings) -> list[Diagnostic]:
    """Each `[operations]` or `[resources]` key that names nothing in the spec."""
    keys = {site.key for site in sites} | {s.operation_id for s in sites if s.operation_id}
    tags = {
        tags[0]
        for site in sites
        if isinstance(tags := site.raw.get("tags"), list) and tags and isinstance(tags[0], str)
    }
    problems = []
    for key in naming.operations:
        if key not in keys:
            problems.append(
                Diagnostic(
                    f"[operations] {key!r} matches no operation of the spec (write "
                    '"METHOD /path" or an operationId)',
                    naming.locations.get(("operations", key)),
                )
            )
    for key in naming.resources:
        if key.startswith("/"):
            if not any(matching_prefix(site.path, {key: ""}) for site in sites):
                problems.append(
                    Diagnostic(
                        f"[resources] path prefix {key!r} matches no path of the spec",
                        naming.locations.get(("resources", key)),
                    )
                )
        elif key not in tags:
            problems.append(
                Diagnostic(
                    f"[resources] {key!r} is no operation's first tag (a path prefix starts"
                    ' with "/")',
                    naming.locations.get(("resources", key)),
                )
            )
    return problems


def matching_prefix(path: str, resources: Mapping[str, str]) -> str | None:
    """The longest `[resources]` key that is a whole-segment prefix of `path`."""
    parts = segments(path)
    best: str | None = None
    for key in resources:
        if not key.startswith("/"):
            continue
        prefix = segments(key)
        longer = best is None or len(prefix) > len(segments(best))
        if prefix and parts[: len(prefix)] == prefix and longer:
            best = key
    return best


def segments(path: str) -> list[str]:
    """`/agents/{id}/` → agents, {id}."""
    return [s for s in path.split("/") if s]
