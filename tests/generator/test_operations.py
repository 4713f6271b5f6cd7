from typing import Any

from model_helpers import operations

from generator.model.types import EnumValues, RawBody


def _op(method: str = "post", **fields: Any) -> dict[str, Any]:
    return {method: {"responses": {"200": {"description": "ok"}}, **fields}}


def test_names_from_tag_and_operation_id_with_resource_words_stripped() -> None:
    built = operations(
        {"/agents/phone-numbers": _op(tags=["Phone Numbers"], operationId="phone_numbers_import")}
    ).build_all()
    assert [(o.resource, o.name) for o in built] == [("phone_numbers", "import_")]


def test_names_from_summary_verb_without_operation_id() -> None:
    built = operations(
        {"/x": _op("delete", tags=["Phone Numbers"], summary="Delete phone numbers from a project")}
    ).build_all()
    assert [(o.resource, o.name) for o in built] == [("phone_numbers", "delete")]


def test_untagged_operation_id_gives_resource_and_verb() -> None:
    built = operations({"/import-phone-number": _op(operationId="importPhoneNumber")}).build_all()
    assert [(o.resource, o.name) for o in built] == [("phone_number", "import_")]


def test_settings_override_names() -> None:
    built = operations(
        {"/x/batch": _op(tags=["Phone Numbers"], summary="Batch get phone numbers")},
        {"POST /x/batch": "phone_numbers.batch_get"},
    ).build_all()
    assert [(o.resource, o.name) for o in built] == [("phone_numbers", "batch_get")]


def test_two_pinned_operations_with_one_name_is_an_error_naming_both() -> None:
    builder = operations(
        {"/a": _op(tags=["Things"]), "/b": _op(tags=["Things"])},
        {"POST /a": "things.make", "POST /b": "things.make"},
    )
    builder.build_all()
    assert len(builder.diagnostics) == 1
    message = builder.diagnostics[0].message
    assert "'POST /b'" in message and "'POST /a'" in message and "things.make" in message


def test_unpinned_collisions_are_resolved_keeping_the_first_name() -> None:
    built = operations(
        {
            "/things": _op("get", tags=["Things"], summary="All things"),
            "/things/search": _op("get", tags=["Things"], summary="Things by name"),
            "/things/{thingId}": _op("get", tags=["Things"], summary="Get a thing"),
            "/things/{thingId}/parts": _op("get", tags=["Things"], summary="Get parts"),
            "/a": _op(tags=["Things"], operationId="list_things"),
            "/b": _op(tags=["Things"], operationId="listThings"),
        }
    ).build_all()
    assert [o.name for o in built] == [
        "list",  # no verb in the summary: GET on a collection
        "list_search",  # the same name, told apart by its path
        "get",  # the summary's verb
        "get_by_thing_id_parts",
        "list_things",  # "list" (operationId minus resource words) is taken: full operationId
        "list_things_2",  # its full operationId sanitises to a taken name too
    ]


def test_pinned_name_wins_over_an_unpinned_one() -> None:
    built = operations(
        {"/x": _op(tags=["X"], operationId="createX"), "/y": _op(tags=["X"], operationId="makeX")},
        {"POST /y": "x.create"},
    ).build_all()
    assert [(o.key, o.name) for o in built] == [("POST /x", "create_x"), ("POST /y", "create")]


