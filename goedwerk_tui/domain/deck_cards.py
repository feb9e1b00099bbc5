"""The cards of a deck as the loader reads them, one at a time.

Each card that passed the schema becomes a ``Card`` at once (while the file has no
errors), and what the checks across the whole deck need of it (unique ids, known
fields and values, which may come after the cards in the file) is kept compactly.
"""

from __future__ import annotations

import math
from array import array
from typing import Any

from msgspec.structs import replace

from goedwerk_tui.domain.deck import Card, TensionField
from goedwerk_tui.domain.diagnostics import did_you_mean
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.models import CARD
from goedwerk_tui.domain.text import LocalText, reflow
from goedwerk_tui.domain.walker import Mark, Walker, valid, valid_items

# What fits the card screen at 80x24 without scrolling: the situation gets about
# ten lines of some 70 columns (the rest holds title, axis, options and keys).
SITUATION_LINES = 10
SITUATION_WIDTH = 70

# what a card must have to be built: its required keys, valid (an invalid id also
# means an error, after which no card is built at all)
_CARD_NEEDS = tuple(key for key, spec in CARD.fields.items() if spec.required)


class CardReader:
    """The deck's cards as they are read: each becomes a ``Card`` at once (while the
    file has no errors; after one, no deck will be made), and what the cross-checks
    need is kept compactly until the whole file has been read.

    Equal texts and ids share one object, as cards repeat tags, value ids and often
    whole texts; the tables for that live only while the deck is read.
    """

    def __init__(self, w: Walker) -> None:
        self.w = w
        # the deck's language when the cards came, or None when not known yet (the
        # ``language`` key comes later or is broken): plain texts then get "nl", and
        # ``built`` relabels them if the deck turns out to be in another language
        self.language: str | None = None
        self._cards: list[Card] | None = []
        # per card, in file order: the Card itself when it has nothing more to say,
        # else (id, field, value ids, warnings); id, field and value marks go in _marks
        self._facts: list[Card | tuple[Any, ...]] = []
        self._marks = array("q")
        self._plain: dict[str, LocalText] = {}
        self._mapped: dict[tuple[tuple[str, str], ...], LocalText] = {}
        self._words: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(self, card: dict[str, Any]) -> None:
        """A card that passed the schema (as ``CARD.walk`` gives it)."""
        marks = self._marks
        card_id = card.get("id")
        if valid(card_id):
            marks.append(_pack(card["@id"]))
        field_id = card.get("field")
        if valid(field_id):
            field_id = self._word(field_id)
            marks.append(_pack(card["@field"]))
        else:
            field_id = None
        values = card.get("values")
        value_ids = None
        if valid(values):
            value_ids = self._words_tuple(values)
            marks.extend(_pack(at) for at in values.marks)
        notes: tuple[tuple[Mark, Message], ...] = ()
        if "values" not in card or (valid(values) and not values):
            notes += ((card["@"], Message("check.card_no_values", card=card_id)),)
        long_situation = _situation_warning(card)
        if long_situation is not None:
            notes += (long_situation,)
        built = None
        if self._cards is not None:
            if self.w.error_count:
                self._drop_cards()
            elif all(valid(card.get(k)) for k in _CARD_NEEDS):
                built = self._card(card, value_ids or ())
                self._cards.append(built)
        if built is not None and not notes:
            self._facts.append(built)
        else:
            self._facts.append((card_id, field_id, value_ids, notes))

    def check(self, fields: dict[str, TensionField], known_values: Any) -> None:
        """The checks across cards, in card order (as ``_check_cards`` always did)."""
        w = self.w
        marks = iter(self._marks)
        seen: dict[str, int] = {}
        notes: tuple[tuple[Mark, Message], ...]
        for facts in self._facts:
            if facts.__class__ is Card:
                card_id, field_id, value_ids, notes = facts.id, facts.field, facts.values, ()
            else:  # mypy cannot tell from ``__class__`` (no isinstance per card: hot path)
                card_id, field_id, value_ids, notes = facts  # type: ignore[misc]  # a tuple
            if valid(card_id):
                at = _unpack(next(marks))
                if card_id in seen:
                    first = seen[card_id]
                    w.error(at, "check.duplicate_card", card=card_id, first=first)
                else:
                    seen[card_id] = at[0]
            if field_id is not None:
                at = _unpack(next(marks))
                if field_id not in fields:
                    w.error(
                        at,
                        "check.unknown_field",
                        field=field_id,
                        hint=did_you_mean(field_id, fields),
                        fields=", ".join(fields),
                    )
            if value_ids is not None:
                for value_id in value_ids:
                    at = _unpack(next(marks))
                    if known_values is not None and value_id not in known_values:
                        hint = did_you_mean(value_id, known_values)
                        w.error(at, "check.unknown_value", value=value_id, hint=hint)
            for at, message in notes:
                w.warning(at, message.code, **message.params)

    def built(self, lang: str) -> tuple[Card, ...]:
        """The cards, their plain texts in ``lang`` (only asked when there were no errors)."""
        cards = self._cards or []
        provisional = self.language or "nl"
        if lang != provisional:  # the language came after the cards: relabel plain texts
            relabel = {id(t): LocalText.one(lang, text) for text, t in self._plain.items()}
            cards = [_relabel(card, relabel) for card in cards]
        self._plain.clear()
        self._mapped.clear()
        self._words.clear()
        self._tuples.clear()
        return tuple(cards)

    def _drop_cards(self) -> None:
        # an error means no deck: the cards built so far are not needed, but their facts
        self._facts = [
            (f.id, f.field, f.values, ()) if f.__class__ is Card else f for f in self._facts
        ]
        self._cards = None
        self._plain.clear()
        self._mapped.clear()

    def _word(self, word: str) -> str:
        return self._words.setdefault(word, word)

    def _words_tuple(self, words: list[str]) -> tuple[str, ...]:
        # ids repeat, and so do lists of them (tags above all): share equal tuples too
        ids = tuple(self._word(w) for w in words)
        return self._tuples.setdefault(ids, ids)

    def _local(self, value: Any) -> LocalText:
        if isinstance(value, str):
            local = self._plain.get(value)
            if local is None:
                local = self._plain[value] = LocalText.one(self.language or "nl", value)
            return local
        key = tuple(value.items())
        local = self._mapped.get(key)
        if local is None:
            local = self._mapped[key] = LocalText(value)
        return local

    def _local_or_none(self, value: Any) -> LocalText | None:
        return self._local(value) if valid(value) else None

    def _locals(self, values: Any) -> tuple[LocalText, ...]:
        return tuple(self._local(v) for v in values) if valid(values) else ()

    def _card(self, data: dict[str, Any], value_ids: tuple[str, ...]) -> Card:
        # The one mapping of a walked object to the model written out by hand (the others
        # are models.build): it runs for every card of a ten-thousand-card deck and shares
        # equal texts, ids and id lists between cards, which keeps a big deck's memory in
        # proportion to its text (tests/unit/test_deck_memory.py). A field added to Card
        # and not here fails test_deck_model's every-field test.
        return Card(
            id=data["id"],
            title=self._local(data["title"]),
            field=self._word(data["field"]),
            situation=self._local(data["situation"]),
            setting=self._local_or_none(data.get("setting")),
            options=self._locals(data.get("options")),
            values=value_ids,
            questions=self._locals(data.get("questions")),
            reflection=self._local_or_none(data.get("reflection")),
            variations=self._locals(data.get("variations")),
            tags=self._words_tuple(valid_items(data.get("tags"))),
        )


