"""Decks of dilemma cards and the tension fields they play in.

The model, declared once as msgspec Structs: ``TensionField`` and ``Card`` are at the
same time what a deck file holds, what the save's deck snapshot stores and what the
game plays with; ``Deck`` shares its fields' declarations (the aliases below) with
the file form (``models.DeckFile``) and the snapshot (``snapshot.DeckSnapshot``). The
validator's field table and the JSON Schema are read from these declarations. Fields
are declared in the order files and snapshots write them (``kw_only``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from msgspec import Struct

from goedwerk_tui.domain.catalogue import ValueCatalogue
from goedwerk_tui.domain.declare import Slug, block, items, plain, slug, text
from goedwerk_tui.domain.measure import DEFAULT_MEASURE, MeasureStatements
from goedwerk_tui.domain.text import LANGUAGES, LocalText

MIN_OPTIONS, MAX_OPTIONS = 2, 6


class TensionField(Struct, frozen=True, kw_only=True, gc=False):
    """The axis a card's dilemma plays on, from ``pole_a`` (-2) to ``pole_b`` (+2)."""

    id: Annotated[str, slug("The field's id, used in cards' `field`.")]
    name: Annotated[LocalText, text("The field's name.")]
    pole_a: Annotated[LocalText, text("The pole at stance -2 (left on the axis).")]
    pole_b: Annotated[LocalText, text("The pole at stance +2 (right on the axis).")]
    description: Annotated[LocalText | None, text("What the tension is about.")] = None


Texts = tuple[LocalText, ...]


class Card(Struct, frozen=True, kw_only=True, gc=False):
    """A dilemma card. gc=False: a card holds only text, ids and tuples of them (no
    cycles), and a deck can hold ten thousand."""

    id: Annotated[str, slug("The card's id, unique within the deck.")]
    title: Annotated[LocalText, text("A short title.")]
    field: Annotated[str, slug("Id of the card's tension field.")]
    setting: Annotated[
        LocalText | None, text("Where the dilemma plays, e.g. 'Douane, Rotterdam'.")
    ] = None
    situation: Annotated[
        LocalText, text("The dilemma in 1-3 short paragraphs; it should fit an 80x24 screen.")
    ]
    options: Annotated[
        Texts,
        items(
            "Courses of action, shown as A, B, C...",
            MIN_OPTIONS,
            MAX_OPTIONS,
            "check.count.options",
        ),
    ] = ()
    values: Annotated[
        tuple[Slug, ...], items("Ids of the values at stake (from the catalogue).")
    ] = ()
    questions: Annotated[Texts, items("Prompts for the discussion.")] = ()
    reflection: Annotated[LocalText | None, text("A view to read after the reveal.")] = None
    variations: Annotated[
        Texts, items("'What if...?' twists that may tip the choice (De Beuk's technique).")
    ] = ()
    tags: Annotated[tuple[Slug, ...], items("Free tags, e.g. the kind of organisation.")] = ()


DeckId = Annotated[str, slug("The deck's id.")]
DeckTitle = Annotated[LocalText, text("The deck's title.")]
DeckLanguage = Annotated[str, plain("The language of the deck's plain-string text.", LANGUAGES)]
DeckDescription = Annotated[LocalText | None, text("What the deck is about and for whom.")]
Authors = Annotated[tuple[str, ...], items("Who wrote the deck.")]
Cards = Annotated[tuple[Card, ...], items("The dilemma cards.", 1, count="check.count.cards")]
DeckMeasure = Annotated[
    MeasureStatements,
    block(
        "The statements teams rate 1-5 before the first card and in the closing step, "
        "one per goal: ownership, meaningfulness, identification. "
        "A goal left out keeps its default statement."
    ),
]


class Deck(Struct, frozen=True, kw_only=True, dict=True):
    """A validated deck as the game plays it: its catalogue resolved, with the deck's
    own values merged in; ``catalogue_ref`` is what the file named (an id or a path).
    dict=True: room for the cached lookups beside the declared fields."""

    id: DeckId
    title: DeckTitle
    language: DeckLanguage
    description: DeckDescription = None
    authors: Authors = ()
    catalogue_ref: str
    catalogue: ValueCatalogue
    fields: tuple[TensionField, ...]
    measure: DeckMeasure = DEFAULT_MEASURE
    cards: Cards

    @cached_property
    def cards_by_id(self) -> dict[str, Card]:
        return {c.id: c for c in self.cards}

    @cached_property
    def fields_by_id(self) -> dict[str, TensionField]:
        return {f.id: f for f in self.fields}

    def card(self, card_id: str) -> Card:
        return self.cards_by_id[card_id]

    def field_of(self, card: Card) -> TensionField:
        return self.fields_by_id[card.field]

    def statement(self, goal: str) -> LocalText:
        """The statement teams rate for ``goal`` (a ``measure.GOALS`` id) in this deck."""
        return self.measure.statement(goal)


def _lt(nl: str, en: str) -> LocalText:
    return LocalText({"nl": nl, "en": en})


def _field(
    field_id: str, name: LocalText, pole_a: LocalText, pole_b: LocalText, description: LocalText
) -> TensionField:
    return TensionField(
        id=field_id, name=name, pole_a=pole_a, pole_b=pole_b, description=description
    )


BUILTIN_FIELDS: tuple[TensionField, ...] = (
    _field(
        "professie-politiek",
        _lt("Professie en politiek", "Profession and politics"),
        _lt("Professionele opvatting", "Professional judgement"),
        _lt("Politieke haalbaarheid", "Political feasibility"),
        _lt(
            "Wat je vakmatig juist vindt tegenover wat politiek haalbaar is.",
            "What you judge right as a professional against what is politically feasible.",
        ),
    ),
    _field(
        "inhoud-draagvlak",
        _lt("Inhoud en draagvlak", "Content and support"),
        _lt("Inhoud", "Content"),
        _lt("Draagvlak", "Support"),
        _lt(
            "De beste oplossing op de inhoud tegenover wat betrokkenen willen dragen.",
            "The best solution on substance against what those involved will support.",
        ),
    ),
    _field(
        "agenda-maatschappij",
        _lt("Politiek en maatschappij", "Politics and society"),
        _lt("Politieke agenda", "Political agenda"),
        _lt("Maatschappelijke belangen", "Societal interests"),
        _lt(
            "Wat de politiek nu wil tegenover wat de samenleving nodig heeft.",
            "What politics wants now against what society needs.",
        ),
    ),
)
