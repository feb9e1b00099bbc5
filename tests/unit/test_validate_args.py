"""``goedwerk validate`` takes DECK arguments as every command does, and warns about
a catalogue file that lives outside the deck's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerk_tui.cli import main
from goedwerk_tui.domain.deck_loader import load_deck
from tests.unit.deck_helpers import HEADER, deck_text

CATALOGUE = """\
format: goedwerk-catalogue/1
id: eigen
title: Eigen waarden
source: wij
families:
  - id: kern
    name: Kern
values:
  - id: integriteit
    name: integriteit
    families: [kern]
  - id: loyaliteit
    name: loyaliteit
    families: [kern]
"""


Capture = pytest.CaptureFixture[str]


def validate(capsys: Capture, *names: str) -> tuple[int, str, str]:
    """``goedwerk --lang en validate NAMES...``, in this process."""
    capsys.readouterr()
    code = main(["--lang", "en", "validate", *names])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_accepts_a_bundled_decks_id(capsys: Capture) -> None:
    code, out, err = validate(capsys, "goed-werk-openbaar-bestuur", "good-work-public-service")
    assert (code, out) == (0, "")
    assert err.startswith("ok: 2 files checked, 0 errors, 0 warnings")


def test_an_unknown_deck_id_is_still_no_such_file(capsys: Capture) -> None:
    code, out, _ = validate(capsys, "geen-deck-met-deze-naam")
    assert (code, out) == (1, "geen-deck-met-deze-naam: error: no such file\n")


def deck_with_catalogue(folder: Path, ref: str) -> Path:
    deck = folder / "deck.yaml"
    deck.write_text(
        deck_text(header=HEADER.replace("catalogue: kernaghan-2003", f"catalogue: {ref}")),
        encoding="utf-8",
    )
    return deck


def test_a_catalogue_outside_the_decks_folder_gets_a_warning(
    capsys: Capture, tmp_path: Path
) -> None:
    (tmp_path / "gedeeld").mkdir()
    (tmp_path / "gedeeld" / "waarden.yaml").write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "decks").mkdir()
    deck = deck_with_catalogue(tmp_path / "decks", "../gedeeld/waarden.yaml")
    code, out, err = validate(capsys, str(deck))
    assert code == 0  # a warning, not an error: the deck still plays
    assert out == (
        f"{deck}:5:12: warning: catalogue '../gedeeld/waarden.yaml' is outside the deck's "
        "folder; a deck shared without it cannot be opened (put the catalogue file beside "
        "the deck)\n"
    )
    assert "1 warning" in err
    assert load_deck(deck).catalogue.id == "eigen"


def test_a_catalogue_beside_the_deck_gets_no_warning(capsys: Capture, tmp_path: Path) -> None:
    (tmp_path / "waarden").mkdir()
    (tmp_path / "waarden" / "eigen.yaml").write_text(CATALOGUE, encoding="utf-8")
    deck = deck_with_catalogue(tmp_path, "waarden/eigen.yaml")
    assert validate(capsys, str(deck))[:2] == (0, "")


def test_an_absolute_catalogue_path_elsewhere_gets_a_warning(
    capsys: Capture, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders.yaml"
    elsewhere.write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "decks").mkdir()
    deck = deck_with_catalogue(tmp_path / "decks", str(elsewhere))
    code, out, _ = validate(capsys, str(deck))
    assert code == 0 and ":5:12: warning: catalogue " in out and "outside" in out
