"""Rendered modules come out nearly as black writes them, so black has little to re-split.

The seed APIs' modules are rendered (before black) and compared with black's output line
by line. What black still changes is listed by the failure message and bounded: the
constructs below are left to black, as pre-splitting them would mean re-implementing its
hardest rules for a few lines.

- a long annotation that is a union holding subscripts (`Annotated[...] | UnsetType`):
  black puts it in parentheses and splits the subscripts;
- two blank lines after a class before a union alias in `params.py` (the template writes
  one, and the statement before the alias is not always a class);
- an empty `__all__ = [\\n]` in a `params.py` with no public request types.

The units that do the pre-splitting (`literals.py`'s quotes, `layout.py`) are checked
against black case by case below.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import black
import pytest
from pieces_support import MODE, ROOT, layout_changes, rendered, without_layout

from generator.pipeline import load_api, model_api
from generator.render.layout import MARK, laid_out, lay_out
from generator.render.literals import py_literal
from generator.render.renderer import Distribution, render_distribution
from generator.settings import load_distribution_settings
from generator.targets import api_folders

# Lines of the seeds' rendered modules that black still changes (4 when this was written;
# 458 before templates wrote black's quotes and layout).
_SEED_BOUND = 6


def _seed_modules() -> dict[str, str]:
    settings = load_distribution_settings(ROOT / "pyproject.toml")
    apis = tuple(
        model_api(load_api(folder.folder), folder.settings())
        for folder in api_folders(ROOT / settings.specs)
    )
    dist = Distribution(settings.distribution, settings.package, settings.version, apis)
    return {
        path: text
        for path, text in render_distribution(dist).items()
        if path.endswith(".py") and "/_runtime/" not in path
    }


def test_black_changes_few_lines_of_the_seeds_rendered_modules() -> None:
    modules = _seed_modules()
    assert len(modules) > 10
    changed: list[str] = []
    for path, text in sorted(modules.items()):
        assert MARK not in text, path
        formatted = black.format_str(text, mode=MODE)
        diff = difflib.unified_diff(text.splitlines(), formatted.splitlines(), lineterm="", n=0)
        changed += [f"{path}: {line}" for line in diff if line.startswith("-")]
        changed = [line for line in changed if not line.split(": ", 1)[1].startswith("---")]
    assert len(changed) <= _SEED_BOUND, "black re-split:\n" + "\n".join(changed)


def test_the_layout_never_changes_what_black_makes_of_the_seeds() -> None:
    assert layout_changes(_seed_modules(), without_layout(_seed_modules)) == []


_STRINGS = ["", "plain", "it's", 'say "hi"', "both ' and \"", "'' \"", '\'""', "\\", "\\'"]
_STRINGS += ["a\\\"b'", "\n\t\x1b\u2028\x00", "é漢", '"', "'", "\"'", "x\\y'\"'", "{a}", "%s"]


@pytest.mark.parametrize("value", _STRINGS)
def test_string_literals_are_in_blacks_quotes(value: str) -> None:
    literal = py_literal(value)
    assert eval(literal) == value
    assert black.format_str(f"x = {literal}\n", mode=MODE) == f"x = {literal}\n"


_NAMES = ", ".join(f"Name{i}" for i in range(14))
_PAIRS = ", ".join(f'"key{i}": value{i}' for i in range(8))
_KEYWORDS = ", ".join(f"key{i}=value{i}" for i in range(8))
_TWELVE = ", ".join(f"Name{i}" for i in range(12))  # 84 characters
_METHOD = "a_method_name_that_is_long_enough_to_wrap"
_LONG_MODEL = "AVeryLongModelNameForTestingTheHuggingHere"
_BASES = "RequestModel, AnotherVeryLongBaseNameForTests, kw_only=True"
_SHORT_UNION = (
    "FirstLongVariantOfTheUnionHere | SecondLongVariantOfTheUnionHere | UnknownVariantOfTheUnion"
)
_MESSAGE = '"' + "x" * 90 + '"'
_UNION = " | ".join(f"VariantNumber{i}OfTheUnion" for i in range(5))
LONG_LINES = {
    "argument dict": f"X = f(\n    a=1,\n    responses={{{_PAIRS}}},\n)\n",
    "argument tuple": f"X = f(\n    a=1,\n    variants=({_NAMES}),\n)\n",
    "argument call that hugs": f"X = f(\n    a=1,\n    pagination=Pagination({_TWELVE}),\n)\n",
    "argument call, one per line": f"X = f(\n    a=1,\n    body=Model({_KEYWORDS}),\n)\n",
    "positional dict": f'X = f(\n    "n",\n    {{{_PAIRS}}},\n)\n',
    "assigned tuple": f"Marker.clientgen_variants = ({_NAMES})\n",
    "assigned dict": f"Marker.clientgen_mapping = {{{_PAIRS}}}\n",
    "call statement": f"def f():\n    warn({_MESSAGE}, DeprecationWarning, stacklevel=2)\n",
    "assigned call": (
        "class A:\n    def f(self):\n" f"        self.{_METHOD} = wrapper(resource.{_METHOD})\n"
    ),
    "class header that hugs": f"class {_LONG_MODEL}({_BASES}):\n    x: int\n",
    "class header, nested": (
        f"class Response(ResponseModel, kw_only=True, rename={{{_PAIRS}}}):\n    x: int\n"
    ),
    "union alias that fits": f"X: TypeAlias = {_SHORT_UNION}\n",
    "union alias, one per line": f"X: TypeAlias = {_UNION}\n",
    "return annotation": (
        "class R:\n    def f(\n        self,\n    ) -> SyncPage[models.DescribeAssociation"
        "ExecutionTargetsResult, models.AssociationExecutionTarget]:\n        pass\n"
    ),
    "import of one name": (
        "class C:\n    def f(self):\n        from some_package.resources.a_module_with_a_"
        "rather_long_name_long_enough_to_split import AsyncSomeResourceClass\n\n"
        "        return 1\n"
    ),
    "return annotation, one item per line": (
        "class R:\n    def f(\n        self,\n    ) -> AsyncPager[models.DescribeMaintenanceWindow"
        "ExecutionTaskInvocationsResult, models.MaintenanceWindowExecution"
        "TaskInvocationIdentity]:\n        pass\n"
    ),
    "signature of self alone": (
        "class R:\n    @cached_property\n    def maintenance_window_execution_task_invocations"
        "(self) -> AsyncMaintenanceWindowExecutionTaskInvocations:\n        pass\n"
    ),
    "list of two long names": (
        '__all__ = ["MaintenanceWindowExecutionTaskInvocation", '
        '"AsyncMaintenanceWindowExecutionTaskInvocation"]\n'
    ),
    "alias of a name": (
        "if TYPE_CHECKING:\n    pass\nelse:\n    _MaintenanceWindowTaskParameterValueExpression"
        "Param = MaintenanceWindowTaskParameterValueExpression\n"
    ),
    "alias of a literal": (
        'OpsItemFilterKey: TypeAlias = Literal["Status", "CreatedBy", "Source", "Priority", '
        '"Title", "OpsItemId", "CreatedTime", "LastModifiedTime"]\n'
    ),
    "import of two names": (
        "from some_package.resources.a_module_with_a_long_name import FirstClassNameThatIsLong, "
        "SecondClassName\n"
    ),
    "dict entry whose value is a call": (
        'X = f(\n    variables={\n        "region": ServerVariable("us-east-1", '
        '("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2")),\n'
        "    },\n)\n"
    ),
    "dict entry whose value hugs": (
        'X = f(\n    variables={\n        "a_rather_long_key_for_a_dict_entry": '
        'ServerVariable("default-value", ("alpha", "beta", "gamma")),\n    },\n)\n'
    ),
}


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_long_lines_are_split_as_black_splits_them(name: str) -> None:
    text = LONG_LINES[name]
    assert any(len(line) > 100 for line in text.splitlines())
    assert laid_out(lay_out(text)) == black.format_str(text, mode=MODE)


_WORDS = ", ".join(f'"word_number_{i}"' for i in range(4))  # 75 characters
_MANY_WORDS = ", ".join(f'"word_number_{i}"' for i in range(9))
_LONG_NAME = "get_fork_pr_contributor_approval_permissions_for_the_organization"


def _signature(*parameters: str) -> str:
    lines = "".join(f"        {parameter},\n" for parameter in parameters)
    return f"class R:\n    def f(\n        self,\n        *,\n{lines}    ) -> None:\n        pass\n"


PARAMETERS = {
    "union in parentheses": _signature(f"some_parameter: Literal[{_WORDS}] | NotGiven = NOT_GIVEN"),
    "union, one member per line, subscript hugged": _signature(
        f'some_parameter: Literal[{_WORDS}, "one_more_word"] | None | NotGiven = NOT_GIVEN'
    ),
    "union, one member per line, subscript exploded": _signature(
        f"some_parameter: Literal[{_MANY_WORDS}] | NotGiven = NOT_GIVEN"
    ),
    "required union": _signature(
        "required_pull_request_reviews: params.ReposUpdateBranchProtectionRequiredReviewsParam"
        " | None"
    ),
    "required subscript": _signature(f'state: Literal[{_WORDS}, "one_more"]'),
    "union of a name and a long name": _signature(
        "dismissal_restrictions: params.ReposUpdatePullRequestReviewProtectionDismissalParam"
        " | NotGiven = NOT_GIVEN"
    ),
    "assigned call in parentheses": (
        "class A:\n    def __init__(self, resource):\n"
        f"        self.{_LONG_NAME} = async_to_raw_response_wrapper(resource.{_LONG_NAME})\n"
    ),
}


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_long_parameters_are_split_as_black_splits_them(name: str) -> None:
    text = PARAMETERS[name]
    assert any(len(line) > 100 for line in text.splitlines())
    assert laid_out(lay_out(text)) == black.format_str(text, mode=MODE)


_MODEL = "AgentTasksListForRepoResponseTasksItemUserCollaboratorsItemPermissions"
FIELDS = {
    "field union in parentheses": f"class M:\n    permissions: {_MODEL}Details | None = None\n",
    "field value in parentheses": f"class M:\n    collaborators: list[{_MODEL}] | None = None\n",
    "field union without a value": (
        f'class M:\n    scope: Literal[{_WORDS}, "one_more_word"] | UnsetType\n'
    ),
    "field subscript without a value": (
        f'class M:\n    programming_languages: Sequence[Literal[{_WORDS}, "more"]]\n'
    ),
    "field subscript, nested split": (
        f'class M:\n    languages: Sequence[Literal[{_WORDS}, "one_more_word"]]\n'
    ),
    "alias of a subscript": (
        f"Key: TypeAlias = Annotated[str, Meta(min_length=1, max_length=128, pattern={_MESSAGE})]\n"
    ),
    "one long argument, no trailing comma": (
        f"class M:\n    key: Annotated[str, Meta(pattern={_MESSAGE}), Meta(min_length=1)] | None\n"
    ),
    "call of one long argument": f"X = f(\n    a=1,\n    body=Model(key={_MESSAGE}),\n)\n",
    "call of one long keyword argument, a name": (
        "def f():\n    return g(\n        body=_request_models.SipMediaApplicationLoggingBody("
        "sip_media_application_logging_configuration=sip_media_application_logging_config),\n"
        "    )\n"
    ),
    "generic call, first line": (
        f"_LIST_ENDPOINT = Endpoint[models.{_MODEL}Response](\n"
        '    method="GET",\n    path="/x",\n)\n'
    ),
}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_long_fields_and_aliases_are_split_as_black_splits_them(name: str) -> None:
    text = FIELDS[name]
    assert any(len(line) > 100 for line in text.splitlines())
    assert laid_out(lay_out(text)) == black.format_str(text, mode=MODE)


def test_only_marked_lines_are_split() -> None:
    long = f"variants=({_NAMES}),"
    docstring = f'"""\n{long}\n"""\n'
    assert laid_out(docstring) == docstring
    assert laid_out(lay_out(docstring)) != docstring  # the same line, marked, is split
    assert lay_out("short=(A, B),") == "short=(A, B),"


_MANY_SERVERS = """\
openapi: 3.0.3
info: {title: Servers, version: "1"}
servers:
  - url: https://first-regional-endpoint.example.com
  - url: https://second-regional-endpoint.example.com
  - url: https://third-regional-endpoint.example.com
  - url: https://fourth-regional-endpoint.example.com
  - url: https://fifth-regional-endpoint.example.com
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200": {description: ok}
"""


def test_a_client_of_many_servers_is_rendered_as_black_writes_it(tmp_path: Path) -> None:
    """The `server` parameter's `Literal` of every server name is too long for its line:
    the client's signature is laid out too."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(_MANY_SERVERS, encoding="utf-8")
    client = rendered(spec, "srv")["srv/_client.py"]
    unsplit = without_layout(lambda: rendered(spec, "srv"))["srv/_client.py"]
    assert any(len(line) > 100 for line in unsplit.splitlines())
    assert black.format_str(client, mode=MODE) == client
