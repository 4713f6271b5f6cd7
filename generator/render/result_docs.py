"""What api.md says of a method's result after its signature: the prose of its kind's row
in the result table (model/results.py), filled in for the operation, so a new kind brings
its own text and the template has no branch per kind."""

from __future__ import annotations

from generator.model.api import Operation


def result_doc(operation: Operation, resource: str, item: str, async_returns: str) -> str:
    """`item` is the decoded type and `async_returns` the async method's return type, both
    as a reader would write them; "" for a kind with nothing to add (a plain value)."""
    result = operation.result
    return result.shape.doc.format(
        item=item,
        async_returns=async_returns,
        call=f"client.{resource}.{operation.name}(...)",
        streaming_call=f"client.{resource}.with_streaming_response.{operation.name}(...)",
        name=operation.name,
        scheme=result.paging.scheme if result.paging is not None else "",
    )
