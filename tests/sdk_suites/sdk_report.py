"""Counts of the suites' runs, and our failures sorted by cause, for docs/sdk-suites.md.

A test function is counted once, however many parametrized cases it has (loose/strict,
httpx/aiohttp): it errored if a case errored, else failed if a case failed, else passed if
a case passed, else it was skipped. Each of our failed or errored functions is put under
the cause of its first failing case, by the first rule of `CAUSES` that matches the
failure's message and traceback; a failure at something only Stainless' own clients have
(their telemetry headers, their private client) is "Stainless-internal", not a defect of
ours. The public attributes of their responses (`is_closed`, `http_request`) are not:
their users read them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sdk_fetch import Sdk

PASSED, FAILED, ERRORED, SKIPPED = "passed", "failed", "errored", "skipped"
OUTCOMES = (PASSED, FAILED, ERRORED, SKIPPED)
STAINLESS_INTERNAL = "Stainless-internal"
DEPRECATED = "deprecated argument: ours warns (DeprecationWarning), the suites make warnings errors"
EXAMPLE_LACKS_FIELD = (
    "response validation: the spec's example, which the mock serves, lacks a required field"
)
# Failures that are no defect of ours: differences kept on purpose (README's "Coming from
# the official SDK" says why), and vendor spec defects ours reports where the SDK's older
# model does not know the field.
KINDS = {DEPRECATED: "ours, intended", EXAMPLE_LACKS_FIELD: "vendor spec defect"}


NOTES = (
    "- Ours is generated with docs/vendor-settings/<api>.toml, the official SDK's method",
    "  paths, so tests/sdk_suites/names/ maps only return types (and the routes one side lacks).",
    "- Only names are mapped: the official constructor's private `_strict_response_validation=`",
    "  is dropped, and Cartesia's `token=` is passed to ours as `api_key=` too (the official",
    "  client sends either as the bearer of every call; ours sends `token` only where the spec",
    "  names that scheme, so without this nearly every Cartesia test stops at",
    "  `MissingAPIKeyError`).",
    "- The raw- and streamed-response tests check that `response.http_request` carries",
    "  Stainless' telemetry header `X-Stainless-Lang` before anything else; ours does not send",
    "  it, so those failures are Stainless-internal, and the `.parse()` after it is not",
    "  reached. A diagnostic rerun of ours sends that header as a default header",
    "  (tests/sdk_suites/shim/_sdk_shim/stubs.py) to show what fails next; its numbers are",
    "  not counted in the table.",
    "- Where the official SDK returns a list's response, ours returns a page (iterating",
    "  every item of every page); the suites' `assert_matches_type` checks its first",
    "  response, `page.body` (shim/_sdk_shim/helpers.py).",
    "- The suites run with their own settings, `filterwarnings = error` included.",
)


@dataclass(frozen=True)
class Cause:
    """A cause of failure: its name, whether it is Stainless-internal, how it is recognised."""

    name: str
    internal: bool
    pattern: re.Pattern[str]


def _cause(name: str, pattern: str, *, internal: bool = False) -> Cause:
    return Cause(name, internal, re.compile(pattern, re.MULTILINE))


# First match wins; the order goes from the most specific to the most general.
CAUSES = (
    _cause(
        "binary responses: ours returns bytes where the tests expect a response object",
        r"'bytes' object has no attribute",
    ),
    _cause("Stainless telemetry header `X-Stainless-Lang`", r"X-Stainless-Lang", internal=True),
    _cause(
        "response attributes of the SDKs missing in ours (`is_closed`, `http_request`)",
        r"has no attribute '(is_closed|http_request)'",
    ),
    _cause(
        "Stainless private client attributes (`_client`, …)",
        r"has no attribute '_(client|base_url|strict_response_validation|version)'",
        internal=True,
    ),
    _cause(
        "empty path argument: ours refuses it in other words than the tests expect",
        r"RequestValidationError: \S+: .*must not be empty",
    ),
    _cause(DEPRECATED, r"DeprecationWarning: `"),
    _cause(
        "request validation: ours rejects an argument value the spec does not allow",
        r"RequestValidationError:",
    ),
    _cause(
        "Accept header: ours asks for JSON where the operation answers another type (406)",
        r"Error code: 406",
    ),
    _cause(EXAMPLE_LACKS_FIELD, r"ResponseValidationError:.*missing required field"),
    _cause(
        "response validation: the mock's body does not match our spec (ResponseValidationError)",
        r"ResponseValidationError:",
    ),
    _cause(
        "argument names differ from the official ones",
        r"got an unexpected keyword argument|missing \d+ required (keyword-only )?argument",
    ),
    _cause("the mock rejects the request ours sends (4xx)", r"Error code: 4\d\d"),
    _cause(
        "raw response of a binary call: ours is a raw response whose `parse()` gives the"
        " binary response, not the binary response itself",
        r"isinstance\(.*BinaryAPIResponse\)",
    ),
    _cause(
        "streamed responses: ours has no `.json()` (read it with `parse()`, `read()`, …)",
        r"'(Async)?StreamedResponse' object has no attribute 'json'",
    ),
    _cause(
        "streamed responses: ours has no `.parse()` (nor `.json()`)",
        r"'(Async)?StreamedResponse' object has no attribute 'parse'",
    ),
    _cause(
        "async raw responses: `json()` is not awaitable (ours has read the body already)",
        r"object (dict|list) can't be used in 'await' expression",
    ),
    _cause(
        "async raw responses: `parse()` is not awaitable",
        r"can't be used in 'await' expression|object is not awaitable",
    ),
    _cause(
        "SSE streams: ours lacks what the tests use (`.response`, …)",
        r"'(Async)?Stream' object has no attribute",
    ),
    _cause(
        "return type differs from the official one (assert_matches_type)", r"assert_matches_type"
    ),
    _cause("method or attribute missing in ours", r"AttributeError: "),
)


@dataclass
class Failure:
    message: str
    text: str


@dataclass
class Function:
    """One test function and the outcomes of its cases."""

    name: str
    outcomes: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        for outcome in (ERRORED, FAILED, PASSED):
            if outcome in self.outcomes:
                return outcome
        return SKIPPED


@dataclass
class VendorResult:
    sdk: Sdk
    official: dict[str, Function]
    ours: dict[str, Function]
    stubbed: dict[str, Function]


def functions(report: Path) -> dict[str, Function]:
    """The test functions of one JUnit XML report, by qualified name."""
    found: dict[str, Function] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        name = f"{case.get('classname')}.{case.get('name', '').split('[')[0]}"
        function = found.setdefault(name, Function(name))
        outcome = PASSED
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = FAILED if child.tag == "failure" else ERRORED
                function.failures.append(Failure(child.get("message") or "", child.text or ""))
            elif child.tag == "skipped":
                outcome = SKIPPED
        function.outcomes.append(outcome)
    return found


def counts(found: dict[str, Function]) -> Counter[str]:
    return Counter(function.outcome for function in found.values())


def vendor_result(sdk: Sdk, official: Path, ours: Path, stubbed: Path) -> VendorResult:
    return VendorResult(sdk, functions(official), functions(ours), functions(stubbed))


def cause_of(failure: Failure) -> tuple[str, bool]:
    """The cause's name and whether it is Stainless-internal."""
    both = f"{failure.message}\n{failure.text}"
    for cause in CAUSES:
        if cause.pattern.search(both):
            return cause.name, cause.internal
    return f"other: {first_line(failure)}", False


