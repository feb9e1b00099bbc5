"""Our file formats, and the validator's table and JSON Schema derived from the model.

The deck model is declared once, as msgspec Structs (``deck.py``, ``catalogue.py``).
The two file forms below list which of those declarations a file holds; nothing about
a field (its kind, whether it is required, its description, its bounds) is written
here again. From them come:

- the validator's table (``DECK``, ``CATALOGUE`` and the objects inside them): the
  ``schema`` kinds the streamed walker checks a file with, derived by ``kind_of``
  from ``msgspec.inspect.type_info``;
- the JSON Schema editors use (``deck_json_schema``), written from that table.

What a file says differently from the model, and so cannot be derived from it:
``format`` (a file's version, not part of a deck), ``catalogue`` (a file names its
catalogue by id or path; the model holds the catalogue itself), ``values`` (a deck
file's extra values, merged into the catalogue when loading) and ``fields`` (absent
means the built-in three). They are declared in ``DeckFile`` itself. docs/deck-format.md
explains the formats.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, TypeVar

import msgspec.inspect as mi
from msgspec import Struct

from goedwerk_tui.domain.catalogue import (
    BUILTIN_IDS,
    CatalogueDescription,
    CatalogueId,
    CatalogueSource,
    CatalogueTitle,
    Families,
    Family,
    PublicValue,
    ValueCatalogue,
    Values,
)
from goedwerk_tui.domain.deck import (
    BUILTIN_FIELDS,
    Authors,
    Card,
    Cards,
    DeckDescription,
    DeckId,
    DeckLanguage,
    DeckMeasure,
    DeckTitle,
    TensionField,
)
from goedwerk_tui.domain.declare import items, plain
from goedwerk_tui.domain.measure import DEFAULT_MEASURE, DUTCH_GOALS, MeasureStatements
from goedwerk_tui.domain.schema import (
    TEXT_DEFINITION,
    Field,
    Kind,
    ListOf,
    Obj,
    Slug,
    String,
    Text,
)
from goedwerk_tui.domain.text import LocalText
from goedwerk_tui.domain.walker import valid, valid_items

DECK_FORMAT = "goedwerk-deck/1"
CATALOGUE_FORMAT = "goedwerk-catalogue/1"


_FORMAT = "The file format and its version."


class CatalogueFile(Struct, kw_only=True, frozen=True):
    """A catalogue file: a ``ValueCatalogue`` with its ``format`` first. Never built;
    it declares the file (files are read by the walker, which explains mistakes)."""

    format: Annotated[str, plain(_FORMAT, (CATALOGUE_FORMAT,))]
    id: CatalogueId
    title: CatalogueTitle
    source: CatalogueSource
    description: CatalogueDescription = None
    families: Families
    values: Values


class DeckFile(Struct, kw_only=True, frozen=True):
    """A deck file. Never built (see ``CatalogueFile``); ``deck_loader`` makes the ``Deck``."""

    format: Annotated[str, plain(_FORMAT, (DECK_FORMAT,))]
    id: DeckId
    title: DeckTitle
    language: DeckLanguage
    description: DeckDescription = None
    authors: Authors = ()
    catalogue: Annotated[
        str,
        plain(
            f"A built-in catalogue id ({', '.join(BUILTIN_IDS)}) "
            "or a path to a catalogue file, relative to this deck."
        ),
    ]
    values: Annotated[
        tuple[PublicValue, ...], items("Extra values on top of the catalogue's.")
    ] = ()
    fields: Annotated[
        tuple[TensionField, ...],
        items("Tension fields; when absent the three built-in fields apply.", 1),
    ] = BUILTIN_FIELDS
    measure: DeckMeasure = DEFAULT_MEASURE
    cards: Cards


# what each object is called in messages (message keys)
_OBJECT_NAMES: dict[type[Struct], str] = {
    Family: "check.obj.family",
    PublicValue: "check.obj.value",
    CatalogueFile: "check.obj.catalogue",
    ValueCatalogue: "check.obj.catalogue",  # the file's fields but ``format`` (for ``build``)
    TensionField: "check.obj.field",
    Card: "check.obj.card",
    DeckFile: "check.obj.deck",
    MeasureStatements: "check.obj.measure",
}
# other words for an object's keys that users write: the hint names the key meant
_KEY_ALIASES: dict[type[Struct], dict[str, str]] = {MeasureStatements: DUTCH_GOALS}
_OBJECTS: dict[type[Struct], Obj] = {}


def kind_of(info: mi.Type) -> Kind:
    """The validator's kind for one declared type (``msgspec.inspect`` form)."""
    description, extra = "", {}
    if isinstance(info, mi.Metadata):
        description = (info.extra_json_schema or {}).get("description", "")
        extra, info = info.extra or {}, info.type
    if isinstance(info, mi.UnionType):  # ``X | None``: optional in the model; a file
        (info,) = [t for t in info.types if not isinstance(t, mi.NoneType)]  # leaves it out
    if isinstance(info, mi.CustomType) and info.cls is LocalText:
        return Text(description)
    if isinstance(info, mi.StrType):
        if "pattern" in extra:
            return Slug(description)
        return String(description, enum=extra.get("enum"))
    if isinstance(info, mi.VarTupleType):
        item = kind_of(info.item_type)
        low, high = extra.get("min_items"), extra.get("max_items")
        return ListOf(item, description, low, high, count_what=extra["count"])
    if isinstance(info, mi.StructType):
        obj = object_of(info.cls)
        return replace(obj, description=description) if description else obj
    raise TypeError(f"no validator kind for {info!r}")  # pragma: no cover - a new type


