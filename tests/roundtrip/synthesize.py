"""Valid values for a spec's schemas, read from the spec itself (never from our model).

A value is the spec's own `const`, `enum` value, `example` or `default` when that fits the
schema, else one built to fit: formats, bounds, lengths, `multipleOf`, and a `pattern`
through hypothesis' `from_regex` (its shortest match). Objects get their required
properties, and their optional ones near the top (readOnly ones never: a request does not
send them); `allOf` members are merged, the first variant of a `oneOf`/`anyOf` that is not
`null` is taken, with its discriminator value. Values are what a caller passes in Python:
`date-time` a `datetime`, `date` a `date`, `binary` bytes.
"""

from __future__ import annotations

import datetime
import math
import re
import re._parser as re_parser
import warnings
from typing import Any

from prism_safe import resolve

# Optional properties are filled down to this depth (0: a body's own fields); below it only
# required ones, which also ends recursive schemas.
OPTIONAL_DEPTH = 2
MAX_DEPTH = 12
_NOTHING = object()

_DATETIME = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
_FORMATS: dict[str, Any] = {
    "date-time": _DATETIME,
    "date": _DATETIME.date(),
    "time": "03:04:05Z",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/roundtrip",
    "url": "https://example.com/roundtrip",
    "iri": "https://example.com/roundtrip",
    "uri-reference": "https://example.com/roundtrip",
    "uuid": "123e4567-e89b-42d3-a456-426614174000",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "cm91bmR0cmlw",
    "binary": b"roundtrip",
    "duration": "P1D",
    "password": "roundtrip-password",
    "int32": "1",
    "int64": "1",
}


