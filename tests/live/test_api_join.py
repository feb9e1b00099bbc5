"""Joining a live session: the code, picking a team, claims, the rate limit."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.security import RateLimit
from tests.live.helpers import app_client, new_game


async def test_a_device_joins_with_the_code_and_gets_a_token_and_a_cookie(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as client:
        info = await client.get(f"/api/join/{hub.join_code}")
        assert info.status_code == 200
        assert info.json() == {
            "title": "Good work in public service",
            "language": "en",
            "teams": [
                {"id": "t1", "name": "Noord", "claimed": False},
                {"id": "t2", "name": "Zuid", "claimed": False},
                {"id": "t3", "name": "Oost", "claimed": False},
            ],
        }
        joined = await client.post("/api/join", json={"code": hub.join_code, "team": "t2"})
        assert joined.status_code == 200
        token = joined.json()["token"]
        assert joined.json()["team"] == {"id": "t2", "name": "Zuid"}
        cookie = joined.headers["set-cookie"]
        assert cookie.startswith(f"goedwerk_token={token};")
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
        assert "Secure" not in cookie  # plain http: a Secure cookie would never come back
        # the page's later requests carry the cookie only
        state = await client.get("/api/state")
        assert state.status_code == 200 and state.json()["me"] == {"id": "t2", "name": "Zuid"}
        info = await client.get(f"/api/join/{hub.join_code}")
        assert [t["claimed"] for t in info.json()["teams"]] == [False, True, False]
    assert hub.joined("t2") and not hub.joined("t1")


async def test_the_code_is_read_in_any_capitals(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as client:
        answer = await client.post("/api/join", json={"code": hub.join_code.lower(), "team": "t1"})
        assert answer.status_code == 200


async def test_under_tls_the_cookie_is_secure(saves_dir: Path) -> None:
    import httpx

    from goedwerk_tui.live.api import create_app

    hub = LiveHub(new_game(saves_dir))
    transport = httpx.ASGITransport(app=create_app(hub, tls=True))
    async with httpx.AsyncClient(transport=transport, base_url="https://live.test") as client:
        answer = await client.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        assert "Secure" in answer.headers["set-cookie"]


async def test_a_wrong_code_is_refused_and_tells_nothing(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    wrong = "ZZZZZZ" if hub.join_code != "ZZZZZZ" else "YYYYYY"
    async with app_client(hub) as client:
        info = await client.get(f"/api/join/{wrong}")
        assert info.status_code == 403
        assert "Noord" not in info.text
        assert info.json()["error"].startswith("this join code is not right")
        joined = await client.post("/api/join", json={"code": wrong, "team": "t1"})
        assert joined.status_code == 403 and "set-cookie" not in joined.headers
        page = await client.get(f"/j/{wrong}")
        assert page.status_code == 404 and page.content == b""
    assert not hub.joined("t1")


async def test_a_claimed_team_cannot_be_taken_by_another_device(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as first, app_client(hub) as second:
        assert (
            await first.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        ).status_code == 200
        again = await second.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        assert again.status_code == 409
        assert "taken on another device" in again.json()["error"]
        assert (
            await second.post("/api/join", json={"code": hub.join_code, "team": "t3"})
        ).status_code == 200


async def test_an_unknown_team_or_a_body_of_another_shape_is_a_400(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as client:
        unknown = await client.post("/api/join", json={"code": hub.join_code, "team": "t9"})
        assert unknown.status_code == 400 and unknown.json() == {"error": "unknown team 't9'"}
        for body in (b"{", b"[]", b'{"code": 1, "team": "t1"}', b'{"code": "x"}'):
            bad = await client.post("/api/join", content=body)
            assert bad.status_code == 400, body
            assert bad.json()["error"].startswith("the request cannot be understood")


async def test_join_attempts_are_rate_limited_per_client(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    now = [0.0]
    limit = RateLimit(burst=5, every=6.0, clock=lambda: now[0])
    async with app_client(hub, limit) as client:
        for _ in range(5):
            assert (await client.get("/api/join/AAAAAA")).status_code in (403, 200)
        refused = await client.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        assert refused.status_code == 429  # even the right code, once the attempts are used up
        assert refused.json() == {"error": "too many attempts; wait a minute and try again"}
        assert (await client.get(f"/j/{hub.join_code}")).status_code == 429
        assert not hub.joined("t1")
        now[0] += 6.0  # one attempt back every six seconds
        assert (
            await client.post("/api/join", json={"code": hub.join_code, "team": "t1"})
        ).status_code == 200
        assert (await client.get(f"/api/join/{hub.join_code}")).status_code == 429


async def test_the_default_limit_stops_a_guesser_after_ten_tries(saves_dir: Path) -> None:
    import httpx

    from goedwerk_tui.live.api import create_app

    hub = LiveHub(new_game(saves_dir))
    transport = httpx.ASGITransport(app=create_app(hub))
    async with httpx.AsyncClient(transport=transport, base_url="http://live.test") as client:
        answers = [
            (await client.post("/api/join", json={"code": f"AB{n:04d}", "team": "t1"})).status_code
            for n in range(12)
        ]
    assert answers == [403] * 10 + [429] * 2


async def test_the_page_is_served_under_the_right_code_only(saves_dir: Path) -> None:
    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as client:
        page = await client.get(f"/j/{hub.join_code}")
        from goedwerk_tui.live.api import STATIC

        if (STATIC / "index.html").is_file():
            assert page.status_code == 200
            assert page.headers["content-type"] == "text/html; charset=utf-8"
        else:
            assert page.status_code == 404  # the page's files are live-page's, not here yet
        for name in ("../api.py", "..%2Fapi.py", ".hidden", "api.py"):
            assert (await client.get(f"/static/{name}")).status_code == 404


async def test_texts_for_the_page_are_the_live_page_keys_in_the_session_language(
    saves_dir: Path,
) -> None:
    from goedwerk_tui.i18n import CATALOGUES

    hub = LiveHub(new_game(saves_dir))
    async with app_client(hub) as client:
        answer = await client.get("/api/texts")
    assert answer.status_code == 200
    data = answer.json()
    assert data["language"] == "en"
    expected = {k: v for k, v in CATALOGUES["en"].items() if k.startswith("live.page.")}
    assert data["texts"] == expected
