"""Replaying saved sessions for a debrief: card by card, choice by choice, read-only."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.debrief import SKIPPED, Debrief, DebriefRound, TeamRef
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.replay_steps import ReplayIndex
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.debrief_view import overview, round_head, round_step
from goedwerk_tui.render.variation_view import measure_head, measure_step
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import AFTER_OWN, COMMON_BINDINGS, WAY_OUT, GoedWerkScreen

if TYPE_CHECKING:  # the app module imports the screens
    from goedwerk_tui.ui.app import GoedWerkApp


class ReplayScroll(VerticalScroll):
    """The round's view; drawn again when its width changes (the card list opens or
    closes, the terminal is resized), so the stance axis always fits."""

    def on_resize(self, event: events.Resize) -> None:
        if isinstance(self.screen, ReplayScreen):
            self.screen.show()


def round_label(rnd: DebriefRound, lang: str) -> Text:
    label = Text(f"{rnd.number}. {sanitize(rnd.card.title.get(lang))}")
    if rnd.status == SKIPPED:
        label.append(f" {t('replay.skipped_mark', lang)}", style="dim italic")
    return label


class ReplayScreen(GoedWerkScreen):
    """One round at a time; → and ← step through the choices as they were recorded."""

    HELP_KEY = "help.replay"
    BINDINGS = [
        *WAY_OUT,
        # one footer entry per pair of keys, so every key fits at 80 columns
        Binding("right,space", "forward", "key.replay_step", key_display="←→"),
        Binding("left", "back", "key.back", show=False),
        Binding("pagedown,n", "next_card", "key.replay_card", key_display="n/p"),
        Binding("pageup,p", "previous_card", "key.prev_card", show=False),
        Binding("g", "toggle_guess", "key.guess"),
        Binding("o", "overview", "key.overview"),
        Binding("l", "toggle_rounds", "key.rounds"),
        Binding("escape", "close_rounds", "", show=False),
        *AFTER_OWN,
    ]
    PALETTE = (
        ("palette.forward", "action_forward"),
        ("palette.back", "action_back"),
        ("palette.next_card", "action_next_card"),
        ("palette.prev_card", "action_previous_card"),
        ("palette.guess", "action_toggle_guess"),
        ("palette.overview", "action_overview"),
        ("palette.rounds", "action_toggle_rounds"),
    )

    def __init__(self, debrief: Debrief, lang: str, index: ReplayIndex | None = None) -> None:
        super().__init__()
        self.debrief = debrief
        self.index = index or ReplayIndex(debrief)  # every round's steps, sorted once
        self.lang = lang
        self.round_index = 0
        self.step = 0
        self.guess_mode = False
        self.guessing: TeamRef | None = None
        self.rounds_shown: bool | None = None  # the card list: None until the user decides
        # "before" or "after": the measure's page before the first card or after the
        # last, when the session took the measure; None on a card
        self.measure_page: str | None = "before" if self.index.measures["before"] else None
        # A long save is hundreds of thousands of objects that stay as they are while the
        # replay is open; left to the cyclic collector, each full pass over them stalls a
        # step for 100 ms or more. Frozen, the collector leaves them alone.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # closed: what is garbage now can be collected again

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(
                    Option(round_label(r, self.lang), id=str(i))
                    for i, r in enumerate(self.debrief.rounds)
                ),
                id="rounds",
            )
            with Vertical(id="replay-main"):
                with VerticalScroll(id="replay-card"):  # the situation, at every step
                    yield Static(id="replay-head")
                with ReplayScroll(id="replay-scroll"):
                    yield Static(id="replay")
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.debrief.warnings:
            self.notify(
                t("replay.warning", self.lang, warning=say(warning, self.lang)),
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.query_one("#replay-scroll").focus()
        self.show()

    @property
    def step_count(self) -> int:
        """How many steps (recorded choices, variation steps) the current round has, or
        the measure's page."""
        if self.measure_page is not None:
            return len(self.index.measures[self.measure_page])
        return len(self.index[self.round_index]) if self.debrief.rounds else 0

    def show(self) -> None:
        view = self.query_one("#replay", Static)
        if not self.debrief.rounds:
            self.query_one("#replay-card").display = False
            view.update(overview(self.debrief, self.lang))
            return
        if self.measure_page is not None:
            measured = self.index.measures[self.measure_page]
            self.query_one("#replay-head", Static).update(
                measure_head(self.measure_page, measured, self.step, self.lang)
            )
            view.update(measure_step(self.debrief, measured, self.step, self.lang))
            return
        rnd = self.debrief.rounds[self.round_index]
        scroll = self.query_one("#replay-scroll")
        width = max(30, scroll.scrollable_content_region.width - 1)
        steps = self.index[self.round_index]
        head = round_head(rnd, steps, self.step, self.lang)
        self.query_one("#replay-head", Static).update(head)
        view.update(
            round_step(
                self.debrief, rnd, steps, self.step, self.lang, guessing=self.guessing, width=width
            )
        )
        rounds = self.query_one("#rounds", OptionList)
        if rounds.highlighted != self.round_index:
            rounds.highlighted = self.round_index

    def on_resize(self) -> None:
        if self.rounds_shown is None:  # until the user decides, the list needs room
            self.query_one("#rounds").display = self.size.width >= 110

    def action_toggle_rounds(self) -> None:
        rounds = self.query_one("#rounds", OptionList)
        self.rounds_shown = not rounds.display
        rounds.display = self.rounds_shown
        if self.rounds_shown:
            rounds.highlighted = self.round_index
            rounds.focus()
        else:
            self.query_one("#replay-scroll").focus()

    def action_close_rounds(self) -> None:
        """Esc: closes the card list; else back to the saves, when opened from there."""
        if self.query_one("#rounds").display:
            self.action_toggle_rounds()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_forward(self) -> None:
        if self.guessing is not None:
            self.guessing = None
            self.step += 1
        elif self.step < self.step_count:
            choices = () if self.measure_page else self.index[self.round_index].steps
            if self.guess_mode and self.step < len(choices):  # guess a choice, not the rest
                self.guessing = choices[self.step].team
            else:
                self.step += 1
        elif self.measure_page == "before":
            self.jump(0)
        elif self.measure_page is None:
            if self.round_index + 1 < len(self.debrief.rounds):
                self.round_index += 1
                self.step = 0
            elif self.index.measures["after"]:
                self.measure_page, self.step = "after", 0
        self.show()

    def action_back(self) -> None:
        if self.guessing is not None:
            self.guessing = None
        elif self.step > 0:
            self.step -= 1
        elif self.measure_page == "after":
            self.jump(len(self.debrief.rounds) - 1, to_end=True)
        elif self.measure_page is None:
            if self.round_index > 0:
                self.round_index -= 1
                self.step = self.step_count
            elif self.index.measures["before"]:
                self.measure_page = "before"
                self.step = self.step_count
        self.show()

    def jump(self, index: int, *, to_end: bool = False) -> None:
        self.measure_page = None
        self.round_index = max(0, min(index, len(self.debrief.rounds) - 1))
        self.guessing = None
        self.step = self.step_count if to_end else 0
        self.show()

    def action_next_card(self) -> None:
        if self.measure_page == "before":
            self.jump(0)
        elif self.measure_page is None:
            if self.round_index + 1 < len(self.debrief.rounds) or not self.index.measures["after"]:
                self.jump(self.round_index + 1)
            else:
                self.measure_page, self.step, self.guessing = "after", 0, None
                self.show()

    def action_previous_card(self) -> None:
        if self.measure_page == "after":
            self.jump(len(self.debrief.rounds) - 1)
        elif self.measure_page is None:
            if self.round_index > 0 or not self.index.measures["before"]:
                self.jump(self.round_index - 1)
            else:
                self.measure_page, self.step, self.guessing = "before", 0, None
                self.show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.jump(int(event.option.id), to_end=True)
        self.query_one("#replay-scroll").focus()

    def action_toggle_guess(self) -> None:
        self.guess_mode = not self.guess_mode
        self.guessing = None
        key = "replay.guess_on" if self.guess_mode else "replay.guess_off"
        self.notify(t(key, self.lang))
        self.show()

    def action_overview(self) -> None:
        self.app.push_screen(localized(OverviewScreen, self.lang)(self.debrief, self.lang))


