"""Turning a deck file into a ``Deck``, explaining every mistake on the way.

A deck can hold ten thousand cards, so it is read as a stream: the top-level keys are
composed and walked one at a time, and the ``cards`` list one card at a time. Each
card is checked, built into a ``Card`` and dropped; what the checks that need the
whole deck (unique ids, known fields and values, which may come after the cards in
the file) want of it is kept compactly in ``_Cards``. Every message is the same, in
the same order, as when the whole file was walked as one tree.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.catalogue import BUILTIN_IDS, ValueCatalogue
from goedwerk_tui.domain.catalogue_file import (
    build_value,
    builtin_catalogue,
    check_values,
    load_catalogue_file,
)
from goedwerk_tui.domain.deck import BUILTIN_FIELDS, Card, Deck, TensionField
from goedwerk_tui.domain.diagnostics import Diagnostic, FileProblem, did_you_mean
from goedwerk_tui.domain.messages import Message, OneOf
from goedwerk_tui.domain.models import DECK
from goedwerk_tui.domain.schema import INVALID, ListOf, Located, Mark, Walker, valid, valid_items
from goedwerk_tui.domain.text import LocalText, reflow
from goedwerk_tui.domain.yamlsource import (
    YAML_PROBLEMS,
    Composer,
    MappingNode,
    Node,
    SequenceNode,
    read_utf8,
    yaml_problem,
)

# What fits the card screen at 80x24 without scrolling: the situation gets about
# ten lines of some 70 columns (the rest holds title, axis, options and keys).
SITUATION_LINES = 10
SITUATION_WIDTH = 70


def _cards_kind() -> ListOf:
    kind = DECK.fields["cards"].kind
    assert isinstance(kind, ListOf)  # models.DECK declares ``cards`` a list
    return kind


_CARDS = _cards_kind()  # the list the deck streams


@dataclass
class DeckResult:
    deck: Deck | None
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.deck is not None


def load_deck(path: Path, display: str | None = None) -> Deck:
    """The deck at ``path``, or FileProblem with all its errors."""
    result = parse_deck_file(path, display)
    if result.deck is None:
        raise FileProblem(result.diagnostics)
    return result.deck


def parse_deck_file(path: Path, display: str | None = None) -> DeckResult:
    display = display or str(path)
    try:
        # the parser reads the file's bytes as they are: no decoded copy besides
        return _parse(read_utf8(path, display), display, path.parent)
    except FileProblem as problem:
        return DeckResult(None, problem.diagnostics)


def parse_deck(text: str, display: str, base_dir: Path) -> DeckResult:
    """Validate deck text; the deck is None when there are errors."""
    return _parse(text, display, base_dir)


def _parse(source: str | bytes, display: str, base_dir: Path) -> DeckResult:
    w = Walker(display)
    cards = _Cards(w)
    try:
        data = _read(source, w, cards)
    except FileProblem as problem:
        return DeckResult(None, problem.diagnostics)
    if data is None:
        w.error((1, 1), "check.deck_empty")
        return DeckResult(None, w.diagnostics)
    if not valid(data):
        return DeckResult(None, w.diagnostics)
    lang = data.get("language") if valid(data.get("language")) else "nl"
    catalogue = _resolve_catalogue(data, base_dir, w)
    fields = _fields(data, w, lang)
    deck_values = valid_items(data.get("values"))
    if catalogue is not None:
        family_ids = {f.id for f in catalogue.families}
        check_values(deck_values, family_ids, w, catalogue.by_id)
        complete = [v for v in deck_values if valid(v.get("id")) and valid(v.get("name"))]
        catalogue = catalogue.with_values(tuple(build_value(v, lang) for v in complete))
    if valid(data.get("cards")):
        cards.check(fields, catalogue.by_id if catalogue is not None else None)
    _warn_translations(w)
    if any(d.is_error for d in w.diagnostics) or catalogue is None:
        return DeckResult(None, w.diagnostics)
    deck = Deck(
        id=data["id"],
        title=LocalText.of(data["title"], lang),
        language=lang,
        catalogue_ref=data["catalogue"],
        catalogue=catalogue,
        fields=tuple(fields.values()),
        cards=cards.built(lang),
        description=_text(data.get("description"), lang),
        authors=tuple(valid_items(data.get("authors"))),
    )
    return DeckResult(deck, w.diagnostics)


def _read(source: str | bytes, w: Walker, cards: _Cards) -> Any:
    """The walked top level of the deck (None for an empty file, INVALID when it is not
    a mapping); cards go to ``cards`` as they are read. FileProblem for broken YAML."""
    try:
        composer = Composer(source)  # PyYAML's pure-Python reader can fail here already
        if not composer.start():
            return None
        root = composer.open(MappingNode)
        if root is None:  # a list or a single value: walked whole, to say so
            data = DECK.walk(composer.node(), w)
        else:
            data = DECK.begin(root, w)
            while not composer.at_end():
                key_node = composer.node()
                kind = DECK.member(data, key_node, w) if data is not INVALID else None
                if kind is None:  # left out; read past its value (an anchor may be in it)
                    composer.node()
                    continue
                if kind is _CARDS:
                    value, mark = _read_cards(composer, data, w, cards)
                else:
                    value_node = composer.node()
                    value, mark = kind.walk(value_node, w), value_node.mark
                data[key_node.value] = value
                data["@" + key_node.value] = mark
            composer.skip_end()
            if data is not INVALID:
                data = DECK.finish(data, w)
        composer.finish()
        return data
    except YAML_PROBLEMS as exc:
        raise yaml_problem(exc, source, w.path) from None


def _read_cards(composer: Composer, data: dict[str, Any], w: Walker, cards: _Cards) -> Any:
    """The ``cards`` value and its mark; a list is read and checked card by card."""
    language = data.get("language")
    cards.language = language if valid(language) else None
    listing = composer.open(SequenceNode)
    if listing is None:  # an alias or something else than a list: walked whole, as before
        value_node = composer.node()
        value = _CARDS.walk(value_node, w)
        for card in valid_items(value):
            cards.add(card)
        return value, value_node.mark

    def next_card() -> Node | None:
        return None if composer.at_end() else composer.node()

    count = _CARDS.walk_stream(listing, next_card, w, cards.add)
    composer.skip_end()
    return count, listing.mark


class _Cards:
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
            elif all(valid(card.get(k)) for k in ("title", "field", "situation")):
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


def _text(value: Any, lang: str) -> LocalText | None:
    return LocalText.of(value, lang) if valid(value) else None


def _resolve_catalogue(data: dict[str, Any], base_dir: Path, w: Walker) -> ValueCatalogue | None:
    ref = data.get("catalogue")
    if not valid(ref):
        return None
    if ref in BUILTIN_IDS:
        return builtin_catalogue(ref)
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))
    if not looks_like_path:
        w.error(
            data["@catalogue"],
            "check.unknown_catalogue",
            ref=ref,
            hint=did_you_mean(ref, BUILTIN_IDS),
            builtin=OneOf(BUILTIN_IDS),
        )
        return None
    path = base_dir / ref
    if not _inside(path, base_dir):
        w.warning(data["@catalogue"], "check.catalogue_outside", ref=ref)
    try:
        return load_catalogue_file(path, str(path))
    except FileProblem as problem:
        w.error(data["@catalogue"], "check.catalogue_unusable", ref=ref)
        w.diagnostics.extend(problem.diagnostics)
        return None


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (links and ``..`` resolved) lies in ``folder`` or below it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop: not a place to trust
        return False


def _fields(data: dict[str, Any], w: Walker, lang: str) -> dict[str, TensionField]:
    given = data.get("fields")
    if given is None:
        return {f.id: f for f in BUILTIN_FIELDS}
    fields: dict[str, TensionField] = {}
    for item in valid_items(given):
        if not all(valid(item.get(k)) for k in ("id", "name", "pole_a", "pole_b")):
            continue
        if item["id"] in fields:
            w.error(item["@id"], "check.duplicate_field", field=item["id"])
            continue
        fields[item["id"]] = TensionField(
            item["id"],
            LocalText.of(item["name"], lang),
            LocalText.of(item["pole_a"], lang),
            LocalText.of(item["pole_b"], lang),
            _text(item.get("description"), lang),
        )
    return fields


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


def _warn_translations(w: Walker) -> None:
    langs = w.languages
    if len(langs) < 2:
        return  # not a bilingual file
    # texts in every language have nothing to warn about; the walker kept the others
    for at, text_langs in w.incomplete_texts():
        missing = sorted(langs - set(text_langs)) if text_langs else []
        if not text_langs:
            w.warning(at, "check.plain_in_bilingual")
        elif missing:
            w.warning(at, "check.missing_translation", lang=missing[0])


__all__ = ["DeckResult", "Located", "load_deck", "parse_deck", "parse_deck_file"]
