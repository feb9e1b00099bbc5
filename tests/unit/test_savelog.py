"""The save file: its name, its lines, and what happens when it is damaged or shared."""

from __future__ import annotations

import json
import os
import re
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui import __version__
from goedwerk_tui.domain import savelog
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import SaveError, read_save
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
    monkeypatch.setattr(savelog, "secrets", types.SimpleNamespace(token_hex=lambda n: next(parts)))
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
    assert start["settings"] == {"seed": 7, "order": "shuffled", "timer": 300}
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

    monkeypatch.setattr(savelog.os, "fsync", fsync)
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
    assert again.warnings[0].startswith(f"{game.path}:4: the last line was cut off")
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
    assert len(again.warnings) == 1 and "cut off" in again.warnings[0]
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
    assert read.warnings == [f"{game.path}:4: unreadable line ignored"]
    assert set(read.session.rounds[0].choices) == {"t1", "t2"}
    again = Game.resume(game.path)
    assert again.warnings == read.warnings
    again.reveal()
    again.close()
    assert read_save(game.path).session.rounds[0].revealed


def test_a_hand_edited_line_that_does_not_fit_is_skipped(deck: Deck, tmp_path: Path) -> None:
    game = new_game(deck, tmp_path)
    game.close()
    card = game.session.cards[0]
    bad = [
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
    assert sorted(w.split(": ", 1)[0] for w in read.warnings) == [
        f"{game.path}:{n}" for n in range(3, 10)
    ]
    assert all(w.endswith("line ignored") for w in read.warnings)
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
