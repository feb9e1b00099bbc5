"""Choices and actions from devices: the same rules and the same save as the keyboard,
nothing of another team's choice before the reveal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from goedwerk_tui.live.hub import LiveHub
from tests.live.helpers import choice_body, device, kinds, new_game, save_lines

SECRET = "Our secret reason nobody may read before the reveal"


def without_answered(state: dict[str, Any]) -> dict[str, Any]:
    return {**state, "teams": [{**t, "answered": None} for t in state["teams"]]}


async def test_before_the_reveal_nothing_of_another_teams_choice_reaches_a_device(
    saves_dir: Path,
) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord, device(hub, "t2") as zuid:
        before = (await zuid.get("/api/state")).json()
        info_before = (await zuid.get(f"/api/join/{hub.join_code}")).json()
        card = before["card"]
        picked = {"a": [card["values"][-1]["id"]], "b": [card["values"][0]["id"]]}
        body = choice_body(game, "n1", stance=2, option="C", values=picked, rationale=SECRET)
        assert (await noord.post("/api/choice", json=body)).status_code == 200
        after = (await zuid.get("/api/state")).json()
        # Zuid learns that Noord answered, and nothing else changed for it
        assert [t["answered"] for t in after["teams"]] == [True, False, False]
        assert without_answered(after) == without_answered(before)
        assert after["mine"] is None and after["reveal"] is None
        assert (await zuid.get(f"/api/join/{hub.join_code}")).json() == info_before
        assert SECRET not in (await zuid.get("/api/state")).text
        # Noord sees its own choice
        mine = (await noord.get("/api/state")).json()["mine"]
        assert mine == {"stance": 2, "option": "C", "values": picked, "rationale": SECRET}


async def test_a_change_of_mind_is_a_second_line_and_the_latest_counts(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        first = await noord.post("/api/choice", json=choice_body(game, "a", stance=-2))
        second = await noord.post("/api/choice", json=choice_body(game, "b", stance=1))
        assert first.json()["seq"] == 2 and second.json()["seq"] == 3
        assert (await noord.get("/api/state")).json()["mine"]["stance"] == 1
    choices = [line for line in save_lines(game) if line["event"] == "choice_recorded"]
    assert [(c["team"], c["stance"]) for c in choices] == [("t1", -2), ("t1", 1)]


async def test_after_the_reveal_every_device_sees_every_choice_and_the_reflection(
    saves_dir: Path,
) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord, device(hub, "t2") as zuid:
        await noord.post("/api/choice", json=choice_body(game, "n", stance=-2, rationale=SECRET))
        await zuid.post("/api/choice", json=choice_body(game, "z", stance=2, option="B"))
        game.record_choice("t3", 0, None, [present_value(game)], [], "typed on the laptop")
        assert (await zuid.get("/api/state")).json()["card"]["reflection"] is None
        game.reveal()  # the facilitator's key
        state = (await zuid.get("/api/state")).json()
    assert state["phase"] == "revealed"
    assert state["card"]["reflection"]
    assert [(c["team"], c["stance"], c["option"]) for c in state["reveal"]["choices"]] == [
        ("t1", -2, "A"),
        ("t2", 2, "B"),
        ("t3", 0, None),
    ]
    assert state["reveal"]["choices"][0]["rationale"] == SECRET


def present_value(game: Any) -> str:
    card = game.session.current_card
    assert card is not None
    return str(card.values[0])


async def test_a_device_that_comes_back_gets_its_own_choice(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        await noord.post("/api/choice", json=choice_body(game, "n", rationale=SECRET))
        token = noord.headers["Authorization"]
    # the phone slept; the page reloads with the same token (a new connection)
    from tests.live.helpers import app_client

    async with app_client(hub) as again:
        state = (await again.get("/api/state", headers={"Authorization": token})).json()
    assert state["mine"]["rationale"] == SECRET and state["me"]["id"] == "t1"


async def test_a_repeated_submit_is_applied_once_and_answered_the_same(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        body = choice_body(game, "same-id")
        first = await noord.post("/api/choice", json=body)
        again = await noord.post("/api/choice", json=body)
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        # another team may use the same request id: its own request
        async with device(hub, "t2") as zuid:
            assert (await zuid.post("/api/choice", json=body)).json()["seq"] == first.json()[
                "seq"
            ] + 1
    assert kinds(game).count("choice_recorded") == 2


async def test_refusals_write_nothing_and_say_why(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    lines = len(save_lines(game))
    cases: list[tuple[dict[str, Any], int, str]] = [
        (choice_body(game, "1", stance=3), 400, "stance must be -2, -1, 0, 1 or 2"),
        (choice_body(game, "2", option="F"), 400, "option must be one of A, B, C"),
        (choice_body(game, "3", values={"a": [], "b": []}), 400, "pick at least one value"),
        (
            choice_body(game, "4", values={"a": ["no-such-value"]}),
            400,
            "unknown value 'no-such-value'",
        ),
        (choice_body(game, "5", card="another-card"), 409, "round 1 holds another card"),
        (
            choice_body(game, "8", rationale="x" * 501),
            400,
            "the rationale is longer than 500 characters",
        ),
        (choice_body(game, "6", stance="left"), 400, "the request cannot be understood"),
        (choice_body(game, "7", extra=1), 400, "the request cannot be understood"),
        (choice_body(game, "", stance=0), 400, "the request cannot be understood"),
    ]
    async with device(hub, "t1") as noord:
        for body, status, reason in cases:
            answer = await noord.post("/api/choice", json=body)
            assert answer.status_code == status, body
            assert answer.json()["error"].startswith(reason)
            assert "\n" not in answer.json()["error"]
        action = await noord.post(
            "/api/action", json={"text": "Bel de minister", "request_id": "x"}
        )
        assert action.status_code == 409
        assert action.json() == {"error": "actions are recorded after the last card"}
    assert len(save_lines(game)) == lines


async def test_without_a_valid_token_a_device_gets_401(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        token = noord.headers.pop("Authorization")
        noord.cookies.clear()
        for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": token[:-2]}):
            assert (await noord.get("/api/state", headers=headers)).status_code == 401
            answer = await noord.post("/api/choice", json=choice_body(game, "x"), headers=headers)
            assert answer.status_code == 401
            assert answer.json() == {
                "error": "this device does not belong to a team (yet); pick your team first"
            }
            assert (await noord.get("/api/events", headers=headers)).status_code == 401
    assert kinds(game).count("choice_recorded") == 0


async def test_a_body_over_16_kib_is_refused_unread(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        big = choice_body(game, "big", rationale="x" * 17_000)
        answer = await noord.post("/api/choice", json=big)
        assert answer.status_code == 413
        assert answer.json() == {"error": "the request is larger than 16384 bytes"}

        async def chunks() -> Any:  # no Content-Length: counted as it arrives
            for _ in range(20):
                yield b" " * 1024

        streamed = await noord.post("/api/choice", content=chunks())
        assert streamed.status_code == 413
    assert kinds(game).count("choice_recorded") == 0


async def test_after_the_reveal_or_in_the_closing_step_a_choice_is_a_409(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord"])
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        body = choice_body(game, "1")
        await noord.post("/api/choice", json=body)
        game.reveal()
        late = await noord.post("/api/choice", json={**body, "request_id": "2"})
        assert late.status_code == 409 and late.json() == {"error": "this card is revealed already"}
        game.stop_dealing()
        closing = await noord.post("/api/choice", json={**body, "request_id": "3"})
        assert closing.status_code == 409


async def test_actions_in_the_closing_step(saves_dir: Path) -> None:
    game = new_game(saves_dir, ["Noord", "Zuid"])
    hub = LiveHub(game)
    async with device(hub, "t1") as noord, device(hub, "t2") as zuid:
        await noord.post("/api/choice", json=choice_body(game, "1"))
        await zuid.post("/api/choice", json=choice_body(game, "2"))
        game.reveal()
        game.stop_dealing()
        assert not hub.answered("t1")
        state = (await noord.get("/api/state")).json()
        assert state["phase"] == "closing" and state["card"] is None and state["action"] is None
        empty = await noord.post("/api/action", json={"text": "   ", "request_id": "e"})
        assert empty.status_code == 400 and empty.json() == {"error": "the action is empty"}
        done = await noord.post(
            "/api/action", json={"text": "Bel de <b>minister</b>", "request_id": "a"}
        )
        assert done.status_code == 200
        assert (await noord.get("/api/state")).json()["action"] == "Bel de <b>minister</b>"
        assert (await zuid.get("/api/state")).json()["action"] is None  # each team its own
        assert hub.answered("t1") and not hub.answered("t2")
    actions = [line for line in save_lines(game) if line["event"] == "action_recorded"]
    assert [(a["team"], a["text"], a["via"]) for a in actions] == [
        ("t1", "Bel de <b>minister</b>", "device")
    ]


async def test_a_released_team_is_401_and_can_be_claimed_again(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    changes: list[str] = []
    hub.on_change.append(lambda: changes.append("changed"))
    async with device(hub, "t1") as lost_phone:
        assert changes == ["changed"]  # the join
        hub.release("t1")
        assert changes == ["changed", "changed"]
        assert not hub.joined("t1")
        assert (await lost_phone.get("/api/state")).status_code == 401
        async with device(hub, "t1") as new_phone:
            assert (await new_phone.get("/api/state")).status_code == 200
            assert (await lost_phone.get("/api/state")).status_code == 401


async def test_the_save_says_device_and_holds_no_token_or_address(saves_dir: Path) -> None:
    game = new_game(saves_dir)
    hub = LiveHub(game)
    async with device(hub, "t1") as noord:
        token = noord.headers["Authorization"].removeprefix("Bearer ")
        await noord.post("/api/choice", json=choice_body(game, "n"))
    game.record_choice("t2", 0, None, [present_value(game)], [], "")
    raw = game.path.read_text("utf-8")
    assert token not in raw
    for trace in ("127.0.0.1", "live.test", "python-httpx", "request_id", hub.join_code):
        assert trace not in raw
    choices = [line for line in save_lines(game) if line["event"] == "choice_recorded"]
    assert [(c["team"], c["via"]) for c in choices] == [("t1", "device"), ("t2", "keyboard")]


async def test_a_save_that_cannot_be_written_is_a_503_and_can_be_tried_again(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goedwerk_tui.domain.errors import SaveError

    game = new_game(saves_dir)
    hub = LiveHub(game)
    real = game.log.append

    def full(event: Any) -> Any:
        raise SaveError("save.cannot_write", path=str(game.path), reason="No space left on device")

    async with device(hub, "t1") as noord:
        monkeypatch.setattr(game.log, "append", full)
        refused = await noord.post("/api/choice", json=choice_body(game, "same"))
        assert refused.status_code == 503
        assert (
            str(game.path) not in refused.text
        )  # the laptop's folders are not the device's business
        monkeypatch.setattr(game.log, "append", real)
        again = await noord.post("/api/choice", json=choice_body(game, "same"))
        assert again.status_code == 200  # the refusal was not remembered as the answer
    assert kinds(game).count("choice_recorded") == 1


async def test_a_listener_that_fails_does_not_undo_the_devices_answer(saves_dir: Path) -> None:
    import asyncio

    game = new_game(saves_dir)
    hub = LiveHub(game)
    reported: list[object] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, context: reported.append(context))
    async with device(hub, "t1") as noord:

        def broken() -> None:
            raise RuntimeError("the panel could not redraw")

        hub.on_change.append(broken)
        body = choice_body(game, "once")
        first = await noord.post("/api/choice", json=body)
        again = await noord.post("/api/choice", json=body)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert kinds(game).count("choice_recorded") == 1
    assert reported  # said, not swallowed