def test_parameters_merge_path_level_and_rename_clashes() -> None:
    built = operations(
        {
            "/agents/{agentId}": {
                "parameters": [
                    {
                        "name": "agentId",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "get": {
                    "tags": ["Agents"],
                    "summary": "Get an agent",
                    "parameters": [
                        {"name": "timeout", "in": "query", "schema": {"type": "integer"}},
                        {"name": "agent_id", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": {"description": "ok"}},
                },
            }
        }
    ).build_all()
    names = [(p.python_name, p.location) for p in built[0].parameters]
    assert names == [("agent_id", "path"), ("query_timeout", "query"), ("query_agent_id", "query")]


def test_a_name_in_the_query_and_the_body_is_prefixed_with_each_place() -> None:
    """Neither keeps the bare name (as in the Stainless SDKs: Retell's `llm.update` takes
    `query_version` and `body_version`), so neither reads as the other."""
    body_schema = {
        "type": "object",
        "properties": {
            "version": {"type": "integer"},
            "llm_id": {"type": "string"},
            "name": {"type": "string"},
        },
    }
    built = operations(
        {
            "/llms/{llm_id}": _op(
                "patch",
                tags=["Llm"],
                operationId="update",
                parameters=[
                    {"name": "llm_id", "in": "path", "required": True, "schema": {}},
                    {"name": "version", "in": "query", "schema": {"type": "integer"}},
                    {"name": "model", "in": "query", "schema": {"type": "string"}},
                    {"name": "model", "in": "header", "schema": {"type": "string"}},
                ],
                requestBody={"content": {"application/json": {"schema": body_schema}}},
            )
        }
    ).build_all()
    names = [(p.python_name, p.wire_name) for p in built[0].parameters]
    assert names == [
        ("llm_id", "llm_id"),
        ("query_version", "version"),
        ("query_model", "model"),
        ("header_model", "model"),
    ]
    body = built[0].body
    assert body is not None and body.arguments == ("body_version", "body_llm_id", "name")


def test_required_header_with_one_value_is_sent_by_default() -> None:
    built = operations(
        {
            "/x": _op(
                tags=["X"],
                operationId="create",
                parameters=[
                    {
                        "name": "Cartesia-Version",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string", "enum": ["2026-03-01"]},
                    }
                ],
            )
        }
    ).build_all()
    header = built[0].parameters[0]
    assert header.python_name == "cartesia_version"
    assert header.type == EnumValues(("2026-03-01",))
    assert header.has_default and header.default == "2026-03-01" and not header.required


def test_object_body_is_flattened_into_arguments() -> None:
    built = operations(
        {
            "/x": _op(
                tags=["X"],
                operationId="create",
                requestBody={
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["phoneNumbers"],
                                "properties": {
                                    "phoneNumbers": {"type": "array", "items": {"type": "string"}},
                                    "timeout": {"type": "integer"},
                                },
                            }
                        }
                    },
                },
            )
        }
    ).build_all()
    body = built[0].body
    assert body is not None and body.model_name == "XCreateBody"
    assert body.arguments == ("phone_numbers", "body_timeout")


def test_body_encodings_are_chosen_json_first_then_forms_then_raw() -> None:
    def body(content: dict[str, Any]) -> Any:
        built = operations({"/x": _op(tags=["X"], requestBody={"content": content})}).build_all()
        return built[0].body

    obj = {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}
    both = body({"multipart/form-data": obj, "application/json": obj})
    assert (both.encoding, both.content_type) == ("json", "application/json")
    form = body({"application/x-www-form-urlencoded": obj})
    assert (form.encoding, form.arguments) == ("form", ("a",))
    xml = body({"application/xml": {"schema": {"type": "object"}}})
    assert (xml.encoding, xml.type, xml.content_type) == (
        "binary",
        RawBody(text=False),
        "application/xml",
    )
    text = body({"text/plain": {"schema": {"type": "string"}}})
    assert (text.encoding, text.type) == ("text", RawBody(text=True))


def test_form_body_that_is_not_an_object_is_a_located_error() -> None:
    builder = operations(
        {
            "/x": _op(
                tags=["X"],
                requestBody={
                    "content": {"multipart/form-data": {"schema": {"type": "array", "items": {}}}}
                },
            )
        }
    )
    builder.build_all()
    (diagnostic,) = builder.diagnostics
    assert diagnostic.pointer == "/paths/~1x/post/requestBody/content/multipart~1form-data/schema"
    assert "must be an object" in diagnostic.message


def test_responses_split_into_success_and_errors() -> None:
    built = operations(
        {
            "/x": {
                "post": {
                    "tags": ["X"],
                    "summary": "Create x",
                    "responses": {
                        "201": {
                            "description": "made",
                            "content": {"application/json": {"schema": {"type": "string"}}},
                        },
                        "400": {
                            "description": "bad",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"message": {"type": "string"}},
                                    }
                                }
                            },
                        },
                        "409": {"description": "conflict"},
                    },
                }
            }
        }
    ).build_all()
    operation = built[0]
    assert [r.status for r in operation.success] == ["201"]
    assert [(r.status, r.type is not None) for r in operation.errors] == [
        ("400", True),
        ("409", False),
    ]


def test_untagged_group_underscore_method_ids_name_the_group_as_resource() -> None:
    """Azure's `OperationGroup_Method` convention, not read backwards as verb + noun."""
    built = operations(
        {
            "/things": {**_op("get", operationId="Things_List")},
            "/things/{thingName}": {
                **_op("put", operationId="Things_CreateOrUpdate"),
                **_op("delete", operationId="PrivateEndpointConnections_Delete"),
            },
            "/users/{id}": _op("get", operationId="get_user"),
        }
    ).build_all()
    assert [(o.resource, o.name) for o in built] == [
        ("things", "list"),
        ("things", "create_or_update"),
        ("private_endpoint_connections", "delete"),
        ("user", "get"),
    ]