def first_line(failure: Failure) -> str:
    """The exception line, with the test's own literals and ids shortened away."""
    line = failure.message.strip().splitlines()[0] if failure.message.strip() else "?"
    line = re.sub(r"0x[0-9a-f]+", "0x…", line)
    return line[:160]


def causes(result: VendorResult) -> Counter[tuple[str, bool]]:
    """Our failed and errored functions by cause, among those the official SDK passes."""
    found: Counter[tuple[str, bool]] = Counter()
    for function in _failing_where_official_passes(result, result.ours):
        found[cause_of(function.failures[0])] += 1
    return found


def behind_internals(result: VendorResult) -> Counter[tuple[str, bool]]:
    """What the functions failing at a Stainless-internal do in the diagnostic run."""
    internal = {
        function.name
        for function in _failing_where_official_passes(result, result.ours)
        if cause_of(function.failures[0])[1]
    }
    found: Counter[tuple[str, bool]] = Counter()
    for name in internal:
        function = result.stubbed.get(name)
        if function is None or function.outcome == PASSED:
            found[(PASSED, False)] += 1
        elif function.failures:
            found[cause_of(function.failures[0])] += 1
    return found


def _failing_where_official_passes(
    result: VendorResult, found: dict[str, Function]
) -> list[Function]:
    return [
        function
        for name, function in found.items()
        if function.outcome in (FAILED, ERRORED)
        and function.failures
        and name in result.official
        and result.official[name].outcome == PASSED
    ]


