"""A deck words the three measure statements itself, or keeps the defaults."""

from __future__ import annotations

import pytest

from goedwerk_tui.domain import models
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.measure import (
    DEFAULT_MEASURE,
    DEFAULT_STATEMENTS,
    GOALS,
    MeasureStatements,
)
from goedwerk_tui.domain.text import LANGUAGES, LocalText
from tests.conftest import DECKS, present
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


@pytest.mark.parametrize("name", ["goed-werk-openbaar-bestuur", "good-work-public-service"])
def test_the_bundled_decks_have_every_statement_in_both_languages(name: str) -> None:
    deck = loaded((DECKS / f"{name}.yaml").read_text(encoding="utf-8"))
    for goal in GOALS:
        assert set(deck.statement(goal).by_lang) == set(LANGUAGES), goal
