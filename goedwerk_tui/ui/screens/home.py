"""The home screen: start a new session, resume one, or open a saved one for debrief."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.save_index import SaveSummary, list_saves
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.locations import saves_dir
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen
from goedwerk_tui.ui.screens.new_session import NewSessionScreen

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp


def save_label(summary: SaveSummary, lang: str) -> Text:
    """One save as a list line; every part of it is shown literally (never markup)."""
    label = Text(sanitize(", ".join(summary.teams)), style="bold")
    label.append(f"  ·  {sanitize(summary.title(lang))}  ·  ")
    label.append(f"{summary.rounds_played}/{summary.cards_planned}")
    label.append(f"\n{sanitize(summary.path.name)}", style="dim")
    return label


class HomeScreen(GoedWerkScreen):
    HELP_KEY = "home.help"
    BINDINGS = [*COMMON_BINDINGS]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="home"):
            yield Static(Text(t("home.title", lang), style="bold"))
            yield Static(Text(t("home.pick", lang), style="dim"))
            yield OptionList(
                Option(Text(t("home.new", lang)), id="new"),
                Option(Text(t("home.resume", lang)), id="resume"),
                Option(Text(t("home.debrief", lang)), id="debrief"),
                id="home-menu",
            )
        yield Footer()

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.highlighted = 0
        menu.focus()

    def on_screen_resume(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        lang = self.app.lang
        if event.option.id == "new":
            self.app.push_screen(localized(NewSessionScreen, lang)())
        elif event.option.id in ("resume", "debrief"):
            folder = self.app.save_dir or saves_dir()
            self.app.push_screen(localized(SavePickerScreen, lang)(folder, event.option.id))


class SavePickerScreen(GoedWerkScreen):
    """The saves to resume or to debrief, read in a worker so the screen stays live."""

    HELP_KEY = "home.saves_help"
    BINDINGS = [Binding("escape", "back", "key.back"), *COMMON_BINDINGS]
    app: GoedWerkApp

    def __init__(self, folder: Path, purpose: str) -> None:
        super().__init__()
        self.folder = folder
        self.purpose = purpose
        self.saves: dict[str, Path] = {}

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="home"):
            title = "home.resume" if self.purpose == "resume" else "home.debrief"
            yield Static(Text(t(title, lang), style="bold"))
            yield Static(Text(t("home.reading", lang), style="dim"), id="saves-state")
            yield OptionList(id="saves")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.read_saves()

    def on_screen_resume(self) -> None:
        if self.saves:  # back from a replay: the list is ready again
            state = self.query_one("#saves-state", Static)
            state.update(Text(t("home.pick", self.app.lang), style="dim"))
            self.query_one(OptionList).focus()

    @work(thread=True, exclusive=True)
    def read_saves(self) -> None:
        found = list_saves(self.folder, unfinished=self.purpose == "resume")
        self.app.call_from_thread(self.show_saves, found)

    def show_saves(self, found: list[SaveSummary]) -> None:
        lang = self.app.lang
        self.saves = {str(s.path): s.path for s in found}
        state = self.query_one("#saves-state", Static)
        if not found:
            key = "home.no_saves" if self.purpose == "resume" else "home.no_debrief_saves"
            state.update(Text(t(key, lang, folder=sanitize(str(self.folder)))))
            self.query_one(OptionList).display = False
            return
        state.update(Text(t("home.pick", lang), style="dim"))
        saves = self.query_one(OptionList)
        saves.add_options([Option(save_label(s, lang), id=str(s.path)) for s in found])
        saves.highlighted = 0
        saves.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        path = self.saves[event.option.id]
        lang = self.app.lang
        self.query_one("#saves-state", Static).update(Text(t("home.opening", lang), style="dim"))
        if self.purpose == "debrief":
            self.open_debrief(path)
        else:
            self.resume(path)

    @work(thread=True, exclusive=True, group="open")
    def open_debrief(self, path: Path) -> None:
        """A long save takes seconds to read: the screen stays live meanwhile."""
        from goedwerk_tui.ui.screens.replay import load_replay, open_replay

        try:
            loaded = load_replay([path])
        except GoedwerkError as exc:
            self.app.call_from_thread(self.refuse, exc)
            return
        self.app.call_from_thread(open_replay, self.app, loaded)

    @work(thread=True, exclusive=True, group="open")
    def resume(self, path: Path) -> None:
        try:
            game = Game.resume(path)
        except GoedwerkError as exc:
            self.app.call_from_thread(self.refuse, exc)
            return
        self.app.call_from_thread(self.app.start_game, game)

    def refuse(self, exc: GoedwerkError) -> None:
        lang = self.app.lang
        self.query_one("#saves-state", Static).update(Text(t("home.pick", lang), style="dim"))
        self.notify(exc.message(lang), severity="error", markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()
