"""Turning a deck file into a ``Deck``, explaining every mistake on the way."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.catalogue import (
    BUILTIN_IDS,
    ValueCatalogue,
    build_value,
    builtin_catalogue,
    check_values,
    load_catalogue_file,
)
from goedwerk_tui.domain.deck import BUILTIN_FIELDS, Card, Deck, TensionField
from goedwerk_tui.domain.diagnostics import Diagnostic, FileProblem, did_you_mean
from goedwerk_tui.domain.models import DECK
from goedwerk_tui.domain.schema import Located, Walker, valid, valid_items
from goedwerk_tui.domain.text import LocalText, reflow
from goedwerk_tui.domain.yamlsource import compose, read_text

# What fits the card screen at 80x24 without scrolling: the situation gets about
# ten lines of some 70 columns (the rest holds title, axis, options and keys).
SITUATION_LINES = 10
SITUATION_WIDTH = 70


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
        text = read_text(path, display)
        return parse_deck(text, display, path.parent)
    except FileProblem as problem:
        return DeckResult(None, problem.diagnostics)


def parse_deck(text: str, display: str, base_dir: Path) -> DeckResult:
    """Validate deck text; the deck is None when there are errors."""
    w = Walker(display)
    try:
        root = compose(text, display)
    except FileProblem as problem:
        return DeckResult(None, problem.diagnostics)
    if root is None:
        w.error((1, 1), "the file is empty; a deck needs format, id, title, catalogue and cards")
        return DeckResult(None, w.diagnostics)
    data = DECK.walk(root, w)
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
    cards = _check_cards(data, fields, catalogue, w)
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
        cards=tuple(_card(c, lang) for c in cards),
        description=_text(data.get("description"), lang),
        authors=tuple(valid_items(data.get("authors"))),
    )
    return DeckResult(deck, w.diagnostics)


def _text(value: Any, lang: str) -> LocalText | None:
    return LocalText.of(value, lang) if valid(value) else None


def _texts(values: Any, lang: str) -> tuple[LocalText, ...]:
    return tuple(LocalText.of(v, lang) for v in values) if valid(values) else ()


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
            f"unknown catalogue '{ref}'{did_you_mean(ref, BUILTIN_IDS)}; use "
            + " or ".join(BUILTIN_IDS)
            + ", or a path to a catalogue file relative to this deck",
        )
        return None
    path = base_dir / ref
    try:
        return load_catalogue_file(path, str(path))
    except FileProblem as problem:
        w.error(data["@catalogue"], f"catalogue '{ref}' cannot be used (see below)")
        w.diagnostics.extend(problem.diagnostics)
        return None


def _fields(data: dict[str, Any], w: Walker, lang: str) -> dict[str, TensionField]:
    given = data.get("fields")
    if given is None:
        return {f.id: f for f in BUILTIN_FIELDS}
    fields: dict[str, TensionField] = {}
    for item in valid_items(given):
        if not all(valid(item.get(k)) for k in ("id", "name", "pole_a", "pole_b")):
            continue
        if item["id"] in fields:
            w.error(item["@id"], f"duplicate field id '{item['id']}'")
            continue
        fields[item["id"]] = TensionField(
            item["id"],
            LocalText.of(item["name"], lang),
            LocalText.of(item["pole_a"], lang),
            LocalText.of(item["pole_b"], lang),
            _text(item.get("description"), lang),
        )
    return fields


def _check_cards(
    data: dict[str, Any],
    fields: dict[str, TensionField],
    catalogue: ValueCatalogue | None,
    w: Walker,
) -> list[dict[str, Any]]:
    cards = data.get("cards")
    if not valid(cards):
        return []
    seen: dict[str, int] = {}
    good: list[dict[str, Any]] = []
    known_values = catalogue.by_id if catalogue is not None else None
    for card in cards:
        if not valid(card):
            continue
        card_id = card.get("id")
        ok = valid(card_id)
        if ok and card_id in seen:
            w.error(card["@id"], f"duplicate card id '{card_id}' (first at line {seen[card_id]})")
            ok = False
        elif ok:
            seen[card_id] = card["@id"][0]
        field_id = card.get("field")
        if valid(field_id) and field_id not in fields:
            w.error(
                card["@field"],
                f"unknown tension field '{field_id}'{did_you_mean(field_id, fields)}; "
                f"known fields: {', '.join(fields)}",
            )
            ok = False
        values = card.get("values")
        if valid(values) and known_values is not None:
            for value_id, at in zip(values, values.marks, strict=True):
                if value_id not in known_values:
                    hint = did_you_mean(value_id, known_values)
                    w.error(at, f"unknown value '{value_id}'{hint}; see 'goedwerk values'")
                    ok = False
        if "values" not in card or (valid(values) and not values):
            w.warning(
                card["@"],
                f"card '{card_id}' names no values at stake; add a 'values' list "
                "so players see which values compete",
            )
        _warn_situation(card, w)
        if ok and all(valid(card.get(k)) for k in ("title", "field", "situation")):
            good.append(card)
    return good


def _warn_situation(card: dict[str, Any], w: Walker) -> None:
    situation = card.get("situation")
    if not valid(situation):
        return
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
            w.warning(
                card["@situation"],
                f"situation takes about {lines} lines on an 80x24 screen (at most "
                f"{SITUATION_LINES} fit without scrolling); shorten it",
            )
            return


def _warn_translations(w: Walker) -> None:
    langs = {lang for _, text_langs in w.texts for lang in text_langs}
    if len(langs) < 2:
        return  # not a bilingual file
    for at, text_langs in w.texts:
        missing = sorted(langs - set(text_langs)) if text_langs else []
        if not text_langs:
            w.warning(at, "plain text in a bilingual deck; give it as {nl: ..., en: ...}")
        elif missing:
            w.warning(at, f"missing translation: no '{missing[0]}' text here")


def _card(data: dict[str, Any], lang: str) -> Card:
    return Card(
        id=data["id"],
        title=LocalText.of(data["title"], lang),
        field=data["field"],
        situation=LocalText.of(data["situation"], lang),
        setting=_text(data.get("setting"), lang),
        options=_texts(data.get("options"), lang),
        values=tuple(valid_items(data.get("values"))),
        questions=_texts(data.get("questions"), lang),
        reflection=_text(data.get("reflection"), lang),
        variations=_texts(data.get("variations"), lang),
        tags=tuple(valid_items(data.get("tags"))),
    )


__all__ = ["DeckResult", "Located", "load_deck", "parse_deck", "parse_deck_file"]
