"""A generated package imports what its code needs, including names used only in strings."""

from __future__ import annotations

import importlib
import typing
from pathlib import Path
from typing import Any

from generated_package import generated

# `x-trace` is no identifier, so the request type uses the functional TypedDict form, whose
# value annotations are strings: `_Required` appears nowhere else in params.py. (A list of
# notes as the body, so that users name the type: a flattened body has no TypedDict.)
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Imports", "version": "1"},
    "servers": [{"url": "https://imports.test"}],
    "paths": {
        "/notes": {
            "post": {
                "operationId": "createNote",
                "tags": ["notes"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Note"},
                            }
                        }
                    },
                },
                "responses": {"204": {"description": "created"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Note": {
                "type": "object",
                "required": ["x-trace"],
                "properties": {"x-trace": {"type": "string"}, "body": {}},
            }
        }
    },
}


def test_string_annotations_of_a_functional_typeddict_resolve(tmp_path: Path) -> None:
    with generated(SPEC, tmp_path, "imports_pkg"):
        params = importlib.import_module("imports_pkg.params")
        source = Path(params.__file__).read_text(encoding="utf-8")
        assert "NoteParam = TypedDict(" in source
        assert "from imports_pkg._runtime._typeddict import Required as _Required" in source
        hints = typing.get_type_hints(params.NoteParam)
        assert hints["x-trace"] is str
        assert hints["body"] is Any
