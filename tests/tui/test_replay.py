"""Walking a saved session through for a debrief, as a debrief leader would."""

from __future__ import annotations

import html
import os
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.command import CommandList
from textual.widgets import Input, OptionList, Static

from goedwerk_tui.ui.screens.help import HelpScreen
from goedwerk_tui.ui.screens.replay import OverviewScreen, ReplayScreen
from tests.conftest import present
from tests.tui.helpers import app_for, screen_text
from tests.tui.sessions import played_save


def shown(app: App[None]) -> str:
    return screen_text(app, 120)


async def test_step_through_a_round_choice_by_choice(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReplayScreen)
        assert "stap 0 van 3" in shown(app)
        assert "Eerst dit" not in shown(app)
        await pilot.press("right")
        text = shown(app)
        assert "stap 1 van 3" in text and "Eerst dit" in text and "Draagvlak telt" not in text
        await pilot.press("right", "right")
        text = shown(app)
        assert "Toch dit" in text and "eerder" in text  # the change of mind is visible
        assert "Goed gesprek over [b]trots[/b]" in text  # the note, literally
        assert "Reflectie" in text
        await pilot.press("left")
        assert "stap 2 van 3" in shown(app)
        await pilot.press("n")
        assert "Deze kaart is overgeslagen." in shown(app) or "stap 0 van 0" in shown(app)
        await pilot.press("p")
        assert "stap 0 van 3" in shown(app)


async def test_guess_first_hides_the_next_choice_until_asked(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "right")
        text = shown(app)
        assert "Raad eerst: welke positie koos Rood?" in text
        assert "Eerst dit" not in text
        await pilot.press("right")
        text = shown(app)
        assert "Eerst dit" in text and "Raad eerst" not in text


async def test_overview_shows_leans_values_apart_unused_and_actions(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", "--lang", "en", str(save)], tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        text = shown(app)
        assert "Which pole each team leaned to" in text
        assert "█" in text
        assert "Cards where the teams were furthest apart" in text
        assert "Values nobody invoked" in text
        assert "Elke maand een dilemma" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReplayScreen)


