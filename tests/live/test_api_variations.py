"""'What if...?' stances and the before/after measure from devices (issue 10 §4-5):
the same intents as the keyboard, hidden from the other teams until their reveal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.hub import LiveHub
from tests.conftest import present
from tests.live.helpers import choice_body, device, new_game, save_lines

SCORES = {"ownership": 4, "meaningfulness": 2, "identification": 5}


def unanswered(state: dict[str, Any]) -> dict[str, Any]:
    return {**state, "teams": [{**t, "answered": None} for t in state["teams"]]}


def stance_body(game: Game, request_id: str, **changes: Any) -> dict[str, Any]:
    body = {
        "card": present(game.session.current_card).id,
        "variation": 1,
        "stance": 2,
        "reason": "",
        "request_id": request_id,
    }
    return {**body, **changes}


async def test_a_stance_under_a_variation_stays_hidden_until_its_reveal(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord", "Zuid"])
    hub = LiveHub(game)
    async with device(hub, "t1") as noord, device(hub, "t2") as zuid:
        early = await noord.post("/api/stance", json=stance_body(game, "0"))
        assert early.status_code == 409
        assert early.json() == {"error": "no 'What if...?' is waiting for stances"}
        await noord.post("/api/choice", json=choice_body(game, "c1"))
        await zuid.post("/api/choice", json=choice_body(game, "c2"))
        game.reveal()
        game.play_variation(1)
        before = (await zuid.get("/api/state")).json()
        variation = before["variation"]
        card = present(game.session.current_card)
        assert variation == {
            "number": 1,
            "text": card.variations[0].get("en"),
            "revealed": False,
            "mine": None,
            "stances": None,
        }
        assert [t["answered"] for t in before["teams"]] == [False, False]
        secret = stance_body(game, "s1", stance=-2, reason="the budget decides it")
        assert (await noord.post("/api/stance", json=secret)).status_code == 200
        after = (await zuid.get("/api/state")).json()
        assert unanswered(after) == unanswered(before)
        assert [t["answered"] for t in after["teams"]] == [True, False]
        assert "the budget decides it" not in (await zuid.get("/api/state")).text
        mine = (await noord.get("/api/state")).json()["variation"]["mine"]
        assert mine == {"stance": -2, "reason": "the budget decides it"}
        wrong = await zuid.post("/api/stance", json=stance_body(game, "s2", variation=2))
        assert wrong.status_code == 409
        bad = await zuid.post("/api/stance", json=stance_body(game, "s3", stance=9))
        assert bad.status_code == 400 and bad.json() == {
            "error": "stance must be -2, -1, 0, 1 or 2"
        }
        assert (await zuid.post("/api/stance", json=stance_body(game, "s4"))).status_code == 200
        game.reveal_variation()
        shown = (await zuid.get("/api/state")).json()["variation"]
    assert shown["revealed"] is True
    assert shown["stances"] == [
        {"team": "t1", "stance": -2, "reason": "the budget decides it"},
        {"team": "t2", "stance": 2, "reason": ""},
    ]
    revised = [line for line in save_lines(game) if line["event"] == "stance_revised"]
    assert [(r["team"], r["stance"], r["via"]) for r in revised] == [
        ("t1", -2, "device"),
        ("t2", 2, "device"),
    ]


async def test_the_measure_before_the_first_card_from_a_device(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord", "Zuid"], measure=True)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord, device(hub, "t2") as zuid:
        state = (await noord.get("/api/state")).json()
        assert state["phase"] == "starting" and state["card"] is None
        assert state["measure"]["moment"] == "before" and state["measure"]["mine"] is None
        assert set(state["measure"]["statements"]) == set(SCORES)
        statements = state["measure"]["statements"]
        assert statements["ownership"].startswith("We can influence")
        assert statements["identification"] == game.session.deck.statement("identification").get(
            "en"
        )
        assert statements["identification"].startswith("We identify with")  # the deck's own
        body = {"moment": "before", "scores": SCORES, "request_id": "m1"}
        assert (await noord.post("/api/measure", json=body)).status_code == 200
        assert (await noord.post("/api/measure", json=body)).status_code == 200  # a repeat
        assert (await noord.get("/api/state")).json()["measure"]["mine"] == SCORES
        other = (await zuid.get("/api/state")).json()
        assert other["measure"]["mine"] is None
        assert [t["answered"] for t in other["teams"]] == [True, False]
        late = await zuid.post("/api/measure", json={**body, "moment": "after"})
        assert late.status_code == 409
        assert late.json() == {"error": "the measure after comes in the closing step"}
        high = {"moment": "before", "scores": {**SCORES, "ownership": 6}, "request_id": "m2"}
        refused = await zuid.post("/api/measure", json=high)
        assert refused.status_code == 400
        assert refused.json() == {"error": "the score for ownership must be 1, 2, 3, 4 or 5"}
        odd = await zuid.post("/api/measure", json={**body, "moment": "later"})
        assert odd.status_code == 400
        game.next()  # the first card: the measure before is over
        assert (await zuid.get("/api/state")).json()["measure"] is None
        closed = await zuid.post("/api/measure", json={**body, "request_id": "m3"})
        assert closed.status_code == 409
    measured = [line for line in save_lines(game) if line["event"] == "measure_recorded"]
    assert [(m["team"], m["moment"], m["via"]) for m in measured] == [("t1", "before", "device")]


async def test_in_the_closing_step_the_measure_after_and_the_action_answer(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord"], measure=True)
    hub = LiveHub(game)
    game.next()
    async with device(hub, "t1") as noord:
        await noord.post("/api/choice", json=choice_body(game, "c"))
        game.reveal()
        game.stop_dealing()
        assert (await noord.get("/api/state")).json()["measure"]["moment"] == "after"
        await noord.post("/api/action", json={"text": "Plan maken", "request_id": "a"})
        assert not hub.answered("t1")  # the measure after is asked too
        after = {"moment": "after", "scores": SCORES, "request_id": "m"}
        assert (await noord.post("/api/measure", json=after)).status_code == 200
        assert hub.answered("t1")


async def test_a_session_without_the_measure_refuses_it(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        assert (await noord.get("/api/state")).json()["measure"] is None
        body = {"moment": "before", "scores": SCORES, "request_id": "m"}
        answer = await noord.post("/api/measure", json=body)
    assert answer.status_code == 409
    assert answer.json() == {"error": "this session does not measure the goals"}
