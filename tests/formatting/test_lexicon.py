"""`fixed_points.lexicon` reads the tokens Python's own tokenizer reads, where it reads any.

Its strings are matched a run of characters at a time and its spaces are skipped by the
search (each token's space before it is worked out from where the one before ends); the
texts here are the shapes where that could go wrong: escapes, quotes inside strings,
strings over several rows, spaces after them and at the start of rows.
"""

from __future__ import annotations

import io
import itertools
import tokenize

import pytest

from generator.render.fixed_points.lexicon import Refused, read_tokens

_TEXTS = [
    'x = "a"\n',
    'x = "a\\"b"\n',
    'x = "a\\\\"\n',
    'x = "\\\\\\""\n',
    'x = ""\n',
    'x = "" + ""\n',
    'x = """"""\n',
    'x = """a"b""c"""\n',
    'x = """a\\"""b"""\n',
    'x = """\\\\"""\n',
    'x = """a\n  b\n"""  ,  y\n',
    'def f():\n    """Doc with "quotes" and ""two"".\n\n    More.\n    """\n',
    "f(a,  b)(  c )\n",
    "class A:\n    x: int = 1\n        \n",
    'y = {"k": "v\\\\", "w": "\\u00e9"}\n',
    'z = ("a"\n     "b")\n',
    'x = f"{a}.{b!r:>10}" + f""\n',
]


def _python_tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(text, row, column, row it ends on) of each token but layout ones, rows from 0."""
    layout = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    layout |= {tokenize.ENDMARKER}
    return [
        (token.string, token.start[0] - 1, token.start[1], token.end[0] - 1)
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type not in layout
    ]


@pytest.mark.parametrize("text", _TEXTS)
def test_the_tokens_are_pythons(text: str) -> None:
    try:
        ours = read_tokens(text)
    except Refused:
        pytest.fail("refused")
    read = [(t.text, t.row, t.col, t.end_row) for t in ours if t.kind != "newline"]
    assert read == _python_tokens(text)
    # The space before each token on its row is the gap tokenize sees.
    for before, token in itertools.pairwise(ours):
        if token.kind == "newline" or before.kind == "newline":
            continue
        if before.end_row == token.row:
            line = text.splitlines()[token.row]
            gap = line[: token.col].rstrip(" ")
            assert token.space_before == token.col - len(gap), text


@pytest.mark.parametrize(
    "text",
    [
        'x = "a\n',  # an unterminated string
        "x = 'a'\n",  # single quotes: black may respell them
        'x = F"a"\n',  # a prefixed string but f
        'x = rb"a"\n',
        "x = f\"{a['k']}\"\n",  # an f-string with a quote inside
        'x = f"\\n"\n',  # or a backslash
        "x = f'a'\n",  # or single quotes
        'x = f"""a"""\n',  # or triple quotes
        "x = 1\t+ 2\n",  # a tab
        "x = 1  # note\n",  # a comment
        "x = a \\\n    + b\n",  # a backslash
    ],
)
def test_what_black_may_respell_is_refused(text: str) -> None:
    with pytest.raises(Refused):
        read_tokens(text)
