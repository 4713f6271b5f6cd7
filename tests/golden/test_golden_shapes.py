"""What each golden tree must hold, stated from its spec, independently of the generator.

The trees are compared byte for byte in test_golden.py and rewritten by the update switch;
these assertions are what a reviewer checked in them, so that a regenerated tree that
lost a feature fails here even after its diff was accepted.
"""

from __future__ import annotations

from golden_areas import endpoint, expected_tree, method


def test_widgets_tree() -> None:
    files = expected_tree("widgets")
    assert {
        "pyproject.toml",
        "widgets/__init__.py",
        "widgets/_client.py",
        "widgets/models.py",
        "widgets/params.py",
        "widgets/_request_models.py",
        "widgets/api.md",
        "widgets/resources/widgets.py",
    } <= set(files)
    resource = files["widgets/resources/widgets.py"]
    assert "def get(" in resource and "def create(" in resource
    # The resource would share the client's name; it is told apart.
    assert "class WidgetsResource:" in resource
    assert 'api_version: str = "2024-01-01"' in resource
    # The flattened body is checked by a Struct of its own; users never name it.
    checks = files["widgets/_request_models.py"]
    assert "class WidgetsCreateBody(RequestModel, kw_only=True):" in checks
    assert "name: Annotated[str, Meta(min_length=1, max_length=40)]" in checks
    assert "size: Annotated[float, Meta(gt=0)]" in checks
    assert "note: str | None | UnsetType = UNSET" in checks
    # A nested object: the TypedDict to type checkers, the Struct `Part` at run time.
    nested = "parts: Annotated[Sequence[_PartParam], Meta(min_length=1)] | UnsetType = UNSET"
    assert nested in checks
    assert "    from widgets.params import (\n        PartParam as _PartParam,\n    )" in checks
    assert "else:\n    _PartParam = Part\n" in checks
    assert "\nclass Part(RequestModel, kw_only=True):" in checks
    params = files["widgets/params.py"]
    assert 'Color: TypeAlias = Literal["red", "green"]' in params
    assert "class PartParam(TypedDict, total=False):" in params
    assert 'kind: Required[Literal["bolt"]]' in params
    assert '    length: int\n    """At least 1."""' in params  # the limit in words
    assert "WidgetsCreateBody" not in params
    models = files["widgets/models.py"]
    assert "class Widget(ResponseModel, kw_only=True):" in models
    assert 'color: str = "red"' in models  # spec default, through the $ref
    assert "created_at: datetime.datetime | None = None" in models
    assert "dimensions: WidgetDimensions | None = None" in models


# -- (a) multipart and urlencoded forms ----------------------------------------------------


def test_forms_multipart_methods_take_files_and_send_multipart() -> None:
    files = expected_tree("forms")
    uploads = files["forms/resources/uploads.py"]
    for name in ("avatar", "documents", "raw"):
        declared = endpoint(uploads, name)
        assert 'encoding="multipart"' in declared, name
        # The runtime writes the boundary; a fixed content type would lose it.
        assert "content_type=" not in declared, name
    avatar = method(uploads, "avatar")
    assert "file: FileInput," in avatar  # required
    # Signatures show plain types; the limits are in words (the request model checks them).
    assert "caption: str | NotGiven = NOT_GIVEN" in avatar
    assert "At most 80 characters." in avatar
    documents = method(uploads, "documents")
    assert "files: Sequence[FileInput]," in documents
    assert "At least 1 item." in documents
    checked = "files: Annotated[Sequence[FileInput], Meta(min_length=1)]"
    assert checked in files["forms/_request_models.py"]  # the request model checks the limit
    assert "labels: Sequence[str] | NotGiven = NOT_GIVEN" in documents
    assert "metadata: params.MetadataParam," in documents  # the $ref'd object, required
    # Its `encoding` names `contentType: application/json`: one JSON part.
    assert 'form_styles={"metadata": "json"},' in endpoint(uploads, "documents")
    # A body that is one binary string is one file argument (sent as the part `file`).
    assert "file: FileInput," in method(uploads, "raw")
    params = files["forms/params.py"]
    assert "class MetadataParam(TypedDict, total=False):" in params
    assert "    author: MetadataAuthorParam\n" in params  # nested object
    checks = files["forms/_request_models.py"]
    assert "\nclass Metadata(RequestModel, kw_only=True):" in checks
    assert "author: _MetadataAuthorParam | UnsetType = UNSET" in checks


