"""Generated modules import the names their code uses, and only those."""

from __future__ import annotations

from generator.render.imports import (
    PARAMS,
    PLACEHOLDER,
    RESOURCE,
    TYPE_PLACEHOLDER,
    Import,
    Joined,
    import_block,
    used_names,
    with_imports,
)

_GROUPS = (
    (Import("datetime", alias="_datetime"), Import("typing", "Any", "_Any")),
    (Import("msgspec", "Meta", "_Meta"),),
    (
        Joined("{runtime}", ("DEFAULT_MAX_RETRIES", "NOT_GIVEN")),
        Import("{package}", "models", "_models"),
    ),
)


def _used(source: str) -> set[str]:
    found = used_names(source)
    assert found is not None
    return found


def _module(body: str) -> str:
    return f'"""Doc."""\n\nfrom __future__ import annotations\n\n{PLACEHOLDER}\n\n{body}'


def test_only_used_names_are_imported_in_the_declared_order_and_groups() -> None:
    text = with_imports(
        _module("x: _Any = NOT_GIVEN\ny: _models.Pet\nz: _datetime.date\n"), _GROUPS, "rt", "pkg"
    )
    assert text == _module("x: Any = NOT_GIVEN\ny: models.Pet\nz: datetime.date\n").replace(
        PLACEHOLDER,
        "import datetime\nfrom typing import Any\n\n"
        "from rt import NOT_GIVEN\nfrom pkg import models",
    )


def test_an_import_keeps_its_underscore_only_where_its_plain_name_is_taken() -> None:
    # A spec class named `Any` and an argument named `models`: those two stay aliased.
    body = "class Any:\n    pass\n\n\ndef f(models: _Any) -> _models.Pet:\n    return other.Meta\n"
    text = with_imports(_module(body + "m: _Meta\n"), _GROUPS, "rt", "pkg")
    assert "from typing import Any as _Any\n" in text
    assert "from pkg import models as _models\n" in text
    assert "def f(models: _Any) -> _models.Pet:" in text
    # An attribute of the same name (`other.Meta`) is no clash.
    assert "from msgspec import Meta\n" in text and "m: Meta\n" in text


def test_a_name_used_in_a_string_annotation_keeps_its_underscore() -> None:
    # Rewriting strings could change a spec value that only looks like a name.
    text = with_imports(_module('D = {"a": "_Any"}\nx: _Any\n'), _GROUPS, "rt", "pkg")
    assert "from typing import Any as _Any\n" in text and 'D = {"a": "_Any"}' in text


_TYPED = ((Import("{package}", "params", "_params", type_only=True), Import("m", "f", "_f")),)


def _typed_module(body: str) -> str:
    return _module(f"if TYPE_CHECKING:\n    {TYPE_PLACEHOLDER}\n    import client\n\n{body}")


def test_an_import_only_annotations_use_moves_under_type_checking() -> None:
    body = (
        "def g(a: _params.P, *, b: list[_params.Q] | None = None) -> _params.R:\n    return _f()\n"
    )
    text = with_imports(_typed_module(body), _TYPED, "rt", "pkg")
    assert (
        "from m import f\n\nif TYPE_CHECKING:\n    from pkg import params\n    import client\n"
        in text
    )
    assert "def g(a: params.P, *, b: list[params.Q] | None = None) -> params.R:" in text
    assert TYPE_PLACEHOLDER not in text


def test_an_import_the_code_uses_at_run_time_stays_at_the_top() -> None:
    for body in ("X = _params.P\n", "def g(a: int = _params.DEFAULT) -> None: ...\n"):
        text = with_imports(_typed_module(body + "y: _params.P\n"), _TYPED, "rt", "pkg")
        assert "from pkg import params\n\nif TYPE_CHECKING:\n    import client\n" in text, body


def test_without_postponed_annotations_a_type_only_import_stays_at_the_top() -> None:
    module = _typed_module("x: _params.P\n").replace("from __future__ import annotations\n", "")
    text = with_imports(module, _TYPED, "rt", "pkg")
    assert "from pkg import params\n\nif TYPE_CHECKING:\n    import client\n" in text


def test_names_from_one_module_share_a_line_in_isort_order() -> None:
    groups = ((Import("m", "helper", "_helper"), Import("m", "Klass", "_Klass")),)
    text = with_imports(_module("x = _helper(_Klass, NOT_GIVEN)\n"), groups, "rt", "pkg")
    assert "from m import Klass, helper\n" in text


def test_docstrings_comments_attributes_and_longer_names_are_not_uses() -> None:
    body = (
        '"""Takes _Any and _Meta."""\n'
        "# _datetime is not needed\n"
        "x = other._Any\n"
        "_AnyThing = 1\n"
        "NOT_GIVEN_TOO = 2\n"
    )
    assert _used(body) & {"_Any", "_Meta", "_datetime", "NOT_GIVEN"} == set()
    assert with_imports(_module(body), _GROUPS, "rt", "pkg") == (
        '"""Doc."""\n\nfrom __future__ import annotations\n\n' + body
    )


def test_a_string_that_is_an_annotation_counts_as_a_use() -> None:
    # The functional TypedDict form keeps its value annotations as strings.
    body = 'D = _TypedDict("D", {"a-b": "_Required[_Any]", "c": "_Sequence[Pet] | None"})\n'
    assert {"_TypedDict", "_Required", "_Any", "_Sequence", "Pet"} <= _used(body)
    assert "_Meta" not in _used('x = "use _Meta here"\n')


def test_a_joined_line_keeps_the_used_names_only() -> None:
    block = import_block(_GROUPS, {"DEFAULT_MAX_RETRIES"}, "rt", "pkg")
    assert block == "from rt import DEFAULT_MAX_RETRIES"


def test_text_that_cannot_be_tokenized_keeps_every_import() -> None:
    assert used_names("x = (\n") is None
    text = with_imports(_module("x = (\n"), _GROUPS, "rt", "pkg")
    assert "import datetime as _datetime\nfrom typing import Any as _Any\n\n" in text
    assert "from rt import DEFAULT_MAX_RETRIES, NOT_GIVEN\nfrom pkg import models" in text


def test_the_module_tables_spell_runtime_and_package_imports() -> None:
    everything = import_block(RESOURCE, None, "pkg._runtime", "pkg.api")
    assert "from pkg._runtime import Endpoint as _Endpoint" in everything.splitlines()
    assert "from pkg.api import params as _params" in everything.splitlines()
    assert "from pkg._runtime._typeddict import Required as _Required" in import_block(
        PARAMS, None, "pkg._runtime", "pkg.api"
    )


def test_a_line_separator_inside_a_docstring_does_not_shift_the_respelling() -> None:
    # A spec's description may hold U+2028 or a form feed; a row is a `\n`-ended line
    # there as in `tokenize`, so the names after it are respelled where they stand.
    body = 'def f(a: _Any) -> None:\n    """One\u2028two\x0cthree."""\n    b: _Any = a\n'
    text = with_imports(_module(body), _GROUPS, "rt", "pkg")
    assert "def f(a: Any) -> None:\n" in text and "    b: Any = a\n" in text
    assert '"""One\u2028two\x0cthree."""' in text
