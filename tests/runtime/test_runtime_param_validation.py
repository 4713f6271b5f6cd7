"""Parameters are checked against their annotated types, under the caller's names."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Literal

import msgspec
import pytest
from runtime import NOT_GIVEN, Endpoint, RequestValidationError
from runtime._call import Call

ENDPOINT = Endpoint[None](
    method="GET",
    path="/a/{aId}",
    path_params=("aId",),
    responses={"204": None},
    parameters=(
        ("a_id", "path", "aId", Annotated[str, msgspec.Meta(min_length=2)]),
        ("mode", "query", "mode", Literal["fast", "slow"]),
        ("day", "query", "day", date),
        ("trace", "header", "X-Trace", Annotated[str, msgspec.Meta(pattern="^t")]),
        ("session", "cookie", "s", Annotated[int, msgspec.Meta(ge=0)]),
        ("tags", "query", "tags", Annotated[Sequence[int], msgspec.Meta(max_length=2)]),
    ),
)


def test_given_arguments_that_fit_pass_and_absent_ones_are_not_checked() -> None:
    ENDPOINT.check_parameters(Call(path=("ab",)))
    ENDPOINT.check_parameters(
        Call(
            path=("ab",),
            query={"mode": "fast", "day": date(2024, 1, 2)},
            headers={"X-Trace": "t1"},
            cookies={"s": 0},
        )
    )
    ENDPOINT.check_parameters(Call(path=("ab",), query={"tags": deque([1, 2])}))
    # Checked as sent: 42 is the segment "42", "7" the number 7.
    ENDPOINT.check_parameters(Call(path=(42,), cookies={"s": "7"}, query={"tags": ["1"]}))
    ENDPOINT.check_parameters(Call(path=("ab",), query={"mode": NOT_GIVEN, "day": None}))


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (Call(path=("a",)), "a_id"),
        (Call(path=("ab",), query={"mode": "medium"}), "mode"),
        (Call(path=("ab",), query={"day": "someday"}), "day"),
        (Call(path=("ab",), headers={"X-Trace": "x"}), "trace"),
        (Call(path=("ab",), cookies={"s": -1}), "session"),
        (Call(path=("ab",), query={"mode": object()}), "mode"),
        (Call(path=("ab",), query={"tags": deque([1, 2, 3])}), "tags"),
        (Call(path=("ab",), query={"tags": ("x",)}), "tags[0]"),
        (Call(path=(7,)), "a_id"),
    ],
)
def test_an_argument_that_does_not_fit_is_refused_under_its_python_name(
    call: Call, path: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        ENDPOINT.check_parameters(call)
    assert caught.value.path == path


def test_an_endpoint_without_parameters_checks_nothing() -> None:
    bare = Endpoint[None](method="GET", path="/", responses={"204": None})
    bare.check_parameters(Call(query={"anything": object()}))


def test_a_boolean_enum_is_checked_as_the_text_it_is_sent_as() -> None:
    """`enum: [true]` is `Literal[True]`: msgspec reads the sent text "true" as a `bool`,
    never as a `Literal` of one, so the check compares texts."""
    endpoint = Endpoint[None](
        method="GET",
        path="/a",
        path_params=(),
        responses={"204": None},
        parameters=(
            ("history", "query", "history", Literal[True]),
            ("flags", "query", "flags", Sequence[Literal[True, False]] | None),
        ),
    )
    endpoint.check_parameters(Call(query={"history": True, "flags": [True, False]}))
    with pytest.raises(RequestValidationError) as refused:
        endpoint.check_parameters(Call(query={"history": False}))
    assert refused.value.path == "history"
