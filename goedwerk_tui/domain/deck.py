"""Decks of dilemma cards and the tension fields they play in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from goedwerk_tui.domain.catalogue import ValueCatalogue
from goedwerk_tui.domain.text import LocalText


@dataclass(frozen=True, slots=True)
class TensionField:
    id: str
    name: LocalText
    pole_a: LocalText
    pole_b: LocalText
    description: LocalText | None = None


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: LocalText
    field: str
    situation: LocalText
    setting: LocalText | None = None
    options: tuple[LocalText, ...] = ()
    values: tuple[str, ...] = ()
    questions: tuple[LocalText, ...] = ()
    reflection: LocalText | None = None
    variations: tuple[LocalText, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    id: str
    title: LocalText
    language: str
    catalogue_ref: str
    catalogue: ValueCatalogue  # the catalogue with the deck's own values merged in
    fields: tuple[TensionField, ...]
    cards: tuple[Card, ...]
    description: LocalText | None = None
    authors: tuple[str, ...] = ()

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


def _lt(nl: str, en: str) -> LocalText:
    return LocalText({"nl": nl, "en": en})


BUILTIN_FIELDS: tuple[TensionField, ...] = (
    TensionField(
        "professie-politiek",
        _lt("Professie en politiek", "Profession and politics"),
        _lt("Professionele opvatting", "Professional judgement"),
        _lt("Politieke haalbaarheid", "Political feasibility"),
        _lt(
            "Wat je vakmatig juist vindt tegenover wat politiek haalbaar is.",
            "What you judge right as a professional against what is politically feasible.",
        ),
    ),
    TensionField(
        "inhoud-draagvlak",
        _lt("Inhoud en draagvlak", "Content and support"),
        _lt("Inhoud", "Content"),
        _lt("Draagvlak", "Support"),
        _lt(
            "De beste oplossing op de inhoud tegenover wat betrokkenen willen dragen.",
            "The best solution on substance against what those involved will support.",
        ),
    ),
    TensionField(
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