def test_forms_urlencoded_methods_send_a_form() -> None:
    sessions = expected_tree("forms")["forms/resources/sessions.py"]
    for name in ("create", "search"):
        assert 'encoding="form"' in endpoint(sessions, name), name
    create = method(sessions, "create")
    assert "username: str," in create and "password: str," in create
    assert "remember: bool | NotGiven = NOT_GIVEN" in create
    search = method(sessions, "search")
    assert "users: Sequence[str] | NotGiven = NOT_GIVEN" in search
    # The inline `range` object is named after the method's body, without `Body`.
    assert "range: params.SessionsSearchRangeParam | NotGiven = NOT_GIVEN" in search
    params = expected_tree("forms")["forms/params.py"]
    assert "class SessionsSearchRangeParam(TypedDict, total=False):" in params
    assert "    since: datetime.datetime\n" in params
    checks = expected_tree("forms")["forms/_request_models.py"]
    assert "since: datetime.datetime | UnsetType = UNSET" in checks


# -- (b) binary and text bodies ------------------------------------------------------------


def test_bodies_binary_request_and_response() -> None:
    blobs = expected_tree("bodies")["bodies/resources/blobs.py"]
    put = endpoint(blobs, "put")
    assert 'encoding="binary"' in put
    assert 'content_type="application/octet-stream"' in put
    assert "request_type=" not in put  # no request model: the runtime's default, None
    # The bytes come right after the path parameter, by position.
    assert "key: str,\n        body: FileContent,\n        *," in method(blobs, "put")
    get = endpoint(blobs, "get")
    assert '"200": builtins.bytes' in get
    assert '"404": models.Problem' in get  # the JSON error body is still decoded
    # Accepted: the download's type, and the error's JSON at a lower preference.
    assert 'accept="application/octet-stream, application/json;q=0.9",' in get
    # A binary body comes back in a response object (status, headers, content), as the
    # Stainless SDKs return it.
    assert 'result="binary"' in get
    assert ") -> BinaryResponse:" in method(blobs, "get")
    assert "return self._client.download(" in method(blobs, "get")
    assert ") -> AsyncBinaryResponse:" in method(blobs, "get", is_async=True)


def test_bodies_text_request_and_response() -> None:
    notes = expected_tree("bodies")["bodies/resources/notes.py"]
    create = endpoint(notes, "create")
    assert 'encoding="text"' in create and 'content_type="text/plain"' in create
    assert '"201": RawText' in create
    assert "body: str,\n        *," in method(notes, "create")
    assert ") -> str:" in method(notes, "create")
    # Not required: the text may be left out.
    append = endpoint(notes, "append")
    assert 'encoding="text"' in append and 'content_type="text/markdown"' in append
    assert "body: str | NotGiven = NOT_GIVEN," in method(notes, "append")


def test_bodies_audio() -> None:
    audio = expected_tree("bodies")["bodies/resources/audio.py"]
    synthesize = endpoint(audio, "synthesize")
    assert "encoding=" not in synthesize  # a JSON request
    assert '"200": builtins.bytes' in synthesize  # audio/mpeg is read as bytes...
    assert ") -> BinaryResponse:" in method(audio, "synthesize")  # ...and returned in one
    assert 'accept="audio/mpeg",' in synthesize  # not application/json: that would be a 406
    assert 'voice: Literal["alto", "tenor"] | NotGiven = NOT_GIVEN' in method(audio, "synthesize")
    transcribe = endpoint(audio, "transcribe")
    assert 'encoding="binary"' in transcribe and 'content_type="audio/wav"' in transcribe
    assert '"200": models.AudioTranscribeResponse' in transcribe
    assert "body: FileContent," in method(audio, "transcribe")