def _pack(at: Mark) -> int:
    return at[0] << 32 | at[1]


def _unpack(packed: int) -> Mark:
    return (packed >> 32, packed & 0xFFFFFFFF)


def _relabel(card: Card, relabel: dict[int, LocalText]) -> Card:
    def one(text: LocalText | None) -> Any:
        return relabel.get(id(text), text)

    def many(texts: tuple[LocalText, ...]) -> tuple[LocalText, ...]:
        return tuple(relabel.get(id(t), t) for t in texts)

    return replace(
        card,
        title=one(card.title),
        situation=one(card.situation),
        setting=one(card.setting),
        options=many(card.options),
        questions=many(card.questions),
        reflection=one(card.reflection),
        variations=many(card.variations),
    )


def _situation_warning(card: dict[str, Any]) -> tuple[Mark, Message] | None:
    situation = card.get("situation")
    if not valid(situation):
        return None
    texts = situation.values() if isinstance(situation, dict) else (situation,)
    for text in texts:
        # as the screen shows it: paragraphs reflowed, a blank line between them
        paragraphs = reflow(text).split("\n\n")
        lines = (
            len(paragraphs)
            - 1
            + sum(max(1, math.ceil(len(p) / SITUATION_WIDTH)) for p in paragraphs)
        )
        if lines > SITUATION_LINES:
            message = Message("check.long_situation", lines=lines, most=SITUATION_LINES)
            return (card["@situation"], message)
    return None
