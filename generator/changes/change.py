"""The report's values: one change as callers see it, grouped per API."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """`subject` is what callers write (`PolyAI.phone_numbers.get(agent_id=...)`);
    `reason` says in one line what changed and why that does or does not break them."""

    breaking: bool
    subject: str
    reason: str


def breaking(subject: str, reason: str) -> Change:
    return Change(True, subject, reason)


def compatible(subject: str, reason: str) -> Change:
    return Change(False, subject, reason)


@dataclass(frozen=True)
class ApiChanges:
    name: str  # the specs/ folder
    module: str
    title: str
    versions: tuple[str, str]  # the spec's info.version before and after ("" when absent)
    changes: tuple[Change, ...]  # breaking first, otherwise in surface order

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)

    @property
    def compatible(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if not c.breaking)


@dataclass(frozen=True)
class Report:
    """Every API with at least one change, in name order; empty when nothing changed."""

    apis: tuple[ApiChanges, ...]

    def __bool__(self) -> bool:
        return bool(self.apis)

    @property
    def breaking_count(self) -> int:
        return sum(len(api.breaking) for api in self.apis)

    @property
    def compatible_count(self) -> int:
        return sum(len(api.compatible) for api in self.apis)
