"""Validated decks are cached, and a cache that is not current is never used."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.deck_source import open_deck
from goedwerk_tui.domain import deck_cache
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.snapshot import deck_to_data
from goedwerk_tui.files import CommandError
from goedwerk_tui.locations import cache_dir
from tests.conftest import DECKS, present
from tests.unit.deck_helpers import GOOD_CARD, HEADER, deck_text


def snapshot(deck: Deck) -> dict[str, Any]:
    return deck_to_data(deck, [card.id for card in deck.cards])


def entries() -> list[Path]:
    return sorted(cache_dir().glob("*.json"))


def test_the_second_open_comes_from_the_cache_and_is_the_same_deck(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes((DECKS / "goed-werk-openbaar-bestuur.yaml").read_bytes())
    first = open_deck(str(path))
    assert len(entries()) == 1
    assert deck_cache.load(cache_dir(), path) is not None
    second = open_deck(str(path))
    assert snapshot(second) == snapshot(first)


def test_a_changed_deck_is_read_again_and_its_mistakes_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    assert open_deck(str(path)).cards[0].title.get("nl") == "Een kaart"
    path.write_text(deck_text().replace("Een kaart", "Andere kaart"), encoding="utf-8")
    assert open_deck(str(path)).cards[0].title.get("nl") == "Andere kaart"
    path.write_text(deck_text().replace("title: Een kaart", "title: NO"), encoding="utf-8")
    with pytest.raises(CommandError, match="YAML reads NO"):
        open_deck(str(path))


def test_a_changed_catalogue_file_is_read_again(tmp_path: Path) -> None:
    catalogue = tmp_path / "eigen.yaml"
    text = (
        "format: goedwerk-catalogue/1\nid: eigen\ntitle: Eigen\nsource: wij\n"
        "families: [{id: kern, name: Kern}]\n"
        "values: [{id: lef, name: Lef, families: [kern]}]\n"
    )
    catalogue.write_text(text, encoding="utf-8")
    path = tmp_path / "deck.yaml"
    card = GOOD_CARD.replace("[integriteit, loyaliteit]", "[lef]")
    path.write_text(deck_text(card, HEADER.replace("kernaghan-2003", "eigen.yaml")), "utf-8")
    assert present(open_deck(str(path)).catalogue.value("lef")).name.get("nl") == "Lef"
    catalogue.write_text(text.replace("name: Lef", "name: Moed genoeg"), encoding="utf-8")
    assert present(open_deck(str(path)).catalogue.value("lef")).name.get("nl") == "Moed genoeg"
    catalogue.write_text(text.replace("id: lef", "id: durf"), encoding="utf-8")
    with pytest.raises(CommandError, match="unknown value 'lef'"):
        open_deck(str(path))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: "not json",
        lambda entry: json.dumps({**entry, "app_version": "0.0.0"}),
        lambda entry: json.dumps({**entry, "deck": {"id": 3}}),
        lambda entry: json.dumps([entry]),
        lambda entry: json.dumps({**entry, "catalogue": {"path": 5}}),
    ],
)
def test_a_damaged_or_foreign_cache_entry_is_ignored(
    tmp_path: Path, damage: Callable[[dict[str, Any]], str]
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    expected = snapshot(open_deck(str(path)))
    [entry_path] = entries()
    entry_path.write_text(damage(json.loads(entry_path.read_text("utf-8"))), encoding="utf-8")
    assert deck_cache.load(cache_dir(), path) is None
    assert snapshot(open_deck(str(path))) == expected


def test_an_unwritable_cache_folder_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("GOEDWERK_CACHE", str(blocked / "cache"))
    path = tmp_path / "deck.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    assert open_deck(str(path)).cards[0].id == "kaart-1"
