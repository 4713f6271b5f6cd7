from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.settings import default_api_settings, load_api_settings

ROOT = Path(__file__).resolve().parents[2]


def test_vendored_settings_pin_the_public_names() -> None:
    polyai = load_api_settings(ROOT / "specs" / "polyai", "specs/polyai/api.toml")
    assert (polyai.package, polyai.client_class, polyai.async_client_class) == (
        "polyai",
        "PolyAI",
        "AsyncPolyAI",
    )
    assert polyai.api_key_env == "POLYAI_API_KEY"
    assert polyai.servers is not None and dict(polyai.servers.urls) == {
        "us": "https://api.us.poly.ai",
        "uk": "https://api.uk.poly.ai",
        "eu": "https://api.eu.poly.ai",
    }
    assert polyai.operations["POST /v1/agents/{agentId}/telephony/phone-numbers/batch"] == (
        "phone_numbers.batch_get"
    )


def test_defaults_for_a_folder_without_settings() -> None:
    settings = default_api_settings("pet-store")
    assert settings.package == "pet_store"
    assert settings.client_class == "PetStore"
    assert settings.async_client_class == "AsyncPetStore"
    assert settings.api_key_env == "PET_STORE_API_KEY"


def test_bad_setting_is_located(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('package = "x"\n\nclient_class = "not valid"\n')
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "specs/x/api.toml")
    assert str(caught.value.diagnostics[0]).startswith("specs/x/api.toml:3:1: ")


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('package = "x"\nclient_class = \n')
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "api.toml")
    location = caught.value.diagnostics[0].location
    assert location is not None and location.line == 2


def test_operation_override_must_name_resource_and_method(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('[operations]\n"GET /x" = "just_a_method"\n')
    with pytest.raises(GeneratorError, match=r"resource\.method"):
        load_api_settings(tmp_path, "api.toml")


def test_pagination_schemes_are_read_by_name(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text(
        'package = "x"\n\n[pagination.cursor]\nitems = "data"\ncursor = "starting_after"\n'
        'cursor_item = "id"\nhas_more = "has_more"\noperations = ["GET /voices", "voices.list"]\n'
    )
    (scheme,) = load_api_settings(tmp_path, "specs/x/api.toml").pagination
    assert scheme.name == "cursor"
    assert scheme.operations == ("GET /voices", "voices.list")
    assert (scheme.items, scheme.cursor, scheme.cursor_item) == (
        "data",
        ("starting_after",),
        ("id",),
    )
    assert scheme.next_cursor is None


def test_a_cursor_of_several_fields_pairs_them_with_item_fields_in_order(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text(
        '[pagination.versions]\ncursor = ["pagination_key", "pagination_key_version"]\n'
        'cursor_item = ["agent_id", "version"]\noperations = ["GET /list-agents"]\n'
    )
    (scheme,) = load_api_settings(tmp_path, "api.toml").pagination
    assert scheme.cursor == ("pagination_key", "pagination_key_version")
    assert scheme.cursor_item == ("agent_id", "version")


# The first scheme is valid and spells the same keys, so that an error found by the key
# alone would point at its line rather than at the scheme at fault.
_VALID = '[pagination.ok]\nitems = "data"\ncursor = "after"\nnext_cursor = "next"\n\n'


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        (
            '[pagination.p]\ncursor = "k"\nnext_cursor = "k"\nlimit = "n"\n',
            11,
            "unknown pagination",
        ),
        ('[pagination.p]\nitems = "data"\n', 8, "needs cursor or offset"),
        ('[pagination.p]\ncursor = "k"\n', 8, "needs next_cursor or cursor_item"),
        ('[pagination.p]\noffset = "o"\noperations = "GET /x"\n', 10, "must be a list of strings"),
        ("[pagination.p]\noffset = 1\n", 9, "must be a field name"),
        ('[pagination.p]\ncursor = []\ncursor_item = "id"\n', 9, "a list of them"),
        (
            '[pagination.p]\ncursor = ["k", "v"]\ncursor_item = "id"\n',
            10,
            "one item field per cursor field (2)",
        ),
        (
            '[pagination.p]\ncursor = ["k", "v"]\nnext_cursor = "k"\n',
            10,
            "a cursor of several fields takes cursor_item",
        ),
        ('[pagination]\np = "x"\n', 9, "must be a table"),
    ],
)
def test_bad_pagination_settings_are_errors_at_their_line(
    tmp_path: Path, table: str, line: int, message: str
) -> None:
    (tmp_path / "api.toml").write_text('package = "x"\n\n' + _VALID + table)
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "specs/x/api.toml")
    assert str(caught.value.diagnostics[0]).startswith(f"specs/x/api.toml:{line}:1: ")
    assert message in str(caught.value.diagnostics[0])


def test_servers_by_position_are_refused_with_the_new_form(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text('[servers]\nparameter = "region"\nnames = ["us", "eu"]\n')
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "api.toml")
    assert str(caught.value).startswith("api.toml:3:1: servers.names")
    assert 'us = "https://' in str(caught.value)


def test_credential_pins_are_located(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text(
        'package = "x"\n\n[credentials]\nbearer = "token"\nkey = { argument = "not valid" }\n'
    )
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "api.toml")
    assert str(caught.value).startswith("api.toml:5:1: credentials.key")


def test_naming_settings_are_read_with_where_each_pin_is(tmp_path: Path) -> None:
    (tmp_path / "api.toml").write_text(
        'package = "x"\nmethod_names = "rest"\n\n[operations]\n'
        '"GET /a/b" = "a.b.list"\n  listThings = "things.list"\n\n'
        '[resources]\n"/fine-tunes" = "tuning.jobs"\nAgents = "agents"\n'
    )
    naming = load_api_settings(tmp_path, "api.toml").naming
    assert naming.style == "rest"
    assert dict(naming.operations) == {"GET /a/b": "a.b.list", "listThings": "things.list"}
    assert dict(naming.resources) == {"/fine-tunes": "tuning.jobs", "Agents": "agents"}
    assert {key: str(where) for key, where in naming.locations.items()} == {
        ("operations", "GET /a/b"): "api.toml:5:1",
        ("operations", "listThings"): "api.toml:6:3",
        ("resources", "/fine-tunes"): "api.toml:9:1",
        ("resources", "Agents"): "api.toml:10:1",
    }


def test_method_names_default_to_operation_ids() -> None:
    assert load_api_settings(ROOT / "specs" / "retell", "api.toml").naming.style == "operation_id"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('package = "x"\nmethod_names = "stainless"\n', "api.toml:2:1: method_names must be one"),
        ('[resources]\n"/a" = "not valid"\n', "api.toml:2:1: resource '/a' must map to 'resource'"),
        ('[operations]\n\n"GET /x" = "x."\n', "api.toml:3:1: operation 'GET /x' must map to"),
    ],
)
def test_bad_naming_settings_are_located(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "api.toml").write_text(text)
    with pytest.raises(GeneratorError) as caught:
        load_api_settings(tmp_path, "api.toml")
    assert str(caught.value).startswith(message)
