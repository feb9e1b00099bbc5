"""Every UI string exists in Dutch and English, with the same placeholders."""

from __future__ import annotations

import string

from goedwerk_tui.i18n import CATALOGUES, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_is_in_both_languages() -> None:
    nl, en = CATALOGUES["nl"], CATALOGUES["en"]
    assert sorted(set(nl) - set(en)) == [], "missing in English"
    assert sorted(set(en) - set(nl)) == [], "missing in Dutch"


def test_placeholders_match_between_languages() -> None:
    nl, en = CATALOGUES["nl"], CATALOGUES["en"]
    for key in nl:
        assert placeholders(nl[key]) == placeholders(en[key]), key


def test_no_message_is_empty_or_untranslated_by_accident() -> None:
    nl, en = CATALOGUES["nl"], CATALOGUES["en"]
    assert all(text.strip() for text in nl.values())
    assert all(text.strip() for text in en.values())
    long_identical = [k for k in nl if nl[k] == en[k] and len(words(nl[k])) > 12]
    assert long_identical == []


def words(text: str) -> str:
    """The text around the placeholders ("{path}:1: {problem}" has no words to translate)."""
    literal = "".join(part for part, _, _, _ in string.Formatter().parse(text))
    return "".join(char for char in literal if char.isalpha() or char == " ").strip()


def test_t_fills_placeholders_in_the_asked_language() -> None:
    assert t("ui.status.round", "nl", n=2, total=5) == "Kaart 2 van 5"
    assert t("ui.status.round", "en", n=2, total=5) == "Card 2 of 5"
