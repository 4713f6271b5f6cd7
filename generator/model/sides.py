"""The two sides of the wire a type is used on.

The same schema means different Python types on each side (strict requests, lenient
responses), so rendering and the change report both take the side as an input.
"""

from __future__ import annotations

from typing import Literal

Side = Literal["request", "response"]
