"""A deck as plain JSON data, for the save's first line, and back again.

The snapshot holds what a save needs to replay the same even after the deck file
changes or disappears: the deck's metadata, its tension fields, the cards dealt in
the session and the whole value catalogue players could pick from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from goedwerk_tui.domain.catalogue import Family, PublicValue, ValueCatalogue
from goedwerk_tui.domain.deck import Card, Deck, TensionField
from goedwerk_tui.domain.errors import SnapshotError
from goedwerk_tui.domain.text import LocalText


def _lt(text: LocalText | None) -> dict[str, str] | None:
    return text.to_data() if text is not None else None


def deck_to_data(
    deck: Deck, card_ids: Iterable[str], cards_placeholder: str | None = None
) -> dict[str, Any]:
    """The snapshot; with ``cards_placeholder`` its card list is that one string,
    for a writer that streams the cards in its place (``cards_data``)."""
    catalogue = deck.catalogue
    return {
        "id": deck.id,
        "title": _lt(deck.title),
        "language": deck.language,
        "description": _lt(deck.description),
        "authors": list(deck.authors),
        "catalogue": {
            "id": catalogue.id,
            "ref": deck.catalogue_ref,
            "title": _lt(catalogue.title),
            "source": catalogue.source,
            "families": [
                {"id": f.id, "name": _lt(f.name), "description": _lt(f.description)}
                for f in catalogue.families
            ],
            "values": [
                {
                    "id": v.id,
                    "name": _lt(v.name),
                    "families": list(v.families),
                    "description": _lt(v.description),
                    "related": list(v.related),
                }
                for v in catalogue.values
            ],
        },
        "fields": [
            {
                "id": f.id,
                "name": _lt(f.name),
                "pole_a": _lt(f.pole_a),
                "pole_b": _lt(f.pole_b),
                "description": _lt(f.description),
            }
            for f in deck.fields
        ],
        "cards": [card_to_data(deck.card(card_id)) for card_id in dict.fromkeys(card_ids)]
        if cards_placeholder is None
        else [cards_placeholder],
    }


def cards_data(deck: Deck, card_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The snapshot's cards one at a time, in deal order, each card once."""
    for card_id in dict.fromkeys(card_ids):
        yield card_to_data(deck.card(card_id))


def card_to_data(card: Card) -> dict[str, Any]:
    return {
        "id": card.id,
        "title": _lt(card.title),
        "field": card.field,
        "setting": _lt(card.setting),
        "situation": _lt(card.situation),
        "options": [o.to_data() for o in card.options],
        "values": list(card.values),
        "questions": [q.to_data() for q in card.questions],
        "reflection": _lt(card.reflection),
        "variations": [v.to_data() for v in card.variations],
        "tags": list(card.tags),
    }


def deck_from_data(data: Any) -> Deck:
    """The deck a save was played with; SnapshotError when the snapshot is damaged."""
    try:
        cat = data["catalogue"]
        catalogue = ValueCatalogue(
            id=_str(cat["id"]),
            title=_text(cat["title"]),
            source=_str(cat.get("source") or ""),
            families=tuple(
                Family(_str(f["id"]), _text(f["name"]), _opt(f.get("description")))
                for f in cat["families"]
            ),
            values=tuple(
                PublicValue(
                    _str(v["id"]),
                    _text(v["name"]),
                    _strs(v.get("families") or ()),
                    _opt(v.get("description")),
                    _strs(v.get("related") or ()),
                )
                for v in cat["values"]
            ),
        )
        fields = tuple(
            TensionField(
                _str(f["id"]),
                _text(f["name"]),
                _text(f["pole_a"]),
                _text(f["pole_b"]),
                _opt(f.get("description")),
            )
            for f in data["fields"]
        )
        cards = tuple(
            Card(
                id=_str(c["id"]),
                title=_text(c["title"]),
                field=_str(c["field"]),
                situation=_text(c["situation"]),
                setting=_opt(c.get("setting")),
                options=tuple([_text(o) for o in c.get("options") or ()]),
                values=_strs(c.get("values") or ()),
                questions=tuple([_text(q) for q in c.get("questions") or ()]),
                reflection=_opt(c.get("reflection")),
                variations=tuple([_text(v) for v in c.get("variations") or ()]),
                tags=_strs(c.get("tags") or ()),
            )
            for c in data["cards"]
        )
        deck = Deck(
            id=_str(data["id"]),
            title=_text(data["title"]),
            language=_str(data.get("language") or "nl"),
            catalogue_ref=_str(cat.get("ref") or cat["id"]),
            catalogue=catalogue,
            fields=fields,
            cards=cards,
            description=_opt(data.get("description")),
            authors=_strs(data.get("authors") or ()),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        detail = f"{type(exc).__name__}: {exc}"  # technical words, like a parser's
        raise SnapshotError("snapshot.damaged", detail=detail) from None
    for card in deck.cards:
        if card.field not in deck.fields_by_id:
            raise SnapshotError("snapshot.unknown_field", field=card.field)
    return deck


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _strs(values: Any) -> tuple[str, ...]:
    items = tuple(values)
    for item in items:
        if not isinstance(item, str):
            _str(item)  # raises with the usual message
    return items


def _text(value: Any) -> LocalText:
    if isinstance(value, str):
        return LocalText({"nl": value})
    if not isinstance(value, dict) or not value:
        raise TypeError("expected localized text")
    for lang, text in value.items():
        if not (isinstance(lang, str) and isinstance(text, str)):
            _str(lang)  # raises with the usual message
            _str(text)
    return LocalText(value)  # LocalText does not keep the dict itself


def _opt(value: Any) -> LocalText | None:
    return None if value is None else _text(value)