# -- (c) cookies, headers and query styles -------------------------------------------------


def test_parameters_query_styles() -> None:
    items = expected_tree("parameters")["parameters/resources/items.py"]
    styles = 'query_styles={"ids": "csv", "words": "ssv", "colors": "pipes", "filter": "deep"},'
    assert styles in endpoint(items, "list")  # `tag` is exploded form, the default: no style
    listing = method(items, "list")
    assert "tag: Sequence[str] | NotGiven" in listing
    assert 'colors: Sequence[Literal["red", "green", "blue"]] | NotGiven' in listing
    assert "filter: Mapping[str, str] | NotGiven" in listing
    # A plain type in the signature, the limits in words; the endpoint still checks them.
    assert "limit: int | NotGiven" in listing
    assert "Between 1 and 100." in " ".join(listing.split())
    assert '("limit", "query", "limit", Annotated[int, Meta(ge=1, le=100)]),' in endpoint(
        items, "list"
    )
    assert "The server's default is 20." in listing
    for name in ("tag", "ids", "words", "colors", "filter", "limit"):
        assert f'"{name}": {name},' in listing
    reports = expected_tree("parameters")["parameters/resources/reports.py"]
    assert 'query_styles={"where": "json"},' in endpoint(reports, "list")
    assert "year: int," in method(reports, "list")  # required


def test_parameters_cookies_and_headers() -> None:
    items = expected_tree("parameters")["parameters/resources/items.py"]
    get = method(items, "get")
    assert "item_id: str,\n        *," in get
    assert "session: str," in get  # a required cookie
    assert 'theme: Literal["light", "dark"] | NotGiven = NOT_GIVEN' in get
    sent_as = get[get.index("return self._client.request(") :]
    cookies = sent_as[sent_as.index("cookies={") : sent_as.index("},", sent_as.index("cookies="))]
    assert '"session": session' in cookies and '"theme": theme' in cookies
    headers = sent_as[sent_as.index("headers={") : sent_as.index("},", sent_as.index("headers="))]
    assert '"session"' not in headers and "\n            query={" not in sent_as
    # The path item's header, the operation's, and the one-value header sent by default.
    for wire, argument in (
        ("X-Request-Id", "x_request_id"),
        ("Api-Version", "api_version"),
        ("If-None-Match", "if_none_match"),
    ):
        assert f'"{wire}": {argument},' in headers
    assert 'api_version: str = "2025-01-01",' in get
    # OpenAPI: an `Accept` header parameter is ignored (the client sets it).
    signature = get[: get.index('"""')]
    assert "accept" not in signature.lower() and '"Accept"' not in headers
    assert 'path_names=("item_id",)' in endpoint(items, "get")
    reports = expected_tree("parameters")["parameters/resources/reports.py"]
    assert 'headers={"X-Trace": x_trace},' in method(reports, "list")


# -- (d) servers -----------------------------------------------------------------------------


def test_servers_and_their_variables() -> None:
    client = expected_tree("servers")["servers/_client.py"]
    assert '"api": "https://{region}.api.example.com/{version}",' in client
    assert '"sandbox": "https://sandbox.example.com/{version}",' in client
    assert '"localhost": "http://localhost:{port}",' in client
    assert 'default_server="api",' in client  # the spec's first
    assert 'server: Literal["api", "sandbox", "localhost"] | None = None,' in client
    # The enum of a variable is a Literal; a variable without one is any string.
    assert 'region: Literal["us", "eu", "ap"] | None = None,' in client
    assert "version: str | None = None," in client
    assert "port: str | None = None," in client
    config = client[client.index("server_variables={") : client.index("api_key_env=")]
    assert '"region": ServerVariable("us", ("us", "eu", "ap")),' in config
    assert config.count('"version": ServerVariable("v1", ()),') == 2  # api and sandbox
    assert '"port": ServerVariable("8080", ()),' in config


