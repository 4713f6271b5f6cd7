"""The report as text: plain for the terminal, Markdown ready to paste into a changelog.

Both list each API with a change, breaking changes first, one line per change. No
dates or paths, so the same surfaces give the same bytes.
"""

from __future__ import annotations

from generator.changes.change import ApiChanges, Change, Report

TITLE = "What changed for callers"


def summary(report: Report) -> str:
    return f"{report.breaking_count} breaking, {report.compatible_count} compatible"


def render_text(report: Report) -> str:
    lines = [f"{TITLE}: {summary(report)}"]
    for api in report.apis:
        lines.append(f"{api.name} ({api.module}): {_heading(api)}")
        lines += [
            f"  {'breaking' if c.breaking else 'compatible'}: {_line(c)}" for c in api.changes
        ]
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    lines = [
        f"# {TITLE}",
        "",
        f"The last regenerate that changed the public API of the generated package: "
        f"{summary(report)}.",
    ]
    for api in report.apis:
        lines += ["", f"## {api.name} (`{api.module}`): {_heading(api)}"]
        for label, changes in (("Breaking", api.breaking), ("Compatible", api.compatible)):
            if changes:
                lines += ["", f"{label}:", "", *(f"- {_line(c)}" for c in changes)]
    return "\n".join(lines) + "\n"


def _heading(api: ApiChanges) -> str:
    before, after = api.versions
    if before and after and before != after:
        return f"{api.title} {before} → {after}"
    return f"{api.title} {after or before}".rstrip()


def _line(change: Change) -> str:
    return f"`{change.subject}`: {change.reason}"
