"""The deck model is declared once; the validator's table, the editor schema and the
save's deck snapshot are derived from that declaration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

from goedwerk_tui.domain import models
from goedwerk_tui.domain.catalogue import Family, PublicValue, ValueCatalogue
from goedwerk_tui.domain.deck import MAX_OPTIONS, MIN_OPTIONS, Card, Deck, TensionField
from goedwerk_tui.domain.deck_loader import load_deck, parse_deck
from goedwerk_tui.domain.errors import SnapshotError
from goedwerk_tui.domain.measure import DEFAULT_MEASURE, MeasureStatements
from goedwerk_tui.domain.schema import ListOf, Obj, String, Text
from goedwerk_tui.domain.snapshot import (
    DeckSnapshot,
    damaged,
    dec_hook,
    deck_from_data,
    deck_from_snapshot,
    deck_snapshot,
    deck_to_data,
    enc_hook,
)

ROOT = Path(__file__).resolve().parents[2]

# The first line's deck of a small deck, exactly as goedwerk 0.1.0 wrote it (catalogue
# cut down to what the deck uses).
SNAPSHOT_0_1_0 = (
    '{"id": "klein", "title": {"nl": "Klein deck", "en": "Small deck"}, "language": "nl", '
    '"description": null, "authors": ["Een Auteur"], "catalogue": {"id": "kernaghan-2003", '
    '"ref": "kernaghan-2003", "title": {"nl": "Kernaghan (2003): vier families van publieke '
    'waarden", "en": "Kernaghan (2003): four families of public values"}, "source": '
    '"Kernaghan, K. (2003).", "families": [{"id": "ethisch", "name": {"nl": "Ethisch", '
    '"en": "Ethical"}, "description": {"nl": "Juist handelen.", "en": "Acting rightly."}}], '
    '"values": [{"id": "eigen-waarde", "name": {"nl": "Eigen waarde"}, "families": '
    '["ethisch"], "description": null, "related": []}]}, "fields": [{"id": "een-veld", '
    '"name": {"nl": "Een veld"}, "pole_a": {"nl": "Links"}, "pole_b": {"nl": "Rechts", '
    '"en": "Right"}, "description": null}], "cards": [{"id": "kaart-1", "title": {"nl": '
    '"Een kaart"}, "field": "een-veld", "setting": null, "situation": {"nl": '
    '"Een situatie."}, "options": [{"nl": "Doen"}, {"nl": "Laten"}], "values": '
    '["eigen-waarde"], "questions": [], "reflection": null, "variations": [], "tags": '
    '["gemeente"]}]}'
)


def _declared(cls: type[msgspec.Struct]) -> list[tuple[str, bool]]:
    return [(f.name, f.default is msgspec.NODEFAULT) for f in msgspec.structs.fields(cls)]


def _table(obj: Obj) -> list[tuple[str, bool]]:
    return [(key, spec.required) for key, spec in obj.fields.items()]


@pytest.mark.parametrize(
    ("cls", "obj"),
    [
        (Card, models.CARD),
        (TensionField, models.TENSION_FIELD),
        (PublicValue, models.PUBLIC_VALUE),
        (Family, models.FAMILY),
        (models.CatalogueFile, models.CATALOGUE),
        (models.DeckFile, models.DECK),
        (MeasureStatements, models.MEASURE),
    ],
)
def test_the_validator_table_is_the_declaration(cls: type[msgspec.Struct], obj: Obj) -> None:
    """Same fields, in the same order, required where the declaration has no default."""
    assert _table(obj) == _declared(cls)


def test_the_table_reads_kinds_descriptions_and_bounds_from_the_declaration() -> None:
    card = models.CARD.fields
    assert isinstance(card["id"].kind, String) and card["id"].kind.what == "check.what.id"
    assert isinstance(card["title"].kind, Text) and card["title"].kind.description == (
        "A short title."
    )
    options = card["options"].kind
    assert isinstance(options, ListOf) and isinstance(options.item, Text)
    assert (options.min_items, options.max_items) == (MIN_OPTIONS, MAX_OPTIONS)
    assert options.count_what == "check.count.options"
    language = models.DECK.fields["language"].kind
    assert isinstance(language, String) and language.enum == ("nl", "en")
    cards = models.DECK.fields["cards"].kind
    assert isinstance(cards, ListOf) and cards.item is models.CARD  # one object per Struct


def test_the_runtime_catalogue_has_the_file_fields_but_format() -> None:
    assert ["format", *ValueCatalogue.__struct_fields__] == list(models.CATALOGUE.fields)


def test_the_committed_schema_is_derived_from_the_declaration() -> None:
    committed = json.loads((ROOT / "schema" / "goedwerk-deck.schema.json").read_text("utf-8"))
    assert committed == models.deck_json_schema()
    card = committed["properties"]["cards"]["items"]["properties"]
    assert list(card) == list(Card.__struct_fields__)


def test_a_snapshot_written_by_0_1_0_reads_and_is_written_back_the_same() -> None:
    """The same, and with the statements it was read with: the default ones."""
    deck = deck_from_data(json.loads(SNAPSHOT_0_1_0))
    assert deck.catalogue_ref == "kernaghan-2003"
    assert deck.card("kaart-1").options[1].get("en") == "Laten"
    assert deck.field_of(deck.card("kaart-1")).pole_b.get("en") == "Right"
    assert deck.measure == DEFAULT_MEASURE
    again = json.dumps(deck_to_data(deck, ["kaart-1"]), ensure_ascii=False)
    statements = json.dumps(
        msgspec.to_builtins(DEFAULT_MEASURE, enc_hook=enc_hook), ensure_ascii=False
    )
    assert again == SNAPSHOT_0_1_0.replace(', "cards": ', f', "measure": {statements}, "cards": ')


def test_the_snapshot_struct_decodes_a_save_line_with_the_hooks() -> None:
    class Started(msgspec.Struct, tag_field="event", tag="session_started"):
        deck: DeckSnapshot

    line = '{"event": "session_started", "deck": ' + SNAPSHOT_0_1_0 + "}"
    started = msgspec.json.decode(line, type=Started, dec_hook=dec_hook)
    deck = deck_from_snapshot(started.deck)
    assert deck == deck_from_data(json.loads(SNAPSHOT_0_1_0))
    # written again (a save rewritten from memory): the same, the statements null as read
    again = msgspec.json.decode(msgspec.json.encode(started, enc_hook=enc_hook))
    old = {"event": "session_started", "deck": json.loads(SNAPSHOT_0_1_0)}
    assert again == {**old, "deck": {**old["deck"], "measure": None}}


def test_a_bundled_deck_survives_the_snapshot() -> None:
    deck = load_deck(ROOT / "decks" / "goed-werk-openbaar-bestuur.yaml")
    back = deck_from_data(json.loads(json.dumps(deck_to_data(deck, [c.id for c in deck.cards]))))
    # the snapshot keeps the catalogue without its description, as 0.1.0 did
    assert back == msgspec.structs.replace(
        deck, catalogue=msgspec.structs.replace(deck.catalogue, description=None)
    )
    assert deck_snapshot(deck, []).cards == ()


def _damaged(change: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SNAPSHOT_0_1_0)
    change(data)
    return data


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("catalogue"),
        lambda d: d["cards"][0].update(id=7),
        lambda d: d["cards"][0].update(title={}),
        lambda d: d["cards"][0].update(title={"nl": 1}),
        lambda d: d["cards"][0].update(options="Doen"),
        lambda d: d["fields"].append(None),
        lambda d: d["catalogue"]["values"][0].pop("families"),
        lambda d: d.update(measure=["Invloed"]),
        lambda d: d.update(measure={"ownership": 4}),
        lambda d: d.update(measure={"identification": {}}),
    ],
)
def test_a_damaged_snapshot_is_a_key_not_a_sentence(change: Any) -> None:
    with pytest.raises(SnapshotError) as caught:
        deck_from_data(_damaged(change))
    assert caught.value.code == "snapshot.damaged"
    assert isinstance(caught.value.params["detail"], str)  # technical words, like a parser's


def test_a_snapshot_card_in_an_unknown_field_is_named() -> None:
    data = _damaged(lambda d: d["cards"][0].update(field="weg"))
    with pytest.raises(SnapshotError) as caught:
        deck_from_data(data)
    assert (caught.value.code, caught.value.params) == ("snapshot.unknown_field", {"field": "weg"})


def test_a_snapshot_reads_as_leniently_as_0_1_0_did() -> None:
    """Plain strings as text, and no checks that only files must pass (ids, bounds)."""

    def loosen(d: dict[str, Any]) -> None:
        d.pop("language")
        d["catalogue"].pop("ref")
        d["cards"][0].update(title="Gewoon", options=[{"nl": "Alleen"}], id="Kaart 1")

    deck = deck_from_data(_damaged(loosen))
    assert (deck.language, deck.catalogue_ref) == ("nl", "kernaghan-2003")
    card = deck.card("Kaart 1")
    assert card.title.by_lang == {"nl": "Gewoon"} and len(card.options) == 1


def test_the_model_is_typed_structs() -> None:
    deck = load_deck(ROOT / "decks" / "good-work-public-service.yaml")
    assert isinstance(deck, Deck) and isinstance(deck.cards[0], msgspec.Struct)
    with pytest.raises(AttributeError):
        deck.cards[0].id = "x"  # type: ignore[misc]  # frozen: the assignment is the test


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("catalogue"),
        lambda d: d["cards"][0].update(title={"nl": 1}),
        lambda d: d["fields"].append(None),
    ],
)
def test_a_snapshot_damaged_inside_a_save_line_says_the_same(change: Any) -> None:
    """What the lead's event decoder gets (msgspec's error for the whole line) becomes
    the same SnapshotError as decoding the snapshot alone."""

    class Started(msgspec.Struct):
        deck: DeckSnapshot

    data = _damaged(change)
    with pytest.raises(SnapshotError) as alone:
        deck_from_data(data)
    with pytest.raises(msgspec.ValidationError) as in_line:
        msgspec.json.decode(json.dumps({"deck": data}), type=Started, dec_hook=dec_hook)
    in_save = damaged(in_line.value, at="$.deck")
    assert in_save is not None
    assert (in_save.code, in_save.params) == (alone.value.code, alone.value.params)


def test_an_error_elsewhere_in_the_line_is_not_the_snapshot_s() -> None:
    class Started(msgspec.Struct):
        deck: DeckSnapshot
        decker: int

    line = '{"deck": ' + SNAPSHOT_0_1_0 + ', "decker": "x"}'
    with pytest.raises(msgspec.ValidationError) as caught:
        msgspec.json.decode(line, type=Started, dec_hook=dec_hook)
    assert damaged(caught.value, at="$.deck") is None


FULL_CARD = """\
format: goedwerk-deck/1
id: vol
title: Vol
language: nl
catalogue: kernaghan-2003
cards:
  - id: kaart-1
    title: Een kaart
    field: professie-politiek
    setting: Ergens
    situation: Een situatie.
    options: [Doen, Laten]
    values: [integriteit]
    questions: [Waarom?]
    reflection: Achteraf.
    variations: [Wat als?]
    tags: [gemeente]
"""


def test_the_loader_builds_every_declared_card_field() -> None:
    """The loader's card mapping is written out by hand (a hot loop): every field the
    declaration has must arrive in the Card."""
    result = parse_deck(FULL_CARD, "vol.yaml", Path("."))
    assert result.deck is not None and result.diagnostics == []
    card = result.deck.cards[0]
    written = {line.split(":")[0].strip(" -") for line in FULL_CARD.split("cards:")[1].splitlines()}
    assert written - {""} == set(Card.__struct_fields__)
    for field in msgspec.structs.fields(Card):  # every default is None or ()
        assert getattr(card, field.name) not in (None, ()), field.name
