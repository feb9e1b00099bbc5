"""docs/live-api.md names every route the live server has, and every status it gives."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.live.api import LiveApi
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.security import CSP, RateLimit
from tests.conftest import ROOT
from tests.live.helpers import new_game

DOC = (ROOT / "docs" / "live-api.md").read_text("utf-8")


def test_the_doc_names_every_route(saves_dir: Path) -> None:
    api = LiveApi(LiveHub(new_game(saves_dir)), tls=False, limit=RateLimit())
    for route in api.routes():
        methods = route.methods or set()
        method = "POST" if "POST" in methods else "GET"
        assert f"`{method} {route.path}" in DOC, route.path


def test_the_doc_gives_the_policy_and_every_status() -> None:
    assert CSP in " ".join(DOC.replace("`", "").split())
    for status in (200, 400, 401, 403, 404, 409, 413, 429, 503):
        assert f"**{status}**" in DOC or f"{status} `" in DOC, status
