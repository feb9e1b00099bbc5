"""The choice dialog keeps the card in view, names options and poles by their text,
tells what is missing before saving, and asks before throwing a changed draft away."""

from __future__ import annotations

from pathlib import Path

from goedwerk_tui.ui.screens.choice import ChoiceScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.screens.note import NoteScreen
from goedwerk_tui.ui.screens.play import PlayScreen
from goedwerk_tui.ui.widgets.option_picker import OptionPicker
from goedwerk_tui.ui.widgets.value_picker import ValuePicker
from tests.conftest import present
from tests.tui.helpers import app_for, choose, footer_keys, keys, save_lines, screen_text

DECK = "goed-werk-openbaar-bestuur"
TWO = ["play", DECK, "--team", "Rood", "--team", "Blauw", "--cards", "1"]


async def test_the_dialog_shows_the_card_the_options_text_and_the_poles_names(
    saves_dir: Path,
) -> None:
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        card = present(app.game.session.current_card)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        shown = " ".join(screen_text(app).split())
        assert " ".join(card.situation.get("nl").split())[:60] in shown
        assert " ".join(card.options[1].get("nl").split())[:40] in shown
        assert "pool A" not in shown and "pool B" not in shown
        assert "← naar Professionele opvatting, → naar Politieke haalbaarheid" in shown
        await pilot.press("tab", "b")
        option_line = " ".join(str(app.screen.query_one(OptionPicker).render()).split())
        assert " ".join(card.options[1].get("nl").split()) in option_line


async def test_at_least_one_value_is_asked_for_before_saving_and_arrows_work_in_search(
    saves_dir: Path,
) -> None:
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert "Kies minstens één waarde." in screen_text(app)  # before any save attempt
        await pilot.press("tab", "tab", *keys("eerlijk"), "right")  # from the search box
        await pilot.pause()
        picker = app.screen.query_one(ValuePicker)
        assert picker.pole_values("b") == ["eerlijkheid"]
        assert "Kies minstens één waarde." not in screen_text(app)
        assert "naar Politieke haalbaarheid" in screen_text(app)
        await pilot.press("left")  # the same value, now toward the other pole
        assert picker.pole_values("a") == ["eerlijkheid"] and picker.pole_values("b") == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    [choice] = [x for x in save_lines(saves_dir) if x["event"] == "choice_recorded"]
    assert choice["values"] == {"a": ["eerlijkheid"], "b": []}


async def test_esc_on_a_changed_draft_asks_before_discarding(saves_dir: Path) -> None:
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "left", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Wijzigingen weggooien?" in screen_text(app)
        await pilot.press("escape")  # back to the draft, unchanged
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.draft().stance == -1
        await pilot.press("escape", "enter")  # discard
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert present(app.game.session.current).choices == {}


async def test_card_screen_footer_counts_the_real_teams_and_says_the_card_number_once(
    saves_dir: Path,
) -> None:
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert footer_keys(app)["1"] == "1-2"
        assert screen_text(app).casefold().count("kaart 1 van 1") == 1
    three = ["play", DECK, "--team", "A", "--team", "B", "--team", "C", "--cards", "1"]
    app = app_for(three, saves_dir / "three")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert footer_keys(app)["1"] == "1-3"


async def test_the_reveal_shows_the_chosen_options_text_and_stays_visible_under_a_note(
    saves_dir: Path,
) -> None:
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        card = present(app.game.session.current_card)
        await choose(pilot, 1, option="B", pole_a=1)
        await choose(pilot, 2, option="B", pole_b=1)
        await pilot.press("r")
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "Gekozen opties" in shown
        assert " ".join(card.options[1].get("nl").split()) + " ← Rood Blauw" in shown
        toasts = app.screen.query_one("ToastRack")
        assert toasts.styles.margin.bottom >= 2  # notifications stay above the team bar
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.styles.background.a < 1  # dimmed, not blanked


async def test_enter_in_the_values_search_moves_into_the_list_and_records_in_the_rationale(
    saves_dir: Path,
) -> None:
    """Where Enter records, as help and README say: in the rationale, not the search."""
    app = app_for(TWO, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Enter in de toelichting legt de keuze vast" in screen_text(app)
        assert "Enter in het zoekveld van de waarden gaat naar de lijst" in screen_text(app)
        await pilot.press("escape", "1", "tab", "a", "tab", *keys("eerlijk"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # nothing recorded
        await pilot.press("left", "tab", *keys("omdat"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    assert [x["event"] for x in save_lines(saves_dir)][-1] == "choice_recorded"
