"""The definitions of our file formats, in the schema language of ``schema.py``.

These are the single source of truth: the validator walks them and
``goedwerk schema`` turns them into JSON Schema. docs/deck-format.md explains them.
"""

from __future__ import annotations

from typing import Any

from goedwerk_tui.domain.schema import (
    TEXT_DEFINITION,
    Field,
    ListOf,
    Obj,
    Slug,
    String,
    Text,
)
from goedwerk_tui.domain.text import LANGUAGES

DECK_FORMAT = "goedwerk-deck/1"
CATALOGUE_FORMAT = "goedwerk-catalogue/1"

MIN_OPTIONS, MAX_OPTIONS = 2, 6

FAMILY = Obj(
    "check.obj.family",
    {
        "id": Field(Slug("The family's id, unique in the catalogue."), required=True),
        "name": Field(Text("The family's name."), required=True),
        "description": Field(Text("What the values of this family have in common.")),
    },
)

PUBLIC_VALUE = Obj(
    "check.obj.value",
    {
        "id": Field(Slug("The value's id, used in cards' `values` lists."), required=True),
        "name": Field(Text("The value's name as players see it."), required=True),
        "families": Field(
            ListOf(Slug(), "Ids of the families this value belongs to (one or more).", 1),
            required=True,
        ),
        "description": Field(Text("One sentence on what the value asks of a civil servant.")),
        "related": Field(
            ListOf(Slug(), "Ids of related values (for a main value, as in Jørgensen & Bozeman).")
        ),
    },
)

CATALOGUE = Obj(
    "check.obj.catalogue",
    {
        "format": Field(
            String("The file format and its version.", enum=(CATALOGUE_FORMAT,)), required=True
        ),
        "id": Field(Slug("The catalogue's id."), required=True),
        "title": Field(Text("The catalogue's title."), required=True),
        "source": Field(
            String("The citation of the work the catalogue comes from."), required=True
        ),
        "description": Field(Text("What the catalogue is and how to use it.")),
        "families": Field(ListOf(FAMILY, "The families (groups) of values.", 1), required=True),
        "values": Field(ListOf(PUBLIC_VALUE, "The public values.", 1), required=True),
    },
)

TENSION_FIELD = Obj(
    "check.obj.field",
    {
        "id": Field(Slug("The field's id, used in cards' `field`."), required=True),
        "name": Field(Text("The field's name."), required=True),
        "pole_a": Field(Text("The pole at stance -2 (left on the axis)."), required=True),
        "pole_b": Field(Text("The pole at stance +2 (right on the axis)."), required=True),
        "description": Field(Text("What the tension is about.")),
    },
)

CARD = Obj(
    "check.obj.card",
    {
        "id": Field(Slug("The card's id, unique within the deck."), required=True),
        "title": Field(Text("A short title."), required=True),
        "field": Field(Slug("Id of the card's tension field."), required=True),
        "setting": Field(Text("Where the dilemma plays, e.g. 'Douane, Rotterdam'.")),
        "situation": Field(
            Text("The dilemma in 1-3 short paragraphs; it should fit an 80x24 screen."),
            required=True,
        ),
        "options": Field(
            ListOf(
                Text(),
                "Courses of action, shown as A, B, C...",
                MIN_OPTIONS,
                MAX_OPTIONS,
                count_what="check.count.options",
            )
        ),
        "values": Field(ListOf(Slug(), "Ids of the values at stake (from the catalogue).")),
        "questions": Field(ListOf(Text(), "Prompts for the discussion.")),
        "reflection": Field(Text("A view to read after the reveal.")),
        "variations": Field(
            ListOf(Text(), "'What if...?' twists that may tip the choice (De Beuk's technique).")
        ),
        "tags": Field(ListOf(Slug(), "Free tags, e.g. the kind of organisation.")),
    },
)

DECK = Obj(
    "check.obj.deck",
    {
        "format": Field(
            String("The file format and its version.", enum=(DECK_FORMAT,)), required=True
        ),
        "id": Field(Slug("The deck's id."), required=True),
        "title": Field(Text("The deck's title."), required=True),
        "language": Field(
            String("The language of the deck's plain-string text.", enum=LANGUAGES),
            required=True,
        ),
        "description": Field(Text("What the deck is about and for whom.")),
        "authors": Field(ListOf(String(), "Who wrote the deck.")),
        "catalogue": Field(
            String(
                "A built-in catalogue id (kernaghan-2003, jorgensen-bozeman-2007) "
                "or a path to a catalogue file, relative to this deck."
            ),
            required=True,
        ),
        "values": Field(ListOf(PUBLIC_VALUE, "Extra values on top of the catalogue's.")),
        "fields": Field(
            ListOf(TENSION_FIELD, "Tension fields; when absent the three built-in fields apply.", 1)
        ),
        "cards": Field(
            ListOf(CARD, "The dilemma cards.", 1, count_what="check.count.cards"), required=True
        ),
    },
)


def deck_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) for deck files, as editors understand it."""
    schema = DECK.json_schema()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "goedwerk deck (goedwerk-deck/1)",
        **schema,
        "definitions": {"text": TEXT_DEFINITION},
    }