class Synthesizer:
    """Values for the schemas of one document (`$ref`s are resolved against it)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._patterns: dict[tuple[str, int, int | None], str | None] = {}
        # What no value can satisfy, as met since the caller last emptied it: the spec's
        # own contradictions (a pattern nothing matches, an enum of the wrong type).
        self.impossible: list[str] = []

    def value(self, schema: Any, depth: int = 0, seed: int = 0) -> Any:
        schema = self._flatten(resolve(self.document, schema))
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return "roundtrip"
        if "const" in schema:
            return self._typed(schema, schema["const"])
        enum = [v for v in schema.get("enum") or [] if v is not None]
        if enum:
            value = enum[seed % len(enum)]
            if _kind(schema) in ("array", "object") and not isinstance(value, list | dict):
                self.impossible.append(f"the enum of an {_kind(schema)} lists {value!r}")
            return self._typed(schema, value)
        variants = schema.get("oneOf") or schema.get("anyOf")
        if isinstance(variants, list) and variants:
            return self._variant(schema, variants, depth, seed)
        kind = _kind(schema)
        if kind == "object":
            return self._object(schema, depth, seed)
        if kind == "array":
            return self._array(schema, depth, seed)
        if kind == "null":
            return None
        # The spec's own value first; later items of an array get values of their own.
        for candidate in (schema.get("example", _NOTHING), schema.get("default", _NOTHING)):
            if seed == 0 and candidate is not _NOTHING and _fits(schema, kind, candidate):
                return self._typed(schema, candidate)
        if kind == "string":
            return self._string(schema, seed)
        if kind == "integer":
            return _number(schema, integer=True, around=1 + seed)
        if kind == "number":
            return _number(schema, integer=False, around=1.5 + seed)
        if kind == "boolean":
            return True
        return "roundtrip"

    def _flatten(self, schema: Any) -> Any:
        """`allOf` merged into one schema: properties and required joined, else first wins."""
        if not isinstance(schema, dict) or not isinstance(schema.get("allOf"), list):
            return schema
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        properties = dict(merged.get("properties") or {})
        required = list(merged.get("required") or [])
        for member in schema["allOf"]:
            member = self._flatten(resolve(self.document, member))
            if not isinstance(member, dict):
                continue
            properties.update(member.get("properties") or {})
            required.extend(r for r in member.get("required") or [] if r not in required)
            for key, value in member.items():
                merged.setdefault(key, value)
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged

    def _variant(self, schema: dict[str, Any], variants: list[Any], depth: int, seed: int) -> Any:
        choices = [v for v in variants if _kind(resolve(self.document, v)) != "null"] or variants
        chosen = choices[seed % len(choices)]
        value = self.value(chosen, depth, seed)
        own = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}
        if isinstance(value, dict) and own.get("properties"):
            value = {**self._object(own, depth, seed), **value}
        discriminator = schema.get("discriminator")
        if isinstance(value, dict) and isinstance(discriminator, dict):
            name = discriminator.get("propertyName")
            tag = _tag(discriminator, chosen)
            if isinstance(name, str) and tag is not None:
                value[name] = tag
        return value

    def _object(self, schema: dict[str, Any], depth: int, seed: int) -> dict[str, Any]:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        value: dict[str, Any] = {}
        for name, property_schema in properties.items():
            resolved = resolve(self.document, property_schema)
            if isinstance(resolved, dict) and resolved.get("readOnly") is True:
                continue
            if name in required or depth < OPTIONAL_DEPTH:
                value[name] = self.value(property_schema, depth + 1, seed)
        extra = schema.get("additionalProperties")
        for name in required:
            if isinstance(name, str) and name not in properties:  # required, never described
                value[name] = self.value(extra if isinstance(extra, dict) else {}, depth + 1, seed)
        if not properties and isinstance(extra, dict) and extra:
            value["roundtrip"] = self.value(extra, depth + 1, seed)
        return value

    def _array(self, schema: dict[str, Any], depth: int, seed: int) -> list[Any]:
        # Two items: a multipart or query array of one is indistinguishable from a scalar.
        count = max(2, int(schema.get("minItems") or 0))
        if isinstance(schema.get("maxItems"), int):
            count = min(count, schema["maxItems"])
        items = schema.get("items", {})
        values = [self.value(items, depth + 1, seed + index) for index in range(count)]
        if schema.get("uniqueItems") is True:
            unique: list[Any] = []
            for value in values:
                if value not in unique:
                    unique.append(value)
            values = unique
        return values

    def _string(self, schema: dict[str, Any], seed: int) -> Any:
        minimum = int(schema.get("minLength") or 0)
        maximum = schema.get("maxLength") if isinstance(schema.get("maxLength"), int) else None
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            matched = self._from_pattern(pattern, minimum, maximum)
            if matched is not None:
                return matched
            self.impossible.append(f"no string found that matches the pattern {pattern!r}")
        fmt = schema.get("format")
        if isinstance(fmt, str) and fmt in _FORMATS:
            formatted = _FORMATS[fmt]
            if not isinstance(formatted, str) or (
                minimum <= len(formatted) and (maximum is None or len(formatted) <= maximum)
            ):
                return formatted
        text = "roundtrip" if seed == 0 else f"roundtrip{seed}"
        if len(text) < minimum:
            text += "x" * (minimum - len(text))
        return text if maximum is None else text[:maximum]

    def _from_pattern(self, pattern: str, minimum: int, maximum: int | None) -> str | None:
        key = (pattern, minimum, maximum)
        if key not in self._patterns:
            self._patterns[key] = _shortest_match(pattern, minimum, maximum)
        return self._patterns[key]

    def _typed(self, schema: dict[str, Any], value: Any) -> Any:
        """A spec value as the caller passes it (a date-time string as a `datetime`)."""
        if isinstance(value, str) and schema.get("format") in ("date-time", "date"):
            try:
                parsed = datetime.datetime.fromisoformat(value)
            except ValueError:
                return value
            return parsed.date() if schema["format"] == "date" else parsed
        return value


def _kind(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    declared = schema.get("type")
    if isinstance(declared, list):
        declared = next((t for t in declared if t != "null"), "null")
    if isinstance(declared, str):
        return declared
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


def _tag(discriminator: dict[str, Any], chosen: Any) -> str | None:
    """The discriminator value naming `chosen`: its mapping key, else its schema name."""
    ref = chosen.get("$ref") if isinstance(chosen, dict) else None
    if not isinstance(ref, str):
        return None
    for key, target in (discriminator.get("mapping") or {}).items():
        if target == ref or (isinstance(target, str) and ref.endswith("/" + target)):
            return str(key)
    return ref.rsplit("/", 1)[-1]


def _fits(schema: dict[str, Any], kind: str | None, value: Any) -> bool:
    """Whether a spec's example or default fits its schema's type and bounds."""
    if value is None:
        return False
    if kind == "string":
        if not isinstance(value, str):
            return False
        if len(value) < int(schema.get("minLength") or 0):
            return False
        if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
            return False
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            try:
                return re.search(pattern, value) is not None
            except re.error:
                return False
        return schema.get("format") not in ("date-time", "date", "binary", "byte")
    if kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if kind == "integer" and not float(value).is_integer():
            return False
        return _number(schema, integer=kind == "integer", around=value) == value
    if kind == "boolean":
        return isinstance(value, bool)
    return False


def _number(schema: dict[str, Any], *, integer: bool, around: float | None = None) -> Any:
    """`around` (else 1, or 1.5) moved inside the schema's bounds, onto its `multipleOf`."""
    low, high = _bound(schema, "minimum", "exclusiveMinimum"), _bound(
        schema, "maximum", "exclusiveMaximum"
    )
    step = schema.get("multipleOf")
    value: float = around if around is not None else (1 if integer else 1.5)
    if low is not None:
        floor, exclusive = low
        if value < floor or (exclusive and value == floor):
            value = floor + (1 if integer else 0.5) if exclusive else floor
    if high is not None:
        ceiling, exclusive = high
        if value > ceiling or (exclusive and value == ceiling):
            value = ceiling - (1 if integer else 0.5) if exclusive else ceiling
            if low is not None and value < low[0]:
                value = (low[0] + ceiling) / 2
    if isinstance(step, int | float) and step > 0:
        value = math.ceil(value / step) * step
    if integer:
        return math.ceil(value)
    return float(value)


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str) -> tuple[float, bool] | None:
    """(limit, exclusive?) in both spellings (3.0: a boolean flag; 3.1: the number)."""
    flag = schema.get(exclusive)
    if isinstance(flag, int | float) and not isinstance(flag, bool):
        return float(flag), True
    limit = schema.get(inclusive)
    if isinstance(limit, int | float) and not isinstance(limit, bool):
        return float(limit), flag is True
    return None


