"""The table of result kinds against the runtime it names: a row that names a runtime
class or client method that does not exist would generate code that fails on import or
on the first call, so each name is checked against the real runtime here."""

from __future__ import annotations

from typing import get_args

import runtime
from runtime import AsyncAPIClient, SyncAPIClient

from generator.model.results import RESULT_SHAPES, ResultKind, result_wrappers


def test_every_kind_of_result_has_a_shape() -> None:
    assert set(RESULT_SHAPES) == set(get_args(ResultKind))


def test_each_kind_is_sent_by_a_method_both_clients_have() -> None:
    for kind, shape in RESULT_SHAPES.items():
        assert callable(getattr(SyncAPIClient, shape.client_call, None)), kind
        assert callable(getattr(AsyncAPIClient, shape.client_call, None)), kind


def test_each_wrapper_is_a_class_the_runtime_exports() -> None:
    assert result_wrappers() == (
        "AsyncBinaryResponse",
        "BinaryResponse",
        "AsyncStream",
        "Stream",
        "AsyncPager",
        "SyncPage",
    )
    for wrapper in result_wrappers():
        assert wrapper in runtime.__all__
        assert isinstance(getattr(runtime, wrapper), type), wrapper


def test_a_kind_wraps_in_both_modes_or_in_neither() -> None:
    for kind, shape in RESULT_SHAPES.items():
        assert (shape.sync_wrapper is None) == (shape.async_wrapper is None), kind
        assert not shape.with_item or shape.sync_wrapper is not None, kind
        assert shape.generic or not shape.with_item, kind
