"""Text recognised as black's own output (generator/render/fixed_points/) is what black
gives back, judged by black itself: on every piece of real APIs, and on small texts that
reach each rule, both those black leaves alone and those it changes."""

from __future__ import annotations

from pathlib import Path

import black
import pytest
from pieces_support import MODE, ROOT, VENDOR, rendered, rendered_folder

from generator.render import fixed_points, format_jobs, formatting
from generator.render.fixed_points import unchanged_by_black
from generator.render.pieces import split_module


def _pieces(modules: dict[str, str]) -> list[str]:
    texts: list[str] = []
    for path, text in modules.items():
        pieces = split_module(path, text)
        for piece in pieces or ():
            texts.extend(piece.texts)
    return list(dict.fromkeys(texts))


def _accepted_lines(texts: list[str]) -> tuple[int, int]:
    """Lines of the texts accepted, and of those black leaves alone; every accepted text
    must be one black leaves alone."""
    accepted = unchanged = 0
    for text in texts:
        lines = text.count("\n")
        same = black.format_str(text, mode=MODE) == text
        unchanged += lines * same
        if unchanged_by_black(text):
            assert same, text
            accepted += lines
    return accepted, unchanged


@pytest.mark.parametrize(
    ("spec", "share"),
    [
        (VENDOR / "polyai-agents-api-1.0.11.json", 0.9),
        (VENDOR / "retell-openapi.yaml", 0.7),
    ],
)
def test_every_piece_accepted_is_what_black_gives(spec: Path, share: float) -> None:
    """And most of what black leaves alone is recognised (else the speed is lost)."""
    accepted, unchanged = _accepted_lines(_pieces(rendered(spec, "client")))
    assert accepted >= share * unchanged


def test_the_seed_apis_too(tmp_path: Path) -> None:
    for folder in sorted((ROOT / "specs").iterdir()):
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json"))
        modules = rendered_folder(files, folder.name, tmp_path / folder.name)
        _accepted_lines(_pieces(modules))


def test_formatting_gives_the_same_bytes_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    modules = rendered(VENDOR / "polyai-agents-api-1.0.11.json", "polyai")
    with_it = formatting.format_files(modules)
    monkeypatch.setattr(format_jobs, "unchanged_by_black", lambda text: False)
    assert formatting.format_files(modules) == with_it


def test_another_black_release_formats_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    format_jobs.knows_black.cache_clear()
    monkeypatch.setattr(fixed_points, "BLACK_VERSION", "1.0")
    try:
        assert not format_jobs.knows_black()
    finally:
        monkeypatch.undo()
        format_jobs.knows_black.cache_clear()
    assert format_jobs.knows_black()


