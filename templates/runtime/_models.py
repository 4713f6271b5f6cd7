"""Bases for generated models, and decoding of the unions msgspec cannot express alone.

msgspec decodes tagged unions of Structs natively, but rejects an unknown tag, and it
cannot decode an untagged union of several object types at all. Such unions are
generated as a *union marker*: a class the variants inherit from, named in field
annotations at run time (while type checkers see the plain union). msgspec hands a
value annotated with a marker to `dec_hook`, which picks the variant here.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

import msgspec


class ResponseModel(msgspec.Struct, kw_only=True, repr_omit_defaults=True):
    """Base of decoded response models: absent optional fields read as None (or the default)."""


class RequestModel(msgspec.Struct, kw_only=True, omit_defaults=True, repr_omit_defaults=True):
    """Base of request models: fields left unset are omitted from the body."""


class UnknownVariant(msgspec.Struct, frozen=True):
    """A union member this client does not know (e.g. a provider type added by the vendor).

    The raw decoded JSON stays reachable in `data`, and `tag` holds the discriminator
    value when the union has one.
    """

    data: Any
    tag: str | None = None


class UnionMarker:
    """Base of union markers; subclasses set the class variables below."""

    __slots__ = ()

    # The variants tried in order when there is no discriminator.
    clientgen_variants: ClassVar[tuple[type[Any], ...]] = ()
    # A request value must match exactly one variant (oneOf), or, when False, at least one
    # (anyOf: the first that matches is taken).
    clientgen_exclusive: ClassVar[bool] = True
    # The discriminator property and its value → variant mapping, when there is one.
    clientgen_tag_field: ClassVar[str | None] = None
    clientgen_mapping: ClassVar[dict[str, type[Any]]] = {}
    # Responses keep unknown members as this `UnknownVariant` subclass; requests reject them.
    clientgen_unknown: ClassVar[type[UnknownVariant] | None] = None

    @classmethod
    def clientgen_decode(cls, obj: Any) -> Any:
        if cls.clientgen_tag_field is not None and isinstance(obj, dict):
            tag = cast("dict[str, object]", obj).get(cls.clientgen_tag_field)
            variant = cls.clientgen_mapping.get(tag) if isinstance(tag, str) else None
            if variant is not None:
                return _convert(obj, variant)
            if cls.clientgen_unknown is not None:
                return cls.clientgen_unknown(data=obj, tag=tag if isinstance(tag, str) else None)
            known = ", ".join(repr(t) for t in cls.clientgen_mapping)
            raise ValueError(f"`{cls.clientgen_tag_field}` must be one of {known}, got {tag!r}")
        # oneOf needs exactly one match in a request; responses take the first that fits.
        exclusive = cls.clientgen_exclusive and cls.clientgen_unknown is None
        matches: list[Any] = []
        problems: list[str] = []
        for variant in cls.clientgen_variants:
            try:
                matches.append(_convert(obj, variant))
            except ValueError as exc:
                # A variant's path stays in its problem: as a trailing " - at `$...`" of the
                # joined message it would be read as the path of the whole union.
                problems.append(str(exc).replace(" - at `$", " at `$"))
            if len(matches) > (1 if exclusive else 0):
                break
        if matches:
            if len(matches) > 1:
                raise ValueError("matches more than one of the allowed shapes")
            return matches[0]
        if cls.clientgen_unknown is not None:
            return cls.clientgen_unknown(data=obj)
        raise ValueError("matches none of the allowed shapes: " + "; ".join(problems))


def _convert(obj: Any, variant: type[Any]) -> Any:
    try:
        return msgspec.convert(obj, variant, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        raise ValueError(str(exc)) from None


def dec_hook(tp: object, obj: Any) -> Any:
    """The `dec_hook` for every decode and validation of generated models (`tp` is the
    annotation msgspec could not decode, which need not be a class)."""
    if isinstance(tp, type) and issubclass(tp, UnionMarker):
        return tp.clientgen_decode(obj)
    raise NotImplementedError(f"cannot decode {tp!r}")
