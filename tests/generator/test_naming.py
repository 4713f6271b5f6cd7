import pytest

from generator.naming import class_name, name_part, python_identifier, split_words, unique


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("phoneNumbers", "phone_numbers"),
        ("Phone Numbers", "phone_numbers"),
        ("phone-numbers", "phone_numbers"),
        ("HTTPServer", "http_server"),
        ("agentId", "agent_id"),
        ("import", "import_"),
        ("class", "class_"),
        ("200", "value_200"),
        ("Café", "cafe"),
        ("", "value"),
        ("type", "type"),
    ],
)
def test_python_identifier(raw: str, expected: str) -> None:
    assert python_identifier(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("phone number response", "PhoneNumberResponse"),
        ("ImportPhoneNumbersBody", "ImportPhoneNumbersBody"),
        ("By ID", "ByID"),
        ("sip_outbound_trunk_config", "SipOutboundTrunkConfig"),
        ("2fa", "Model2fa"),
        ("None", "None_"),
        ("true", "True_"),
        ("False", "False_"),
        ("none value", "NoneValue"),
    ],
)
def test_class_name(raw: str, expected: str) -> None:
    assert class_name(raw) == expected


def test_split_words_handles_acronyms_and_digits() -> None:
    assert split_words("getHTTPResponse2") == ["get", "HTTP", "Response2"]


def test_unique_is_deterministic_and_records() -> None:
    taken: set[str] = {"foo"}
    assert unique("foo", taken) == "foo_2"
    assert unique("foo", taken) == "foo_3"
    assert unique("bar", taken) == "bar"
    assert taken == {"foo", "foo_2", "foo_3", "bar"}


def test_name_part_keeps_keywords_appended_to_a_name() -> None:
    assert "Owner" + name_part("None") == "OwnerNone"
    assert name_part("2fa", fallback="Field") == "Field2fa"
