"""A deck as plain JSON data, for the save's first line, and back again.

The snapshot holds what a save needs to replay the same even after the deck file
changes or disappears: the deck's metadata, its tension fields, the cards dealt in
the session and the whole value catalogue players could pick from.

``DeckSnapshot`` declares it, in the words of the deck model: its cards, fields,
values and families *are* the model's Structs, its other fields the model's own
declarations (``deck.DeckId`` and the like). Only the frame differs from ``Deck``,
so it is declared here: the catalogue is stored inside the snapshot with the deck's
``ref`` to it (a ``Deck`` keeps ``catalogue_ref`` beside its catalogue), and without
the catalogue's description (0.1.0 never stored it). The defaults are those 0.1.0
read a snapshot with; the measure statements, which 0.1.0 did not have, are always
written (the words teams rated stay with the save even when the defaults change) and
read as the defaults when absent. Encoding and decoding are msgspec's (``to_builtins``/
``convert``), with the two hooks for ``LocalText``.

Reading is as strict as the types and no stricter: what only files must obey (id
patterns, list bounds; ``declare``) is not checked again, so every save 0.1.0 wrote
and read still reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

import msgspec

from goedwerk_tui.domain.catalogue import (
    CatalogueId,
    CatalogueSource,
    CatalogueTitle,
    Families,
    ValueCatalogue,
    Values,
)
from goedwerk_tui.domain.deck import (
    Authors,
    Cards,
    Deck,
    DeckDescription,
    DeckId,
    DeckLanguage,
    DeckTitle,
    TensionField,
)
from goedwerk_tui.domain.declare import block, plain
from goedwerk_tui.domain.errors import SnapshotError
from goedwerk_tui.domain.measure import DEFAULT_MEASURE, MeasureStatements
from goedwerk_tui.domain.text import LocalText

__all__ = [
    "CatalogueSnapshot",
    "DeckSnapshot",
    "SnapshotError",
    "damaged",
    "dec_hook",
    "deck_from_data",
    "deck_from_snapshot",
    "deck_snapshot",
    "deck_to_data",
    "enc_hook",
]


class CatalogueSnapshot(msgspec.Struct, frozen=True, kw_only=True):
    """The deck's value catalogue (its own values merged in), as the save stores it."""

    id: CatalogueId
    ref: Annotated[str, plain("What the deck file named: a built-in id or a path.")] = ""
    title: CatalogueTitle
    source: CatalogueSource = ""
    families: Families
    values: Values


class DeckSnapshot(msgspec.Struct, frozen=True, kw_only=True):
    """The deck in a save's first line (``session_started.deck``)."""

    id: DeckId
    title: DeckTitle
    language: DeckLanguage = "nl"
    description: DeckDescription = None
    authors: Authors = ()
    catalogue: CatalogueSnapshot
    fields: tuple[TensionField, ...]
    measure: Annotated[
        MeasureStatements | None,
        block("The statements teams rated; none in saves before the measure: the defaults."),
    ] = None
    cards: Cards  # only the cards dealt, in deal order


def enc_hook(obj: object) -> object:
    """``msgspec`` encoding hook: a ``LocalText`` is its ``{lang: text}`` mapping."""
    if isinstance(obj, LocalText):
        return obj.to_data()
    raise NotImplementedError(f"cannot encode {type(obj).__name__}")  # msgspec's convention


def dec_hook(kind: type, obj: object) -> object:
    """``msgspec`` decoding hook: text is a string (Dutch, as 0.1.0 read it) or a
    non-empty mapping of language to string. Pass it to any decoder of a DeckSnapshot."""
    # a hot loop (every text of the snapshot, some 4,500 in a 500-card save): exact
    # classes instead of isinstance, and no generator; a third faster, measured
    if kind is not LocalText:
        raise NotImplementedError(f"cannot decode {kind.__name__}")  # msgspec's convention
    if obj.__class__ is dict and obj:
        for lang, text in obj.items():
            if lang.__class__ is not str or text.__class__ is not str:
                break
        else:
            return LocalText(obj)
    elif obj.__class__ is str:
        return LocalText.one("nl", obj)
    raise TypeError("expected localized text")


def deck_snapshot(deck: Deck, card_ids: Iterable[str]) -> DeckSnapshot:
    """The snapshot of ``deck`` holding the cards ``card_ids`` (each once, in order)."""
    catalogue = deck.catalogue
    return DeckSnapshot(
        id=deck.id,
        title=deck.title,
        language=deck.language,
        description=deck.description,
        authors=deck.authors,
        catalogue=CatalogueSnapshot(
            id=catalogue.id,
            ref=deck.catalogue_ref,
            title=catalogue.title,
            source=catalogue.source,
            families=catalogue.families,
            values=catalogue.values,
        ),
        fields=deck.fields,
        measure=deck.measure,
        cards=tuple([deck.card(card_id) for card_id in dict.fromkeys(card_ids)]),
    )


def deck_to_data(deck: Deck, card_ids: Iterable[str]) -> dict[str, Any]:
    """The snapshot as JSON data (the deck cache keeps it so)."""
    data: dict[str, Any] = msgspec.to_builtins(deck_snapshot(deck, card_ids), enc_hook=enc_hook)
    return data


def deck_from_data(data: object) -> Deck:
    """The deck a save was played with; SnapshotError when the snapshot is damaged."""
    try:
        snapshot = msgspec.convert(data, DeckSnapshot, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        problem = damaged(exc)
        assert problem is not None  # every error of a snapshot decoded alone is in it
        raise problem from None
    return deck_from_snapshot(snapshot)


def damaged(exc: msgspec.ValidationError, at: str = "$") -> SnapshotError | None:
    """The SnapshotError for msgspec's error decoding a DeckSnapshot found at path ``at``
    (``"$.deck"`` inside a ``session_started`` line), or None when the error lies
    elsewhere in the line. The detail is the same as for the snapshot decoded alone, in
    msgspec's technical words, like a parser's (what was wrong, and where: ``$.cards[0]``).
    """
    detail = str(exc)
    if at != "$":
        where = re.search(" - at `" + re.escape(at) + "(?=[`.[])", detail)
        if where is None:
            return None
        path = detail[where.end() :]
        detail = detail[: where.start()] + ("" if path == "`" else " - at `$" + path)
    return SnapshotError("snapshot.damaged", detail=detail)


def deck_from_snapshot(snapshot: DeckSnapshot) -> Deck:
    """The deck of a decoded snapshot; SnapshotError when a card names an unknown field."""
    cat = snapshot.catalogue
    deck = Deck(
        id=snapshot.id,
        title=snapshot.title,
        language=snapshot.language,
        description=snapshot.description,
        authors=snapshot.authors,
        catalogue_ref=cat.ref or cat.id,
        catalogue=ValueCatalogue(
            id=cat.id,
            title=cat.title,
            source=cat.source,
            families=cat.families,
            values=cat.values,
        ),
        fields=snapshot.fields,
        measure=DEFAULT_MEASURE if snapshot.measure is None else snapshot.measure,
        cards=snapshot.cards,
    )
    for card in deck.cards:
        if card.field not in deck.fields_by_id:
            raise SnapshotError("snapshot.unknown_field", field=card.field)
    return deck
