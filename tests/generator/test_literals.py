import ast

import pytest

from generator.render.literals import docstring, py_literal

HOSTILE = [
    'ends with a quote"',
    'triple """ quotes """ inside',
    "backslash \\ and \\n escapes \\",
    "carriage\rreturn and NUL \x00 and bell \x07",
    "{{ jinja }} {% raw %}",
    "line separator \u2028 here",
    "x" * 500,
    'ends with triple """',
    'ends with escaped quote \\"',
    "ends with backslashes \\\\",
    "'''single triple'''",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_is_inert_and_keeps_the_words(text: str) -> None:
    source = f"def f():\n    {docstring(text)}\n    return 1\n"
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    value = ast.get_docstring(function, clean=False)
    assert value is not None
    # Wrapping may re-flow whitespace; every word of the text survives verbatim.
    for word in text.replace("\r", "\n").split():
        if word.isprintable():
            assert word in value.replace("\n", " ") or word.strip('"') in value
    # The function body is still exactly one docstring and a return.
    assert len(function.body) == 2


@pytest.mark.parametrize(
    "value",
    ["a\"b'c", "\\", "\x00", 1, 1.5, True, None, [1, "x"], {"k": ["v"]}, "{{ x }}"],
)
def test_py_literal_round_trips(value: object) -> None:
    assert ast.literal_eval(py_literal(value)) == value


def test_py_literal_of_non_finite_float_evaluates() -> None:
    assert py_literal(float("inf")) == "float('inf')"


def test_empty_docstring_renders_nothing() -> None:
    assert docstring(None, "  ") == ""


@pytest.mark.parametrize(
    "text",
    [
        "Set the header to \nthe value, with trailing spaces.  \nAnd more.",
        "A tab at the end\t\nof a line, and a carriage return \r\nending one.",
        "First paragraph.   \n\nSecond paragraph.\t",
    ],
)
def test_a_docstring_is_as_black_writes_it(text: str) -> None:
    import black
    from black.mode import TargetVersion

    source = f"def f():\n    {docstring(text)}\n    return 1\n"
    assert all(line == line.rstrip() for line in source.split("\n"))
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=100)
    assert black.format_str(source, mode=mode) == source
