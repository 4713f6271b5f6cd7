"""The regular-expression scan of a module agrees with `tokenize` on what imports need."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import scan

# Each snippet is scanned both ways; the answers must be equal (names used, names inside
# expression strings, and where each name stands).
SNIPPETS = [
    "x = 1\n",
    "import a.b as c\nfrom d import e as _E\n",
    "value = client.request(_Any, models.Pet)\n",
    "chain = (\n    thing\n    .method()\n    .other\n)\n",
    "def f(): ...\n_Next = 1\n",
    "x = ... if y else z\n",
    'doc = """A docstring naming _Any and\n    Literal over "two" lines."""\n',
    "doc = '''single triple ''' + '''with '' quotes'''\n",
    'raw = r"\\d+" + rb"\\x00" + b"bytes" + u"text" + F"{_Any}"\n',
    "escaped = \"a \\\" quote\" + 'and \\' one' + _After\n",
    'continued = "a \\\n b" + _After\n',
    'Pet = TypedDict("Pet", {"kind": "Literal[\'cat\', \'dog\'] | None", "id": "int"})\n',
    'Alias = "_Other"\nKeyword = "class"\nConstant = "None"\n',
    "numbers = [1, 0x1F, 1_000, 1.5e-3, .5, 2j, 1e5] + _Tail\n",
    "# a comment naming _Any\nx = y  # trailing _Literal\n",
    "x = \\\n    y\n",
    "x = f(a, b=[c, {d: e}])\n",
    "async def g() -> None:\n    await h()\n",
    "def f(\n    a: int,\n    *,\n    b: 'Sequence[str]' = (),\n) -> 'Mapping[str, Any]':\n"
    "    return {}\n",
    "naïve = ünïcode + _x\n",
    "multi = '''\n\n'''\n_After = 1\n",
    "text = 'ends at line end\nnext = 1\n",  # an unterminated string
    "broken = (\n",  # unbalanced
    "closed = )\n",
    "tabbed = 1\nif x:\n\ty = 2\n",
    "cr = 1\r\nlf = 2\n",
    "stray = $x ? y\n",
    "x = a.\\\nb\n",
]


@pytest.mark.parametrize("source", SNIPPETS)
def test_the_scan_gives_what_tokenize_gives(source: str) -> None:
    quick = scan._scanned(source)
    reference = scan._tokenized(source)
    if quick is None:
        # Where the scan cannot decide, `uses` gives tokenize's answer.
        assert scan.uses(source) == reference
    else:
        assert quick == reference


def test_the_common_snippets_are_scanned_not_tokenized() -> None:
    # The fast path must be the path taken for what templates produce.
    for source in SNIPPETS[:20]:
        assert scan._scanned(source) is not None, source


def test_an_unterminated_triple_quoted_string_is_refused_quickly() -> None:
    source = 'x = """' + "word " * 50_000
    assert scan._scanned(source) is None
    assert scan.uses(source) is None


def test_names_in_strings_are_those_of_expressions_only() -> None:
    assert scan.names_in_string("\"Literal['a b'] | None\"") == {"Literal"}
    assert scan.names_in_string('"Pet"') == {"Pet"}
    assert scan.names_in_string('"class"') == set()
    assert scan.names_in_string('"two words"') == set()
    assert scan.names_in_string('"""two\nlines"""') == set()
    assert scan.names_in_string('b"Pet"') == set()
    assert scan.names_in_string('f"{Pet}"') == set()


def _generated_modules() -> list[Path]:
    root = Path(__file__).resolve().parents[2]
    return sorted((root / "generated").rglob("*.py")) + sorted(
        (root / "templates" / "runtime").glob("*.py")
    )


def test_the_scan_agrees_with_tokenize_on_every_generated_module() -> None:
    modules = _generated_modules()
    assert len(modules) > 30
    scanned = 0
    for path in modules:
        source = path.read_text(encoding="utf-8")
        quick = scan._scanned(source)
        if quick is not None:
            scanned += 1
            assert quick == scan._tokenized(source), path
    # The API modules are all scanned; a few runtime modules are left to tokenize.
    assert scanned > len(modules) * 3 // 4
