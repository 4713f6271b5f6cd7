"""Constructs beyond JSON bodies, generated from a small spec and called for real."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from generated_package import generated

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Features", "version": "1"},
    "servers": [{"url": "https://features.test"}],
    "paths": {
        "/files": {
            "post": {
                "operationId": "uploadFile",
                "tags": ["files"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file", "kind"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "kind": {"const": "avatar"},
                                    "note": {"type": ["string", "null"]},
                                },
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok", "content": {"text/plain": {}}}},
            }
        },
        "/forms": {
            "post": {
                "operationId": "submitForm",
                "tags": ["forms"],
                "parameters": [
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {
                        "name": "ids",
                        "in": "query",
                        "style": "pipeDelimited",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "integer"}},
                    },
                    {
                        "name": "filter",
                        "in": "query",
                        "style": "deepObject",
                        "schema": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                ],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {"name": {"type": "string", "maxLength": 5}},
                            }
                        }
                    }
                },
                "responses": {"204": {"description": "done"}},
            }
        },
        "/images/{id}": {
            "put": {
                "operationId": "putImage",
                "tags": ["images"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "requestBody": {"content": {"image/png": {}}},
                "responses": {
                    "200": {
                        "description": "the stored image",
                        "content": {
                            "image/png": {"schema": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            }
        },
        "/trees": {
            "get": {
                "operationId": "getTree",
                "tags": ["trees"],
                "responses": {
                    "200": {
                        "description": "a tree",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Tree"}}
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Tree": {
                "type": "object",
                "required": ["label"],
                "properties": {
                    "label": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                    "attributes": {"$ref": "#/components/schemas/Tree/$defs/Attributes"},
                },
                "$defs": {
                    "Attributes": {"type": "object", "additionalProperties": {"type": "integer"}}
                },
            }
        }
    },
}


class Recorder:
    def __init__(self, status: int, body: bytes, content_type: str) -> None:
        self.requests: list[httpx.Request] = []
        self.response = (status, body, content_type)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        status, body, content_type = self.response
        return httpx.Response(status, content=body, headers={"content-type": content_type})


def _client(package: Any, recorder: Recorder) -> Any:
    return package.FeaturesClient(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))


@pytest.fixture
def features(tmp_path: Path) -> Any:
    with generated(SPEC, tmp_path, "features_client") as package:
        yield package


def test_file_upload_in_a_multipart_body(features: Any) -> None:
    recorder = Recorder(200, b"stored", "text/plain")
    result = _client(features, recorder).files.upload(
        file=("me.png", io.BytesIO(b"\x89PNG"), "image/png"), kind="avatar"
    )
    assert result == "stored"  # a text/plain response is returned as text
    request = recorder.requests[0]
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG' in (
        request.content
    )
    assert b'name="kind"\r\n\r\navatar' in request.content


def test_const_is_checked_before_sending(features: Any) -> None:
    recorder = Recorder(200, b"", "text/plain")
    with pytest.raises(features.RequestValidationError) as caught:
        _client(features, recorder).files.upload(file=b"x", kind="banner")
    assert caught.value.path == "kind"
    assert recorder.requests == []


def test_form_cookie_and_query_styles(features: Any) -> None:
    recorder = Recorder(204, b"", "text/plain")
    result = _client(features, recorder).forms.submit(
        name="ann", session="s1", ids=[1, 2], filter={"role": "admin"}
    )
    assert result is None
    request = recorder.requests[0]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"name=ann"
    assert request.headers["cookie"] == "session=s1"
    assert request.url.query == b"ids=1%7C2&filter%5Brole%5D=admin"
    with pytest.raises(features.RequestValidationError):
        _client(features, recorder).forms.submit(name="too long")


def test_binary_body_and_binary_response(features: Any) -> None:
    recorder = Recorder(200, b"\x89PNG-stored", "image/png")
    result = _client(features, recorder).images.put("img/1", body=b"\x89PNG")
    assert isinstance(result, features._runtime.BinaryResponse)
    assert (result.status_code, result.content) == (200, b"\x89PNG-stored")
    assert result.headers["content-type"] == "image/png"
    request = recorder.requests[0]
    assert request.url.raw_path == b"/images/img%2F1"
    assert (request.headers["content-type"], request.content) == ("image/png", b"\x89PNG")


def test_recursive_model_with_defs_and_additional_properties(features: Any) -> None:
    tree = {"label": "root", "children": [{"label": "leaf", "attributes": {"depth": 1}}]}
    recorder = Recorder(200, json.dumps(tree).encode(), "application/json")
    result = _client(features, recorder).trees.get()
    assert isinstance(result, features.models.Tree)
    assert result.children[0].label == "leaf"
    assert result.children[0].attributes == {"depth": 1}
    assert result.attributes is None