async def test_two_tables_open_as_one_debrief(tmp_path: Path) -> None:
    first = played_save(tmp_path / "a")
    second = played_save(tmp_path / "b", teams=("Groen", "Geel"))
    app = app_for(["replay", str(first), str(second)], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right")
        assert "Tafel 1 · Rood" in shown(app)
        await pilot.press("o")
        text = shown(app)
        assert "Tafel 2 · Groen" in text and "Tafel 1: " in text and "Tafel 2: " in text


async def test_a_torn_save_opens_with_a_clear_warning(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    with open(save, "a", encoding="utf-8") as handle:
        handle.write('{"seq": 40, "ts": "20')  # the program died while writing
    app = app_for(["replay", str(save)], tmp_path)
    warnings: list[str] = []
    app.notify = lambda message, **kwargs: warnings.append(message)  # type: ignore[method-assign]  # a test double
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("right")
        assert "Eerst dit" in shown(app)
    assert any("de laatste regel is afgebroken" in w for w in warnings)  # a Dutch session


async def test_on_a_narrow_screen_answers_stack_and_the_card_list_makes_room(
    tmp_path: Path,
) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rounds = app.screen.query_one("#rounds")
        assert rounds.display is False
        await pilot.press("right", "right", "right")
        text = screen_text(app, 80)
        assert "“Toch dit”" in text and "(eerder)" in text
        await pilot.press("l")
        assert rounds.display is True


def rendered_lines(static: Static) -> list[str]:
    """The lines a Static shows, wrapped at its own width."""
    with open(os.devnull, "w", encoding="utf-8") as sink:
        console = Console(width=static.content_region.width, record=True, file=sink)
        console.print(static.content)
        return console.export_text().splitlines()


def on_screen(app: App[None]) -> str:
    """What the terminal shows right now (the rendered screen, not the widgets' text)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


async def test_the_situation_stays_on_screen_at_every_step(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for step in range(4):
            await pilot.pause()
            screen = on_screen(app)
            assert f"stap {step} van 3" in screen
            assert "Je schrijft mee aan een Kamerbrief" in screen  # the situation
            await pilot.press("right")
        await pilot.press("n")
        await pilot.pause()
        assert "stap 0 van 0" in on_screen(app)


async def test_the_options_and_each_chosen_option_show_their_text(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app, 76)
        assert "Mogelijke keuzes" in text
        assert "A  De brief aanpassen; de cijfers staan in de bijlage" in text
        await pilot.press("right", "right", "right")
        text = screen_text(app, 76)
        assert "Keuze C: Via je directeur een gesprek met de minister" in text  # Rood, last
        assert "Keuze B: De tegenvaller in de brief zelf benoemen" in text  # Blauw
        assert "(eerder) -1 · A · “Eerst dit”" in text  # Rood's change of mind


async def test_the_card_list_opens_with_focus_and_marks_skipped_cards(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        rounds = app.screen.query_one("#rounds", OptionList)
        await pilot.press("l")
        assert rounds.display is True and app.focused is rounds
        labels = [str(option.prompt) for option in rounds.options]
        assert labels[1].endswith("(overgeslagen)") and "overgeslagen" not in labels[0]
        await pilot.press("down", "enter")  # pick the skipped card
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen) and app.screen.round_index == 1
        assert "(overgeslagen)" in screen_text(app, 76).splitlines()[0]  # in its title too
        await pilot.press("escape")
        assert rounds.display is False and app.focused is app.screen.query_one("#replay-scroll")


async def test_the_stance_axis_fits_with_the_card_list_and_is_full_width_after(
    tmp_path: Path,
) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one("#replay", Static)

        def scale() -> str:
            [line] = [line for line in rendered_lines(view) if "-2" in line and "-1" in line]
            return line

        await pilot.press("right", "right", "right")
        full = scale()
        assert "+2" in full and len(full) > 70  # the scale spans the view
        await pilot.press("l")
        await pilot.pause()
        narrow = scale()
        assert "+2" in narrow  # the whole scale on one line, inside the narrower view
        assert len(narrow) <= view.content_region.width < 70
        await pilot.press("l")
        await pilot.pause()
        assert scale() == full


async def test_question_mark_shows_the_replay_keys(tmp_path: Path) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app, 76)
        assert "kaartenlijst tonen of verbergen" in text and "raad eerst" in text
        assert "een team legt zijn keuze vast" not in text  # not the play keys
        await pilot.press("escape", "o", "question_mark")
        assert "Esc of o  terug naar de kaarten" in screen_text(app, 76)


async def test_the_palette_offers_the_replay_actions_once_in_the_session_language(
    tmp_path: Path,
) -> None:
    save = played_save(tmp_path)
    app = app_for(["replay", str(save)], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles))
        assert {"Volgende stap", "Vorige kaart", "Overzicht van de sessie", "Stoppen"} <= set(
            titles
        )
        assert {"Theme", "Quit", "Keys", "Screenshot"}.isdisjoint(titles)
        assert all(c.help and c.help != c.title for c in commands)  # not the name twice
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen.query_one(CommandList)
        shown = [str(option.prompt).split("\n")[0] for option in palette.options]
        assert sorted(shown) == sorted(titles)
        assert app.screen.query_one(Input).placeholder == "Zoek een opdracht…"
        await pilot.press("escape")
        step = next(c for c in commands if c.title == "Volgende stap")
        step.callback()
        await pilot.pause()
        assert "stap 1 van 3" in screen_text(app, 76)


def one_card_save(folder: Path) -> Path:
    """One card, the two teams one step apart."""
    from goedwerk_tui.domain.deck_loader import load_deck
    from goedwerk_tui.domain.game import Game
    from tests.conftest import DECKS

    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=folder, cards=1)
    card = present(game.session.current_card)
    game.record_choice("t1", 0, "A", [card.values[0]], [], "")
    game.record_choice("t2", 1, "B", [], [card.values[1]], "")
    game.reveal()
    game.next()
    game.end()
    game.close()
    return game.path


async def test_counts_of_one_read_right_in_both_languages(tmp_path: Path) -> None:
    save = one_card_save(tmp_path)
    for lang, played, apart in (
        ("nl", "1 van 1 kaart gespeeld", "(1 stap verschil)"),
        ("en", "1 of 1 card played", "(1 step apart)"),
    ):
        app = app_for(["replay", "--lang", lang, str(save)], tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("o")
            text = shown(app)
            assert played in text and apart in text
    app = app_for(["replay", str(played_save(tmp_path / "two"))], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        assert "1 van 2 kaarten gespeeld" in shown(app) and "(4 stappen verschil)" in shown(app)
