"""The names a rendered module refers to, found by one regular-expression pass.

`imports.py` needs, for each generated module, the names its code uses (not attribute
names after a `.`, not words in comments or strings, except inside a string that is an
expression, as the string annotations of a functional TypedDict are) and where each
stands. Python's `tokenize` gives exactly that, but in pure Python it was a third of
rendering a large API. The expression below splits the text into the same tokens for
what matters here (comments, string literals, names, numbers, brackets and the rest)
in C; anything it cannot split as `tokenize` would (an unterminated string, unbalanced
brackets, a character that starts no token) is left to `tokenize`, which decides what
such a module gets. `tests/generator/test_scan.py` checks both give the same answer.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import tokenize
from functools import lru_cache

# Where a name stands in a module: (row, from column, to column, name), rows from 1.
Place = tuple[int, int, int, str]

# One string literal after its prefix: triple-quoted first (they may hold line breaks),
# then single-quoted (they may not, except escaped). Possessive, so an unterminated one
# fails at once instead of backtracking.
_STRING_BODY = (
    r"'''(?:[^'\\]++|\\.|'(?!''))*+'''"
    r'|"""(?:[^"\\]++|\\.|"(?!""))*+"""'
    r"|'(?:[^'\\\n]++|\\.)*+'"
    r'|"(?:[^"\\\n]++|\\.)*+"'
)
# The tokens that matter, in the order they are tried at one place; whitespace and
# operators other than those named are skipped by the search. An attribute (a name right
# after a `.`) is consumed whole, so it is never taken for a name; a `.` followed by a
# space or a line break, a quote that starts no string, or a backslash not ending a line
# makes the module one for `tokenize`.
_TOKEN = re.compile(
    # A first character some token starts with, so that the search skips the rest fast.
    r"(?=[#'\"\w.(\[{)\]}\\\r\f\t])(?:"
    r"(?P<comment>\#[^\r\n]*)"
    r"|(?P<string>(?i:rb|br|fr|rf|r|b|f|u)?(?:" + _STRING_BODY + "))"
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<number>\d\w*(?:\.\w*)?|\.\d\w*)"
    r"|(?P<attribute>\.[^\W\d]\w*)"
    r"|(?P<ellipsis>\.\.\.)"
    r"|(?P<open>[(\[{])"
    r"|(?P<close>[)\]}])"
    r"|(?P<continuation>\\\r?\n)"
    r"|(?P<undecided>['\"\\\r\f\t]|\.(?=[\s\\]))"
    r")",
    re.DOTALL,
)


def uses(source: str) -> tuple[set[str], set[str], list[Place]] | None:
    """The names the code refers to, the names inside strings that are expressions, and
    where each of the names starting with `_` stands, in order (the ones `imports.py`
    may respell); None when the source cannot be tokenized."""
    quick = _scanned(source)
    return quick if quick is not None else _tokenized(source)


def _scanned(source: str) -> tuple[set[str], set[str], list[Place]] | None:
    """The regular-expression pass; None where it cannot stand in for `tokenize`."""
    found: set[str] = set()
    in_strings: set[str] = set()
    places: list[Place] = []
    depth = 0
    row, row_start, counted = 1, 0, 0  # the row at `counted`, and where that row starts
    for match in _TOKEN.finditer(source):
        kind = match.lastgroup
        if kind == "name":
            text = match.group()
            found.add(text)
            if text[0] != "_":
                continue
            start = match.start()
            newlines = source.count("\n", counted, start)
            if newlines:
                row += newlines
                row_start = source.rindex("\n", counted, start) + 1
            counted = start
            places.append((row, start - row_start, match.end() - row_start, text))
        elif kind == "string":
            in_strings |= names_in_string(match.group())
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return None
        elif kind == "undecided":
            return None
    if depth:
        return None
    return found, in_strings, places


def _tokenized(source: str) -> tuple[set[str], set[str], list[Place]] | None:
    """`tokenize`'s answer: the reference for what `_scanned` cannot decide."""
    found: set[str] = set()
    in_strings: set[str] = set()
    places: list[Place] = []
    previous = ""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME and previous != ".":
                found.add(token.string)
                if token.string.startswith("_"):
                    (row, start), (_, end) = token.start, token.end
                    places.append((row, start, end, token.string))
            elif token.type == tokenize.STRING:
                in_strings |= names_in_string(token.string)
            if token.type not in _LAYOUT:
                previous = token.string
    except (tokenize.TokenError, SyntaxError):
        return None
    return found, in_strings, places


_LAYOUT = frozenset(
    {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
)


def names_in_string(literal: str) -> frozenset[str]:
    """The names in a string literal whose value is one line of Python expression (a
    string annotation); none for prose, bytes or an f-string."""
    if "\n" in literal and "\\\n" not in literal:
        return frozenset()  # a real line break in the value: prose, not an annotation
    return _names_in_literal(literal)


@lru_cache(maxsize=4096)
def _names_in_literal(literal: str) -> frozenset[str]:
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return frozenset()  # an f-string, which generated code does not use for annotations
    if not isinstance(value, str) or "\n" in value:
        return frozenset()  # bytes, or prose: an annotation is one line
    if value.isidentifier():
        return frozenset() if keyword.iskeyword(value) else frozenset((value,))
    try:
        tree = ast.parse(value, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return frozenset()
    return frozenset(node.id for node in ast.walk(tree) if isinstance(node, ast.Name))
