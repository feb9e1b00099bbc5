"""Saves written by the play code (``Game``), the same bytes on every run.

The clock is fixed and moves a known step per reading; session ids and save names,
which the game draws from ``secrets``, come from a counter instead.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores

DECK_YAML = """\
format: goedwerk-deck/1
id: debrief-test
title: {nl: "Testdeck voor de nabespreking", en: "Debrief test deck"}
language: nl
catalogue: kernaghan-2003
cards:
  - id: de-cijfers
    title: {nl: "De cijfers", en: "The figures"}
    field: professie-politiek
    setting: {nl: "Beleidsdirectie", en: "Policy department"}
    situation:
      nl: "De minister wil één cijfer in de brief. Het model geeft een bandbreedte. Wat doe je?"
      en: "The minister wants one figure in the letter. The model gives a range. What do you do?"
    options:
      - {nl: "De hele bandbreedte geven", en: "Give the full range"}
      - {nl: "De beste schatting geven", en: "Give the best estimate"}
      - {nl: "Het bovenste getal geven", en: "Give the top figure"}
    values: [eerlijkheid, loyaliteit, deskundigheid]
  - id: het-draagvlak
    title: {nl: "Het draagvlak", en: "The support"}
    field: inhoud-draagvlak
    situation:
      nl: "De beste oplossing stuit op verzet in de wijk. Wat doe je?"
      en: "The best solution meets resistance in the neighbourhood. What do you do?"
    options:
      - {nl: "Doorzetten", en: "Go ahead"}
      - {nl: "Eerst in gesprek", en: "Talk first"}
    values: [effectiviteit, responsiviteit]
  - id: de-agenda
    title: {nl: "De agenda", en: "The agenda"}
    field: agenda-maatschappij
    situation:
      nl: "Het college wil snel scoren; de wijk heeft iets anders nodig. Wat doe je?"
      en: "The board wants a quick win; the neighbourhood needs something else. What do you do?"
    values: [responsiviteit, zorgzaamheid]
"""

START = datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)


@contextlib.contextmanager
def local_zone(name: str) -> Iterator[None]:
    """The machine's time zone is ``name`` (``TZ``, also for subprocesses) meanwhile."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def debrief_deck(folder: Path) -> Deck:
    path = folder / "debrief-test.yaml"
    path.write_text(DECK_YAML, encoding="utf-8")
    return load_deck(path)


def ticking_clock(step: float = 6.0, start: datetime = START) -> Callable[[], datetime]:
    """A clock that moves ``step`` seconds each time it is read."""
    ticks = itertools.count()
    return lambda: start + timedelta(seconds=step * next(ticks))