# -- (e) auth ----------------------------------------------------------------------------------


def test_auth_schemes_are_client_credentials() -> None:
    client = expected_tree("auth")["auth/_client.py"]
    for scheme in (
        'BearerAuth(key="bearer", credential="token"),',
        'key="headerKey", credential="header_key", name="X-API-Key", location="header"',
        'ApiKeyAuth(key="queryKey", credential="query_key", name="api_key", location="query"),',
        'key="cookieKey", credential="cookie_key", name="session_key", location="cookie"',
        'BasicAuth(key="basic", credential="username", password="password"),',
        # OAuth2 client credentials: a token the client fetches, or one the caller gives.
        """ClientCredentialsAuth(
            key="oauth",
            credential="client_id",
            client_secret="client_secret",
            access_token="access_token",
            token_url="https://auth.example.com/token",
            scope="things:read",
        ),""",
    ):
        assert scheme in client
    assert "mtls" not in client  # mutual TLS is the http_client's business
    # Some operations need no credential: the client can be made without any.
    assert "credentials_required=False," in client


def test_auth_requirements_per_operation() -> None:
    things = expected_tree("auth")["auth/resources/things.py"]
    expected = {
        "list": 'security=(("bearer",),),',  # the document's requirement
        "create": 'security=(("headerKey",), ("queryKey",)),',
        "list_public": "security=(),",
        "list_maybe": 'security=(("bearer",), ()),',  # `- {}`
        "delete": 'security=(("headerKey", "cookieKey"),),',
        "get_basic": 'security=(("basic",),),',
    }
    for name, security in expected.items():
        assert security in endpoint(things, name), name
    assert "secured=" not in endpoint(things, "list_public")  # `security=()` says it
    assert 'cookies={"confirm": confirm},' in method(things, "delete")
    api_md = expected_tree("auth")["auth/api.md"]
    for route, credentials in (
        ("GET /things`", "`token`"),
        ("POST /things`", "`header_key`, or `query_key`"),
        ("GET /things/public`", "none"),
        ("GET /things/maybe`", "`token`, or none"),  # `- {}`: or without any
        ("DELETE /things/both`", "`header_key` and `cookie_key`"),
        ("GET /things/basic`", "`username` and `password`"),
    ):
        section = api_md[api_md.index(f"`{route}") :]
        assert section.split("\n\n")[1] == f"Credentials: {credentials}.", route


# -- (f) unions and discriminators ---------------------------------------------------------


def test_unions_in_responses() -> None:
    models = expected_tree("unions")["unions/models.py"]
    assert "Pet: TypeAlias = Cat | Dog | UnknownPet" in models
    assert '_PetMarker.clientgen_tag_field = "pet_type"' in models
    # The mapping, one value a $ref and the other a bare schema name.
    assert '_PetMarker.clientgen_mapping = {"cat": Cat, "dog": Dog}' in models
    # Without a mapping, the tag of a variant is its schema's name.
    assert '_ShapeMarker.clientgen_tag_field = "kind"' in models
    assert '_ShapeMarker.clientgen_mapping = {"Circle": Circle, "Square": Square}' in models
    # anyOf without a discriminator: decoded by shape, no tag.
    assert "PaymentMethod: TypeAlias = Card | BankAccount | UnknownPaymentMethod" in models
    assert "_PaymentMethodMarker.clientgen_tag_field" not in models
    # A nullable union of objects, required: None is a value, not a default.
    assert "    friend: PetRecordFriend | None\n" in models
    assert "    value: str | int\n" in models
    assert "    previous: str | None = None\n" in models


