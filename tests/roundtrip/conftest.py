"""The round trip reuses the contract tests' Prism launcher and Prism-safe copy."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "contract"))