def test_dotted_ids_drop_the_namespace_before_the_resource() -> None:
    """Google's `api.resource[.subresource].method` under the resource's tag."""
    built = operations(
        {
            "/v1/spaces:setup": _op(tags=["spaces"], operationId="chat.spaces.setup"),
            "/v1/{parent}/messages": _op(
                "get", tags=["spaces"], operationId="chat.spaces.messages.list"
            ),
            "/v1/other": _op("get", tags=["other"], operationId="chat.things.get"),
        }
    ).build_all()
    assert [(o.resource, o.name) for o in built] == [
        ("spaces", "setup"),
        ("spaces", "messages_list"),
        ("other", "chat_things_get"),
    ]


def test_percent_encoded_parameter_refs_are_followed() -> None:
    shared = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    builder = operations(
        {
            "/things/{id}": {"parameters": [shared], **_op("get")},
            "/things/{id}/copy": _op(
                "post", parameters=[{"$ref": "#/paths/~1things~1%7Bid%7D/parameters/0"}]
            ),
        }
    )
    built = builder.build_all()
    assert builder.diagnostics == []
    copy = next(o for o in built if o.path == "/things/{id}/copy")
    assert [p.wire_name for p in copy.path_parameters] == ["id"]


def test_each_operation_carries_its_security_deprecation_and_tags() -> None:
    built = operations(
        {
            "/open": _op("get", security=[], tags=["Open", "Other"]),
            "/keyed": _op("get", tags=["Keyed"]),
            "/old": _op(
                "get",
                deprecated=True,
                description="Deprecated: use /new.",
                security=[{"mtls": []}, {"key": [], "oauth": []}, {"key": []}],
            ),
        },
        applicable=frozenset({"key", "oauth"}),
        security=[{"key": []}],
    ).build_all()
    by_path = {o.path: o for o in built}
    assert by_path["/open"].security == ()
    assert by_path["/open"].tags == ("Open", "Other")
    assert by_path["/keyed"].security == (("key",),)
    assert by_path["/keyed"].deprecation is None
    # The alternative that needs mutual TLS, which only the caller's http_client can
    # satisfy, lets the call go without credentials, after the alternatives the client sends.
    assert by_path["/old"].security == (("key", "oauth"), ("key",), ())
    assert by_path["/old"].deprecation == "Deprecated: use /new."
    assert by_path["/old"].tags == ()


def test_a_parameter_records_the_server_default_of_its_own_declaration() -> None:
    limit = {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}}
    built = operations(
        {
            "/things": {
                "parameters": [limit, {"name": "q", "in": "query", "schema": {"default": "x"}}],
                "get": {
                    "parameters": [
                        {"$ref": "#/components/parameters/Limit"},
                        {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {"200": {"description": "ok"}},
                },
            }
        },
        components={
            "parameters": {
                "Limit": {"name": "limit", "in": "query", "schema": {"$ref": "#/x/Fifty"}}
            }
        },
        x={"Fifty": {"type": "integer", "default": 50}},
    ).build_all()
    defaults = {p.wire_name: (p.has_server_default, p.server_default) for p in built[0].parameters}
    assert defaults == {"limit": (True, 50), "q": (True, "x"), "page": (False, None)}


def test_an_operation_s_servers_win_over_its_path_item_s_with_defaults_filled() -> None:
    item_servers = [{"url": "https://items.example.test/"}]
    own = [
        {
            "url": "https://{zone}.example.test/{v}",
            "variables": {"zone": {"default": "eu"}, "v": {"default": 2}},
        },
        {"url": "https://backup.example.test"},
    ]
    built = operations(
        {
            "/a": {"servers": item_servers, **_op("get", servers=own), **_op("put")},
            "/b": _op("get", servers=[]),
        }
    ).build_all()
    assert [(o.key, o.servers) for o in built] == [
        ("GET /a", ("https://eu.example.test/2", "https://backup.example.test")),
        ("PUT /a", ("https://items.example.test",)),
        ("GET /b", ()),
    ]


def test_an_operation_server_variable_without_a_default_is_an_error() -> None:
    builder = operations({"/a": _op("get", servers=[{"url": "https://{zone}.example.test"}])})
    builder.build_all()
    assert [d.message for d in builder.diagnostics] == [
        "server URL https://{zone}.example.test uses {zone} but declares no default for it"
    ]
