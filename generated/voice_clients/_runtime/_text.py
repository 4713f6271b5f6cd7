"""How one value is spelled as text on the wire: in a path segment, a query parameter, a
header, a cookie or a form field.

Every location goes through `to_text`, so a value reads the same wherever it is sent, and
the same as inside a JSON body: `str()` would give a `datetime` a space instead of RFC
3339's `T` (`2019-12-27 18:11:19+00:00`) and an enum member its Python name.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from enum import Enum

import msgspec

# Spelled by msgspec as in JSON bodies: RFC 3339 date-times (UTC as `Z`), ISO dates and
# times, canonical UUIDs, decimals without float rounding.
_AS_IN_JSON = (datetime.date, datetime.time, uuid.UUID, Decimal)


def to_text(value: object) -> str:
    """A single value as text: JSON spelling for booleans, dates, times, UUIDs and decimals;
    an enum member's value; `str` for the rest."""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Enum):
        return to_text(value.value)
    if isinstance(value, _AS_IN_JSON):  # datetime.datetime is a datetime.date
        text: str = msgspec.to_builtins(value)
        return text
    return str(value)