def _shortest_match(pattern: str, minimum: int, maximum: int | None) -> str | None:
    """A short string matching `pattern` within the lengths: read off the parsed pattern
    when that fits (instant), else the simplest one hypothesis finds (seconds)."""
    try:
        compiled = re.compile(pattern)
        quick = _minimal(re_parser.parse(pattern))
    except (re.error, _Unreadable, RecursionError, OverflowError):
        quick = None
    else:
        fits = len(quick) >= minimum and (maximum is None or len(quick) <= maximum)
        if fits and compiled.fullmatch(quick):
            return quick
    return _hypothesis_match(pattern, minimum, maximum)


class _Unreadable(Exception):
    """A construct `_minimal` does not spell (look-arounds, back-references)."""


_CATEGORIES = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_WORD": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_NOT_SPACE": "a",
}


def _minimal(parsed: Any) -> str:
    """A short string of a parsed pattern: fewest repeats (but one), first branch, first
    character of a class."""
    out: list[str] = []
    for op, argument in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(argument))
        elif name == "NOT_LITERAL":
            out.append("a" if chr(argument) != "a" else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_in_class(argument))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            # Once at least where allowed: an empty path segment or name is refused.
            low, high, sub = argument
            out.append(_minimal(sub) * max(low, min(1, high)))
        elif name == "SUBPATTERN":
            out.append(_minimal(argument[-1]))
        elif name == "ATOMIC_GROUP":
            out.append(_minimal(argument))
        elif name == "BRANCH":
            out.append(_minimal(argument[1][0]))
        elif name == "AT":
            continue
        else:
            raise _Unreadable(name)
    return "".join(out)


def _in_class(items: list[tuple[Any, Any]]) -> str:
    negate = any(str(op) == "NEGATE" for op, _ in items)
    if negate:
        for candidate in "a0-_A":
            if re.fullmatch(_class_source(items), candidate):
                return candidate
        raise _Unreadable("NEGATE")
    op, argument = items[0]
    name = str(op)
    if name == "LITERAL":
        return chr(argument)
    if name == "RANGE":
        return chr(argument[0])
    if name == "CATEGORY":
        return _CATEGORIES.get(str(argument), "a")
    raise _Unreadable(name)


def _class_source(items: list[tuple[Any, Any]]) -> str:
    parts = []
    for op, argument in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(argument)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(argument[0]))}-{re.escape(chr(argument[1]))}")
        elif name == "CATEGORY":
            parts.append(
                {
                    "CATEGORY_DIGIT": r"\d",
                    "CATEGORY_WORD": r"\w",
                    "CATEGORY_SPACE": r"\s",
                    "CATEGORY_NOT_DIGIT": r"\D",
                    "CATEGORY_NOT_WORD": r"\W",
                    "CATEGORY_NOT_SPACE": r"\S",
                }.get(str(argument), "")
            )
        else:
            raise _Unreadable(name)
    return "[" + "".join(parts) + "]"


def _hypothesis_match(pattern: str, minimum: int, maximum: int | None) -> str | None:
    """The simplest string hypothesis finds matching `pattern` within the lengths."""
    from hypothesis import HealthCheck, find, settings
    from hypothesis import strategies as st
    from hypothesis.errors import HypothesisException

    try:
        strategy = st.from_regex(re.compile(pattern), fullmatch=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found: str = find(
                strategy,
                lambda s: len(s) >= minimum and (maximum is None or len(s) <= maximum),
                settings=settings(
                    database=None,
                    derandomize=True,
                    max_examples=300,
                    deadline=None,
                    suppress_health_check=list(HealthCheck),
                ),
            )
        return found
    except (re.error, HypothesisException, ValueError, OverflowError, RecursionError):
        return None
