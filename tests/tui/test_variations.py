""" "Maar wat als...?" on the play screens: after a card's reveal the facilitator plays a
variation, each team gives a quick new stance with a reason, and the reveal says who
moved, which way and how far."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.screens.reveal import RevealScreen
from goedwerk_tui.ui.screens.stance_dialog import StanceDialog
from goedwerk_tui.ui.screens.variation import VariationScreen
from goedwerk_tui.ui.screens.variation_pick import VariationPickScreen
from tests.conftest import DECKS, present
from tests.tui.helpers import app_for, choose, footer_keys, keys, save_lines, screen_text

PLAY = ["play", "goed-werk-openbaar-bestuur", "--team", "Rood", "--team", "Blauw", "--cards", "2"]
POLE_A, POLE_B = "Professionele opvatting", "Politieke haalbaarheid"  # the first card's


async def reveal_first_card(pilot: Pilot[None]) -> None:
    """Rood -1 with option A, Blauw +2 with option B; then r."""
    await choose(pilot, 1, steps=-1, option="A", pole_a=1)
    await choose(pilot, 2, steps=2, option="B", pole_b=1)
    await pilot.press("r")
    await pilot.pause()


async def revise(pilot: Pilot[None], team: int, steps: int, reason: str = "") -> None:
    """Team ``team`` opens its stance dialog, moves ``steps``, types a reason, Enter."""
    await pilot.press(str(team))
    await pilot.pause()
    assert isinstance(pilot.app.screen, StanceDialog)
    await pilot.press(*(["right" if steps > 0 else "left"] * abs(steps)), "tab")
    if reason:
        await pilot.press(*keys(reason))
    await pilot.press("enter")
    await pilot.pause()


def kinds(saves_dir: Path) -> list[str]:
    return [line["event"] for line in save_lines(saves_dir)]


async def test_a_variation_played_revised_and_revealed_shows_who_moved(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "v" not in footer_keys(app)  # not before the card's reveal
        await reveal_first_card(pilot)
        assert isinstance(app.screen, RevealScreen)
        assert "v" in footer_keys(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VariationPickScreen)
        await pilot.press("2")  # the card's second variation
        await pilot.pause()
        assert isinstance(app.screen, VariationScreen)
        card = present(app.game.session.current_card)
        shown = screen_text(app)
        assert "Maar wat als...? (2 van 2)" in shown
        assert card.variations[1].get("nl")[:40] in " ".join(shown.split())
        assert "Rood -1 · nog niet" in shown and "Blauw +2 · nog niet" in shown
        await pilot.press("r")  # nobody has a new stance yet: refused, nothing written
        await pilot.pause()
        assert "variation_revealed" not in kinds(saves_dir)
        await revise(pilot, 1, 2, "[b]Nu[/b] telt de vergelijking")
        await revise(pilot, 2, 0)  # Blauw stays where it was
        assert "Rood -1 ✓ nieuwe positie" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        shown = screen_text(app)
        assert f"Rood: -1 → +1 (2 stappen naar {POLE_B})" in shown
        assert "Blauw: +2 → +2 (bleef staan)" in shown
        assert "Van positie veranderd: Rood" in shown
        assert "“[b]Nu[/b] telt de vergelijking”" in shown  # literally, not as markup
        assert {"escape", "n", "v"} <= set(footer_keys(app))  # variation 1 is left
        assert "r" not in footer_keys(app)
    lines = save_lines(saves_dir)
    played = [x for x in lines if x["event"] == "variation_played"]
    assert [(x["round"], x["variation"]) for x in played] == [(1, 2)]
    revised = [x for x in lines if x["event"] == "stance_revised"]
    assert [(x["team"], x["stance"], x["reason"]) for x in revised] == [
        ("t1", 1, "[b]Nu[/b] telt de vergelijking"),
        ("t2", 2, ""),
    ]
    assert kinds(saves_dir)[-4:] == [
        "variation_played",
        "stance_revised",
        "stance_revised",
        "variation_revealed",
    ]


async def test_the_picker_offers_only_the_variations_not_played_yet(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1")
        await pilot.pause()
        await revise(pilot, 1, -1)
        await revise(pilot, 2, -1)
        await pilot.press("r")
        await pilot.pause()
        assert "v" in footer_keys(app)  # one left
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VariationPickScreen)
        offered = app.screen.query_one(OptionList)
        assert [offered.get_option_at_index(i).id for i in range(offered.option_count)] == ["2"]
        await pilot.press("1")  # already played: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, VariationPickScreen)
        await pilot.press("escape")  # back without playing one
        await pilot.pause()
        assert isinstance(app.screen, VariationScreen)
    assert kinds(saves_dir).count("variation_played") == 1


async def test_the_stance_dialog_starts_where_the_team_stood(saves_dir: Path) -> None:
    """On the card's stance first; reopened, on the new stance with its reason."""
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StanceDialog)
        assert dialog.draft().stance == 2
        assert t("variation.card_stance", "nl", stance="+2", label=f"helemaal {POLE_B}") in (
            screen_text(app)
        )
        await pilot.press("left", "left", "tab", *keys("Twijfel"), "enter")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StanceDialog)
        assert (dialog.draft().stance, dialog.draft().reason) == (0, "Twijfel")
        await pilot.press("escape")  # unchanged: closes without asking, writes nothing
        await pilot.pause()
        assert isinstance(app.screen, VariationScreen)
    assert kinds(saves_dir).count("stance_revised") == 1


