"""The one text field: pastes are cleaned once and keep their order, text past the
limit is cut silently with a visible note, and no control character gets in."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical

from goedwerk_tui.ui.widgets.text_field import TextField
from tests.tui.helpers import app_for, screen_text


class FieldApp(App[None]):
    def __init__(self, value: str = "", limit: int = 20) -> None:
        super().__init__()
        self.value, self.limit, self.bells = value, limit, 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield TextField(self.value, lang="nl", max_length=self.limit, id="field")

    def bell(self) -> None:
        self.bells += 1


async def test_a_paste_is_cleaned_whole_and_lands_at_the_cursor() -> None:
    app = FieldApp("voor na", limit=100)
    async with app.run_test() as pilot:
        field = app.query_one(TextField)
        field.focus()
        field.cursor_position = len("voor ")
        field.post_message(events.Paste("\x1b[31mrood\x1b[0m\nen\u202e\tblauw "))
        await pilot.pause()
        assert field.value == "voor rood en blauw na"  # every line kept, in its place
        assert field.cursor_position == len("voor rood en blauw ")


async def test_past_the_limit_text_is_cut_silently_with_a_note() -> None:
    app = FieldApp(limit=10)
    async with app.run_test() as pilot:
        field = app.query_one(TextField)
        field.focus()
        field.post_message(events.Paste("x" * 10_000))
        await pilot.pause()
        assert field.value == "x" * 10
        await pilot.press("y", "z")  # typing on at the limit
        assert field.value == "x" * 10
        assert app.bells == 0  # Input rings once per refused character
        assert field.was_cut
        assert "ingekort tot 10 tekens" in str(field.note.render())


async def test_typed_control_and_bidi_characters_never_enter() -> None:
    app = FieldApp()
    async with app.run_test() as pilot:
        field = app.query_one(TextField)
        field.focus()
        await pilot.press("a")
        field.insert_text_at_cursor("\u202eb\x07")
        await pilot.pause()
        assert field.value == "ab"
        assert not field.was_cut


async def test_the_rationale_is_a_text_field_cut_at_500_with_the_note_shown(
    saves_dir: Path,
) -> None:
    args = ["play", "goed-werk-openbaar-bestuur", "--team", "A", "--team", "B", "--cards", "1"]
    app = app_for(args, saves_dir)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]  # a test double
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        rationale = app.screen.query_one("#rationale", TextField)
        rationale.focus()
        rationale.post_message(events.Paste("woord " * 200))
        await pilot.pause()
        assert len(rationale.value) == 500
        assert "ingekort tot 500 tekens" in screen_text(app)
        assert bells == []


def paste_with_esc_as_the_terminal_delivers_it(app: App[None]) -> None:
    """What Textual's parser makes of the bracketed paste ``voor ESC TAB na LF end``:
    everything after the ESC as key presses (the ESC as "^"), then the Paste with the
    text before the ESC, all from one read of the terminal."""
    chars = [("circumflex_accent", "^"), ("tab", "\t"), ("n", "n"), ("a", "a")]
    chars += [("ctrl+j", "\n"), ("e", "e"), ("n", "n"), ("d", "d")]
    for key, char in chars:
        app.post_message(events.Key(key, char))
    app.post_message(events.Paste("voor"))


async def test_a_paste_with_esc_tab_and_newline_keeps_its_order_and_the_dialog_works(
    saves_dir: Path,
) -> None:
    args = ["play", "goed-werk-openbaar-bestuur", "--team", "A", "--team", "B", "--cards", "1"]
    app = app_for(args, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        dialog = app.screen
        rationale = dialog.query_one("#rationale", TextField)
        rationale.focus()
        await pilot.pause()
        paste_with_esc_as_the_terminal_delivers_it(app)
        await pilot.pause()
        assert app.screen is dialog and dialog.focused is rationale  # no Tab, no Enter
        assert rationale.value == "voor na end"  # text before the ESC stays before
        await pilot.press("x")  # the dialog still takes keys
        assert rationale.value == "voor na endx"


async def test_line_breaks_in_a_paste_become_one_space_whatever_the_terminal_sends() -> None:
    app = FieldApp(limit=200)
    async with app.run_test() as pilot:
        field = app.query_one(TextField)
        field.focus()
        # a terminal sends a pasted line end as CR; other programs as CR LF or LF
        field.post_message(events.Paste("toelichting\rregel 2\r\nregel 3\nregel 4\u2028en 5"))
        await pilot.pause()
        assert field.value == "toelichting regel 2 regel 3 regel 4 en 5"


async def test_the_variation_reason_shows_the_cut_note_for_a_too_long_paste(
    saves_dir: Path,
) -> None:
    from goedwerk_tui.domain.rules import MAX_REASON
    from tests.tui.test_variations import PLAY, reveal_first_card

    app = app_for(PLAY, saves_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await reveal_first_card(pilot)
        await pilot.press("v", "1", "1")  # play the first variation; Rood's stance dialog
        await pilot.pause()
        await pilot.press("tab")
        reason = app.screen.query_one("#reason", TextField)
        assert app.screen.focused is reason
        reason.post_message(events.Paste("reden\r" * 100))
        await pilot.pause()
        assert len(reason.value) == MAX_REASON
        assert f"ingekort tot {MAX_REASON} tekens" in screen_text(app)
