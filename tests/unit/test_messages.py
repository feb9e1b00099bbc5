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


def test_numbers_have_the_languages_thousands_separator() -> None:
    assert t("file.too_big", "nl", size=17_000_000, limit=16_777_216) == (
        "het bestand is 17.000.000 bytes; de grens is 16.777.216 bytes"
    )
    assert t("file.too_big", "en", size=17_000_000, limit=16_777_216) == (
        "file is 17,000,000 bytes; the limit is 16,777,216 bytes"
    )


def test_a_message_says_file_text_inert_and_on_one_line_in_either_language() -> None:
    from goedwerk_tui.domain.errors import SaveError
    from goedwerk_tui.domain.messages import Message

    problem = Message("event.unknown", event="\x1b]0;titel\x07\nnep")
    warning = SaveError("save.line_ignored", path="s.jsonl", line=3, problem=problem)
    assert warning.message("nl") == (
        "s.jsonl:3: onbekende gebeurtenis '\\u001b]0;titel\\u0007\\nnep'; regel overgeslagen"
    )
    assert str(warning) == ("s.jsonl:3: unknown event '\\u001b]0;titel\\u0007\\nnep'; line ignored")


def test_a_diagnostic_says_its_severity_in_the_language() -> None:
    from goedwerk_tui.domain.diagnostics import ERROR, WARNING, Diagnostic
    from goedwerk_tui.domain.messages import Message

    error = Diagnostic("d.yaml", 2, 5, ERROR, Message("check.duplicate_field", field="x"))
    assert error.render("nl") == "d.yaml:2:5: fout: veld-id 'x' komt twee keer voor"
    assert error.render("en") == str(error) == "d.yaml:2:5: error: duplicate field id 'x'"
    warning = Diagnostic("d.yaml", 0, 0, WARNING, Message("check.missing_translation", lang="en"))
    assert (
        warning.render("nl")
        == "d.yaml: waarschuwing: vertaling ontbreekt: hier staat geen 'en'-tekst"
    )
