"""A module formatted again after an edit: only the edited region is cut again, and the
result is byte for byte what formatting from scratch and black on the whole module give.

Each case formats a module with a cache, then its edited text with the same cache, and
compares with the edited text formatted without a cache and with black whole; a module
that no longer compiles or defines a name twice is reported as from scratch. `recut.py`
cuts the middle region with `split_module`: what it is given shows which path was taken.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import black
import pytest
from pieces_support import MODE

from generator.cache import Cache
from generator.diagnostics import GeneratorError
from generator.render import recut
from generator.render.formatting import format_files
from generator.render.pieces import Piece, split_module

BASE = '''"""The module."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import BaseModel, Field


class First(BaseModel):
    """The first."""

    a: int
    b: str | None = None


Alias = Literal["a", "b"]
"""An alias."""


class Second(BaseModel):
    x: int = Field(default=1, description="x")

    def one(self) -> int:
        return self.x

    def two(self) -> int:
        return self.x * 2


class Kind(enum.Enum):
    A = "a"
    B = "b"


Other = First | Second


class Last(BaseModel):
    """The last."""

    z: list[First] = []
'''


def _cut_given(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts `recut.py` gives the cutter from now on."""
    given: list[str] = []
    split = recut.split_module

    def spy(path: str, text: str, future: int = 0, inside: bool = False) -> list[Piece] | None:
        given.append(text)
        return split(path, text, future, inside)

    monkeypatch.setattr(recut, "split_module", spy)
    return given


def _outcome(files: dict[str, str], cache: Cache) -> dict[str, bytes] | str:
    try:
        return format_files(files, cache)
    except GeneratorError as error:
        return "\n".join(str(d) for d in error.diagnostics)


def _edited(before: str, after: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Format `before` then `after` with one cache, check `after` against formatting from
    scratch and black whole, and give the texts cut for `after`, stripped."""
    cache = Cache(tmp_path)
    _outcome({"m.py": before}, cache)
    given = _cut_given(monkeypatch)
    outcome = _outcome({"m.py": after}, cache)
    cut = [text.strip() for text in given]
    monkeypatch.undo()
    assert outcome == _outcome({"m.py": after}, Cache(None))
    if not isinstance(outcome, str):
        assert outcome == {"m.py": black.format_str(after, mode=MODE).encode()}
    return cut


def _between(text: str, start: str, stop: str | None) -> str:
    """The stretch of `text` from `start` to `stop` (or its end), stripped."""
    begin = text.index(start)
    return text[begin : text.index(stop, begin) if stop else len(text)].strip()


# An edit (a replacement in BASE), and the region that is cut again for it: from a text
# to the next (None: to the end), in the edited text.
AROUND = {
    "a class's docstring": (
        ('"""The first."""', '"""The first, made much longer than it was before it."""'),
        ("class First", "\n\n\nAlias"),
    ),
    "a field of a class": (
        ("b: str | None = None", "b: str = 'x'"),
        ("class First", "\n\n\nAlias"),
    ),
    "a method of a class": (
        ("return self.x * 2", "return self.x * 3"),
        ("class Second", "\n\n\nclass Kind"),
    ),
    "an alias": (
        ('Literal["a", "b"]', 'Literal["a", "b", "c"]'),
        ("Alias =", "\n\n\nclass Second"),
    ),
    "an attribute docstring": (
        ('"""An alias."""', '"""An alias, edited."""'),
        ("Alias =", "\n\n\nclass Second"),
    ),
    "an attribute docstring added": (
        ("Other = First | Second\n", 'Other = First | Second\n"""Either."""\n'),
        ("Other =", "\n\n\nclass Last"),
    ),
    "an attribute docstring removed": (
        ('"""An alias."""\n', ""),
        ("Alias =", "\n\n\nclass Second"),
    ),
    "the last piece": (("z: list[First] = []", "z: list[Second] = []"), ("class Last", None)),
    "a field added at the end of a class": (
        ("    b: str | None = None\n", "    b: str | None = None\n    c: int = 0\n"),
        ("class First", "\n\n\nAlias"),
    ),
    "a piece added": (
        ("\n\n\nOther =", "\n\n\nclass Added(BaseModel):\n    q: int\n\n\nOther ="),
        ("class Added", "\n\n\nOther"),
    ),
    "a piece added at the end": (
        ("z: list[First] = []\n", "z: list[First] = []\nEnd = 1\n"),
        ("End = 1", None),
    ),
    "blank lines before a piece": (
        ("Other = First", "\nOther = First"),
        ("Other =", "\n\n\nclass Last"),
    ),
    "a statement with no blank line before the next": (
        ("Other = First | Second\n\n\n", "Other = First | Second\nX = 1\n"),
        ("X = 1", None),
    ),
    "a class renamed": (("class Kind(", "class Sort("), ("class Sort", "\n\n\nOther")),
    "a comment added above a statement": (
        ("\n\nOther =", "\n# why\n# and how\nOther ="),
        ("# why", "\n\n\nclass Last"),
    ),
}


@pytest.mark.parametrize("edit, region", AROUND.values(), ids=AROUND.keys())
def test_only_the_edited_region_is_cut_again(
    edit: tuple[str, str],
    region: tuple[str, str | None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert BASE.count(edit[0]) == 1
    after = BASE.replace(*edit)
    assert _edited(BASE, after, tmp_path, monkeypatch) == [_between(after, *region)]


def test_a_removed_piece_cuts_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    after = BASE.replace(BASE[BASE.index("class Kind") : BASE.index("Other =")], "")
    assert _edited(BASE, after, tmp_path, monkeypatch) == []


def test_edits_in_a_row_keep_the_cut_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [BASE, BASE.replace("a: int", "a: float"), BASE.replace('A = "a"', 'A = "aa"')]
    texts.append(texts[-1].replace("return self.x\n", "return -self.x\n"))
    for before, after in itertools.pairwise(texts):
        assert len(_edited(before, after, tmp_path, monkeypatch)) == 1


# Edits cut whole again: still formatted as from scratch.
WHOLE = {
    "the module docstring (before the future import)": (
        '"""The module."""',
        '"""The module, edited."""',
    ),
    "the future import": ("from __future__ import annotations\n", ""),
    "a future import in the middle": (
        "Other = First | Second\n",
        "from __future__ import annotations\nOther = 1\n",
    ),
    "a middle that mentions __future__": ("Other = First | Second\n", "Other = '__future__'\n"),
    "a comment with a blank line under it": ("\n\nOther =", "\n# why\n\nOther ="),
    "a comment above a class": ("\n\nclass Kind(", "\n\n# why\nclass Kind("),
    "a decorated class": ("class Kind(", "@enum.unique\nclass Kind("),
    "an indented line after a class (black takes it)": ("\n\n\nOther =", "\n  Other ="),
    "a string after a class": ("\n\n\nOther =", '\n"""After Kind."""\nOther ='),
    "a module-level global": ("Other = First | Second\n", "global Other\nOther = First | Second\n"),
}


@pytest.mark.parametrize("edit", WHOLE.values(), ids=WHOLE.keys())
def test_an_edit_that_cannot_be_cut_alone_is_cut_whole(
    edit: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert BASE.count(edit[0]) == 1
    after = BASE.replace(*edit)
    given = _edited(BASE, after, tmp_path, monkeypatch)
    assert given[-1:] in ([], [after.strip()])


def test_without_a_future_import_the_first_piece_is_cut_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = BASE.replace("from __future__ import annotations\n\n", "")
    after = before.replace('"""The module."""', '"""The module, edited."""')
    assert _edited(before, after, tmp_path, monkeypatch) == ['"""The module, edited."""']


# Edits that make the module wrong: reported as from scratch, with the same message and line.
WRONG = {
    "a name defined twice": ("class Kind(", "class First("),
    "an alias defined twice": ("Other = First", "Alias = First"),
    "does not compile": ("return self.x * 2", "return self.x *"),
    "a return outside a function": ("Other = First | Second\n", "return 1\n"),
}


@pytest.mark.parametrize("edit", WRONG.values(), ids=WRONG.keys())
def test_an_edit_that_breaks_the_module_is_reported_as_from_scratch(
    edit: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    after = BASE.replace(*edit)
    cache = Cache(tmp_path)
    format_files({"m.py": BASE}, cache)
    report = _outcome({"m.py": after}, cache)
    assert isinstance(report, str) and report == _outcome({"m.py": after}, Cache(None))
    assert "m.py:" in report


def test_text_without_a_final_line_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = "x = 1\ny = 2"
    _edited(before, "x = 1\ny = 2\nz = 3", tmp_path / "a", monkeypatch)
    _edited(before, "x = 10\ny = 2", tmp_path / "b", monkeypatch)
    _edited("x = 1\ny = 2\n", "x = 1\ny = 2\n\n\n", tmp_path / "c", monkeypatch)


def test_an_entry_written_before_cuts_were_kept_still_gives_its_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    format_files({"m.py": BASE}, cache)
    (entry,) = (tmp_path / "black-pieces").iterdir()
    key = entry.name
    import json

    raw = cache.get("black-pieces", key)
    assert raw is not None
    cache.put("black-pieces", key, json.dumps(json.loads(raw)["formatted"]).encode())
    given = _cut_given(monkeypatch)
    after = BASE.replace("a: int", "a: float")
    assert format_files({"m.py": after}, cache) == {
        "m.py": black.format_str(after, mode=MODE).encode()
    }
    assert given == [after]


# A string statement after a class or an import (not the first statement): black's blank
# lines before it are the class's or the import's, so the module is formatted whole.
STRING_AFTER = {
    "after an import": "import enum\nfrom typing import Literal\nb'x'\n\nclass A:\n    a: int\n",
    "after a class": 'X = 1\nclass Z:\n    pass\n"""Doc."""\nY = 2\n',
}


@pytest.mark.parametrize("text", STRING_AFTER.values(), ids=STRING_AFTER.keys())
def test_a_string_after_a_class_or_an_import_is_formatted_whole(text: str) -> None:
    assert split_module("m.py", text) is None
    assert format_files({"m.py": text}) == {"m.py": black.format_str(text, mode=MODE).encode()}


_LINES = BASE.splitlines(keepends=True)
_EDITS = [
    *("", "\n", "\n\n\n", "    ", "X = 1\n", "Y = (1,\n", ")\n", "x = 1; y = 2\n", "# c\n"),
    *("    c: int = 0\n", "    def three(self) -> int:\n        return 3\n", "else:\n    pass\n"),
    *('"""Doc."""\n', "b'x'\n", "class Z:\n    pass\n", "class First:\n    pass\n", "@dec\n"),
    *("def f(self) -> int: ...\n", "if T:\n    A = 1\n", "global X\n", "  y = (\n"),
]


@pytest.mark.parametrize("seed", range(30))
def test_random_line_edits_format_as_from_scratch(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines replaced, removed or added anywhere, three times in a row: each text comes
    out as from scratch, bytes or report."""
    rng = random.Random(seed)
    lines = list(_LINES)
    before = BASE
    for step in range(3):
        at = rng.randrange(len(lines) + 1)
        lines[at : at + rng.randint(0, 2)] = [rng.choice(_EDITS)]
        after = "".join(lines)
        _edited(before, after, tmp_path / str(step), monkeypatch)
        before = after
