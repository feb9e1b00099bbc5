"""A stand-in for the laptop's live server, inside the browser: Playwright answers the
page's requests itself (``page.route``), with the states the API contract describes
(docs/live-api.md), built from a bundled deck's first card.

The page's own files are served from ``goedwerk_tui/live/static/`` with the server's
strict Content-Security-Policy, so what works here works without inline script or
style. Each test sets the state it wants, loads the page and reads what a team sees;
what the page posts is kept in ``posts`` (with a queue of answers to give).
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goedwerk_tui.domain.deck import Card, Deck
from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.i18n import CATALOGUES

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "goedwerk_tui" / "live" / "static"
DECK = ROOT / "decks" / "goed-werk-openbaar-bestuur.yaml"
ORIGIN = "http://goedwerk.test"
CODE = "K7PM3Q"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Team names a page must show literally: markup, Rich markup, a quote and an accent.
NASTY = ["<script>alert(1)</script>", "[/]", 'Rood "&amp;"', "Zoë <b>"]

Json = dict[str, Any]


def deck() -> Deck:
    return load_deck(DECK)


def card_state(card: Card, the_deck: Deck, lang: str) -> Json:
    """The ``card`` of GET /api/state, in ``lang``: its own values first."""
    field_ = the_deck.field_of(card)
    own = [the_deck.catalogue.by_id[v] for v in card.values]
    return {
        "id": card.id,
        "title": card.title.get(lang),
        "setting": card.setting.get(lang) if card.setting else None,
        "situation": card.situation.get(lang),
        "options": [
            {"letter": "ABCDEF"[i], "text": o.get(lang)} for i, o in enumerate(card.options)
        ],
        "questions": [q.get(lang) for q in card.questions],
        "field": {
            "name": field_.name.get(lang),
            "pole_a": field_.pole_a.get(lang),
            "pole_b": field_.pole_b.get(lang),
        },
        "values": [
            {
                "id": v.id,
                "name": v.name.get(lang),
                "description": v.description.get(lang) if v.description else "",
            }
            for v in own
        ],
        "reflection": None,
    }


def choosing_state(teams: list[str], lang: str = "nl", me: int = 0) -> Json:
    """A card open for choices; no team has answered yet."""
    the_deck = deck()
    card = the_deck.cards[0]
    ids = [f"t{i}" for i in range(1, len(teams) + 1)]
    return {
        "live": "open",
        "phase": "choosing",
        "round": 1,
        "card": card_state(card, the_deck, lang),
        "all_values": [{"id": v.id, "name": v.name.get(lang)} for v in the_deck.catalogue.values],
        "teams": [{"id": i, "name": n, "answered": False} for i, n in zip(ids, teams, strict=True)],
        "me": {"id": ids[me], "name": teams[me]},
        "mine": None,
        "reveal": None,
        "variation": None,
        "measure": None,
        "action": None,
    }


def revealed_state(state: Json, choices: list[Json], reflection: str) -> Json:
    """``state`` after the reveal, with every team's choice."""
    card = {**state["card"], "reflection": reflection}
    teams = [{**team, "answered": True} for team in state["teams"]]
    mine = next((c for c in choices if c["team"] == state["me"]["id"]), None)
    return {
        **state,
        "phase": "revealed",
        "card": card,
        "teams": teams,
        "mine": mine,
        "reveal": {"choices": choices},
    }


@dataclass
class FakeLive:
    """The API of one live session as the page sees it."""

    state: Json
    lang: str = "nl"
    title: str = "Goed werk in het openbaar bestuur"
    joined: bool = False  # the device holds a team's token (its cookie)
    code_ok: bool = True  # False: the session has a new join code (resumed) since the page
    claimed: set[str] = field(default_factory=set)
    posts: list[tuple[str, Json]] = field(default_factory=list)
    answers: list[tuple[int, Json | str]] = field(default_factory=list)  # next POST answers
    abort_next: int = 0  # POSTs to drop on the floor (a lost connection)

    def install(self, page: Page) -> None:
        page.route(f"{ORIGIN}/**", self._handle)

    def url(self) -> str:
        return f"{ORIGIN}/j/{CODE}"

    def _handle(self, route: Route) -> None:
        request = route.request
        path = request.url.removeprefix(ORIGIN).split("?")[0]
        if request.method == "POST":
            self._post(route, path, json.loads(request.post_data or "{}"))
        elif path == f"/j/{CODE}":
            self._file(route, "index.html")
        elif path.startswith("/static/"):
            self._file(route, path.removeprefix("/static/"))
        elif path == "/api/texts":
            texts = {k: v for k, v in CATALOGUES[self.lang].items() if k.startswith("live.page.")}
            self._json(route, 200, {"language": self.lang, "texts": texts})
        elif path == f"/api/join/{CODE}" and self.code_ok:
            self._json(route, 200, self._join_info())
        elif path.startswith("/api/join/"):
            self._json(route, 403, {"error": "wrong code"})
        elif path == "/api/state":
            self._json(route, 200 if self.joined else 401, self.state if self.joined else {})
        elif path == "/api/events":
            self._events(route)
        else:
            route.fulfill(status=404, body="")

    def _join_info(self) -> Json:
        teams = [
            {"id": t["id"], "name": t["name"], "claimed": t["id"] in self.claimed}
            for t in self.state["teams"]
        ]
        return {"title": self.title, "language": self.lang, "teams": teams}

    def _post(self, route: Route, path: str, body: Json) -> None:
        if self.abort_next:
            self.abort_next -= 1
            self.posts.append((path, body))
            route.abort("connectionreset")
            return
        self.posts.append((path, body))
        if path == "/api/join":
            if body["team"] in self.claimed:
                self._json(route, 409, {"error": "claimed"})
                return
            self.joined = True
            team = next(t for t in self.state["teams"] if t["id"] == body["team"])
            self.state["me"] = {"id": team["id"], "name": team["name"]}
            self._json(route, 200, {"token": "x" * 32, "team": self.state["me"]})
            return
        status, answer = self.answers.pop(0) if self.answers else (200, {"seq": len(self.posts)})
        self._json(route, status, answer)

    def _events(self, route: Route) -> None:
        if not self.joined:
            route.fulfill(status=401, body="")
            return
        # one state, then the stream ends and the page comes back within a second (far
        # sooner than it says "connection lost"): the next state a test set arrives then
        body = f"retry: 500\nevent: state\ndata: {json.dumps(self.state)}\n\n"
        route.fulfill(status=200, headers=self._headers("text/event-stream"), body=body)

    def _file(self, route: Route, name: str) -> None:
        path = STATIC / name
        if "/" in name or not path.is_file():
            route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        route.fulfill(status=200, headers=self._headers(kind), body=path.read_bytes())

    def _json(self, route: Route, status: int, data: Json | str) -> None:
        body = data if isinstance(data, str) else json.dumps(data)
        kind = "text/plain" if isinstance(data, str) else "application/json"
        route.fulfill(status=status, headers=self._headers(kind), body=body)

    @staticmethod
    def _headers(kind: str) -> dict[str, str]:
        return {
            "Content-Type": kind,
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        }
