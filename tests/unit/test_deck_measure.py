"""A deck words the three measure statements itself, or keeps the defaults; the words
travel in the save's deck snapshot, so a replay shows what the teams rated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.domain import models
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import (
    DEFAULT_MEASURE,
    DEFAULT_STATEMENTS,
    GOALS,
    MeasureStatements,
)
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.snapshot import deck_from_data, deck_to_data
from goedwerk_tui.domain.text import LANGUAGES, LocalText
from goedwerk_tui.starter_deck import starter_deck_text
from tests.conftest import DECKS, ROOT, present
from tests.unit.deck_helpers import GOOD_CARD, HEADER, deck_text, errors, messages, parse

OWN = """\
measure:
  ownership: Wij bepalen zelf hoe we een dossier aanpakken.
  identification:
    nl: We zijn trots op de Douane.
    en: We are proud of Customs.
"""


def measured(block: str, header: str = HEADER) -> str:
    """A deck whose top level has ``block`` before its cards."""
    return deck_text(GOOD_CARD, header + block)


def loaded(text: str) -> Deck:
    """The deck, which has no errors (OWN's English makes the test deck's other, Dutch
    texts warn: see the bilingual test)."""
    result = parse(text)
    assert [d for d in result.diagnostics if d.is_error] == []
    return present(result.deck)


def test_a_deck_without_measure_gets_the_default_statements() -> None:
    deck = loaded(deck_text())
    assert deck.measure == DEFAULT_MEASURE
    for goal in GOALS:
        assert deck.statement(goal) == DEFAULT_STATEMENTS[goal]
        assert all(deck.statement(goal).by_lang[lang].strip() for lang in LANGUAGES)


def test_the_statements_are_declared_per_goal_in_the_goals_order() -> None:
    assert tuple(MeasureStatements.__struct_fields__) == GOALS
    with pytest.raises(KeyError):
        DEFAULT_MEASURE.statement("eigenaarschap")


def test_a_deck_words_some_statements_and_keeps_the_defaults_for_the_others() -> None:
    deck = loaded(measured(OWN))
    # a plain string is in the deck's language, as every other text of the file
    assert deck.statement("ownership") == LocalText(
        {"nl": "Wij bepalen zelf hoe we een dossier aanpakken."}
    )
    assert deck.statement("identification").get("en") == "We are proud of Customs."
    assert deck.statement("meaningfulness") == DEFAULT_STATEMENTS["meaningfulness"]


def test_an_english_deck_s_plain_statement_is_english() -> None:
    header = HEADER.replace("language: nl", "language: en")
    deck = loaded(measured("measure:\n  meaningfulness: We see what our work is for.\n", header))
    assert deck.statement("meaningfulness").by_lang == {"en": "We see what our work is for."}


def test_an_unknown_key_in_measure_is_an_error_at_its_line_and_column() -> None:
    text = measured("measure:\n  ownership: Invloed.\n  ownrship: Nog eens.\n")
    assert errors(text) == [
        "deck.yaml:8:3: error: unknown key 'ownrship' in the measure statements "
        "(did you mean 'ownership'?)"
    ]
    assert not parse(text).ok


def test_the_seed_s_dutch_goal_name_points_at_the_key_meant() -> None:
    text = measured("measure:\n  zinvolheid: Ons werk doet ertoe.\n")
    assert [d.render("nl") for d in parse(text).diagnostics] == [
        "deck.yaml:7:3: fout: onbekende sleutel 'zinvolheid' in de stellingen van de meting "
        "(bedoel je 'meaningfulness'?)"
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "measure: [Invloed, Zin, Trots]\n",
            "deck.yaml:6:10: error: expected the measure statements (keys and values), got a list",
        ),
        ("measure:\n  ownership: ''\n", "deck.yaml:7:14: error: text is empty"),
        (
            "measure:\n  ownership: {nl: Invloed, de: Einfluss}\n",
            "deck.yaml:7:28: error: unknown language 'de' in text; use nl or en",
        ),
        (
            "measure:\n  ownership: Invloed.\n  ownership: Nog eens.\n",
            "deck.yaml:8:3: error: duplicate key 'ownership' (first at line 7); "
            "YAML would silently keep only the last one",
        ),
    ],
)
def test_a_wrong_measure_block_says_where_and_what(block: str, message: str) -> None:
    assert errors(measured(block)) == [message]


def test_a_bilingual_deck_is_warned_about_an_untranslated_statement() -> None:
    text = measured(OWN).replace("title: Testdeck", "title: {nl: Testdeck, en: Test deck}")
    assert [m for m in messages(text) if ":7:14:" in m] == [
        "deck.yaml:7:14: warning: plain text in a bilingual deck; "
        "give it in both languages (nl: ..., en: ...)"
    ]


def test_the_schema_describes_the_measure_keys() -> None:
    schema = models.deck_json_schema()["properties"]["measure"]
    assert list(schema["properties"]) == list(GOALS)
    assert schema["additionalProperties"] is False and "required" not in schema
    assert "1-5" in schema["description"]


def _round_trip(deck: Deck) -> tuple[dict[str, Any], Deck]:
    data = json.loads(json.dumps(deck_to_data(deck, [c.id for c in deck.cards])))
    return data, deck_from_data(data)


def test_the_snapshot_carries_the_statements_defaults_included() -> None:
    data, back = _round_trip(loaded(measured(OWN)))
    assert list(data["measure"]) == list(GOALS)
    assert data["measure"]["ownership"] == {"nl": "Wij bepalen zelf hoe we een dossier aanpakken."}
    assert data["measure"]["meaningfulness"] == DEFAULT_STATEMENTS["meaningfulness"].by_lang
    assert back.measure == loaded(measured(OWN)).measure


def test_a_snapshot_keeps_its_words_when_the_defaults_change() -> None:
    """A save written with the defaults of today shows those words, not later ones."""
    data, _ = _round_trip(loaded(deck_text()))
    data["measure"]["ownership"] = {"nl": "Oude woorden.", "en": "Old words."}
    assert deck_from_data(data).statement("ownership").get("en") == "Old words."


@pytest.mark.parametrize("old", [lambda d: d.pop("measure"), lambda d: d.update(measure=None)])
def test_a_snapshot_from_before_the_measure_reads_with_the_defaults(old: Any) -> None:
    data, _ = _round_trip(loaded(measured(OWN)))
    old(data)
    assert deck_from_data(data).measure == DEFAULT_MEASURE


def test_a_partial_snapshot_measure_fills_the_rest_with_defaults() -> None:
    data, _ = _round_trip(loaded(deck_text()))
    data["measure"] = {"identification": "Trots."}  # plain text: Dutch, as 0.1.0 read it
    statements = deck_from_data(data).measure
    assert statements.identification.by_lang == {"nl": "Trots."}
    assert statements.ownership == DEFAULT_STATEMENTS["ownership"]


def test_a_save_replays_with_the_statements_the_deck_had(tmp_path: Path) -> None:
    game = Game.new(loaded(measured(OWN)), ["Rood", "Blauw"], save_dir=tmp_path)
    game.close()
    first = json.loads(game.path.read_text(encoding="utf-8").splitlines()[0])
    assert first["deck"]["measure"]["identification"]["en"] == "We are proud of Customs."
    replayed = read_save(game.path).session.deck
    assert replayed.statement("ownership").get("nl").startswith("Wij bepalen zelf")
    assert replayed.statement("meaningfulness") == DEFAULT_STATEMENTS["meaningfulness"]


def test_the_bundled_decks_word_the_statements_for_their_audience() -> None:
    """The Dutch deck keeps the seed's wording (the defaults); the English deck, played
    at tables of several institutions, words identification itself."""
    dutch = loaded((DECKS / "goed-werk-openbaar-bestuur.yaml").read_text(encoding="utf-8"))
    assert dutch.measure == DEFAULT_MEASURE
    english = loaded((DECKS / "good-work-public-service.yaml").read_text(encoding="utf-8"))
    assert english.statement("identification").by_lang == {
        "en": "We identify with the institution we work for, or with our profession, "
        "and are proud of it."
    }
    assert english.statement("ownership") == DEFAULT_STATEMENTS["ownership"]


@pytest.mark.parametrize(("lang", "proud"), [("nl", "We zijn trots"), ("en", "We are proud")])
def test_the_starter_deck_s_measure_example_works_when_uncommented(lang: str, proud: str) -> None:
    text = starter_deck_text("mijn-deck", lang, None)
    assert "measure:" not in text.replace("# measure:", "")  # commented out as written
    lines = text.splitlines(keepends=True)
    at = lines.index("# measure:\n")
    lines[at : at + 2] = [line.removeprefix("# ") for line in lines[at : at + 2]]
    result = parse("".join(lines))
    assert result.diagnostics == []
    deck = present(result.deck)
    assert deck.statement("identification").get(lang).startswith(proud)
    assert deck.statement("ownership") == DEFAULT_STATEMENTS["ownership"]


def test_the_deck_format_page_quotes_the_default_statements() -> None:
    page = (ROOT / "docs" / "deck-format.md").read_text(encoding="utf-8")
    section = page.split("\n## 8. Measure statements\n", 1)[1].split("\n## ", 1)[0]
    for goal in GOALS:
        texts = DEFAULT_STATEMENTS[goal].by_lang
        assert f"| `{goal}` | no | text | {texts['nl']} / {texts['en']} |" in section