def test_unions_in_requests() -> None:
    files = expected_tree("unions")
    params = files["unions/params.py"]
    assert "PetParam: TypeAlias = CatParam | DogParam" in params
    assert "ShapeParam: TypeAlias = CircleParam | SquareParam" in params
    assert "PaymentMethodParam: TypeAlias = CardParam | BankAccountParam" in params
    # A key shows its plain type, the limits in words; the Struct checks them.
    assert 'number: Required[str]\n    """Matches `^[0-9]{12,19}$`."""' in params
    checks = files["unions/_request_models.py"]
    assert 'Pet.clientgen_mapping = {"cat": Cat, "dog": Dog}' in checks
    assert "\nclass Cat(RequestModel, Pet, kw_only=True):" in checks
    assert 'number: Annotated[str, Meta(pattern="^[0-9]{12,19}$")]' in checks
    pets = files["unions/resources/pets.py"]
    assert "request_type=_request_models.Pet," in endpoint(pets, "create")
    assert "body: params.PetParam," in method(pets, "create")
    assert "body: params.ShapeParam," in method(pets, "draw_shape")
    payments = files["unions/resources/payments.py"]
    assert "body: params.PaymentMethodParam," in method(payments, "create")
    settings = method(files["unions/resources/settings.py"], "put")
    assert "value: str | int," in settings
    assert "previous: str | None | NotGiven = NOT_GIVEN," in settings


# -- (g) event streams, downloads and pages ------------------------------------------------------


def test_streams_event_streams_yield_their_typed_events() -> None:
    speech = expected_tree("streams")["streams/resources/speech.py"]
    sse = endpoint(speech, "stream")
    # Each event's data decodes into the discriminated union the spec names for the stream.
    assert sse.startswith("\n_STREAM_ENDPOINT = Endpoint[models.SpeechEvent](")
    assert 'result="event_stream",' in sse and 'errors={"422": models.Error},' in sse
    assert 'accept="text/event-stream, application/json;q=0.9",' in sse
    assert ") -> Stream[models.SpeechEvent]:" in method(speech, "stream")
    assert ") -> AsyncStream[models.SpeechEvent]:" in method(speech, "stream", is_async=True)
    assert "return self._client.stream(" in method(speech, "stream")
    # Opening the stream is awaited in async code; the events are then iterated.
    assert "return await self._client.stream(" in method(speech, "stream", is_async=True)
    logs = expected_tree("streams")["streams/resources/logs.py"]
    assert ") -> Stream[str]:" in method(logs, "tail")  # text data, not decoded as JSON


def test_lines_json_lines_streams_yield_one_typed_item_a_line() -> None:
    tree = expected_tree("lines")
    transcripts = tree["lines/resources/transcripts.py"]
    jsonl = endpoint(transcripts, "stream")
    # Each line decodes into the discriminated union the spec names for the body.
    assert jsonl.startswith("\n_STREAM_ENDPOINT = Endpoint[models.TranscriptLine](")
    assert 'result="json_lines",' in jsonl and 'errors={"422": models.Error},' in jsonl
    assert 'accept="application/jsonl, application/json;q=0.9",' in jsonl
    # The same stream classes and client call as event streams.
    assert ") -> Stream[models.TranscriptLine]:" in method(transcripts, "stream")
    assert ") -> AsyncStream[models.TranscriptLine]:" in method(
        transcripts, "stream", is_async=True
    )
    assert "return await self._client.stream(" in method(transcripts, "stream", is_async=True)
    calls = tree["lines/resources/calls.py"]
    # NDJSON is the same kind; a body without a schema is any JSON value a line.
    assert 'result="json_lines",' in endpoint(calls, "export")
    assert 'accept="application/x-ndjson",' in endpoint(calls, "export")
    assert ") -> Stream[models.Call]:" in method(calls, "export")
    assert endpoint(calls, "events").startswith("\n_EVENTS_ENDPOINT = Endpoint[Any](")
    assert ") -> Stream[Any]:" in method(calls, "events")
    api = tree["lines/api.md"]
    assert "Returns each line of the body as it arrives (JSON Lines), decoded as `Call`;" in api
    assert "the async client returns `AsyncStream[TranscriptLine]`:" in api


