"""What a raw schema dict says about itself, read without resolving anything.

Shared by the type dispatch, objects, allOf and unions, which all ask the same questions
of a schema (may it be null, is it an object, does it combine a union) before building.
"""

from __future__ import annotations

from typing import Any

from generator.parse.constraints import VALUE_KEYWORDS

# Keywords that document a schema without changing the values it admits.
_ANNOTATION_KEYWORDS = frozenset(
    {
        "title",
        "description",
        "example",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "$comment",
        "nullable",
    }
)


def nullability(schema: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether `null` is allowed (3.0 `nullable`, 3.1 type lists, enums with null) and the types."""
    raw = schema.get("type")
    if isinstance(raw, str):  # the common case, read with as few lookups as may be
        kinds = [raw]
        nullable = raw == "null" or schema.get("nullable") is True
    else:
        kinds = [k for k in raw if isinstance(k, str)] if isinstance(raw, list) else []
        nullable = schema.get("nullable") is True or "null" in kinds
    if not nullable:
        enum = schema.get("enum")
        nullable = isinstance(enum, list) and None in enum
    if not nullable:
        for keyword in ("oneOf", "anyOf"):
            members = schema.get(keyword)
            if isinstance(members, list) and any(
                isinstance(m, dict) and m.get("type") == "null" and len(m) == 1 for m in members
            ):
                nullable = True
    if len(kinds) == 1:  # kept as it is, `null` too
        return nullable, kinds
    return nullable, [k for k in kinds if k != "null"]


def is_object_schema(schema: dict[str, Any], kinds: list[str]) -> bool:
    if kinds:
        return kinds == ["object"]
    return "properties" in schema or "additionalProperties" in schema


def has_properties(schema: dict[str, Any]) -> bool:
    return bool(schema.get("properties")) or bool(schema.get("required"))


def union_keyword(schema: dict[str, Any]) -> str | None:
    for keyword in ("oneOf", "anyOf"):
        if isinstance(schema.get(keyword), list):
            return keyword
    return None


def is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def single_member(schema: dict[str, Any]) -> tuple[int, list[dict[str, Any]]] | None:
    """The index of the one allOf member that is a schema of its own, and the schemas that
    only annotate or constrain it (the other members, then `schema` itself), when the
    schema adds no properties and no union: such an allOf is that member, documented."""
    members = schema.get("allOf")
    if not isinstance(members, list) or has_properties(schema) or union_keyword(schema):
        return None
    real = [i for i, m in enumerate(members) if not _modifies_only(m)]
    if len(members) == 1:
        real = [0]
    if len(real) != 1:
        return None
    others = [m for i, m in enumerate(members) if i != real[0] and isinstance(m, dict)]
    return real[0], [*others, schema]


def _modifies_only(member: Any) -> bool:
    """Whether an allOf member only documents or constrains a value (`{description: …}`,
    `{maxLength: 5}`), rather than being a schema of its own."""
    return isinstance(member, dict) and all(
        k in _ANNOTATION_KEYWORDS or k in VALUE_KEYWORDS or k.startswith("x-") for k in member
    )