class OverviewScreen(GoedWerkScreen):
    HELP_KEY = "help.overview"
    BINDINGS = [Binding("escape,o", "close", "key.back"), *COMMON_BINDINGS]

    def __init__(self, debrief: Debrief, lang: str) -> None:
        super().__init__()
        self.debrief = debrief
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="overview-scroll"):
            yield Static(overview(self.debrief, self.lang))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#overview-scroll").focus()

    def action_close(self) -> None:
        self.app.pop_screen()


def replay_app(paths: list[Path], lang: str | None, save_dir: Path) -> GoedWerkApp:
    """The app for ``goedwerk replay``: SaveError (one line) when saves cannot be used."""
    from goedwerk_tui.ui.app import GoedWerkApp

    debrief = Debrief.from_paths(paths)
    language = lang or debrief.language
    return localized(GoedWerkApp, language)(
        language,
        save_dir=save_dir,
        start=lambda: localized(ReplayScreen, language)(debrief, language),
    )


def load_replay(paths: list[Path]) -> tuple[Debrief, ReplayIndex]:
    """Read saves and index their steps (SaveError, one line, when they cannot be used);
    no UI work, so the home screen runs it in a worker."""
    debrief = Debrief.from_paths(paths)
    return debrief, ReplayIndex(debrief)


def open_replay(app: GoedWerkApp, loaded: tuple[Debrief, ReplayIndex]) -> None:
    """Show loaded saves for debrief (from the home screen)."""
    debrief, index = loaded
    app.push_screen(localized(ReplayScreen, app.lang)(debrief, app.lang, index))