async def test_dealing_the_next_card_closes_an_open_variation(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1")
        await pilot.pause()
        await revise(pilot, 1, 1)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert present(app.game.session.current).number == 2
    assert kinds(saves_dir)[-3:] == ["variation_played", "stance_revised", "card_dealt"]


async def test_esc_after_the_variation_goes_back_to_the_card_reveal(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1")
        await pilot.pause()
        assert "escape" not in footer_keys(app)  # while open, the teams still answer
        await revise(pilot, 1, 0)
        await revise(pilot, 2, 0)
        await pilot.press("r")
        await pilot.pause()
        assert "Geen team veranderde van positie." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RevealScreen)
        assert "Het verst uit elkaar: Rood (-1) en Blauw (+2)" in screen_text(app)


async def test_a_resumed_session_shows_its_open_variation(saves_dir: Path) -> None:
    deck = load_deck(DECKS / "goed-werk-openbaar-bestuur.yaml")
    game = Game.new(deck, ["Rood", "Blauw"], save_dir=saves_dir, cards=1)
    card = present(game.session.current_card)
    game.record_choice("t1", -2, None, [card.values[0]], [])
    game.record_choice("t2", 1, None, [], [card.values[1]])
    game.reveal()
    game.play_variation(1)
    game.revise_stance("t1", 0, "Nu twijfelen we")
    game.close()
    app = app_for(["resume", str(game.path)], saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, VariationScreen)
        shown = screen_text(app)
        assert "Rood -2 ✓ nieuwe positie" in shown and "Blauw +1 · nog niet" in shown
        await pilot.press("r")  # Blauw has not answered: the screen says so
        await pilot.pause()
        assert app.game.session.open_variation is not None
        await revise(pilot, 2, 1)
        await pilot.press("r")
        await pilot.pause()
        shown = screen_text(app)
        assert f"Rood: -2 → 0 (2 stappen naar {POLE_B})" in shown
        assert f"Blauw: +1 → +2 (1 stap naar {POLE_B})" in shown
        assert "“Nu twijfelen we”" in shown


async def test_the_help_names_the_variation_keys(saves_dir: Path) -> None:
    """? on the card's reveal adds v to the play keys; on a variation, its own keys."""
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        shown = screen_text(app)
        assert t("help.text", "nl").splitlines()[0] in shown
        assert t("help.variations", "nl") in shown
        await pilot.press("escape", "v", "1")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = screen_text(app)
        assert "r    onthullen als alle teams een nieuwe positie gaven" in shown
        assert "Tab naar de reden" in shown


async def test_a_stance_from_a_device_shows_in_the_team_bar(saves_dir: Path) -> None:
    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1")
        await pilot.pause()
        app.game.revise_stance("t2", 0, "Via de telefoon", via="device")
        app.live_changed()
        await pilot.pause()
        assert "Blauw +2 ✓ nieuwe positie" in screen_text(app)