def markdown(results: list[VendorResult], when: str, commit: str) -> str:
    lines = [
        "# The official SDKs' test suites, run against our clients",
        "",
        "`make sdk-suites` (not part of `make test`) runs the `tests/api_resources/` suites",
        "of the official Stainless-generated SDKs against Prism twice: with the official SDK,",
        "and with our client under the official import names (tests/sdk_suites/shim, methods",
        "mapped by route through tests/sdk_suites/names/). A test function counts once over",
        "its parametrized cases. Our failures are sorted by cause among the functions the",
        'official SDK passes; "Stainless-internal" ones test something only Stainless\'',
        "clients have, not a defect of ours.",
        "",
        f"Last run: {when}, commit {commit}.",
        "",
        *NOTES,
        "",
        "| suite | functions | client | passed | failed | errored | skipped |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        label = f"{result.sdk.distribution} {result.sdk.version}"
        for side, found in (("official", result.official), ("ours", result.ours)):
            c = counts(found)
            row = " | ".join(str(c[o]) for o in OUTCOMES)
            lines.append(f"| {label} | {len(found)} | {side} | {row} |")
    for result in results:
        title = f"## {result.sdk.distribution} {result.sdk.version}: our failures by cause"
        lines += ["", title, ""]
        found = causes(result)
        internal = sum(n for (_, is_internal), n in found.items() if is_internal)
        both = sum(
            1
            for name, function in result.ours.items()
            if function.outcome in (FAILED, ERRORED)
            and result.official.get(name, Function(name)).outcome in (FAILED, ERRORED)
        )
        lines += [
            f"{sum(found.values())} functions the official SDK passes fail on ours;"
            f" {internal} of them {STAINLESS_INTERNAL}. {both} fail on both (not counted"
            " below).",
            "",
            "| functions | cause | kind |",
            "|---|---|---|",
        ]
        lines += _cause_rows(found)
        lines += [
            "",
            f"The {internal} {STAINLESS_INTERNAL} failures, rerun with Stainless' telemetry"
            " header sent (diagnostic only, shim/_sdk_shim/stubs.py), pass or fail next at:",
            "",
            "| functions | cause | kind |",
            "|---|---|---|",
            *_cause_rows(behind_internals(result)),
        ]
    return "\n".join(lines) + "\n"


def _cause_rows(found: Counter[tuple[str, bool]]) -> list[str]:
    rows = []
    for (name, is_internal), n in found.most_common():
        kind = STAINLESS_INTERNAL if is_internal else KINDS.get(name, "ours")
        if name == PASSED:
            kind = ""
        cell = name.replace("|", "\\|")
        rows.append(f"| {n} | {cell} | {kind} |")
    return rows
