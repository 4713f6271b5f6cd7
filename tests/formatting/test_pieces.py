"""Formatting a module by pieces gives black's output for the whole module, byte for byte.

Each case is compared against black on the whole text; a case that the cutter refuses is
asserted to be refused (it is then formatted whole). The vendors' whole APIs and corpus
specs are compared by `make test-pieces` (tests/formatting/check_whole_apis.py).
"""

from __future__ import annotations

from pathlib import Path

import black
import pytest
from pieces_support import MODE, ROOT, by_pieces, mismatches, rendered_with_settings

from generator.cache import Cache
from generator.render import format_jobs
from generator.render.formatting import format_files
from generator.render.pieces import Kind, Piece, pieces_at, spans_of, split_module

GOLDEN_SPECS = sorted((ROOT / "tests" / "golden" / "specs").glob("*.yaml"))

_LONG_ARGUMENTS = ", ".join(f"argument_{i}" for i in range(30))

# Inputs written the way templates write them: blank lines too many or too few, long lines.
CUT = {
    "docstring then import": '"""Doc."""\nimport os\nx = 1\n',
    "docstring then class": '"""Doc."""\nclass A:\n    pass\n',
    "docstring then two blanks then statement": '"""Doc."""\n\n\nx = 1\n',
    "import then statement, two blanks": "import os\n\n\nx = 1\n",
    "import then statement, none": "import os\nx = os\n",
    "imports with and without blanks": "import os\n\n\n\nimport sys\nfrom a import (b,\n c)\n",
    "import then if-block": "import os\nif TYPE_CHECKING:\n    import sys\nx = 1\n",
    "if-block with imports then statement": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import os\nx = 1\n"
    ),
    "if/else then class": "if T:\n    X: int = 1\nelse:\n    X = 2\nclass A:\n    x: int\n",
    "class then statement": "class A:\n    x: int\nB = A\n",
    "class docstring only then statement": 'class A:\n    """Doc."""\nB = A\n',
    "class docstring only then class": 'class A:\n    """Doc."""\nclass B:\n  """Doc."""\n',
    "classes with many blank lines": "class A:\n    x: int\n\n\n\n\nclass B(A):\n    y: int\n",
    "def then def": "def f():\n    return 1\ndef g():\n    return 2\n",
    "statements with 0, 1, 3 blanks": "a = 1\nb = 2\n\nc = 3\n\n\n\nd = 4\n",
    "attribute docstrings": 'X = 1\n"""The X."""\nY = 2\n\n"""The Y."""\nclass A:\n    pass\n',
    "attribute docstring after a class": 'class A:\n    x: int\n"""Doc."""\nB = 1\n',
    "stub method last, blank line before next class": (
        "class P:\n    def f(self) -> int: ...\n\nclass Q:\n    pass\n"
    ),
    "long call": "X = f(" + ", ".join(f"argument_{i}" for i in range(30)) + ")\n",
    "magic trailing comma": "X = [\n    1,\n]\nY = {'a': 1,}\n",
    "leading and trailing blank lines": "\n\n\nx = 1\n\n\n",
    "no newline at the end": "x = 1\ny = 2",
    "async def then statement": "async def f():\n    pass\nx = 1\n",
    "comment between statements": "x = 1\n# why\ny = 2\n",
    "comments after 0 to 3 blank lines": (
        "a = 1\n# a\nb = 2\n\n# b\n# and b\nc = 3\n\n\n#  c  \nd = 4\n\n\n\n#c\ne = 5\n"
    ),
    "comment after an import": "import os\n# why\nx = os\nimport sys\n\n\n# why\ny = sys\n",
    "comment after a class and a def": (
        "class A:\n    pass\n# why\nx = A\ndef f():\n    pass\n\n# why\ny = f\n"
    ),
    "comment after the docstring": '"""Doc."""\n# why\nx = 1\n',
    "comment above a statement black splits": "x = 1\n# why\nX = f(" + _LONG_ARGUMENTS + ")\n",
    "comment above an if-block, then a class": (
        "import os\n\n# why\nif T:\n    import sys\n# then\nX = 1\nclass A:\n    pass\n"
    ),
    "while, try and with blocks": (
        "while x:\n    pass\ntry:\n    import a\nexcept ImportError:\n    a = None\n"
        "with f() as g:\n    pass\nx = 1\n"
    ),
}