def fixed_ids(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """``secrets.token_hex`` counts up (1, 2...) so ids and file names repeat."""
    counter = itertools.count(1)
    monkeypatch.setattr("secrets.token_hex", lambda n=16: f"{next(counter):0{2 * n}x}")
    return counter


def play_table_one(deck: Deck, save_dir: Path, clock: Callable[[], datetime]) -> Path:
    """Three teams, three cards: changes of mind, a note, a skipped card, actions."""
    game = Game.new(
        deck,
        ["Beleid", "Uitvoering <b>&", "[x](javascript:alert(1))"],
        save_dir=save_dir,
        clock=clock,
    )
    # card 1, professie-politiek: teams far apart, one changes its mind twice
    game.record_choice("t1", -1, "A", ["eerlijkheid"], ["loyaliteit"], "Eerst *twijfel*")
    game.record_choice("t2", 2, "C", ["deskundigheid"], ["loyaliteit"], "=SUM(A1:A9)")
    game.record_choice("t1", 0, "B", ["eerlijkheid"], [], "Toch het midden")
    game.record_choice("t3", 1, "B", [], ["loyaliteit", "eerlijkheid"], "")
    game.record_choice("t1", -2, "A", ["eerlijkheid", "deskundigheid"], [], "De cijfers | kloppen")
    game.reveal()
    game.add_note("Bespreek: wie is eigenaar van de cijfers?")
    # card 2, inhoud-draagvlak: close together
    game.next()
    game.record_choice("t1", 1, "B", [], ["responsiviteit"], "Eerst praten")
    game.record_choice("t2", 1, "B", [], ["responsiviteit"], "-1 voor doorzetten")
    game.record_choice("t3", 0, None, ["effectiviteit"], ["responsiviteit"], "@iedereen")
    game.reveal()
    # card 3: skipped after one choice
    game.next()
    game.record_choice("t2", 2, None, [], ["zorgzaamheid"], "De wijk eerst")
    game.skip()
    game.next()
    game.record_action("t1", "We leggen cijferafspraken vast met de directie.")
    game.record_action("t3", "<script>alert('actie')</script>")
    game.end()
    game.close()
    return game.path


def play_table_two(deck: Deck, save_dir: Path, clock: Callable[[], datetime]) -> Path:
    """Two teams of another table; the session stops after the first card."""
    game = Game.new(deck, ["Noord", "Zuid"], save_dir=save_dir, clock=clock)
    game.record_choice("t1", 2, "C", [], ["loyaliteit"], "Politiek beslist")
    game.record_choice("t2", -1, "A", ["eerlijkheid"], [], "")
    game.reveal()
    game.next()
    game.record_choice("t1", -2, "A", ["effectiviteit"], [], "Inhoud voorop")
    game.close()  # stopped without revealing: an unfinished session
    return game.path


def golden_saves(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``tafel-1.jsonl`` and ``tafel-2.jsonl`` in ``folder``: the same bytes every run."""
    fixed_ids(monkeypatch)
    deck = debrief_deck(folder)
    first = play_table_one(deck, folder / "play", ticking_clock())
    second = play_table_two(deck, folder / "play", ticking_clock(9.0, START + timedelta(hours=1)))
    one, two = folder / "tafel-1.jsonl", folder / "tafel-2.jsonl"
    shutil.move(first, one)
    shutil.move(second, two)
    return one, two


# ----- "Maar wat als...?" and the before/after measure (issue 10 §4-5) -----------------

VARIATIONS_YAML = DECK_YAML.replace(
    """    values: [eerlijkheid, loyaliteit, deskundigheid]
""",
    """    values: [eerlijkheid, loyaliteit, deskundigheid]
    variations:
      - nl: "Maar wat als de Kamer in een motie om precies deze cijfers vroeg?"
        en: "But what if the House asked for exactly these figures in a motion?"
      - nl: "Maar wat als de bandbreedte <groot> is: 10 tot 90 | procent?"
        en: "But what if the range is <wide>: 10 to 90 | per cent?"
""",
).replace(
    """    values: [effectiviteit, responsiviteit]
""",
    """    values: [effectiviteit, responsiviteit]
    variations:
      - nl: "Maar wat als de wijk al drie keer is gehoord?"
        en: "But what if the neighbourhood has been heard three times already?"
""",
)


def variations_deck(folder: Path) -> Deck:
    path = folder / "debrief-test-variations.yaml"
    path.write_text(VARIATIONS_YAML, encoding="utf-8")
    return load_deck(path)


def play_variations_table(deck: Deck, save_dir: Path, clock: Callable[[], datetime]) -> Path:
    """Two teams measure before and after; card 1 gets two variations (one closed
    without its reveal), card 2 one; a team revises twice, a reason is hostile text."""
    game = Game.new(deck, ["Rood", "Blauw <i>"], save_dir=save_dir, clock=clock, measure=True)
    game.record_measure("before", "t1", Scores(ownership=2, meaningfulness=3, identification=4))
    game.record_measure("before", "t2", Scores(ownership=3, meaningfulness=3, identification=2))
    game.next()
    # card 1: Rood leans to the profession, Blauw to politics
    game.record_choice("t1", -1, "A", ["eerlijkheid", "deskundigheid"], ["loyaliteit"], "Eerlijk")
    game.record_choice("t2", 1, "B", ["deskundigheid"], ["loyaliteit"], "Haalbaar")
    game.reveal()
    game.play_variation(1)  # the motion: Rood moves two steps toward politics
    game.revise_stance("t1", 0, "De Kamer vraagt het")
    game.revise_stance("t2", 1)
    game.revise_stance("t1", 1, "=De Kamer beslist")
    game.reveal_variation()
    game.play_variation(2)  # the wide range: Blauw moves back; closed without its reveal
    game.revise_stance("t2", -1, "Dan [klopt](x) het <niet>")
    # card 2: one variation, nobody moves
    game.next()
    game.record_choice("t1", 1, "B", [], ["responsiviteit"], "")
    game.record_choice("t2", 2, "B", ["effectiviteit"], ["responsiviteit"], "Praten")
    game.reveal()
    game.play_variation(1)
    game.revise_stance("t1", 1, "Blijft")
    game.revise_stance("t2", 2)
    game.reveal_variation()
    game.stop_dealing()
    game.record_measure("after", "t1", Scores(ownership=4, meaningfulness=3, identification=4))
    game.record_measure("after", "t2", Scores(ownership=3, meaningfulness=5, identification=1))
    game.record_action("t1", "We vragen de Kamer wat ze met de cijfers wil.")
    game.end()
    game.close()
    return game.path


def play_variations_table_two(deck: Deck, save_dir: Path, clock: Callable[[], datetime]) -> Path:
    """One team of another table: one card, one variation, the measure before and after."""
    game = Game.new(deck, ["Groen"], save_dir=save_dir, clock=clock, measure=True)
    game.record_measure("before", "t1", Scores(ownership=1, meaningfulness=2, identification=3))
    game.next()
    game.record_choice("t1", 2, "C", [], ["loyaliteit"], "")
    game.reveal()
    game.play_variation(2)
    game.revise_stance("t1", -2, "Dan niet")
    game.reveal_variation()
    game.stop_dealing()
    game.record_measure("after", "t1", Scores(ownership=3, meaningfulness=2, identification=3))
    game.end()
    game.close()
    return game.path


def variation_saves(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``wat-als-1.jsonl`` and ``wat-als-2.jsonl``: variations and measures, same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    fixed_ids(monkeypatch)
    deck = variations_deck(folder)
    first = play_variations_table(deck, folder / "play", ticking_clock())
    second = play_variations_table_two(
        deck, folder / "play", ticking_clock(9.0, START + timedelta(hours=2))
    )
    one, two = folder / "wat-als-1.jsonl", folder / "wat-als-2.jsonl"
    shutil.move(first, one)
    shutil.move(second, two)
    return one, two
