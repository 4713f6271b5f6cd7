"""The type model's traversal and its decodability rule, on hand-built types."""

from generator.model import decodability
from generator.model.types import (
    AliasDef,
    AnyType,
    ArrayType,
    Definition,
    EnumDef,
    EnumValues,
    Field,
    MapType,
    NamedRef,
    Nullable,
    NullType,
    ObjectDef,
    Primitive,
    UnionDef,
    UnionOf,
    unaliased,
    walk,
)

STRING = Primitive("string")
INTEGER = Primitive("integer")


def test_walk_is_pre_order_and_stops_at_names() -> None:
    nested = UnionOf((ArrayType(Nullable(NamedRef("Pet"))), MapType(INTEGER), NullType()))
    assert list(walk(nested)) == [
        nested,
        ArrayType(Nullable(NamedRef("Pet"))),
        Nullable(NamedRef("Pet")),
        NamedRef("Pet"),
        MapType(INTEGER),
        INTEGER,
        NullType(),
    ]


def test_walk_of_several_roots_keeps_their_order() -> None:
    assert list(walk(STRING, ArrayType(INTEGER))) == [STRING, ArrayType(INTEGER), INTEGER]


def test_definition_children_are_the_types_it_is_made_of() -> None:
    pet = ObjectDef(
        "Pet",
        (Field("name", "name", STRING, True), Field("tags", "tags", ArrayType(STRING), False)),
        additional=INTEGER,
    )
    assert pet.children() == (STRING, ArrayType(STRING), INTEGER)
    assert ObjectDef("Empty", ()).children() == ()
    assert EnumDef("Color", ("red",)).children() == ()
    assert UnionDef("Shape", (NamedRef("A"), NamedRef("B"))).children() == (
        NamedRef("A"),
        NamedRef("B"),
    )
    assert AliasDef("Id", STRING).children() == (STRING,)


DEFINITIONS: dict[str, Definition] = {
    "Cat": ObjectDef("Cat", ()),
    "Dog": ObjectDef("Dog", ()),
    "Color": EnumDef("Color", ("red", "blue")),
    "Id": AliasDef("Id", INTEGER),
    "Pet": UnionDef("Pet", (NamedRef("Cat"), NamedRef("Dog"))),
    "Loose": UnionDef("Loose", (NamedRef("Cat"), STRING)),
}


def test_a_union_of_different_json_kinds_decodes_as_written() -> None:
    union = UnionOf((STRING, NamedRef("Id"), ArrayType(STRING), NamedRef("Cat"), NullType()))
    assert decodability.decodable(union, DEFINITIONS)
    assert not decodability.stays_any(union, DEFINITIONS)


def test_two_members_of_one_kind_do_not_decode_as_written() -> None:
    assert not decodability.decodable(UnionOf((STRING, NamedRef("Color"))), DEFINITIONS)
    assert not decodability.decodable(UnionOf((INTEGER, NamedRef("Id"))), DEFINITIONS)


def test_scalars_of_one_kind_merge_and_null_is_kept_apart() -> None:
    merged = decodability.merge(
        (STRING, Nullable(NamedRef("Color")), UnionOf((EnumValues(("x",)), INTEGER))),
        DEFINITIONS,
    )
    assert merged == decodability.Merge(
        {"str": [STRING, NamedRef("Color"), EnumValues(("x",))], "int": [INTEGER]},
        nullable=True,
    )


def test_two_objects_two_arrays_or_an_open_member_stay_any() -> None:
    for union in (
        UnionOf((NamedRef("Cat"), MapType(STRING))),
        UnionOf((ArrayType(STRING), ArrayType(INTEGER))),
        UnionOf((STRING, AnyType())),
        UnionOf((STRING, NamedRef("Loose"))),
        UnionOf((STRING, EnumValues(()))),
    ):
        assert decodability.merge(union.variants, DEFINITIONS) is None, union
        assert decodability.stays_any(union, DEFINITIONS), union


def test_a_union_marker_needs_every_member_to_be_an_object_model() -> None:
    pet, loose = DEFINITIONS["Pet"], DEFINITIONS["Loose"]
    assert isinstance(pet, UnionDef) and isinstance(loose, UnionDef)
    assert decodability.union_is_closed_over_objects(pet, DEFINITIONS)
    assert not decodability.union_is_closed_over_objects(loose, DEFINITIONS)


def test_unaliased_looks_through_nullables_and_aliases_to_what_a_type_is() -> None:
    ids = ArrayType(Primitive("string"))
    definitions: dict[str, Definition] = {
        "Ids": AliasDef("Ids", ids),
        "MaybeIds": AliasDef("MaybeIds", Nullable(NamedRef("Ids"))),
        "Pet": ObjectDef("Pet", ()),
        "Loop": AliasDef("Loop", NamedRef("Loop")),
    }
    assert unaliased(Nullable(NamedRef("MaybeIds")), definitions) == ids
    # A named object, an unknown name and an alias cycle stay the NamedRef they are.
    assert unaliased(Nullable(NamedRef("Pet")), definitions) == NamedRef("Pet")
    assert unaliased(NamedRef("Missing"), definitions) == NamedRef("Missing")
    assert unaliased(NamedRef("Loop"), definitions) == NamedRef("Loop")