_LONG = ", ".join(f"argument_{i}" for i in range(30))
# Classes the cutter cuts into methods: each is formatted in its part and joined.
CLASSES_CUT = {
    "docstring and methods": (
        'class R:\n    """Doc."""\n    def __init__(self, c):\n        self.c = c\n'
        "    def a(self):\n        return 1\n\n\n\n    async def b(self):\n        return 2\n"
    ),
    "no docstring, first method right after the class line": (
        "class R:\n    def a(self):\n        pass\n    def b(self):\n        pass\n"
    ),
    "blank line after the class line": (
        "class R:\n\n    def a(self):\n        pass\n    def b(self):\n        pass\n"
    ),
    "attributes, then decorated methods": (
        "class R(Base, metaclass=M):\n    x: int = 1\n    @property\n    def a(self):\n"
        "        return 1\n    @cached_property\n    # why\n    def b(self):\n        return 2\n"
    ),
    "long lines in one method": (
        "class R:\n    def a(self):\n        return 1\n    def b(self):\n"
        f"        return f({_LONG})\n    def c(self):\n        x = [\n            1,\n        ]\n"
    ),
    "methods with docstrings, nested defs and comments inside": (
        'class R:\n    def a(self):\n        """Doc."""\n        def inner():\n'
        "            pass\n        # inside\n        return inner\n    def b(self):\n"
        '        """Doc.\n\n        More.\n        """\n        if x:\n            pass\n'
        "        else:\n            y = 1  # trailing\n"
    ),
}

# Classes kept whole: black's blank lines between their methods may not be one.
CLASSES_WHOLE = {
    "one method": "class R:\n    def a(self):\n        pass\n",
    "comment between methods": (
        "class R:\n    def a(self):\n        pass\n    # why\n    def b(self):\n        pass\n"
    ),
    "comment at the end of a method": (
        "class R:\n    def a(self):\n        pass\n        # end\n    def b(self):\n        pass\n"
    ),
    "statement after the methods": (
        "class R:\n    def a(self):\n        pass\n    def b(self):\n        pass\n    x = 1\n"
    ),
    "stub method, no blank line after": (
        "class R:\n    def a(self): ...\n    def a(self, x): ...\n    def b(self):\n        pass\n"
    ),
    "stub method, even with a blank line after": (
        "class R:\n    def a(self) -> int: ...\n\n    def b(self):\n        pass\n"
        "    def c(self):\n        pass\n"
    ),
    "nested class between methods": (
        "class R:\n    def a(self):\n        pass\n    class S:\n        pass\n"
        "    def b(self):\n        pass\n"
    ),
}

# Where black's blank lines depend on more than the cutter models: formatted whole.
WHOLE = {
    "comment after the last statement": "x = 1\n# end\n",
    "comment with a blank line under it": "x = 1\n# why\n\ny = 2\n",
    "comment above a def": "x = 1\n\n# why\ndef f():\n    pass\n",
    "comment above a class": "x = 1\n# why\nclass A:\n    pass\n",
    "comment above an import": "import os\n# why\nimport sys\n",
    "comment above the first statement": "# why\nx = 1\n",
    "comment above a string statement": 'x = 1\n# why\n"""Doc."""\n',
    "indented comment": "if x:\n    pass\n  # why\ny = 2\n",
    "decorated function": "import functools\n@functools.cache\ndef f():\n    pass\n",
    "def inside an if-block": "if T:\n    def f():\n        pass\nelse:\n    pass\nx = 1\n",
    "class inside a try-block": "try:\n    class A:\n        pass\nexcept E:\n    pass\n",
    "stub def then def, no blank line": "def f(): ...\ndef f(x): ...\n",
    "stub method last, no blank line before next class": (
        "class P:\n    def f(self) -> int: ...\nclass Q:\n    pass\n"
    ),
    "two statements on a line": "x = 1; y = 2\n",
    "fmt directive": "# fmt: off\nx = [1,\n  2]\n# fmt: on\n",
    "form feed": "x = 1\n\f\ny = 2\n",
    "carriage returns": "x = 1\r\ny = 2\r\n",
    "concatenated first string": '"a" "b"\nx = 1\n',
    "does not compile": "x = (\n",
    "defines a name twice": "class A:\n    pass\nA = 1\n",
    "empty": "\n",
}


@pytest.mark.parametrize("text", CUT.values(), ids=CUT.keys())
def test_a_module_cut_into_pieces_formats_as_black_whole(text: str) -> None:
    assert by_pieces("m.py", text) == black.format_str(text, mode=MODE)


@pytest.mark.parametrize("text", WHOLE.values(), ids=WHOLE.keys())
def test_a_module_with_an_unsafe_boundary_is_formatted_whole(text: str) -> None:
    assert by_pieces("m.py", text) is None


def test_format_files_gives_black_whole_for_cut_and_uncut_modules() -> None:
    files = {f"m{i}.py": text for i, text in enumerate([*CUT.values(), *WHOLE.values()])}
    files = {p: t for p, t in files.items() if t not in (WHOLE["does not compile"],)}
    files = {p: t for p, t in files.items() if t != WHOLE["defines a name twice"]}
    expected = {p: black.format_str(t, mode=MODE).encode() for p, t in files.items()}
    assert format_files(files, Cache(None)) == expected


