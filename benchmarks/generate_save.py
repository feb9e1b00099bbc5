"""A large, valid save for benchmarks: 500 cards, 5 teams, 4 choices per team per card.

That is 10,000 ``choice_recorded`` events (each team changes its mind three times
on every card) plus deals, reveals, a note per card and the closing actions. The
events come from the real ``Session`` rules and are written in the same line format
as ``SaveLog.append`` (without an fsync per line, which only makes generating slow).

    python benchmarks/generate_save.py [PATH] [--cards N]   # default: out/save-10k.jsonl
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

from goedwerk_tui.domain.catalogue_file import builtin_catalogue
from goedwerk_tui.domain.deck import BUILTIN_FIELDS, Card, Deck
from goedwerk_tui.domain.events import Event, encode_event, stamped
from goedwerk_tui.domain.savelog import iso
from goedwerk_tui.domain.session import Session, Settings, Team
from goedwerk_tui.domain.text import LocalText

OUT = Path(__file__).resolve().parent / "out"
CARDS, TEAMS, CHOICES_PER_TEAM = 500, 5, 4


def _text(nl: str, en: str) -> LocalText:
    return LocalText({"nl": nl, "en": en})


def big_deck(count: int = CARDS) -> Deck:
    catalogue = builtin_catalogue("kernaghan-2003")
    values = [v.id for v in catalogue.values]
    cards = tuple(
        Card(
            id=f"kaart-{i:04d}",
            title=_text(f"Dilemma {i}: de cijfers in de brief", f"Dilemma {i}: the figures"),
            field=BUILTIN_FIELDS[i % 3].id,
            setting=_text("Beleidsdirectie, ministerie", "Policy department, ministry"),
            situation=_text(
                "De minister wil één cijfer in de Kamerbrief; het model geeft een "
                "bandbreedte. De politiek assistent vraagt het hoogste getal te noemen. "
                "Het debat is donderdag. Wat doe je?",
                "The minister wants one figure in the letter to Parliament; the model "
                "gives a range. The political adviser asks for the top figure. The "
                "debate is on Thursday. What do you do?",
            ),
            options=tuple(
                _text(f"Optie {c} bij kaart {i}", f"Option {c} on card {i}") for c in "ABCD"
            ),
            values=tuple(values[(i + k) % len(values)] for k in range(4)),
        )
        for i in range(1, count + 1)
    )
    return Deck(
        id="benchmark-deck",
        title=_text("Benchmarkdeck", "Benchmark deck"),
        language="nl",
        catalogue_ref=catalogue.id,
        catalogue=catalogue,
        fields=BUILTIN_FIELDS,
        cards=cards,
    )


WORDS = (
    "de cijfers moeten kloppen want de minister moet het kunnen uitleggen aan de Kamer "
    "en wij zijn verantwoordelijk voor de kwaliteit van het advies; het draagvlak in de "
    "wijk is klein, de uitvoering heeft geen capaciteit, burgers verdienen eerlijkheid"
).split()


def rationale(rng: random.Random) -> str:
    """A different sentence of 8 to 30 words each time, as teams write them."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))).capitalize() + "."


class SaveWriter:
    """Events through the session's rules into a save's lines: stamped, written, applied
    (as ``Game.commit`` does, without fsync: benchmark inputs, not a session)."""

    def __init__(
        self, out: BinaryIO, session: Session, start: datetime, step: Callable[[], timedelta]
    ) -> None:
        self.out, self.session, self.now, self.step = out, session, start, step
        self.seq = 0

    def commit(self, event: Event) -> None:
        self.now += self.step()
        written = stamped(event, self.seq, iso(self.now))
        self.out.write(encode_event(written) + b"\n")
        self.session.apply(written)
        self.seq += 1


def generate(path: Path, seed: int = 7, cards: int = CARDS) -> Path:
    rng = random.Random(seed)
    deck = big_deck(cards)
    values = [v.id for v in deck.catalogue.values]
    session = Session(
        session_id="benchmark0000001",
        deck=deck,
        teams=[Team(f"t{i}", f"Team {i}") for i in range(1, TEAMS + 1)],
        cards=[c.id for c in deck.cards],
        settings=Settings(),
        language="nl",
        app_version="bench",
    )
    start = datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        commit = SaveWriter(
            out, session, start, lambda: timedelta(seconds=rng.randint(2, 20))
        ).commit
        commit(session.start_event())
        for _ in deck.cards:
            commit(session.deal())
            for _ in range(CHOICES_PER_TEAM):
                for team in session.team_ids:
                    picked = rng.sample(values, 3)
                    commit(
                        session.record_choice(
                            team,
                            rng.choice((-2, -1, 0, 1, 2)),
                            rng.choice("ABCD"),
                            picked[:2],
                            picked[2:],
                            rationale(rng),
                            seconds=float(rng.randint(5, 300)),
                        )
                    )
            commit(session.reveal())
            commit(session.add_note("Bespreek: wie is eigenaar van de cijfers?"))
        commit(session.start_closing())
        for team in session.team_ids:
            commit(session.record_action(team, "We maken cijferafspraken met de directie."))
        commit(session.end())
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=OUT / "save-10k.jsonl")
    parser.add_argument("--cards", type=int, default=CARDS, help="cards in the save")
    args = parser.parse_args(argv)
    print(generate(args.path, cards=args.cards))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
