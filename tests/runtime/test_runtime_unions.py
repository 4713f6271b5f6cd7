"""Untagged request unions: oneOf takes a value matching exactly one variant, anyOf the first
of those it matches; a closed variant matches no value with keys it does not declare."""

from __future__ import annotations

import msgspec
import pytest
from runtime._models import RequestModel, UnionMarker


class Contact(UnionMarker):
    __slots__ = ()


class AnyContact(UnionMarker):
    __slots__ = ()

    clientgen_exclusive = False


class Device(UnionMarker):
    __slots__ = ()


class Email(RequestModel, Contact, AnyContact, kw_only=True):
    email: str
    label: str | None = None


class Phone(RequestModel, Contact, AnyContact, Device, kw_only=True):
    phone: str
    label: str | None = None


class Pager(RequestModel, Device, kw_only=True, forbid_unknown_fields=True):
    label: str | None = None


Contact.clientgen_variants = (Email, Phone)
AnyContact.clientgen_variants = (Email, Phone)
Device.clientgen_variants = (Pager, Phone)


def test_one_of_refuses_a_value_that_is_two_variants_any_of_takes_the_first() -> None:
    both = {"email": "a@b.c", "phone": "1"}
    with pytest.raises(ValueError, match="matches more than one of the allowed shapes"):
        Contact.clientgen_decode(both)
    assert AnyContact.clientgen_decode(both) == Email(email="a@b.c")
    assert AnyContact.clientgen_decode({"phone": "1"}) == Phone(phone="1")


def test_a_closed_variant_refuses_keys_it_does_not_declare() -> None:
    assert Device.clientgen_decode({"phone": "1", "label": "x"}) == Phone(phone="1", label="x")
    assert Device.clientgen_decode({"label": "x"}) == Pager(label="x")
    with pytest.raises(ValueError, match="matches none of the allowed shapes"):
        Device.clientgen_decode({"label": "x", "extension": "9"})
    with pytest.raises(msgspec.ValidationError, match="unknown field `extension`"):
        msgspec.convert({"extension": "9"}, Pager)