def _formatted_pieces(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts black is given as pieces from now on (the text is small: formatted here)."""
    given: list[str] = []
    black_piece = format_jobs.formatted_piece

    def counted(text: str) -> str | None:
        given.append(text)
        return black_piece(text)

    monkeypatch.setattr(format_jobs, "formatted_piece", counted)
    return given


@pytest.mark.parametrize("text", CLASSES_CUT.values(), ids=CLASSES_CUT.keys())
def test_a_class_cut_into_methods_formats_as_black_whole(text: str) -> None:
    module = f"import os\n{text}x = 1\n"
    pieces = split_module("m.py", module)
    assert pieces is not None and len(pieces[1].parts) >= 2
    assert by_pieces("m.py", module) == black.format_str(module, mode=MODE)


@pytest.mark.parametrize("text", CLASSES_WHOLE.values(), ids=CLASSES_WHOLE.keys())
def test_a_class_that_cannot_be_cut_is_one_part(text: str) -> None:
    module = f"import os\n{text}x = 1\n"
    pieces = split_module("m.py", module)
    assert pieces is not None and pieces[1].parts == ()
    assert by_pieces("m.py", module) == black.format_str(module, mode=MODE)


_METHODS = "".join(f"    def m{i}(self):\n        return {i}\n" for i in range(10))
# A module, how many pieces black is given for it, an edit, and the one piece given again.
EDITS = {
    "a class of a module": (
        "".join(f"class M{i}(Base):\n    x: int = {i}\n" for i in range(20)),
        20,
        ("x: int = 7\n", "x: int = 70\n"),
        "class M7(Base):\n    x: int = 70\n",
    ),
    "a method of a class": (
        f"class R:\n{_METHODS}",
        10,
        ("return 7\n", "return 70\n"),
        "class _:\n    def m7(self):\n        return 70\n",
    ),
}


@pytest.mark.parametrize("module, pieces, edit, again", EDITS.values(), ids=EDITS.keys())
def test_an_edited_piece_is_the_only_one_formatted_again(
    module: str,
    pieces: int,
    edit: tuple[str, str],
    again: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = Cache(tmp_path)
    given = _formatted_pieces(monkeypatch)
    format_files({"m.py": module}, cache)
    assert len(given) == pieces
    edited = module.replace(*edit)
    given.clear()
    result = format_files({"m.py": edited}, cache)
    assert result == {"m.py": black.format_str(edited, mode=MODE).encode()}
    assert given == [again]
    # The module's pieces are one entry of the cache, not one file each.
    assert len([f for f in tmp_path.rglob("*") if f.is_file()]) == 3  # 2 modules, 1 entry


def test_a_damaged_pieces_entry_is_formatted_again(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    module = "".join(f"class M{i}(Base):\n    x: int = {i}\n" for i in range(5))
    format_files({"models.py": module}, cache)
    for entry in (tmp_path / "black-pieces").iterdir():
        entry.write_bytes(entry.read_bytes()[:-10])  # cut short: its digest no longer holds
    edited = module.replace("x: int = 3\n", "x: int = 30\n")
    result = format_files({"models.py": edited}, cache)
    assert result == {"models.py": black.format_str(edited, mode=MODE).encode()}


def test_attribute_docstrings_stay_with_their_statement() -> None:
    pieces = split_module("m.py", '"""Module."""\nX = 1\n"""The X."""\nclass A:\n    pass\n')
    assert pieces is not None
    assert [p.kind for p in pieces] == [Kind.DOCSTRING, Kind.STATEMENT, Kind.DEFINITION]
    assert pieces[1].text == 'X = 1\n"""The X."""\n'


@pytest.mark.parametrize("spec", GOLDEN_SPECS, ids=[p.stem for p in GOLDEN_SPECS])
def test_every_golden_module_cut_into_pieces_formats_as_black_whole(spec: Path) -> None:
    modules = rendered_with_settings(spec, spec.stem.replace("-", "_").replace(".", "_"))
    wrong, cut = mismatches(modules)
    assert wrong == []
    assert cut == len(modules)


@pytest.mark.parametrize("spec", GOLDEN_SPECS[:3], ids=[p.stem for p in GOLDEN_SPECS[:3]])
def test_pieces_sent_as_positions_are_the_pieces(spec: Path) -> None:
    """What a formatting process sends back of a module it cut (`spans_of`) gives the
    same pieces from the module's text (`pieces_at`)."""
    modules = rendered_with_settings(spec, spec.stem.replace("-", "_").replace(".", "_"))
    parts = 0
    for path, text in modules.items():
        pieces = split_module(path, text)
        assert pieces is not None
        assert pieces_at(text, spans_of(text, pieces)) == pieces
        parts += sum(len(piece.parts) for piece in pieces)
    assert parts  # classes cut into methods were among them


def test_pieces_not_where_the_text_has_them_are_refused() -> None:
    text = "x = 1\n\n\ny = 2\n"
    pieces = split_module("m.py", text)
    assert pieces is not None
    moved = [pieces[0], Piece("y = 3\n", Kind.STATEMENT, 2, (), 2, ("y",))]
    with pytest.raises(ValueError):
        spans_of(text, moved)
