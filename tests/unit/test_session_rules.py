"""The rules of a session, on the pure ``Session`` object: no files, no clock.

Each intent returns an event; applying the events in order is the whole state, so
these tests drive the session the way the save log does: check, stamp, apply.
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import Event, encode_event, stamped
from goedwerk_tui.domain.session import (
    CHOOSING,
    CLOSING,
    ENDED,
    MAX_RATIONALE,
    REVEALED,
    STARTING,
    Session,
    Settings,
    Team,
)
from tests.unit.deck_helpers import deck_text, parse

CARDS = """\
- id: kaart-1
  title: Eerste kaart
  field: professie-politiek
  situation: De minister wil de cijfers liever in een bijlage.
  options: [Doen, Laten, Uitstellen]
  values: [integriteit, loyaliteit]
- id: kaart-2
  title: Tweede kaart
  field: inhoud-draagvlak
  situation: Het draagvlak in de wijk is klein.
  values: [openheid]
- id: kaart-3
  title: Derde kaart
  field: agenda-maatschappij
  situation: De verkiezingen komen eraan.
  options: [Nu, Later]
  values: [moed]
"""


def small_deck() -> Deck:
    result = parse(deck_text(CARDS))
    assert result.deck is not None, [str(d) for d in result.diagnostics]
    return result.deck


class Table:
    """A session plus the stamping a save log does (seq and ts), without any file."""

    def __init__(self, cards: list[str] | None = None, teams: int = 2) -> None:
        names = ["Rood", "Blauw", "Groen"][:teams]
        self.session = Session(
            session_id="0123456789abcdef",
            deck=small_deck(),
            teams=[Team(f"t{i}", name) for i, name in enumerate(names, start=1)],
            cards=cards or ["kaart-1", "kaart-2", "kaart-3"],
            settings=Settings(),
            language="nl",
            app_version="test",
        )
        # every line as the save holds it (JSON objects)
        self.events: list[dict[str, Any]] = []
        self.written: list[Event] = []  # the same events, as the session applied them
        self.play(self.session.start_event())

    def play(self, event: Event) -> dict[str, Any]:
        written = stamped(event, len(self.events), f"2025-03-01T08:00:{len(self.events):02d}Z")
        self.session.apply(written)
        self.written.append(written)
        line: dict[str, Any] = msgspec.json.decode(encode_event(written))
        self.events.append(line)
        return line

    def choose(self, team: str, stance: int = 0, option: str | None = None, **kw: Any) -> None:
        values_a = kw.pop("values_a", ["integriteit"])
        values_b = kw.pop("values_b", ["loyaliteit"])
        self.play(self.session.record_choice(team, stance, option, values_a, values_b, **kw))


def test_a_whole_session_gives_the_events_in_order() -> None:
    table = Table(cards=["kaart-1", "kaart-2"])
    s = table.session
    assert s.phase == STARTING and s.current is None  # nothing dealt yet

    table.play(s.deal())
    assert s.phase == CHOOSING
    assert s.current_card is not None and s.current_card.id == "kaart-1"
    assert s.current_field is not None and s.current_field.id == "professie-politiek"
    table.choose("t1", -2, "A", rationale="De Kamer moet het weten.")
    table.choose("t2", 1, "C", values_a=["integriteit"], values_b=["loyaliteit", "openheid"])
    table.play(s.reveal())
    assert s.phase == REVEALED
    table.play(s.add_note("Rood en Blauw zien loyaliteit anders."))
    table.play(s.deal())
    table.play(s.skip())
    assert not s.has_next_card
    table.play(s.start_closing())
    assert s.phase == CLOSING
    table.play(s.record_action("t1", "We bespreken tegenvallers voortaan eerst in het team."))
    table.play(s.record_action("t2", "We vragen vaker om een gesprek met de directeur."))
    table.play(s.end())
    assert s.phase == ENDED

    assert [e["event"] for e in table.events] == [
        "session_started",
        "card_dealt",
        "choice_recorded",
        "choice_recorded",
        "card_revealed",
        "note_added",
        "card_dealt",
        "card_skipped",
        "closing_started",
        "action_recorded",
        "action_recorded",
        "session_ended",
    ]
    first, second = s.rounds
    assert (first.number, first.card_id, first.revealed) == (1, "kaart-1", True)
    assert not first.skipped
    assert first.notes == ["Rood en Blauw zien loyaliteit anders."]
    assert first.choices["t1"].stance == -2 and first.choices["t1"].option == "A"
    assert first.choices["t1"].rationale == "De Kamer moet het weten."
    assert first.choices["t2"].values_b == ("loyaliteit", "openheid")
    assert (second.card_id, second.skipped, second.choices) == ("kaart-2", True, {})
    assert s.played_rounds == [first]
    assert s.actions == {
        "t1": "We bespreken tegenvallers voortaan eerst in het team.",
        "t2": "We vragen vaker om een gesprek met de directeur.",
    }
    assert table.events[-1]["rounds_played"] == 1


def test_choice_event_carries_what_the_save_promises() -> None:
    table = Table()
    table.play(table.session.deal())
    event = table.session.record_choice(
        "t1", 2, "B", ["integriteit", "integriteit"], ["loyaliteit"], "Omdat het moet.", 12.345
    )
    assert msgspec.json.decode(encode_event(event)) == {
        "event": "choice_recorded",
        "seq": -1,  # not written yet: the save log stamps it
        "ts": "",
        "round": 1,
        "card": "kaart-1",
        "team": "t1",
        "stance": 2,
        "option": "B",
        "values": {"a": ["integriteit"], "b": ["loyaliteit"]},  # a value picked twice counts once
        "rationale": "Omdat het moet.",
        "seconds": 12.3,
        "via": "keyboard",  # typed on the facilitator's keyboard, not on a team's device
    }


def test_start_event_names_the_teams_settings_and_deal() -> None:
    table = Table(cards=["kaart-3", "kaart-1"])
    start = table.events[0]
    assert start["format"] == "goedwerk-save/1"
    assert start["teams"] == [{"id": "t1", "name": "Rood"}, {"id": "t2", "name": "Blauw"}]
    assert start["settings"] == {"seed": None, "order": "deck", "timer": None, "measure": False}
    assert start["cards"] == ["kaart-3", "kaart-1"]
    assert [c["id"] for c in start["deck"]["cards"]] == ["kaart-3", "kaart-1"]


def test_reveal_waits_until_every_team_has_chosen() -> None:
    table = Table(teams=3)
    table.play(table.session.deal())
    with pytest.raises(RuleError, match="waiting for: Rood, Blauw, Groen"):
        table.session.reveal()
    table.choose("t2")
    with pytest.raises(RuleError, match=r"^waiting for: Rood, Groen$"):
        table.session.reveal()
    assert table.session.waiting_for() == ["t1", "t3"]
    table.choose("t1")
    table.choose("t3")
    table.play(table.session.reveal())
    assert table.session.current is not None and table.session.current.revealed


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"values_a": ["integriteit"], "values_b": ["integriteit"]}, "not both"),
        ({"values_a": ["integriteit", "geluk"], "values_b": []}, "unknown value 'geluk'"),
        ({"values_a": [], "values_b": []}, "pick at least one value"),
        ({"stance": 3}, "stance must be -2, -1, 0, 1 or 2"),
        ({"stance": -3}, "stance must be"),
        ({"stance": True}, "stance must be"),  # would be saved as true and refused on resume
        ({"stance": 1.0}, "stance must be"),  # would be saved as 1.0 and refused on resume
        ({"option": "D"}, "option must be one of A, B, C"),  # the card has three options
        ({"option": "a"}, "option must be one of A, B, C"),
        ({"option": "AB"}, "option must be one of A, B, C"),
        ({"option": ""}, "option must be one of A, B, C"),
        ({"team": "t9"}, "unknown team 't9'"),
        ({"rationale": "x" * (MAX_RATIONALE + 1)}, f"longer than {MAX_RATIONALE}"),
    ],
)
def test_a_choice_the_rules_refuse_changes_nothing(kwargs: dict[str, Any], message: str) -> None:
    table = Table()
    table.play(table.session.deal())
    args: dict[str, Any] = {
        "team": "t1",
        "stance": 0,
        "option": "A",
        "values_a": ["integriteit"],
        "values_b": ["loyaliteit"],
        "rationale": "",
        **kwargs,
    }
    with pytest.raises(RuleError, match=message):
        table.session.record_choice(**args)
    assert table.session.current is not None
    assert table.session.current.choices == {} and table.session.current.history == []
    assert table.session.waiting_for() == ["t1", "t2"]


def test_an_option_needs_a_card_with_options() -> None:
    table = Table(cards=["kaart-2"])
    table.play(table.session.deal())
    with pytest.raises(RuleError, match="option must be one of none"):
        table.session.record_choice("t1", 0, "A", ["openheid"], [])
    table.choose("t1", 0, None, values_a=["openheid"], values_b=[])  # no option is fine
    assert table.session.current is not None and table.session.current.choices["t1"].option is None


def test_a_value_on_one_side_only_is_enough() -> None:
    table = Table()
    table.play(table.session.deal())
    table.choose("t1", -1, values_a=[], values_b=["moed"])
    assert table.session.current is not None
    choice = table.session.current.choices["t1"]
    assert (choice.values_a, choice.values_b) == ((), ("moed",))


def test_change_of_mind_keeps_every_choice_in_the_history() -> None:
    table = Table()
    s = table.session
    table.play(s.deal())
    table.choose("t1", -2, "A", rationale="eerst")
    table.choose("t2", 0, "B")
    table.choose("t1", 1, "C", rationale="toch anders")
    table.choose("t1", 2, "C", rationale="definitief")
    current = s.current
    assert current is not None
    assert current.choices["t1"].stance == 2  # the latest counts
    assert current.choices["t1"].rationale == "definitief"
    assert [(c.team, c.stance, c.rationale) for c in current.history] == [
        ("t1", -2, "eerst"),
        ("t2", 0, ""),
        ("t1", 1, "toch anders"),
        ("t1", 2, "definitief"),
    ]
    assert sum(e["event"] == "choice_recorded" for e in table.events) == 4
    table.play(s.reveal())
    with pytest.raises(RuleError, match="this card is revealed already"):
        s.record_choice("t1", -2, "A", ["integriteit"], [])  # no changes after the reveal
    assert current.choices["t1"].stance == 2


def test_cards_are_dealt_in_turn_and_only_after_a_reveal_or_skip() -> None:
    table = Table(cards=["kaart-2", "kaart-1"])
    s = table.session
    table.play(s.deal())
    assert s.current is not None and s.current.card_id == "kaart-2"
    with pytest.raises(RuleError, match="reveal or skip the current card"):
        s.deal()
    with pytest.raises(RuleError, match="reveal or skip the current card first"):
        s.start_closing()
    table.play(s.skip())
    with pytest.raises(RuleError, match="this card was skipped"):
        s.record_choice("t1", 0, None, ["openheid"], [])  # a skipped card takes no choices
    with pytest.raises(RuleError, match="this card was skipped"):
        s.reveal()
    table.play(s.deal())
    assert s.current.card_id == "kaart-1" and s.current.number == 2
    table.play(s.skip())
    with pytest.raises(RuleError, match="no cards left"):
        s.deal()


@pytest.mark.parametrize("moment", ["before any card", "while choosing", "after a reveal"])
def test_actions_are_only_recorded_in_the_closing_step(moment: str) -> None:
    table = Table()
    s = table.session
    if moment != "before any card":
        table.play(s.deal())
    if moment == "after a reveal":
        table.choose("t1")
        table.choose("t2")
        table.play(s.reveal())
    with pytest.raises(RuleError, match="actions are recorded after the last card"):
        s.record_action("t1", "Iets doen")
    assert s.actions == {}


def test_closing_step_takes_actions_until_the_end() -> None:
    table = Table(cards=["kaart-1"])
    s = table.session
    table.play(s.deal())
    table.play(s.skip())
    table.play(s.start_closing())
    with pytest.raises(RuleError, match="the closing step has started"):
        s.deal()
    with pytest.raises(RuleError, match="the action is empty"):
        s.record_action("t1", "   ")
    with pytest.raises(RuleError, match="unknown team"):
        s.record_action("t7", "Iets doen")
    table.play(s.record_action("t1", "Eerste versie"))
    table.play(s.record_action("t1", "Betere versie"))  # a team may rewrite its action
    assert s.actions == {"t1": "Betere versie"}
    table.play(s.end())
    with pytest.raises(RuleError, match="the session has ended"):
        s.record_action("t2", "Te laat")
    with pytest.raises(RuleError, match="the session has ended"):
        s.end()
    with pytest.raises(RuleError, match="the session has ended"):
        s.add_note("Te laat")


def test_notes_need_text_and_a_card() -> None:
    table = Table()
    s = table.session
    with pytest.raises(RuleError, match="no card to add a note to"):
        s.add_note("Nog geen kaart")
    table.play(s.deal())
    with pytest.raises(RuleError, match="the note is empty"):
        s.add_note(" \n ")
    with pytest.raises(RuleError, match="longer than 1000"):
        s.add_note("x" * 1001)
    table.play(s.add_note("Goed gesprek"))
    assert s.current is not None and s.current.notes == ["Goed gesprek"]


def test_replaying_the_events_gives_the_same_session() -> None:
    table = Table()
    s = table.session
    table.play(s.deal())
    table.choose("t1", -1, "A")
    table.choose("t2", 2, "B", rationale="zeker")
    table.choose("t1", 0, "C")
    table.play(s.reveal())
    table.play(s.add_note("notitie"))
    table.play(s.deal())
    table.choose("t2", 1, None, values_a=["openheid"], values_b=[])

    replayed = Session(
        session_id=s.session_id,
        deck=s.deck,
        teams=s.teams,
        cards=s.cards,
        settings=s.settings,
        language=s.language,
    )
    replayed.apply(table.written[0])  # the start: what a reader builds the session from
    for event in table.written[1:]:
        replayed.check(event, live=False)
        replayed.apply(event)
    assert replayed.rounds == s.rounds
    assert replayed.phase == s.phase == CHOOSING
    assert replayed.waiting_for() == ["t1"]
