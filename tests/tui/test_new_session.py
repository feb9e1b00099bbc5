"""The new-session form reads decks and starts the session in thread workers: the
form stays live meanwhile and says what it is doing, and with the deck cache warm no
YAML is parsed at all."""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select

import goedwerk_tui.deck_source as deck_source
import goedwerk_tui.ui.screens.new_session as new_session
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.locations import DEFAULT_DECK_ID
from goedwerk_tui.ui.screens.measure import MeasureScreen
from goedwerk_tui.ui.screens.new_session import NewSessionScreen
from tests.tui.helpers import app_for, keys, open_form, screen_text, settle


def screenshot_text(app: Any) -> str:
    svg: str = app.export_screenshot()
    return html.unescape(svg).replace("\xa0", " ")


async def test_the_decks_are_read_in_a_worker_while_names_are_typed(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    read = new_session.bundled_decks

    def slow_decks() -> list[tuple[Path, Deck]]:
        assert release.wait(10)  # a cold cache: every bundled deck parsed and validated
        return read()

    monkeypatch.setattr(new_session, "bundled_decks", slow_decks)
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        assert "De decks worden gelezen" in screenshot_text(app)
        await pilot.press(*keys("Noord, Zuid"))  # the form answers meanwhile
        assert screen.query_one("#team-names", Input).value == "Noord, Zuid"
        release.set()
        await settle(pilot)
        deck = screen.query_one("#deck", Select)
        assert Path(str(deck.value)).stem == DEFAULT_DECK_ID
        assert len(screen.deck_languages) >= 2
        assert "De decks worden gelezen" not in screenshot_text(app)


async def test_starting_says_so_and_starts_once(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    opened: list[str] = []
    open_deck = deck_source.open_deck

    def slow_open(ref: str) -> Deck:
        opened.append(ref)
        assert release.wait(10)  # a big deck typed as a path: seconds to validate
        return open_deck(ref)

    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        monkeypatch.setattr(deck_source, "open_deck", slow_open)
        await pilot.press(*keys("Noord, Zuid"), "enter")
        await pilot.pause()
        assert "De sessie wordt gestart" in screen_text(app, 80)
        await pilot.press("enter", "escape")  # neither starts it twice nor leaves
        await pilot.pause()
        assert app.screen is screen
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, MeasureScreen)  # the before-measure is on by default
        assert [team.name for team in app.game.session.teams] == ["Noord", "Zuid"]
    assert len(opened) == 1
    assert len(list(saves_dir.glob("*.jsonl"))) == 1


async def test_after_a_refusal_the_form_starts_again(saves_dir: Path) -> None:
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        await pilot.press(*keys("Rood, rood"), "enter")
        await settle(pilot)
        assert app.screen is screen
        text = screen_text(app, 80)
        assert "staat er twee keer in" in text and "De sessie wordt gestart" not in text
        assert "Enter in een tekstveld: sessie starten" in text  # the hint is back
        await pilot.press("ctrl+u", *keys("Rood, Blauw"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, MeasureScreen)  # the before-measure is on by default


async def test_with_the_deck_cache_warm_no_yaml_is_parsed(
    saves_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import goedwerk_tui.domain.yamlsource as yamlsource

    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        offered = dict((await open_form(pilot)).deck_languages)  # read once, then cached
    assert len(offered) >= 2

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML was parsed with the deck cache warm")

    monkeypatch.setattr(yamlsource, "_Loader", no_yaml)  # every deck and catalogue parse
    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert (await open_form(pilot)).deck_languages == offered
        await pilot.press("enter")  # and the session starts from the cache too
        await settle(pilot)
        assert isinstance(app.screen, MeasureScreen)  # the before-measure is on by default


async def test_the_form_checkboxes_show_on_and_off_by_shape_not_only_colour(
    saves_dir: Path,
) -> None:
    from textual.widgets import Checkbox

    app = app_for([], saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(pilot)
        boxes = {box.id: box for box in screen.query(Checkbox)}
        assert set(boxes) == {"shuffle", "measure", "live"}

        def drawn(box_id: str) -> str:
            return boxes[box_id].render().plain

        assert boxes["measure"].value and not boxes["shuffle"].value
        assert drawn("measure").startswith("▐X▌") and drawn("shuffle").startswith("▐ ▌")
        assert drawn("live").startswith("▐ ▌")
        boxes["shuffle"].focus()
        await pilot.press("space")  # the way a facilitator turns it on
        await pilot.pause()
        assert boxes["shuffle"].value and drawn("shuffle").startswith("▐X▌")
        boxes["measure"].focus()
        await pilot.press("space")
        await pilot.pause()
        assert drawn("measure").startswith("▐ ▌")
