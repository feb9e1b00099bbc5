"""Turning a deck file into a ``Deck``, explaining every mistake on the way.

A deck can hold ten thousand cards, so it is read as a stream: the top-level keys are
composed and walked one at a time, and the ``cards`` list one card at a time. Each
card is checked, built into a ``Card`` and dropped; what the checks that need the
whole deck (unique ids, known fields and values, which may come after the cards in
the file) want of it is kept compactly in ``CardReader``. Every message is the same, in
the same order, as when the whole file was walked as one tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.catalogue import BUILTIN_IDS, ValueCatalogue
from goedwerk_tui.domain.catalogue_file import (
    build_value,
    builtin_catalogue,
    check_values,
    load_catalogue_file,
)
from goedwerk_tui.domain.deck import BUILTIN_FIELDS, Deck, TensionField
from goedwerk_tui.domain.deck_cards import SITUATION_LINES, CardReader
from goedwerk_tui.domain.diagnostics import Diagnostic, FileProblem, did_you_mean
from goedwerk_tui.domain.measure import DEFAULT_MEASURE, MeasureStatements
from goedwerk_tui.domain.messages import OneOf
from goedwerk_tui.domain.models import DECK, TENSION_FIELD, build
from goedwerk_tui.domain.schema import ListOf, Located
from goedwerk_tui.domain.text import LocalText
from goedwerk_tui.domain.walker import INVALID, Walker, valid, valid_items
from goedwerk_tui.domain.yamlsource import (
    YAML_PROBLEMS,
    Composer,
    MappingNode,
    Node,
    SequenceNode,
    read_utf8,
    yaml_problem,
)


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
    cards = CardReader(w)
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
        measure=_measure(data.get("measure"), lang),
        cards=cards.built(lang),
        description=_text(data.get("description"), lang),
        authors=tuple(valid_items(data.get("authors"))),
    )
    return DeckResult(deck, w.diagnostics)


def _read(source: str | bytes, w: Walker, cards: CardReader) -> Any:
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


def _read_cards(composer: Composer, data: dict[str, Any], w: Walker, cards: CardReader) -> Any:
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


def _text(value: Any, lang: str) -> LocalText | None:
    return LocalText.of(value, lang) if valid(value) else None


def _measure(value: Any, lang: str) -> MeasureStatements:
    """The deck's statements: its ``measure:`` block's, the defaults for the goals it
    leaves out (all of them without the block)."""
    if value is None or not valid(value):
        return DEFAULT_MEASURE
    return build(MeasureStatements, value, lang)


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


# what a tension field must have to be built: its required keys, valid
_FIELD_NEEDS = tuple(key for key, spec in TENSION_FIELD.fields.items() if spec.required)


def _fields(data: dict[str, Any], w: Walker, lang: str) -> dict[str, TensionField]:
    given = data.get("fields")
    if given is None:
        return {f.id: f for f in BUILTIN_FIELDS}
    fields: dict[str, TensionField] = {}
    for item in valid_items(given):
        if not all(valid(item.get(k)) for k in _FIELD_NEEDS):
            continue
        if item["id"] in fields:
            w.error(item["@id"], "check.duplicate_field", field=item["id"])
            continue
        fields[item["id"]] = build(TensionField, item, lang)
    return fields


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


__all__ = [
    "SITUATION_LINES",
    "DeckResult",
    "Located",
    "load_deck",
    "parse_deck",
    "parse_deck_file",
]
