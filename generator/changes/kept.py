"""Output files that the drift checks leave alone, in a module light enough for the fast check."""

CHANGES_FILE = "CHANGES.md"
# Output files the drift check neither compares nor counts as extra.
KEPT = frozenset({CHANGES_FILE})
