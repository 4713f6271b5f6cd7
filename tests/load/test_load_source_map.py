"""Source map edits mirror the document edits that merging and overlays make."""

from __future__ import annotations

from generator.diagnostics import Location
from generator.load import SourceMap


def loc(line: int) -> Location:
    return Location("f.yaml", line, 1)


def test_locate_walks_up_to_the_nearest_located_ancestor() -> None:
    source_map = SourceMap({"": loc(1), "/a": loc(2), "/a/b~1c": loc(3)})
    assert source_map.locate("/a/b~1c") == loc(3)
    assert source_map.locate("/a/b~1c/d/e") == loc(3)
    assert source_map.locate("/a/x") == loc(2)
    assert source_map.locate("/z") == loc(1)
    assert SourceMap().locate("/a") is None


def test_removing_an_array_item_renumbers_the_later_ones() -> None:
    source_map = SourceMap(
        {
            "/l": loc(1),
            "/l/0": loc(2),
            "/l/1": loc(3),
            "/l/1/x": loc(4),
            "/l/2": loc(5),
            "/l/2/x": loc(6),
            "/l/10": loc(7),
            "/other/1": loc(8),
        }
    )
    source_map.remove_array_item("/l", 1)
    assert dict(source_map.items()) == {
        "/l": loc(1),
        "/l/0": loc(2),
        "/l/1": loc(5),
        "/l/1/x": loc(6),
        "/l/9": loc(7),
        "/other/1": loc(8),
    }


def test_remove_subtree_keeps_siblings_sharing_a_prefix() -> None:
    source_map = SourceMap({"/a": loc(1), "/a/b": loc(2), "/ab": loc(3)})
    source_map.remove_subtree("/a")
    assert dict(source_map.items()) == {"/ab": loc(3)}


def test_graft_and_add_missing() -> None:
    overlay = SourceMap({"/actions/0/update": loc(5), "/actions/0/update/x": loc(6)})
    source_map = SourceMap({"": loc(1)})
    source_map.graft("/info", overlay, "/actions/0/update")
    assert dict(source_map.items()) == {"": loc(1), "/info": loc(5), "/info/x": loc(6)}
    source_map.add_missing(SourceMap({"/info": loc(9), "/new": loc(10)}))
    assert source_map.get("/info") == loc(5)  # the first writer wins
    assert source_map.get("/new") == loc(10)
