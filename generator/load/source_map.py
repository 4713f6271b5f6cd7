"""Where each node of a loaded document was written.

Locations are keyed by RFC 6901 JSON pointer rather than attached to the values, so
that the document stays made of plain dicts and lists that every later stage can use
as JSON. The map is edited alongside the document when fragments merge and overlays
apply, which is why it offers subtree operations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.diagnostics import Location


class SourceMap:
    """Pointer → location of the node; a mapping member is located at its key.

    Members are located at their key because block values start on a later line and
    the key is where a reader looks for the member.
    """

    def __init__(
        self,
        entries: dict[str, Location] | None = None,
        *,
        later: Callable[[], dict[str, Location]] | None = None,
    ) -> None:
        """`later`, instead of `entries`: how to compute them, when first needed (a 13 MB
        spec has a million nodes, and a clean run looks none of them up)."""
        self._known: dict[str, Location] = dict(entries or {})
        self._later = later

    @property
    def _entries(self) -> dict[str, Location]:
        if self._later is not None:
            self._known, self._later = self._later(), None
        return self._known

    @_entries.setter
    def _entries(self, entries: dict[str, Location]) -> None:
        self._known, self._later = entries, None

    def items(self) -> Iterator[tuple[str, Location]]:
        return iter(self._entries.items())

    def get(self, pointer: str) -> Location | None:
        return self._entries.get(pointer)

    def locate(self, pointer: str) -> Location | None:
        """The node's location, else its nearest located ancestor's.

        Nodes that no file wrote as such (added by an overlay inside a replaced value,
        or reached through a `$ref` by a validator) still get a useful place.
        """
        while True:
            location = self._entries.get(pointer)
            if location is not None or not pointer:
                return location
            pointer = pointer.rpartition("/")[0]

    def add_missing(self, other: SourceMap) -> None:
        """Take `other`'s locations for pointers not located yet: the first writer wins."""
        for pointer, location in other._entries.items():
            self._entries.setdefault(pointer, location)

    def graft(self, pointer: str, other: SourceMap, other_pointer: str) -> None:
        """Locate the subtree at `pointer` where `other` located its `other_pointer` subtree."""
        for source, location in other._subtree(other_pointer):
            self._entries[pointer + source[len(other_pointer) :]] = location

    def remove_subtree(self, pointer: str) -> None:
        for key, _ in list(self._subtree(pointer)):
            del self._entries[key]

    def remove_array_item(self, array_pointer: str, index: int) -> None:
        """Forget item `index` and renumber the later items, as `del array[index]` does."""
        self.remove_subtree(f"{array_pointer}/{index}")
        prefix = array_pointer + "/"
        renumbered: dict[str, Location] = {}
        for key, location in self._entries.items():
            if key.startswith(prefix):
                token, slash, rest = key[len(prefix) :].partition("/")
                if token.isdigit() and int(token) > index:
                    key = f"{prefix}{int(token) - 1}{slash}{rest}"
            renumbered[key] = location
        self._entries = renumbered

    def _subtree(self, pointer: str) -> Iterator[tuple[str, Location]]:
        prefix = pointer + "/"
        for key, location in self._entries.items():
            if key == pointer or key.startswith(prefix):
                yield key, location
