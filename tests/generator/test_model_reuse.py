"""What the model builder remembers within one build gives what working it out again would."""

from typing import Any

from model_helpers import operations

from generator import naming
from generator.diagnostics import join_pointer
from generator.model.types import NamedRef
from generator.parse import identifiers
from generator.parse.document import pointer_to

_SHARED = {
    "parameters": {
        "filter": {
            "name": "filter",
            "in": "query",
            "schema": {
                "type": "object",
                "properties": {"kind": {"type": "string"}},
                "not": {"required": ["kind"]},
            },
        },
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}},
    }
}


def _listing(operation_id: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "parameters": [
            {"$ref": "#/components/parameters/filter"},
            {"$ref": "#/components/parameters/limit"},
        ],
        "responses": {"204": {"description": "done"}},
    }


def test_a_shared_parameter_has_one_type_and_its_problem_is_found_once() -> None:
    builder = operations(
        {"/a": {"get": _listing("listA")}, "/b": {"get": _listing("listB")}},
        components=_SHARED,
    )
    first, second = builder.build_all()
    assert first.parameters[0].type == second.parameters[0].type == NamedRef("AListFilter")
    assert list(builder._schemas.definitions) == ["AListFilter"]
    assert [d.pointer for d in builder._schemas.diagnostics] == [
        "/components/parameters/filter/schema/not"
    ]
    assert [p.server_default for p in first.parameters] == [None, 10]


def test_the_operation_s_own_declaration_gives_the_server_default() -> None:
    item = {
        "parameters": [
            {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 5}}
        ],
        "get": {
            "operationId": "list",
            "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "done"}},
        },
    }
    (operation,) = operations({"/a": item}).build_all()
    assert [(p.server_default, p.has_server_default) for p in operation.parameters] == [
        (None, False)
    ]


def test_pointers_are_joined_as_join_pointer_joins_them() -> None:
    tokens = ("responses", 200, "application/json", "a~b", "c/d~1")
    assert pointer_to("/paths/~1x/get", *tokens) == join_pointer("/paths/~1x/get", *tokens)
    assert pointer_to("", "x") == join_pointer("", "x")


def test_names_are_those_naming_gives() -> None:
    for name in ("phoneNumbers", "HTTPServer", "import", "200", "None", "Ünïcode name", ""):
        assert identifiers.name_part(name) == naming.name_part(name)
        assert identifiers.class_name(name, fallback="X") == naming.class_name(name, fallback="X")
        assert identifiers.python_identifier(name) == naming.python_identifier(name)
        assert identifiers.snake_case(name) == naming.snake_case(name)
        assert list(identifiers.split_words(name)) == naming.split_words(name)
