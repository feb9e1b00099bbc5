"""Each mistake a trainer can make gets one clear line pointing at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import present
from tests.unit.deck_helpers import GOOD_CARD, HEADER, deck_text, errors, messages, parse


def test_a_good_deck_loads_without_messages() -> None:
    result = parse(deck_text())
    assert result.ok
    assert result.diagnostics == []
    card = present(result.deck).cards[0]
    assert card.title.get("nl") == "Een kaart"
    assert present(result.deck).field_of(card).pole_a.get("nl") == "Professionele opvatting"


def test_yaml_syntax_error_has_line_and_column() -> None:
    assert errors("format: [goedwerk\nid: x\n") == [
        "deck.yaml:2:3: error: YAML syntax error: did not find expected ',' or ']'"
    ]


def test_duplicate_key_is_an_error_not_silently_last_wins() -> None:
    text = deck_text(GOOD_CARD + "  title: Nog een titel\n")
    assert errors(text) == [
        "deck.yaml:12:5: error: duplicate key 'title' (first at line 8); "
        "YAML would silently keep only the last one"
    ]


def test_unknown_key_suggests_the_right_one() -> None:
    text = deck_text(GOOD_CARD + "  reflectie: iets\n")
    assert errors(text) == [
        "deck.yaml:12:5: error: unknown key 'reflectie' in a card (did you mean 'reflection'?)"
    ]


@pytest.mark.parametrize(
    ("literal", "reads_as"),
    [("NO", "a yes/no value"), ("1.10", "a number"), ("2024-05-01", "a date"), ("42", "a number")],
)
def test_yaml_1_1_surprises_in_text_fields_are_explained(literal: str, reads_as: str) -> None:
    text = deck_text(GOOD_CARD.replace("title: Een kaart", f"title: {literal}"))
    assert errors(text) == [
        f"deck.yaml:8:12: error: expected text, but YAML reads {literal} as {reads_as}; "
        f'put it in quotes: "{literal}"'
    ]


def test_quoted_surprise_is_fine() -> None:
    assert parse(deck_text(GOOD_CARD.replace("title: Een kaart", 'title: "NO"'))).ok


def test_wrong_types() -> None:
    text = deck_text(GOOD_CARD.replace("values: [integriteit, loyaliteit]", "values: integriteit"))
    assert errors(text) == [
        "deck.yaml:11:13: error: expected a list (like [a, b] or '- a' lines), got a single value"
    ]
    assert errors(HEADER + "cards: {a: 1}\n") == [
        "deck.yaml:6:8: error: expected a list (like [a, b] or '- a' lines), got a mapping"
    ]


def test_missing_required_keys_are_all_reported() -> None:
    text = deck_text("- id: kaart-1\n  field: inhoud-draagvlak\n")
    assert errors(text) == [
        "deck.yaml:7:5: error: a card is missing the required key 'title'",
        "deck.yaml:7:5: error: a card is missing the required key 'situation'",
    ]
    assert errors("format: goedwerk-deck/1\nid: x\ntitle: x\nlanguage: nl\ncards: []\n") == [
        "deck.yaml:5:8: error: the list is empty; give at least one",
        "deck.yaml:1:1: error: the deck is missing the required key 'catalogue'",
    ]


def test_duplicate_card_ids() -> None:
    text = deck_text(GOOD_CARD + GOOD_CARD)
    assert errors(text) == ["deck.yaml:12:9: error: duplicate card id 'kaart-1' (first at line 7)"]


def test_unknown_references_get_suggestions() -> None:
    card = GOOD_CARD.replace("professie-politiek", "professie-politek").replace(
        "integriteit", "integritiet"
    )
    assert errors(deck_text(card)) == [
        "deck.yaml:9:12: error: unknown tension field 'professie-politek' "
        "(did you mean 'professie-politiek'?); known fields: "
        "professie-politiek, inhoud-draagvlak, agenda-maatschappij",
        "deck.yaml:11:14: error: unknown value 'integritiet' (did you mean 'integriteit'?); "
        "see 'goedwerk values'",
    ]
    header = HEADER.replace("kernaghan-2003", "kernaghan")
    assert errors(deck_text(header=header)) == [
        "deck.yaml:5:12: error: unknown catalogue 'kernaghan' (did you mean 'kernaghan-2003'?); "
        "use kernaghan-2003 or jorgensen-bozeman-2007, or a path to a catalogue file "
        "relative to this deck"
    ]


def test_bad_slug() -> None:
    assert errors(deck_text(GOOD_CARD.replace("id: kaart-1", "id: Kaart 1"))) == [
        "deck.yaml:7:9: error: 'Kaart 1' is not a valid id: use lowercase letters a-z, "
        "digits 0-9 and '-' (like 'my-card-1')"
    ]


@pytest.mark.parametrize("count", [1, 7])
def test_options_outside_two_to_six(count: int) -> None:
    options = "  options: [" + ", ".join(f"optie {i}" for i in range(count)) + "]\n"
    assert errors(deck_text(GOOD_CARD + options)) == [
        f"deck.yaml:12:14: error: give 2 to 6 options; this has {count}"
    ]


def test_aliases_are_rejected_and_an_alias_bomb_fails_fast() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    text = HEADER + "\n".join(lines) + "\ncards: *a29\n"
    found = errors(text)
    assert any("anchors and aliases" in line for line in found)
    assert len(found) < 40  # one message per reused value, not one per expansion


def test_python_tags_are_impossible() -> None:
    card = GOOD_CARD + '  tags: !!python/object/apply:os.system ["touch /tmp/pwned"]\n'
    assert errors(deck_text(card)) == [
        "deck.yaml:12:11: error: tag '!!python/object/apply:os.system' is not allowed; "
        "decks hold plain text, lists and keys"
    ]


@pytest.mark.parametrize(
    ("escape", "described"),
    [
        ("\\e[2J", "ESC (U+001B, starts an ANSI escape sequence)"),
        ("\\u202e", "U+202E (a bidirectional control character)"),
        ("\\x07", "U+0007 (a control character)"),
        ("\\x9b", "U+009B (a control character)"),
    ],
)
def test_control_and_bidi_characters_are_errors(escape: str, described: str) -> None:
    card = GOOD_CARD.replace("title: Een kaart", f'title: "Een {escape} kaart"')
    assert errors(deck_text(card)) == [
        f"deck.yaml:8:12: error: text contains {described}, which could rewrite the "
        "terminal; remove it"
    ]


def test_markup_is_plain_text_in_a_deck() -> None:
    card = GOOD_CARD.replace("title: Een kaart", 'title: "[bold]Vet[/bold] [link=http://x]y"')
    result = parse(deck_text(card))
    assert result.ok
    assert present(result.deck).cards[0].title.get("nl") == "[bold]Vet[/bold] [link=http://x]y"


def test_files_over_the_size_limit_are_rejected(tmp_path: Path) -> None:
    from goedwerk_tui.domain.deck_loader import parse_deck_file
    from goedwerk_tui.domain.yamlsource import MAX_FILE_BYTES

    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = parse_deck_file(big)
    assert [str(d) for d in result.diagnostics] == [
        f"{big}: error: file is {MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"
    ]


def test_warnings_for_poor_cards_but_the_deck_still_loads() -> None:
    long_situation = "Dit is een lange zin over een lastige situatie op het werk. " * 14
    card = (
        "- id: kaart-1\n  title: Een kaart\n  field: professie-politiek\n"
        f"  situation: {long_situation}\n"
    )
    result = parse(deck_text(card))
    assert result.ok
    assert [str(d) for d in result.diagnostics] == [
        "deck.yaml:7:5: warning: card 'kaart-1' names no values at stake; add a 'values' "
        "list so players see which values compete",
        "deck.yaml:10:16: warning: situation takes about 12 lines on an 80x24 screen "
        "(at most 10 fit without scrolling); shorten it",
    ]


def test_missing_translation_in_a_bilingual_deck() -> None:
    card = GOOD_CARD.replace("title: Een kaart", "title: {nl: Een kaart, en: A card}").replace(
        "situation: Een situatie waarin je moet kiezen.", "situation: {nl: Een situatie.}"
    )
    assert messages(deck_text(card)) == [
        "deck.yaml:3:8: warning: plain text in a bilingual deck; "
        "give it in both languages (nl: ..., en: ...)",
        "deck.yaml:10:16: warning: missing translation: no 'en' text here",
    ]


def test_all_errors_of_a_file_in_one_run() -> None:
    card = (
        "- id: Kaart\n  title: NO\n  field: onbekend\n  situation: x\n"
        "  values: [integritiet]\n  extra: 1\n"
    )
    assert len(errors(deck_text(card))) == 5


def test_catalogue_by_relative_path(tmp_path: Path) -> None:
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "eigen.yaml").write_text(
        "format: goedwerk-catalogue/1\nid: eigen\ntitle: Eigen\nsource: wij\n"
        "families: [{id: kern, name: Kern}]\n"
        "values: [{id: lef, name: Lef, families: [kern]}]\n",
        encoding="utf-8",
    )
    header = HEADER.replace("kernaghan-2003", "cat/eigen.yaml")
    card = GOOD_CARD.replace("[integriteit, loyaliteit]", "[lef]")
    result = parse(deck_text(card, header), tmp_path)
    assert result.ok, result.diagnostics
    assert present(present(result.deck).catalogue.value("lef")).name.get("nl") == "Lef"
    broken = GOOD_CARD.replace("[integriteit, loyaliteit]", "[leef]")
    assert (
        "unknown value 'leef' (did you mean 'lef'?)"
        in errors(deck_text(broken, header), tmp_path)[0]
    )


def test_deck_values_extend_the_catalogue() -> None:
    header = HEADER + "values:\n  - id: lef\n    name: Lef\n    families: [mensgericht]\n"
    card = GOOD_CARD.replace("[integriteit, loyaliteit]", "[lef, integriteit]")
    result = parse(deck_text(card, header))
    assert result.ok
    assert present(result.deck).catalogue.value("lef") is not None
    wrong = HEADER + "values:\n  - id: lef\n    name: Lef\n    families: [mensgerigt]\n"
    assert errors(deck_text(GOOD_CARD, wrong)) == [
        "deck.yaml:9:16: error: unknown family 'mensgerigt' (did you mean 'mensgericht'?)"
    ]


def test_own_tension_fields_replace_the_built_in_ones() -> None:
    header = HEADER + (
        "fields:\n  - id: snel-zorgvuldig\n    name: Snel of zorgvuldig\n"
        "    pole_a: Snelheid\n    pole_b: Zorgvuldigheid\n"
    )
    card = GOOD_CARD.replace("professie-politiek", "snel-zorgvuldig")
    result = parse(deck_text(card, header))
    assert result.ok
    assert [f.id for f in present(result.deck).fields] == ["snel-zorgvuldig"]
    assert not parse(deck_text(GOOD_CARD, header)).ok


def test_empty_and_non_mapping_files() -> None:
    assert errors("") == [
        "deck.yaml:1:1: error: the file is empty; "
        "a deck needs format, id, title, catalogue and cards"
    ]
    assert errors("- a\n") == [
        "deck.yaml:1:1: error: expected the deck (keys and values), got a list"
    ]
    assert "one YAML document" in errors("a: 1\n---\nb: 2\n")[0]


def test_empty_text_in_a_language_mapping_is_an_error() -> None:
    card = GOOD_CARD.replace("title: Een kaart", 'title: {nl: "Een kaart", en: "  "}')
    assert errors(deck_text(card)) == ["deck.yaml:8:34: error: the 'en' text is empty"]


def test_a_complex_key_gets_a_readable_message() -> None:
    card = GOOD_CARD + "  ? [a, b]\n  : x\n"
    assert errors(deck_text(card)) == [
        "deck.yaml:12:7: error: keys must be plain words; this key is not"
    ]


def test_deck_values_may_relate_to_catalogue_values() -> None:
    header = HEADER + (
        "values:\n  - id: lef\n    name: Lef\n    families: [mensgericht]\n"
        "    related: [moed, moedd]\n"
    )
    assert errors(deck_text(GOOD_CARD, header)) == [
        "deck.yaml:10:21: error: unknown related value 'moedd' (did you mean 'moed'?)"
    ]


def test_hand_wrapped_situations_are_counted_as_the_screen_shows_them() -> None:
    wrapped = "\n".join(["    Een korte regel."] * 14)
    card = GOOD_CARD.replace(
        "situation: Een situatie waarin je moet kiezen.", "situation: |\n" + wrapped
    )
    assert messages(deck_text(card)) == []  # 14 short lines read as one paragraph


def test_duplicate_family_ids_in_a_catalogue() -> None:
    from goedwerk_tui.domain.catalogue_file import parse_catalogue

    text = (
        "format: goedwerk-catalogue/1\nid: c\ntitle: C\nsource: s\n"
        "families: [{id: a, name: A}, {id: a, name: B}]\n"
        "values: [{id: v, name: V, families: [a]}]\n"
    )
    catalogue, walker = parse_catalogue(text, "cat.yaml")
    assert catalogue is None
    assert [str(d) for d in walker.diagnostics] == ["cat.yaml:5:35: error: duplicate family id 'a'"]


def test_an_anchor_is_refused_even_without_an_alias() -> None:
    card = GOOD_CARD.replace("values: [integriteit, loyaliteit]", "values: &v [integriteit]")
    assert errors(deck_text(card)) == [
        "deck.yaml:11:13: error: YAML anchors and aliases (&name, *name) are not allowed; "
        "write the value out"
    ]
