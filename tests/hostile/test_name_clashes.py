"""Two spec names that become one Python name: the module would define it twice and the
second would silently replace the first (a field typed with the wrong class). The
generator refuses such a module, naming the name and both lines, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cache import Cache
from generator.diagnostics import GeneratorError
from generator.pipeline import build_single
from generator.render.formatting import format_files

KIND = {"type": "string"}
CLASHING = {
    "openapi": "3.1.0",
    "info": {"title": "Clash", "version": "1"},
    "paths": {
        "/shapes": {
            "get": {
                "operationId": "getShape",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Holder"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Holder": {
                "type": "object",
                "properties": {
                    "shape": {"$ref": "#/components/schemas/Shape"},
                    "other": {"$ref": "#/components/schemas/UnknownShape"},
                },
            },
            # The class a response union decodes an unknown variant into is `UnknownShape`.
            "Shape": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Circle"},
                    {"$ref": "#/components/schemas/Square"},
                ],
                "discriminator": {"propertyName": "kind"},
            },
            "Circle": {"type": "object", "required": ["kind"], "properties": {"kind": KIND}},
            "Square": {"type": "object", "required": ["kind"], "properties": {"kind": KIND}},
            "UnknownShape": {"type": "object", "properties": {"x": {"type": "string"}}},
        }
    },
}

# Once a clash too: the request model of `Pet` is also called `PetParam`. Request names
# are now reserved for object schemas (tests/generator/test_schemas.py), so the other
# schema is numbered instead.
AVOIDED = {
    "openapi": "3.1.0",
    "info": {"title": "Clash", "version": "1"},
    "paths": {
        "/pets": {
            "post": {
                "operationId": "createPet",
                # A list, so that users name the request type of `Pet` (`PetParam`).
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Pet"},
                            }
                        }
                    }
                },
                "responses": {"204": {"description": "created"}},
            }
        }
    },
    "components": {
        "schemas": {
            "PetParam": {"type": "string", "enum": ["a", "b"]},
            "Pet": {
                "type": "object",
                "properties": {"kind": {"$ref": "#/components/schemas/PetParam"}},
            },
        }
    },
}


def test_a_module_defining_a_name_twice_is_refused() -> None:
    with pytest.raises(GeneratorError) as refused:
        format_files({"m.py": "class A:\n    pass\n\n\nB = 1\nA = 2\n"}, Cache(None))
    (problem,) = refused.value.diagnostics
    assert problem.location is not None
    assert (problem.location.file, problem.location.line) == ("m.py", 6)
    assert "`A` is defined twice (lines 1 and 6)" in problem.message


def test_names_defined_once_and_nested_redefinitions_pass() -> None:
    text = "X: int = 1\nif X:\n    Y = 1\nelse:\n    Y = 2\n\n\nclass C:\n    X = 2\n"
    assert format_files({"m.py": text}, Cache(None)) == {"m.py": text.encode()}


def test_a_spec_whose_names_clash_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "clash.yaml"
    spec.write_text(yaml.safe_dump(CLASHING))
    with pytest.raises(GeneratorError) as refused:
        build_single(spec, "clash")
    messages = [d.message for d in refused.value.diagnostics]
    assert any("`UnknownShape` is defined twice" in m for m in messages), messages


def test_a_schema_named_like_a_request_model_is_numbered_instead(tmp_path: Path) -> None:
    spec = tmp_path / "avoided.yaml"
    spec.write_text(yaml.safe_dump(AVOIDED))
    files = build_single(spec, "avoided")
    params = next(text.decode() for name, text in files.items() if name.endswith("params.py"))
    assert "class PetParam(" in params and "PetParam_2" in params
