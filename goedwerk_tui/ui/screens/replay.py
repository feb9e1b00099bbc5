"""Replaying saved sessions for a debrief: card by card, choice by choice, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.debrief import Debrief, TeamRef
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.savelog import SaveError
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.debrief_view import overview, round_step, timeline
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen


class ReplayScreen(GoedWerkScreen):
    """One round at a time; → and ← step through the choices as they were recorded."""

    BINDINGS = [
        Binding("right,space", "forward", "key.forward", key_display="→"),
        Binding("left", "back", "key.back", key_display="←"),
        Binding("pagedown,n", "next_card", "key.next_card", key_display="n"),
        Binding("pageup,p", "previous_card", "key.prev_card", key_display="p"),
        Binding("g", "toggle_guess", "key.guess"),
        Binding("o", "overview", "key.overview"),
        Binding("l", "toggle_rounds", "key.rounds"),
        *COMMON_BINDINGS,
    ]

    def __init__(self, debrief: Debrief, lang: str) -> None:
        super().__init__()
        self.debrief = debrief
        self.lang = lang
        self.round_index = 0
        self.step = 0
        self.guess_mode = False
        self.guessing: TeamRef | None = None
        self.rounds_shown: bool | None = None  # the card list: None until the user decides

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(
                    Option(Text(f"{r.number}. {sanitize(r.card.title.get(self.lang))}"), id=str(i))
                    for i, r in enumerate(self.debrief.rounds)
                ),
                id="rounds",
            )
            with VerticalScroll(id="replay-scroll"):
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
    def moments(self) -> int:
        return len(timeline(self.debrief.rounds[self.round_index])) if self.debrief.rounds else 0

    def show(self) -> None:
        view = self.query_one("#replay", Static)
        if not self.debrief.rounds:
            view.update(overview(self.debrief, self.lang))
            return
        rnd = self.debrief.rounds[self.round_index]
        width = max(40, self.query_one("#replay-scroll").size.width - 2)
        view.update(
            round_step(self.debrief, rnd, self.step, self.lang, guessing=self.guessing, width=width)
        )
        rounds = self.query_one("#rounds", OptionList)
        if rounds.highlighted != self.round_index:
            rounds.highlighted = self.round_index

    def on_resize(self) -> None:
        if self.rounds_shown is None:  # until the user decides, the list needs room
            self.query_one("#rounds").display = self.size.width >= 110
        self.show()

    def action_toggle_rounds(self) -> None:
        rounds = self.query_one("#rounds")
        self.rounds_shown = not rounds.display
        rounds.display = self.rounds_shown
        self.show()

    def action_forward(self) -> None:
        if self.guessing is not None:
            self.guessing = None
            self.step += 1
        elif self.step < self.moments:
            if self.guess_mode:
                rnd = self.debrief.rounds[self.round_index]
                self.guessing = timeline(rnd)[self.step].team
            else:
                self.step += 1
        elif self.round_index + 1 < len(self.debrief.rounds):
            self.round_index += 1
            self.step = 0
        self.show()

    def action_back(self) -> None:
        if self.guessing is not None:
            self.guessing = None
        elif self.step > 0:
            self.step -= 1
        elif self.round_index > 0:
            self.round_index -= 1
            self.step = self.moments
        self.show()

    def jump(self, index: int, *, to_end: bool = False) -> None:
        self.round_index = max(0, min(index, len(self.debrief.rounds) - 1))
        self.guessing = None
        self.step = self.moments if to_end else 0
        self.show()

    def action_next_card(self) -> None:
        self.jump(self.round_index + 1)

    def action_previous_card(self) -> None:
        self.jump(self.round_index - 1)

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


def replay_app(paths: list[Path], lang: str | None, save_dir: Path) -> App[Any]:
    """The app for ``goedwerk replay``: SaveError (one line) when saves cannot be used."""
    from goedwerk_tui.ui.app import GoedWerkApp

    debrief = Debrief.from_paths(paths)
    language = lang or debrief.language
    return localized(GoedWerkApp, language)(
        language,
        save_dir=save_dir,
        start=lambda: localized(ReplayScreen, language)(debrief, language),
    )


def open_replay(app: Any, paths: list[Path]) -> None:
    """From the home screen: open saves for debrief, or say why not."""
    try:
        debrief = Debrief.from_paths(paths)
    except SaveError as exc:
        app.notify(exc.message(app.lang), severity="error", markup=False)
        return
    app.push_screen(localized(ReplayScreen, app.lang)(debrief, app.lang))