# Texts black leaves as they are, each reaching a rule; all must be recognised.
KEPT = [
    'x = 1\ny: int = 2\nz: list[int] | None = None\n__all__ = ["a", "b"]\n',
    'def f(a, b=1, *, c: int = 2, **d: "X") -> None:\n    return g(a, *b, k=-1, **d)\n',
    "class A(B, kw_only=True, rename={'a': 1}):\n    x: int\n".replace("'", '"'),
    'x = (a,)\ny = (a, b)\nz = ()\nw = f(x=(("k",),))\n',
    'x = "\\\\xAB"\ny = "\\xab"\nz = "it\'s"\n',
    "x = 1e-5\ny = 0.5\nz = 10\n",
    "from . import a\nfrom .b import c as d, e\nimport f.g as h\n",
    "@cached_property\ndef f(self) -> int:\n    return await self.g()\n",
    'class A:\n    """Doc."""\n\n    x: int\n    """Attribute doc.\n\n    More."""\n',
    'def f():\n    """Doc that starts.\n\n    And goes on.\n    """\n    return 1\n',
    "class A:\n    x: int\n\n    def f(self) -> None:\n        pass\n\n    y: int\n",
    "def f(\n    self,\n    *,\n    a: int = 1,\n) -> dict[str, int]:\n    pass\n",
    "x = f(\n    a,\n    b={\n        1: 2,\n    },\n)\n",
    '__all__ = [\n    "a",\n]\n',
    "X: TypeAlias = Annotated[\n    str,\n    Meta(max_length=5),\n]\n",
    "return_value = self.client.request(\n    _ENDPOINT,\n    body=SomeModel(\n"
    "        value_of_some_length=value_of_some_length, other_value=other_value_that_is_longer\n"
    "    ),\n)\n",
    "class Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(\n"
    '    Bbbbbbbbbbbbbbbbbbb, kw_only=True, rename={"cccccccccccccc": "Ddddddddddddddddd"}\n'
    "):\n    pass\n",
    "class A:\n    some_long_attribute_name: SomeLongTypeNameOfTheModelThatGoesOnAndOnAndOn"
    " | None | UnsetType = (\n"
    "        UNSET\n    )\n",
    "from a.b import (\n    c,\n    d as e,\n)\n",
    "x = (\n    a,\n    b,\n)\n",
    '"""Module doc."""\n\nx = 1\n',
    "class _:\n    def describe(\n        self,\n    ) -> SyncPage[\n"
    "        models.DescribeAssociationExecutionTargetsResult, models.AssociationExecutionTarget\n"
    "    ]:\n        pass\n",
    "class _:\n    @cached_property\n    def item(self) -> Item:\n"
    "        from some_package.resources.a_module_with_a_name_long_enough_to_split import (\n"
    "            AsyncSomeResourceClass,\n        )\n\n        return Item(self)\n",
    "class A:\n    token: (\n        Annotated[\n            str,\n            Meta(\n"
    '                min_length=1,\n                pattern="' + "x" * 120 + '",\n'
    "            ),\n        ]\n        | UnsetType\n    ) = UNSET\n",
    "class A:\n    x: (\n        Annotated[\n            str,\n            Meta(min_length=1),\n"
    "        ]\n        | None\n    ) = None\n",
    "class A:\n    x: (\n        Annotated[\n            str,\n            Meta(min_length=1),\n"
    "        ]\n        | None\n    )\n",
    "class A:\n    attribute_name_that_is_long: (\n"
    "        AnnotatedTypeNameThatIsRatherLongIndeed[str, int] | UnsetTypeLong\n    ) = UNSET\n",
    "class A:\n    attribute_name_that_is_long: (\n"
    "        AnnotatedTypeNameThatIsRatherLongIndeed[str, int] | UnsetTypeLong"
    " | SomeOtherTypeName\n"
    "    )\n",
    "if TYPE_CHECKING:\n    from a import (\n        b,\n    )\n    from c import d\nelse:\n"
    "    pass\n",
    'x = {\n    "a_key_long_enough_to_make_this_row_too_long_for_black": '
    '"and_a_value_that_is_long_as_well",\n}\n',
    '"""Module doc."""\n\n\nclass A:\n    pass\n',
    "class _:\n    def create(\n        self,\n        *,\n"
    "        automation_target_parameter_name: (\n"
    "            params.AutomationTargetParameterName | NotGiven\n        ) = NOT_GIVEN,\n"
    "        max_retries: int | NotGiven = NOT_GIVEN,\n    ) -> None:\n        pass\n",
    "def create(\n    self,\n    a_parameter_with_a_rather_long_name_indeed: (\n"
    "        SomeLongTypeName | Sequence[AnotherLongTypeNameThatGoesOnAndOn]\n    ),\n"
    ") -> None:\n    pass\n",
    "def create(\n    self,\n    a_parameter_with_a_long_name: (\n"
    "        SomeLongTypeName[int] | AnotherLongTypeName | YetAnotherTypeName | None\n"
    "    ) = None,\n) -> None:\n    pass\n",
    "class A:\n    max_concurrency: (\n        Annotated[\n"
    "            str, Meta(min_length=1, max_length=7, "
    'pattern="^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$")\n'
    "        ]\n        | UnsetType\n    ) = UNSET\n",
    'x = f(\n    parameters=(\n        (\n            "report_id",\n            "path",\n'
    "        ),\n    ),\n)\n",
    'x = (\n    (\n        "report_id",\n        "path",\n    ),\n)\n',
    "class A:\n    tag_keys: Sequence[\n        Annotated[\n            str,\n"
    "            Meta(\n                min_length=1,\n            ),\n        ]\n    ]\n",
    "x = f[\n    g(\n        a,\n    )\n]\n",
    "class _:\n    def describe(\n        self,\n    ) -> AsyncPager[\n"
    "        models.DescribeMaintenanceWindowExecutionTaskInvocationsResult,\n"
    "        models.MaintenanceWindowExecutionTaskInvocationIdentity,\n    ]:\n        pass\n",
    "class _:\n    def describe(\n        self,\n    ) -> AsyncPager[\n        models.A,\n"
    "        models.B,\n    ]:\n        pass\n",
    "class _:\n    @cached_property\n    def maintenance_window_execution_task_invocations(\n"
    "        self,\n    ) -> AsyncMaintenanceWindowExecutionTaskInvocations:\n        pass\n",
    # A parameter's union too long for its row, split at its `|`s.
    "class _:\n    async def get(\n        self,\n        *,\n        board_type: (\n"
    '            Literal["ROOM_ONLY", "BREAKFAST", "HALF_BOARD", "FULL_BOARD", "ALL_INCLUSIVE"]\n'
    "            | NotGiven\n        ) = NOT_GIVEN,\n        lang: str | NotGiven = NOT_GIVEN,\n"
    "    ) -> models.MultiResponse:\n        return 1\n",
    "def create(\n    self,\n    a_parameter_with_a_long_name: (\n"
    "        SomeLongTypeName[int, str, bytes, float]\n        | AnotherLongTypeNameThatIsLong\n"
    "        | YetAnotherTypeName\n        | None\n    ) = None,\n) -> None:\n    pass\n",
    "def create(\n    self,\n    board_type: (\n"
    '        Literal["ROOM_ONLY", "BREAKFAST", "HALF_BOARD", "FULL_BOARD", "ALL_INCLUSIVE", "X"]\n'
    "        | NotGiven\n    ),\n) -> None:\n    pass\n",
    # ... with an operand split in its turn, its magic comma splitting the union whatever
    # its length.
    'def list(\n    self,\n    *,\n    status: (\n        Literal[\n            "ACTIVE",\n'
    '            "INACTIVE",\n            "PENDING_ACTIVATION",\n            "ARCHIVED",\n'
    "        ]\n        | NotGiven\n    ) = NOT_GIVEN,\n) -> None:\n    pass\n",
    'def list(\n    self,\n    *,\n    status: (\n        Literal[\n            "ACTIVE",\n'
    '            "INACTIVE",\n        ]\n        | NotGiven\n    ) = NOT_GIVEN,\n) -> None:\n'
    "    pass\n",
    # A deprecated argument's warning.
    "def f(self, *, a: int | NotGiven = NOT_GIVEN) -> None:\n    if a is not NOT_GIVEN:\n"
    '        warn("a is deprecated", DeprecationWarning, stacklevel=2)\n',
    "def f(a: int | None = None) -> None:\n    if a is None:\n        pass\n",
    "def f(a: int) -> None:\n    if a is not models.UNSET:\n        pass\n",
    # A call of a subscript whose first row would be too long, split at both brackets.
    "_LIST_ORGANIZATION_MEMBERSHIPS_ENDPOINT = Endpoint[\n"
    "    models.OrganizationMembershipCollectionResponseItem\n](\n"
    '    method="GET",\n    path="/orgs/{org}/memberships/{membership}/rolesxxxxxxxxxx",\n'
    '    accept="application/json",\n)\n',
    "_LIST_ORGANIZATION_MEMBERSHIPS_ENDPOINT = Endpoint[\n"
    "    models.OrganizationMembershipCollectionResponseItem\n](\n"
    '    method="GET",\n    path="/orgs/{org}",\n)\n',
    # A call of a name assigned where `TARGET = NAME(` alone is too long: in the value's
    # parentheses, on one row or split in its turn.
    "class A:\n    def __init__(self, resource):\n"
    "        self.app_api_endpoints_radiation_calculate_flux_percentile = (\n"
    "            async_to_streamed_response_wrapper(\n"
    "                resource.app_api_endpoints_radiation_calculate_flux_percentile\n"
    "            )\n        )\n",
    "class A:\n    def __init__(self, resource):\n"
    "        self.app_api_endpoints_radiation_calculate_flux_percentile_long = (\n"
    "            async_to_streamed_response_wrapper(resource.x)\n        )\n",
    # A value in parentheses whose head, with a bracket, is 100 columns with its
    # parenthesis: black measures it without, in 99.
    "class A:\n    " + "x" * 61 + ': Literal["A", "B"] | UnsetType = (\n' "        UNSET\n    )\n",
    # An imported name too long for its row, with nothing black could split it at.
    "if TYPE_CHECKING:\n    from client.params import (\n        MaintenanceWindowStepFunctions"
    "ParametersParam as _MaintenanceWindowStepFunctionsParametersParam,\n"
    "        Short as _Short,\n    )\n",
    # A module's `__getattr__`: membership tests, f-strings, `raise`, an item assigned.
    "def __getattr__(name: str) -> Any:\n    if name in _SUBMODULES:\n"
    '        return importlib.import_module(f"{__name__}.{name}")\n'
    "    module = _EXPORTS.get(name)\n    if module is None:\n"
    '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
    "    value = getattr(importlib.import_module(module), name)\n"
    "    globals()[name] = value\n    return value\n",
    "if name not in NAMES:\n    pass\n",
    'x = f"{a:>10}, {b!r} and {c}"\n',
    "raise Error\n",
    "d[k][i] = await f()\n",
    # A quote after an escaped backslash: not escaped, black keeps it.
    'x = "a\\\\\'b"\n',
    # Comments black keeps, above a statement it keeps.
    "# why\nx = 1\n",
    '# Loaded on first use.\n# A second line, `quoted`.\nX = {\n    "a": "b",\n}\n',
    "#" + " a comment black never splits" * 5 + "\nx = f(a)\n",
    "# why\nif TYPE_CHECKING:\n    import os\n",
    # A call's one argument too long for its row, with nothing black could split it at.
    "class A:\n    capture_time: Annotated[\n        str,\n        Meta(\n"
    '            pattern="^(20)[0-9][0-9]-(0[1-9]|1[012])-([12][0-9]|3[01]|0[1-9])(T)'
    '(2[0-3]|[0-1][0-9])(:[0-5][0-9])(:[0-5][0-9])(Z)$"\n        ),\n    ]\n',
]