def test_streams_audio_download_is_a_binary_response() -> None:
    speech = expected_tree("streams")["streams/resources/speech.py"]
    download = endpoint(speech, "download")
    assert download.startswith("\n_DOWNLOAD_ENDPOINT = Endpoint[bytes](")
    assert 'responses={"200": builtins.bytes},' in download and 'result="binary",' in download
    assert ") -> BinaryResponse:" in method(speech, "download")
    assert ") -> AsyncBinaryResponse:" in method(speech, "download", is_async=True)
    assert "return await self._client.download(" in method(speech, "download", is_async=True)


def test_streams_lists_are_paged_by_the_shape_of_their_response() -> None:
    tree = expected_tree("streams")
    voices, calls = tree["streams/resources/voices.py"], tree["streams/resources/calls.py"]
    # Cursor: the response's `starting_after` is sent back as the query parameter of that name
    # while `has_more` is true; the items are `data`.
    assert 'result="page",' in endpoint(voices, "list")
    assert (
        'items="data", cursor="starting_after", next_cursor="starting_after", has_more="has_more"'
        in endpoint(voices, "list")
    )
    assert ") -> SyncPage[models.VoicePage, models.Voice]:" in method(voices, "list")
    # Async list methods are not coroutines: the pager is iterated with `async for`.
    assert "async def list(" not in voices
    async_list = method(voices[voices.index("\nclass AsyncVoices:") :], "list")
    assert ") -> AsyncPager[models.VoicePage, models.Voice]:" in async_list
    assert "return self._client.paginate(" in async_list
    # Offset: `offset` advances by the items seen until `total`.
    assert 'pagination=Pagination(items="items", offset="offset", total="total"),' in calls
    assert ") -> SyncPage[models.CallPage, models.Call]:" in method(calls, "list")


def test_nesting_resources_by_rest_shape_nest_on_each_level() -> None:
    tree = expected_tree("nesting")
    client = tree["nesting/_client.py"]
    # Only the top-level resources are attributes of the client.
    assert "def agents(self) -> Agents:" in client and "def call(self) -> Call:" in client
    assert "def metrics(" not in client and "def notes(" not in client
    agents = tree["nesting/resources/agents.py"]
    metrics = tree["nesting/resources/agents_metrics.py"]
    results = tree["nesting/resources/agents_metrics_results.py"]
    # GET on a collection, GET on an item; a nested resource of one operation is folded in.
    assert ") -> builtins.list[models.Agent]:" in method(agents, "list")  # `list` is shadowed
    assert ") -> models.Agent:" in method(agents, "retrieve")
    assert 'path="/agents/templates",' in endpoint(agents, "list_templates")
    # `agents.metrics` has no operation of its own: it only leads to `results`.
    assert "def results(self) -> AgentsMetricsResults:" in metrics
    assert "return AgentsMetricsResults(self._client)" in metrics
    assert 'path="/agents/metrics/results",' in endpoint(results, "list")
    assert 'path="/agents/metrics/results/export",' in endpoint(results, "export")
    # The raw and streaming wrappers lead through each level to the same methods.
    assert "return AgentsMetricsWithRawResponse(self._resource.metrics)" in agents
    assert "return AsyncAgentsMetricsResultsWithStreamingResponse(self._resource.results)" in (
        metrics
    )
    assert "self.list = to_raw_response_wrapper(resource.list)" in results
    # RPC-style paths: noun and verb; a pinned nested resource.
    call = tree["nesting/resources/call.py"]
    assert 'path="/v1/create-call",' in endpoint(call, "create")
    assert 'path="/v1/get-call/{call_id}",' in endpoint(call, "retrieve")
    assert "def notes(self) -> CallNotes:" in call
    assert 'path="/v1/calls/{call_id}/notes",' in endpoint(
        tree["nesting/resources/call_notes.py"], "add"
    )
    api_md = tree["nesting/api.md"]
    assert "## `agents.metrics`" not in api_md  # no operations: no section
    assert "### `Nesting.agents.metrics.results.export`" in api_md
    assert "### `Nesting.call.notes.add`" in api_md