def object_of(cls: type[Struct]) -> Obj:
    """The validator's object for a declared Struct: its fields, in declaration order."""
    obj = _OBJECTS.get(cls)
    if obj is None:
        info = mi.type_info(cls)
        assert isinstance(info, mi.StructType)
        fields = {f.name: Field(kind_of(f.type), required=f.required) for f in info.fields}
        obj = Obj(_OBJECT_NAMES[cls], fields, aliases=_KEY_ALIASES.get(cls, {}))
        _OBJECTS[cls] = obj
    return obj


_S = TypeVar("_S", bound=Struct)


def build(cls: type[_S], data: dict[str, Any], lang: str, **given: object) -> _S:
    """The model object of a walked object (``Obj.walk``'s dict), by the same table:
    texts become ``LocalText`` (plain strings in ``lang``), lists tuples of their valid
    items (an absent list: none); what is absent or INVALID keeps its declared default.
    ``given`` sets fields the caller builds itself. The caller has checked that every
    other required field is valid (a required non-list field missing is a TypeError).

    Not for cards: the loader builds those itself, sharing equal texts and ids across
    ten thousand cards (``deck_cards.CardReader``, a measured hot loop)."""
    values: dict[str, object] = {}
    for key, spec in object_of(cls).fields.items():
        if key in given:
            values[key] = given[key]
            continue
        value = data.get(key)
        kind = spec.kind
        if isinstance(kind, ListOf):
            found = valid_items(value)
            if isinstance(kind.item, Text):
                found = [LocalText.of(item, lang) for item in found]
            if found or spec.required:
                values[key] = tuple(found)
        elif valid(value):
            values[key] = LocalText.of(value, lang) if isinstance(kind, Text) else value
    return cls(**values)


FAMILY = object_of(Family)
PUBLIC_VALUE = object_of(PublicValue)
CATALOGUE = object_of(CatalogueFile)
TENSION_FIELD = object_of(TensionField)
CARD = object_of(Card)
MEASURE = object_of(MeasureStatements)
DECK = object_of(DeckFile)


def deck_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) for deck files, as editors understand it."""
    schema = DECK.json_schema()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"goedwerk deck ({DECK_FORMAT})",
        **schema,
        "definitions": {"text": TEXT_DEFINITION},
    }