# Texts black changes, each breaking one rule; none may be recognised.
CHANGED = [
    "x=1\n",
    "f(a = 1)\n",
    "def f(a: int=1):\n    pass\n",
    "def f(a = 1):\n    pass\n",
    "x = a|b\n",
    "x = [1,2]\n",
    'x = {"a":1}\n',
    "f( a)\n",
    "x = 'a'\n",
    'x = u"a"\n',
    "x = 1E5\n",
    "x = 0XFF\n",
    "x = (a)\n",
    "x = f(a,)\n",
    "x = [a,]\n",
    "def f(\n    a,\n    b\n):\n    pass\n",
    "def f(a, b,):\n    pass\n",
    "x = f(\n    a, b\n)\n",
    "class A(\n    B, kw_only=True\n):\n    pass\n",
    "x = f(\n    a,\n\n    b,\n)\n",
    "class A:\n    x: int = (\n        1\n    )\n",
    "class A:\n    x: int\n    def f(self):\n        pass\n",
    "class A:\n    def f(self):\n        pass\n\n\n    def g(self):\n        pass\n",
    'class A:\n    """Doc."""\n    x: int\n',
    "x = 1\n\n\n\ny = 2\n",
    'def f():\n    """  Doc."""\n',
    'def f():\n    """Doc.\n        Indented too far.\n    """\n',
    "if x:\n  y = 1\n",
    "x = 1; y = 2\n",
    "from a import (b, c)\n",
    "x = f(\n    a=(\n        1,\n    ),\n)\n",
    "X = Annotated[\n    str,\n]\n",
    "import a\nx = 1\n",
    '"""Module doc."""\nx = 1\n',
    "def f(\n    self,\n) -> SyncPage[\n    models.A, models.B\n]:\n    pass\n",
    "class A:\n    x: (\n        Annotated[str, Meta(min_length=1)]\n        | None\n"
    "    ) = None\n",
    "class A:\n    x: (\n        A | B\n    ) = None\n",
    "class A:\n    some_attribute: (\n"
    "        SomeVeryLongTypeNameNumberOne[int] | SomeVeryLongTypeNameNumberTwo | None\n"
    "    ) = None\n",
    "x = f(\n    b=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa("
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb),\n)\n",
    "x = f(\n    a=[1],\n)[\n    0\n]\n",
    "def create(\n    self,\n    short_name: (\n        SomeType | NotGiven\n    ) = NOT_GIVEN,\n"
    ") -> None:\n    pass\n",
    "def create(self, a: (A | B) = NOT_GIVEN) -> None:\n    pass\n",
    "def create(\n    self,\n    a_parameter_with_a_rather_long_name_indeed: (\n"
    "        SomeLongTypeName | make_type(argument_one, argument_two)\n    ) = NOT_GIVEN,\n"
    ") -> None:\n    pass\n",
    "class A:\n    max_concurrency: (\n        Annotated[\n"
    "            str, Meta(min_length=1, max_length=7)\n        ]\n        | UnsetType\n"
    "    ) = UNSET\n",
    'x = f(\n    parameters=(\n        ("report_id", "path"),\n    ),\n)\n',
    'x = (\n    ("a", "b"),\n)\n',
    "class A:\n    tag_keys: Sequence[\n        Annotated[\n            str, Meta(min_length=1)\n"
    "        ]\n    ]\n",
    "class A:\n    tag_keys_that_are_long_enough_to_need_it: Sequence[\n        Annotated[\n"
    '            str, Meta(min_length=1, max_length=128, pattern="^[a-zA-Z0-9_.:/=+@-]*$")\n'
    "        ]\n    ]\n",
    "class _:\n    def describe(\n        self,\n    ) -> AsyncPager[\n"
    "        models.DescribeMaintenanceWindowExecutionTaskInvocationsResult,\n    ]:\n"
    "        pass\n",
    # A parameter's union split at its `|`s though it fits its row; split but not at
    # every `|`; split after a `|`.
    "def create(\n    self,\n    a_parameter_with_a_long_name: (\n        SomeLongTypeName[int]\n"
    "        | None\n    ) = None,\n) -> None:\n    pass\n",
    "def create(\n    self,\n    a_parameter_with_a_long_name: (\n"
    "        SomeLongTypeName[int, str, bytes, float] | AnotherLongTypeNameThatIsLong\n"
    "        | YetAnotherTypeName\n        | None\n    ) = None,\n) -> None:\n    pass\n",
    "def create(\n    self,\n    board_type: (\n"
    '        Literal["ROOM_ONLY", "BREAKFAST", "HALF_BOARD", "FULL_BOARD", "ALL_INCLUSIVE", "X"]'
    " |\n        NotGiven\n    ),\n) -> None:\n    pass\n",
    # A call of a subscript split at both brackets though its first row fits; its item
    # split over two rows.
    "_LIST_ENDPOINT = Endpoint[\n    models.OrganizationMembershipCollectionResponseItem\n](\n"
    '    method="GET",\n    path="/orgs/{org}/memberships",\n)\n',
    "_LIST_ORGANIZATION_MEMBERSHIPS_ENDPOINT = Endpoint[\n"
    "    models.OrganizationMembershipCollectionResponseItem[\n        Item\n    ]\n](\n"
    '    method="GET",\n    path="/orgs/{org}",\n)\n',
    # A call of a name in parentheses where `TARGET = NAME(` fits, or its call split
    # though it fits; a short one.
    "class A:\n    def __init__(self, resource):\n"
    "        self.app_api_endpoints_radiation_calculate = (\n"
    "            async_to_streamed_response_wrapper(\n"
    "                resource.app_api_endpoints_radiation_calculate\n            )\n        )\n",
    "class A:\n    def __init__(self, resource):\n"
    "        self.app_api_endpoints_radiation_calculate_flux_percentile_long = (\n"
    "            async_to_streamed_response_wrapper(\n                resource.x\n"
    "            )\n        )\n",
    "x = (\n    f(a)\n)\n",
    "class A:\n    " + "x" * 62 + ': Literal["A", "B"] | UnsetType = (\n' "        UNSET\n    )\n",
    "if TYPE_CHECKING:\n    from client.params import (\n        MaintenanceWindowStepFunctions"
    "ParametersParam as _MaintenanceWindowStepFunctionsParametersParam, Short as _Short,\n"
    "    )\n",
    "class A:\n    capture_time: Annotated[\n        str,\n        Meta(\n"
    '            min_length=1, pattern="^(20)[0-9][0-9]-(0[1-9]|1[012])-([12][0-9]|3[01]|0[1-9])(T)'
    '(2[0-3]|[0-1][0-9])(:[0-5][0-9])(:[0-5][0-9])(Z)$"\n        ),\n    ]\n',
    "def f(a: int) -> None:\n    if a is  not NOT_GIVEN:\n        pass\n",
    "def f(a: int) -> None:\n    if (a is not NOT_GIVEN):\n        pass\n",
    "def f(a: int) -> None:\n    if a is not NOT_GIVEN :\n        pass\n",
    # Membership tests, f-strings, `raise` and items assigned, black respells.
    "if name  in NAMES:\n    pass\n",
    "if name not  in NAMES:\n    pass\n",
    "x = f'{a}'\n",
    'x = F"{a}"\n',
    "raise  Error\n",
    "raise Error(\n    a\n)\n",
    "raise Error(" + ", ".join(f"argument_{i}" for i in range(12)) + ")\n",
    "globals()[name]=value\n",
    "globals() [name] = value\n",
    "globals()[name] = (\n    value\n)\n",
    # Strings in a statement whose escapes black rewrites.
    'x = "a\\\'b"\n',
    'x = "\\xAB"\n',
    'f("\\N{dash}")\n',
    # A comment black changes, or one above a statement black changes.
    "#why\nx = 1\n",
    "# why \nx = 1\n",
    "# why\n  # indented\nx = 1\n",
    "# why\nx=1\n",
    "# why\n# then\n\n\n\nx = 1\n",
    # An operand split without its comma, though it fits.
    'def list(\n    self,\n    *,\n    status: (\n        Literal[\n            "ACTIVE",\n'
    '            "INACTIVE"\n        ]\n        | NotGiven\n    ) = NOT_GIVEN,\n) -> None:\n'
    "    pass\n",
]


@pytest.mark.parametrize("text", KEPT)
def test_a_text_black_keeps_is_recognised(text: str) -> None:
    assert black.format_str(text, mode=MODE) == text
    assert unchanged_by_black(text)


@pytest.mark.parametrize("text", CHANGED)
def test_a_text_black_changes_is_not(text: str) -> None:
    assert black.format_str(text, mode=MODE) != text
    assert not unchanged_by_black(text)


def test_a_rule_that_fails_leaves_the_piece_to_black(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object) -> None:
        raise IndexError("a shape the rules did not foresee")

    text = KEPT[0]
    assert unchanged_by_black(text)
    monkeypatch.setattr(fixed_points, "check_statement", failing)
    assert not unchanged_by_black(text)
    assert format_jobs.formatted_piece(text) == black.format_str(text, mode=MODE)


def test_nesting_deeper_than_the_parser_recurses_is_left_to_black() -> None:
    text = "x: " + "A[" * 600 + "int" + "]" * 600 + "\n"
    assert not unchanged_by_black(text)
