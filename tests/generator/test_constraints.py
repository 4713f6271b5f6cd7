"""Constraints are kept only where the Python type of the value can carry them."""

from model_helpers import define

from generator.model.types import AliasDef, Constraints, Primitive
from generator.parse.constraints import carried, narrowed

TEXT = Constraints(min_length=1, max_length=5, pattern="^a")
NUMERIC = Constraints(ge=0, gt=0, le=9, lt=9, multiple_of=2)
EVERY = Constraints(min_length=1, max_length=5, pattern="^a", ge=0, le=9, multiple_of=2)


def test_text_keeps_lengths_and_patterns_numbers_keep_bounds() -> None:
    assert carried(EVERY, "string", None) == (
        TEXT,
        ("minimum", "maximum", "multipleOf"),
    )
    assert carried(EVERY, "string", "uuid")[0] == TEXT
    assert carried(EVERY, "integer", "int64") == (
        Constraints(ge=0, le=9, multiple_of=2),
        ("minLength", "maxLength", "pattern"),
    )
    assert carried(NUMERIC, "number", None) == (NUMERIC, ())


def test_dates_booleans_and_files_carry_nothing() -> None:
    for kind, fmt in (("string", "date-time"), ("string", "date"), ("string", "binary")):
        assert carried(TEXT, kind, fmt) == (Constraints(), ("minLength", "maxLength", "pattern"))
    assert carried(NUMERIC, "boolean", None)[0] == Constraints()


def test_a_date_time_with_a_min_length_is_a_plain_date_time_and_a_note() -> None:
    definition, builder = define(
        {"When": {"type": "string", "format": "date-time", "minLength": 1, "pattern": "^2"}},
        "When",
    )
    assert isinstance(definition, AliasDef)
    assert definition.target == Primitive("string", "date-time")
    assert builder.notes == [
        "`minLength` at `/components/schemas/When/minLength` is not checked: "
        "it does not apply to a string of format `date-time`",
        "`pattern` at `/components/schemas/When/pattern` is not checked: "
        "it does not apply to a string of format `date-time`",
    ]


def test_narrowing_keeps_the_tighter_bound() -> None:
    merged = narrowed(
        {"type": "integer", "minimum": 1, "maximum": 10},
        [{"minimum": 3, "maximum": 20, "description": "ignored"}, {"exclusiveMaximum": 8}],
    )
    assert merged == {"type": "integer", "minimum": 3, "maximum": 10, "exclusiveMaximum": 8}
