"""The save file: its name, its lines, and what happens when it is damaged or shared."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerk_tui import __version__
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.errors import RuleError, SaveError
from goedwerk_tui.domain.events import (
    Event,
    SessionResumed,
    SessionStarted,
    encode_event,
    stamped,
)
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import read_save
from goedwerk_tui.domain.session import Session, Settings, Team
from goedwerk_tui.locations import saves_dir
from tests.conftest import DECKS

DECK_ID = "goed-werk-openbaar-bestuur"
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECKS / f"{DECK_ID}.yaml")


class Clock:
    """A clock that stands still unless moved; in a zone east of UTC on purpose."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 10, 0, 0, tzinfo=timezone(timedelta(hours=2)))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def english(warnings: list[SaveError]) -> list[str]:
    """The warnings of a read as an English reader sees them."""
    return [str(warning) for warning in warnings]


def lines_of(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def one_line_error(path: Path) -> str:
    with pytest.raises(SaveError) as caught:
        read_save(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(str(path))
    return message


def new_game(deck: Deck, folder: Path, **kwargs: Any) -> Game:
    return Game.new(deck, kwargs.pop("teams", ["Rood", "Blauw"]), save_dir=folder, **kwargs)


def values_of(deck: Deck, game: Game) -> list[str]:
    card = game.session.current_card
    assert card is not None
    return list(card.values)


# ----- where the save goes and what it is called -----------------------------------


def test_save_name_is_utc_time_deck_id_and_random_part(deck: Deck, saves_dir: Path) -> None:
    clock = Clock()  # 10:00 at UTC+2 is 08:00 UTC
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=saves_dir, clock=clock)
    game.close()
    assert game.path.parent == saves_dir
    assert re.fullmatch(rf"20250301T080000Z-{DECK_ID}-[0-9a-f]{{6}}\.jsonl", game.path.name)
    assert lines_of(game.path)[0]["ts"] == "2025-03-01T08:00:00.000Z"


def test_save_name_never_holds_typed_team_names(deck: Deck, tmp_path: Path) -> None:
    hostile = ["../../etc/passwd", "Rood; rm -rf ~", "Team\nTwee", "C:\\Windows", "Blauw*?"]
    game = new_game(deck, tmp_path, teams=hostile)
    game.close()
    name = game.path.name
    assert re.fullmatch(rf"\d{{8}}T\d{{6}}Z-{DECK_ID}-[0-9a-f]{{6}}\.jsonl", name)
    assert list(tmp_path.iterdir()) == [game.path]  # nothing written anywhere else
    for word in ("etc", "passwd", "Rood", "rm", "Twee", "Windows", "Blauw"):
        assert word not in name


def test_save_folder_comes_from_option_then_environment_then_saves(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GOEDWERK_SAVES", str(tmp_path / "env"))
    assert saves_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert saves_dir(None) == tmp_path / "env"
    monkeypatch.delenv("GOEDWERK_SAVES")
    assert saves_dir(None) == Path("saves")


def test_a_missing_save_folder_is_created(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "map"
    game = new_game(deck, folder)
    game.close()
    assert game.path.parent == folder and game.path.is_file()


def test_an_unusable_save_folder_is_one_clear_error(deck: Deck, tmp_path: Path) -> None:
    blocker = tmp_path / "saves"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        new_game(deck, blocker)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(str(blocker))


def test_two_sessions_in_the_same_second_get_their_own_files(deck: Deck, tmp_path: Path) -> None:
    clock = Clock()
    first = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, clock=clock)
    second = Game.new(deck, ["Groen", "Geel"], save_dir=tmp_path, clock=clock)
    first.record_choice("t1", -2, "A", values_of(deck, first), [])
    second.record_choice("t1", 2, "B", values_of(deck, second), [])
    first.close()
    second.close()
    assert first.path != second.path
    assert sorted(tmp_path.iterdir()) == sorted([first.path, second.path])
    one, two = read_save(first.path).session, read_save(second.path).session
    assert one.session_id != two.session_id
    assert [t.name for t in one.teams] == ["Rood", "Blauw"]
    assert [t.name for t in two.teams] == ["Groen", "Geel"]
    assert one.rounds[0].choices["t1"].stance == -2
    assert two.rounds[0].choices["t1"].stance == 2


def test_a_random_name_clash_never_reuses_a_file(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = iter(["aaaaaa", "aaaaaa", "bbbbbb"])  # the second session draws the same name first
    real = secrets.token_hex  # session ids draw 8 bytes; the random part of a name, 3
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(parts) if n == 3 else real(n))
    clock = Clock()
    first = Game.new(deck, ["Rood", "Blauw"], save_dir=tmp_path, clock=clock)
    before = first.path.read_bytes()
    second = Game.new(deck, ["Groen", "Geel"], save_dir=tmp_path, clock=clock)
    first.close()
    second.close()
    assert first.path.name.endswith("-aaaaaa.jsonl")
    assert second.path.name.endswith("-bbbbbb.jsonl")
    assert first.path.read_bytes() == before


# ----- the lines of a save ------------------------------------------------------------


def test_a_whole_session_in_the_save_line_by_line(deck: Deck, saves_dir: Path) -> None:
    clock = Clock()
    game = Game.new(
        deck,
        ["Rood", "Blauw"],
        save_dir=saves_dir,
        cards=2,
        shuffle=True,
        seed=7,
        timer=300,
        clock=clock,
    )
    first_card = game.session.cards[0]
    values = values_of(deck, game)
    clock.advance(42)
    game.record_choice("t1", -2, "A", [values[0]], [values[1]], "De Kamer moet het weten.")
    game.record_choice("t2", 1, "B", [values[0]], [values[1], values[2]])
    game.record_choice("t1", -1, "C", [values[0]], [values[1]], "Toch wat milder.")
    game.reveal()
    game.add_note("Loyaliteit betekent voor Rood iets anders.")
    game.next()
    game.skip()
    game.next()  # after the last card: the closing step
    game.record_action("t1", "Tegenvallers eerst in het team bespreken.")
    game.record_action("t2", "Vaker om een gesprek vragen.")
    game.end()
    game.close()

    lines = lines_of(game.path)
    assert [line["event"] for line in lines] == [
        "session_started",
        "card_dealt",
        "choice_recorded",
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
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert all(ISO_UTC.match(line["ts"]) for line in lines)

    start = lines[0]
    assert start["format"] == "goedwerk-save/1"
    assert start["app_version"] == __version__
    assert re.fullmatch(r"[0-9a-f]{16}", start["session_id"])
    assert start["language"] == "nl"
    assert start["teams"] == [{"id": "t1", "name": "Rood"}, {"id": "t2", "name": "Blauw"}]
    assert start["settings"] == {"seed": 7, "order": "shuffled", "timer": 300, "measure": False}
    assert len(start["cards"]) == 2 and start["cards"][0] == first_card
    snapshot = start["deck"]
    assert snapshot["id"] == DECK_ID
    assert [c["id"] for c in snapshot["cards"]] == start["cards"]  # only the cards dealt
    dealt = deck.card(first_card)
    assert snapshot["cards"][0]["situation"] == dealt.situation.to_data()
    catalogue_ids = {v["id"] for v in snapshot["catalogue"]["values"]}
    assert set(values) <= catalogue_ids

    assert lines[1] == {**lines[1], "round": 1, "card": first_card}
    choice = lines[2]
    assert {k: choice[k] for k in ("round", "card", "team", "stance", "option", "rationale")} == {
        "round": 1,
        "card": first_card,
        "team": "t1",
        "stance": -2,
        "option": "A",
        "rationale": "De Kamer moet het weten.",
    }
    assert choice["values"] == {"a": [values[0]], "b": [values[1]]}
    assert choice["seconds"] == 42.0
    assert lines[4]["stance"] == -1 and lines[4]["option"] == "C"  # the change of mind
    assert lines[6]["text"] == "Loyaliteit betekent voor Rood iets anders."
    assert lines[8]["card"] == start["cards"][1]
    assert (lines[10]["team"], lines[10]["text"]) == (
        "t1",
        "Tegenvallers eerst in het team bespreken.",
    )
    assert lines[-1]["rounds_played"] == 1


def test_every_line_is_written_and_synced_before_the_game_returns(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = new_game(deck, tmp_path)
    synced: list[bytes] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        synced.append(game.path.read_bytes())

    monkeypatch.setattr(os, "fsync", fsync)  # the module savelog calls
    game.record_choice("t1", 2, "D", values_of(deck, game)[:1], [], "Zeker weten")
    # when record_choice returns, the line was on disk when fsync ran
    assert synced and json.loads(synced[-1].splitlines()[-1])["rationale"] == "Zeker weten"
    game.close()


def test_typed_text_is_cleaned_before_it_is_saved(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.record_choice("t1", 0, None, values_of(deck, game)[:1], [], "Eerst\x1b[2J  dit,\ndan dat")
    game.record_choice("t2", 0, None, values_of(deck, game)[:1], [], "")
    game.reveal()
    game.add_note("Een\x07 notitie\r\n")
    game.close()
    text = game.path.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    lines = lines_of(game.path)
    assert lines[2]["rationale"] == "Eerst dit, dan dat"  # the whole escape sequence goes
    assert lines[-1]["text"] == "Een notitie"


# ----- resuming, damaged files, locks ----------------------------------------------------


def test_resume_continues_the_same_file_and_logs_it(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.record_choice("t1", -1, "A", values_of(deck, game)[:1], [])
    game.close()
    again = Game.resume(game.path)
    assert again.warnings == []
    assert again.session.phase == "choosing" and again.session.waiting_for() == ["t2"]
    again.record_choice("t2", 1, "B", values_of(deck, again)[:1], [])
    again.reveal()
    again.close()
    lines = lines_of(game.path)
    assert [line["event"] for line in lines][2:] == [
        "choice_recorded",
        "session_resumed",
        "choice_recorded",
        "card_revealed",
    ]
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert list(tmp_path.iterdir()) == [game.path]


def test_a_torn_last_line_is_ignored_with_a_warning(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.record_choice("t1", -2, "A", values_of(deck, game)[:1], [], "bewaard")
    game.close()
    whole = game.path.read_bytes()
    half = b'{"seq":3,"ts":"2025-03-01T08:00:00.000Z","event":"choice_recorded","round":1,"ca'
    game.path.write_bytes(whole + half)  # the program died in the middle of a write

    again = Game.resume(game.path)
    assert len(again.warnings) == 1
    assert english(again.warnings)[0].startswith(f"{game.path}:4: the last line was cut off")
    assert again.session.rounds[0].choices["t1"].rationale == "bewaard"
    again.record_choice("t2", 2, "B", values_of(deck, again)[:1], [])
    again.reveal()
    again.close()

    assert game.path.read_bytes().startswith(whole)
    lines = lines_of(game.path)  # every line is whole JSON again
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    after = read_save(game.path)
    assert after.warnings == []
    assert after.session.rounds[0].revealed
    assert set(after.session.rounds[0].choices) == {"t1", "t2"}


def test_a_last_line_without_its_newline_is_not_shown_then_lost(deck: Deck, tmp_path: Path) -> None:
    """The whole JSON but not the newline: the write did not finish, so it never counted."""
    game = new_game(deck, tmp_path)
    game.record_choice("t1", -2, "A", values_of(deck, game)[:1], [])
    game.close()
    game.path.write_bytes(game.path.read_bytes().removesuffix(b"\n"))

    again = Game.resume(game.path)
    assert len(english(again.warnings)) == 1 and "cut off" in english(again.warnings)[0]
    shown = again.session.waiting_for()
    again.close()
    # what the resumed game shows is what is in the file
    assert read_save(game.path).session.waiting_for() == shown == ["t1", "t2"]


def test_a_save_whose_only_line_was_cut_off_is_refused_untouched(
    deck: Deck, tmp_path: Path
) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    first_line = game.path.read_bytes().split(b"\n")[0]
    game.path.write_bytes(first_line)
    assert "first line was cut off" in one_line_error(game.path)
    with pytest.raises(SaveError):
        Game.resume(game.path)
    assert game.path.read_bytes() == first_line


def test_a_garbage_line_in_the_middle_is_skipped_with_a_warning(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.record_choice("t1", -2, "A", values_of(deck, game)[:1], [])
    game.record_choice("t2", 2, "B", values_of(deck, game)[:1], [])
    game.close()
    lines = game.path.read_bytes().split(b"\n")
    lines.insert(3, b"\x00\x00 disk garbage \xff")
    game.path.write_bytes(b"\n".join(lines))

    read = read_save(game.path)
    assert english(read.warnings) == [f"{game.path}:4: unreadable line ignored"]
    assert set(read.session.rounds[0].choices) == {"t1", "t2"}
    again = Game.resume(game.path)
    assert english(again.warnings) == english(read.warnings)
    again.reveal()
    again.close()
    assert read_save(game.path).session.rounds[0].revealed


def test_a_hand_edited_line_that_does_not_fit_is_skipped(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    card = game.session.cards[0]
    bad: list[dict[str, object]] = [
        {"event": "choice_recorded", "round": 1, "card": card, "team": "t9", "stance": 0},
        {"event": "choice_recorded", "round": 1, "card": card, "team": "t1", "stance": 9},
        {"event": "choice_recorded", "round": 5, "card": card, "team": "t1", "stance": 0},
        {"event": "card_dealt", "round": 1, "card": card},
        {"event": "party_started"},
        {
            "event": "choice_recorded",
            "round": 1,
            "card": card,
            "team": "t1",
            "stance": 0,
            "option": "AB",
        },
        {
            "event": "choice_recorded",
            "round": 1,
            "card": card,
            "team": "t1",
            "stance": 0,
            "option": "",
        },
    ]
    with game.path.open("a", encoding="utf-8") as handle:
        for seq, event in enumerate(bad, start=2):
            values = {"values": {"a": ["integriteit"], "b": []}} if "stance" in event else {}
            line = {"seq": seq, "ts": "2025-03-01T08:00:00.000Z", **event, **values}
            handle.write(json.dumps(line) + "\n")
    read = read_save(game.path)
    assert sorted(w.split(": ", 1)[0] for w in english(read.warnings)) == [
        f"{game.path}:{n}" for n in range(3, 10)
    ]
    assert all(w.endswith("line ignored") for w in english(read.warnings))
    assert read.session.rounds[0].choices == {} and len(read.session.rounds) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\n  \n", "the file is empty"),
        (b"format: goedwerk-deck/1\nid: x\n", "not a goedwerk save"),
        (b'{"seq":0,"ts":"x","event":"session_started","format":"other-app/1"}\n', "format"),
        (b'{"seq":0,"ts":"x","event":"card_dealt","round":1,"card":"x"}\n', "not a goedwerk save"),
        (b"[1, 2, 3]\n", "not a goedwerk save"),
        (
            b'{"seq":0,"ts":"x","event":"session_started","format":"goedwerk-save/2"}\n',
            "made by a newer goedwerk",
        ),
    ],
)
def test_unusable_saves_give_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    assert message in one_line_error(path)
    with pytest.raises(SaveError, match=re.escape(message)):
        Game.resume(path)
    assert path.read_bytes() == content  # a refused save is left as it was


def test_a_newer_save_says_to_update(tmp_path: Path) -> None:
    path = tmp_path / "newer.jsonl"
    path.write_text(
        '{"seq":0,"ts":"x","event":"session_started","format":"goedwerk-save/2"}\n',
        encoding="utf-8",
    )
    assert one_line_error(path).endswith("update goedwerk to open it")


def test_a_missing_save_or_a_folder_gives_one_line(tmp_path: Path) -> None:
    assert one_line_error(tmp_path / "weg.jsonl").endswith("no such file")
    assert "folder" in one_line_error(tmp_path)


def test_a_damaged_deck_snapshot_gives_one_line(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    lines = lines_of(game.path)
    del lines[0]["deck"]["catalogue"]
    game.path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert "deck snapshot is damaged" in one_line_error(game.path)


def test_an_ended_session_is_not_resumed(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.end()
    game.close()
    before = game.path.read_bytes()
    with pytest.raises(SaveError, match="this session has ended"):
        Game.resume(game.path)
    assert game.path.read_bytes() == before
    assert read_save(game.path).session.ended  # still readable for a replay


def test_a_save_open_in_one_window_cannot_be_resumed_in_another(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.record_choice("t1", 1, "A", values_of(deck, game)[:1], [])
    before = game.path.read_bytes()
    with pytest.raises(SaveError) as caught:
        Game.resume(game.path)
    assert str(caught.value) == f"{game.path}: this session is open in another goedwerk window"
    assert game.path.read_bytes() == before  # the refused window wrote nothing
    game.record_choice("t2", 1, "A", values_of(deck, game)[:1], [])  # the first one goes on
    game.close()

    again = Game.resume(game.path)  # once the first window closed, it opens
    assert set(again.session.rounds[0].choices) == {"t1", "t2"}
    again.close()


# ----- hand-edited and hostile saves: every line must fit the rules -----------------------


def append_events(path: Path, *events: dict[str, Any]) -> int:
    """Lines added by hand after the last one (``seq`` and ``ts`` as the log writes them).

    Returns the line number of the first one added.
    """
    lines = lines_of(path)
    seq = lines[-1]["seq"] + 1
    with path.open("a", encoding="utf-8") as handle:
        for offset, event in enumerate(events):
            stamped = {"seq": seq + offset, "ts": "2025-03-01T08:00:00.000Z", **event}
            handle.write(json.dumps(stamped, ensure_ascii=False) + "\n")
    return len(lines) + 1


def a_choice(
    game: Game, team: str = "t1", number: int | None = None, **changes: Any
) -> dict[str, Any]:
    """A choice_recorded line as the rules would write it, for round ``number`` (default: the
    current one), with ``changes`` made by hand."""
    rnd = game.session.rounds[-1 if number is None else number - 1]
    card = game.session.deck.card(rnd.card_id)
    event = {
        "event": "choice_recorded",
        "round": rnd.number,
        "card": rnd.card_id,
        "team": team,
        "stance": 1,
        "option": "A",
        "values": {"a": [card.values[0]], "b": [card.values[1]]},
        "rationale": "met de hand",
        "seconds": 12.5,
    }
    return {**event, **changes}


def both_choose(game: Game) -> None:
    values = values_of(game.session.deck, game)
    game.record_choice("t1", -1, "A", values[:1], [])
    game.record_choice("t2", 2, "B", [], values[1:2])


def revealed(game: Game) -> None:
    both_choose(game)
    game.reveal()


def revealed_then_dealt(game: Game) -> None:
    revealed(game)
    game.next()


def revealed_then_stopped(game: Game) -> None:
    revealed(game)
    game.stop_dealing()


def ended(game: Game) -> None:
    both_choose(game)
    game.reveal()
    game.end()


@pytest.mark.parametrize(
    "seconds", [float("nan"), float("inf"), float("-inf"), -5, -0.1, True, "12", [], 10**400]
)
def test_a_choice_with_a_duration_that_is_not_a_time_is_ignored(
    deck: Deck, tmp_path: Path, seconds: object
) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    line = append_events(game.path, a_choice(game, seconds=seconds))
    read = read_save(game.path)
    assert english(read.warnings) == [
        f"{game.path}:{line}: choice with a damaged duration; line ignored"
    ]
    assert read.session.rounds[0].choices == {}


@pytest.mark.parametrize("seconds", [None, 0, 0.0, 42, 299.9])
def test_a_choice_with_a_usable_duration_is_kept(
    deck: Deck, tmp_path: Path, seconds: object
) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    append_events(game.path, a_choice(game, seconds=seconds))
    read = read_save(game.path)
    assert read.warnings == []
    assert read.session.rounds[0].choices["t1"].seconds == seconds


# (what happened first, the hand-edited line, the warning it gets)
BROKEN_RULES = [
    pytest.param(
        both_choose,
        lambda g: {"event": "card_revealed", "round": 1, "card": g.session.cards[0]},
        None,
        id="reveal-when-all-chose-fits",
    ),
    pytest.param(
        lambda g: g.record_choice("t1", 0, None, values_of(g.session.deck, g)[:1], []),
        lambda g: {"event": "card_revealed", "round": 1, "card": g.session.cards[0]},
        None,  # kept: a lost choice line must not take every later card with it
        id="reveal-with-a-choice-missing-is-kept",
    ),
    pytest.param(
        revealed,
        a_choice,
        "choice_recorded is not allowed here (this card is revealed already)",
        id="choice-after-reveal",
    ),
    pytest.param(
        lambda g: g.skip(),
        a_choice,
        "choice_recorded is not allowed here (this card was skipped)",
        id="choice-after-skip",
    ),
    pytest.param(
        revealed,
        lambda g: {"event": "card_revealed", "round": 1, "card": g.session.cards[0]},
        "card_revealed is not allowed here (this card is revealed already)",
        id="reveal-twice",
    ),
    pytest.param(
        lambda g: g.skip(),
        lambda g: {"event": "card_skipped", "round": 1, "card": g.session.cards[0]},
        "card_skipped is not allowed here (this card was skipped)",
        id="skip-twice",
    ),
    pytest.param(
        revealed_then_dealt,
        lambda g: a_choice(g, number=1),
        "choice_recorded is not allowed here (round 1 is not the current round)",
        id="choice-for-an-earlier-round",
    ),
    pytest.param(
        revealed_then_dealt,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": "x"},
        "note_added is not allowed here (round 1 is not the current round)",
        id="note-for-an-earlier-round",
    ),
    pytest.param(
        revealed,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": "x"},
        None,
        id="note-on-the-current-card-after-reveal-fits",
    ),
    pytest.param(
        lambda g: None,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": "x"},
        None,
        id="note-on-the-current-card-while-choosing-fits",
    ),
    pytest.param(
        revealed_then_stopped,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": "x"},
        None,
        id="note-on-the-last-card-while-closing-fits",
    ),
    pytest.param(
        lambda g: None,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": " "},
        "note_added is not allowed here (the note is empty)",
        id="empty-note",
    ),
    pytest.param(
        revealed,
        lambda g: {"event": "action_recorded", "team": "t1", "text": "te vroeg"},
        "action_recorded is not allowed here (actions are recorded after the last card)",
        id="action-before-closing",
    ),
    pytest.param(
        lambda g: g.stop_dealing(),
        lambda g: {"event": "action_recorded", "team": "t1", "text": "op tijd"},
        None,
        id="action-while-closing-fits",
    ),
    pytest.param(
        lambda g: g.stop_dealing(),
        lambda g: {"event": "action_recorded", "team": "t1", "text": ""},
        "action_recorded is not allowed here (the action is empty)",
        id="empty-action",
    ),
    pytest.param(
        ended,
        lambda g: {"event": "note_added", "round": 1, "card": g.session.cards[0], "text": "x"},
        "note_added is not allowed here (the session has ended)",
        id="note-after-the-end",
    ),
    pytest.param(
        ended,
        lambda g: {"event": "session_resumed"},
        "session_resumed is not allowed here (the session has ended)",
        id="resumed-after-the-end",
    ),
    pytest.param(
        ended,
        lambda g: {"event": "session_ended"},
        "session_ended is not allowed here (the session has ended)",
        id="ended-twice",
    ),
    pytest.param(
        ended,
        lambda g: {"event": "closing_started"},
        "closing_started is not allowed here (the session has ended)",
        id="closing-after-the-end",
    ),
    pytest.param(
        lambda g: None,
        lambda g: {"event": "card_dealt", "round": 2, "card": g.session.cards[1]},
        "card_dealt is not allowed here (reveal or skip the current card before dealing the next)",
        id="deal-while-choosing",
    ),
    pytest.param(
        lambda g: (g.skip(), g.stop_dealing()),
        lambda g: {"event": "card_dealt", "round": 2, "card": g.session.cards[1]},
        "card_dealt is not allowed here (the closing step has started)",
        id="deal-while-closing",
    ),
    pytest.param(
        lambda g: None,
        lambda g: {"event": "closing_started"},
        "closing_started is not allowed here (reveal or skip the current card first)",
        id="closing-while-choosing",
    ),
    pytest.param(
        lambda g: g.stop_dealing(),
        lambda g: {"event": "closing_started"},
        "closing_started is not allowed here (the closing step has started)",
        id="closing-twice",
    ),
    pytest.param(
        lambda g: None,
        lambda g: a_choice(g, option="F"),
        "choice_recorded is not allowed here (option must be one of A, B, C, D)",
        id="option-the-card-does-not-have",
    ),
    pytest.param(
        lambda g: None,
        lambda g: a_choice(g, values={"a": [], "b": []}),
        "choice_recorded is not allowed here (pick at least one value)",
        id="no-values",
    ),
    pytest.param(
        lambda g: None,
        lambda g: a_choice(g, values={"a": ["integriteit", "integriteit"]}),
        "choice_recorded is not allowed here (a value is named twice)",
        id="value-twice",
    ),
    pytest.param(
        lambda g: None,
        lambda g: a_choice(g, values={"a": ["integriteit"], "b": ["integriteit"]}),
        "choice_recorded is not allowed here (a value pulls toward one pole, not both)",
        id="value-toward-both-poles",
    ),
    pytest.param(
        lambda g: None,
        lambda g: a_choice(g, rationale="x" * 501),
        "choice_recorded is not allowed here (the rationale is longer than 500 characters)",
        id="rationale-too-long",
    ),
]


@pytest.mark.parametrize(("before", "edited", "problem"), BROKEN_RULES)
def test_a_hand_edited_line_must_fit_the_rules_of_play(
    deck: Deck,
    tmp_path: Path,
    before: Any,
    edited: Any,
    problem: str | None,
) -> None:
    game = new_game(deck, tmp_path)
    before(game)
    game.close()
    assert len(game.session.deck.card(game.session.cards[0]).options) < 6  # "F" is not on it
    expected = read_save(game.path).session
    line = append_events(game.path, edited(game))
    read = read_save(game.path)
    if problem is None:
        assert read.warnings == []
        assert read.events[-1].seq == lines_of(game.path)[-1]["seq"]
    else:
        assert english(read.warnings) == [f"{game.path}:{line}: {problem}; line ignored"]
        assert read.session.rounds == expected.rounds  # nothing of the line was applied
        assert (read.session.actions, read.session.closing, read.session.ended) == (
            expected.actions,
            expected.closing,
            expected.ended,
        )


@pytest.mark.parametrize(
    "fmt",
    [
        "goedwerk-save/0",
        "goedwerk-save/x",
        "goedwerk-save/",
        "goedwerk-save",
        "goedwerk-save/²",
        "goedwerk-save/01",
        "goedwerk-save/-1",
        "goedwerk-save/1.0",
        "goedwerk-save/ 1",
    ],
)
def test_a_format_without_a_version_from_1_up_is_not_a_goedwerk_save(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "odd.jsonl"
    start = {"seq": 0, "ts": "x", "event": "session_started", "format": fmt}
    path.write_text(json.dumps(start, ensure_ascii=False) + "\n", encoding="utf-8")
    assert one_line_error(path) == f"{path}:1: not a goedwerk save (format '{fmt}')"


def test_a_version_of_thousands_of_digits_is_newer_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "far-future.jsonl"
    fmt = "goedwerk-save/" + "9" * 5000  # int() refuses strings this long
    start = {"seq": 0, "ts": "x", "event": "session_started", "format": fmt}
    path.write_text(json.dumps(start) + "\n", encoding="utf-8")
    assert "made by a newer goedwerk" in one_line_error(path)


def test_lines_that_crashed_the_reader_are_ignored_with_a_warning(
    deck: Deck, tmp_path: Path
) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    first = append_events(game.path, {"event": ["a", "list"]}, {"event": {"a": "dict"}})
    with game.path.open("a", encoding="utf-8") as handle:
        handle.write("[" * 100_000 + "\n")  # nesting deeper than Python's recursion limit
    read = read_save(game.path)
    assert english(read.warnings) == [
        f"{game.path}:{first}: unknown event '['a', 'list']'; line ignored",
        f"{game.path}:{first + 1}: unknown event '{{'a': 'dict'}}'; line ignored",
        f"{game.path}:{first + 2}: unreadable line ignored",
    ]


def test_a_first_line_nested_too_deep_says_so(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text('{"event": "session_started", "deck": ' + deep + "}\n", encoding="utf-8")
    assert "nested too deeply" in one_line_error(path)


def test_a_team_list_with_an_id_twice_is_refused(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    lines = lines_of(game.path)
    lines[0]["teams"].append({"id": "t1", "name": "Nog een Rood"})
    game.path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert "the team list is damaged" in one_line_error(game.path)


def test_a_damaged_first_line_does_not_start_a_session(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    lines = lines_of(game.path)
    del lines[0]["seq"]
    game.path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert one_line_error(game.path) == (
        f"{game.path}:1: the first line does not start a session (event without a sequence number)"
    )


# ----- properties: the reader and the rules agree; nothing in a line crashes the reader ------

# intents in the mix a session has: mostly choices, seldom the end
INTENT_NAMES = ["deal"] * 3 + ["choose"] * 10 + ["reveal"] * 4 + ["note"] * 2 + ["action"] * 2
INTENT_NAMES += ["skip", "closing", "resume", "end"]
INTENTS = st.lists(
    st.tuples(
        st.sampled_from(INTENT_NAMES),
        st.integers(0, 1),  # a team
        st.integers(-2, 2),  # a stance
        st.integers(0, 3),  # which of the card's values go toward pole a or b
    ),
    min_size=20,
    max_size=60,
)


def stamp(event: Event, seq: int) -> Event:
    """An event with ``seq`` and ``ts``, as ``SaveLog.append`` returns it."""
    return stamped(event, seq, f"2025-03-01T08:{seq // 60 % 60:02d}:{seq % 60:02d}.000Z")


def write_events(path: Path, events: list[Event]) -> None:
    """Stamped events as ``SaveLog.append`` writes them, without an fsync per line."""
    with path.open("wb") as handle:
        for event in events:
            handle.write(encode_event(event) + b"\n")


def play(session: Session, intent: str, team: str, stance: int, split: int) -> Event:
    if intent == "choose":
        values = list(session.deck.card(session.current.card_id).values) if session.current else []
        option = "ABCDEF"[stance + 2] if stance + 2 < 4 else None
        return session.record_choice(team, stance, option, values[:split], values[split:3])
    if intent == "note":
        return session.add_note(f"notitie {stance}")
    if intent == "action":
        return session.record_action(team, f"actie {split}")
    if intent == "resume":
        if session.ended:
            raise RuleError("Game.resume refuses an ended session")
        return SessionResumed()
    methods: dict[str, Callable[[], Event]] = {
        "deal": session.deal,
        "reveal": session.reveal,
        "skip": session.skip,
        "closing": session.start_closing,
    }
    return methods.get(intent, session.end)()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=INTENTS)
def test_whatever_the_rules_allow_reads_back_the_same_without_warnings(
    deck: Deck, tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int, int, int]]
) -> None:
    session = Session(
        session_id="0123456789abcdef",
        deck=deck,
        teams=[Team("t1", "Rood"), Team("t2", "Blauw")],
        cards=[card.id for card in deck.cards[:3]],
        settings=Settings(),
        language="nl",
    )
    events = [stamp(session.start_event(), 0)]
    session.apply(events[0])
    steps = [("deal", 0, 0, 0), *steps]  # as Game.new does
    for intent, team, stance, split in steps:
        try:
            event = stamp(play(session, intent, f"t{team + 1}", stance, split), len(events))
        except RuleError:
            continue
        session.apply(event)
        events.append(event)
    path = tmp_path_factory.mktemp("rules") / "save.jsonl"
    write_events(path, events)
    read = read_save(path)
    assert read.warnings == []
    assert len(read.events) == len(events)
    replayed = read.session
    assert replayed.rounds == session.rounds
    assert (replayed.actions, replayed.closing, replayed.ended, replayed.resumed) == (
        session.actions,
        session.closing,
        session.ended,
        session.resumed,
    )


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=8),
        st.sampled_from(["t1", "t2", "A", "F", "integriteit", "moed"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=8,
)
KINDS = st.sampled_from(
    [
        "card_dealt",
        "choice_recorded",
        "card_revealed",
        "card_skipped",
        "note_added",
        "action_recorded",
        "closing_started",
        "session_resumed",
        "session_ended",
        "session_started",
    ]
)
HOSTILE_EVENTS = st.lists(
    st.fixed_dictionaries(
        {"event": st.one_of(KINDS, JSON_VALUES)},
        optional={
            "seq": st.one_of(st.integers(), JSON_VALUES),
            "ts": st.one_of(st.just("2025-03-01T08:00:00.000Z"), JSON_VALUES),
            "round": st.one_of(st.integers(-1, 4), JSON_VALUES),
            "card": JSON_VALUES,
            "team": st.one_of(st.sampled_from(["t1", "t2", "t9"]), JSON_VALUES),
            "stance": st.one_of(st.integers(-3, 3), JSON_VALUES),
            "option": JSON_VALUES,
            "values": st.one_of(
                st.fixed_dictionaries({"a": st.lists(JSON_VALUES), "b": st.lists(JSON_VALUES)}),
                JSON_VALUES,
            ),
            "rationale": JSON_VALUES,
            "seconds": st.one_of(st.floats(), JSON_VALUES),
            "text": JSON_VALUES,
        },
    ),
    max_size=12,
)


@pytest.fixture(scope="module")
def played_save(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[str]]:
    """The lines of a short game: two cards revealed, then still choosing on the third."""
    game = new_game(deck, tmp_path_factory.mktemp("played"), cards=4)
    for _ in range(2):
        revealed_then_dealt(game)
    game.close()
    return game.path.read_bytes(), game.session.cards


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited=HOSTILE_EVENTS, seed=st.randoms(use_true_random=False))
def test_no_hand_edited_line_crashes_the_reader(
    played_save: tuple[bytes, list[str]],
    tmp_path_factory: pytest.TempPathFactory,
    edited: list[dict[str, Any]],
    seed: Any,
) -> None:
    data, cards = played_save
    for event in edited:  # often name a card of the session, so the later checks run too
        if "card" in event and seed.random() < 0.6:
            event["card"] = seed.choice(cards)
    lines = data.splitlines(keepends=True)
    for event in edited:  # anywhere after the first line
        lines.insert(seed.randint(1, len(lines)), json.dumps(event).encode() + b"\n")
    path = tmp_path_factory.mktemp("hostile") / "save.jsonl"
    path.write_bytes(b"".join(lines))
    try:
        read = read_save(path)
    except SaveError as exc:  # only the first line can make a save unusable
        assert "\n" not in str(exc)
    else:
        assert all("\n" not in warning for warning in english(read.warnings))
        assert isinstance(read.events[0], SessionStarted)


NOT_CURRENT = "round 1 is not the current round"


def test_a_read_without_the_events_has_the_same_session(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    revealed_then_dealt(game)
    game.close()
    line = append_events(game.path, {"event": "card_skipped", "round": 1, "card": "x"})
    whole = read_save(game.path)
    light = read_save(game.path, keep_events=False)
    assert light.events == [whole.events[0], whole.events[-1]]
    assert light.next_seq == whole.next_seq
    assert (
        english(light.warnings)
        == english(whole.warnings)
        == [f"{game.path}:{line}: card_skipped is not allowed here ({NOT_CURRENT}); line ignored"]
    )
    assert light.session.rounds == whole.session.rounds


def test_a_line_without_an_event_kind_says_so(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    line = append_events(game.path, {"round": 1, "card": game.session.cards[0]})
    read = read_save(game.path)
    assert english(read.warnings) == [
        f"{game.path}:{line}: line without an 'event' (what happened); line ignored"
    ]


@pytest.mark.parametrize("seq", [-1, -5])
def test_a_line_with_a_negative_seq_has_no_place_in_the_save(
    deck: Deck, tmp_path: Path, seq: int
) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    lines = lines_of(game.path)
    line = len(lines) + 1
    edited = {"seq": seq, "ts": "2025-03-01T08:00:00.000Z", "event": "session_resumed"}
    with game.path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(edited) + "\n")
    read = read_save(game.path)
    assert english(read.warnings) == [
        f"{game.path}:{line}: event without a sequence number; line ignored"
    ]
    assert read.session.resumed == 0
