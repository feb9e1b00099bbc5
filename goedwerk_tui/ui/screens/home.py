"""The home screen: start a new session, resume one, or open a saved one for debrief."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.deck_loader import parse_deck_file
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.savelog import SaveError, read_save
from goedwerk_tui.domain.session import RuleError
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.locations import DEFAULT_DECK_ID, bundled_deck_paths, saves_dir
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp


def list_saves(folder: Path, *, unfinished: bool) -> list[tuple[Path, str]]:
    """Saves in ``folder`` (newest first) with a one-line label."""
    found = []
    for path in sorted(folder.glob("*.jsonl"), reverse=True)[:50]:
        try:
            read = read_save(path, keep_events=False)  # the listing needs no events
        except SaveError:
            continue
        session = read.session
        if unfinished and session.ended:
            continue
        teams = ", ".join(team.name for team in session.teams)
        label = (
            f"{path.name}  ·  {session.deck.title.get(session.language)}  ·  {teams}  ·  "
            f"{len(session.played_rounds)}/{len(session.cards)}"
        )
        found.append((path, sanitize(label)))
    return found


class HomeScreen(GoedWerkScreen):
    BINDINGS = [*COMMON_BINDINGS]

    app: GoedWerkApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="home"):
            yield Static(Text(t("home.title", lang), style="bold"))
            yield Static(Text(t("home.pick", lang), style="dim"))
            yield OptionList(
                Option(t("home.new", lang), id="new"),
                Option(t("home.resume", lang), id="resume"),
                Option(t("home.debrief", lang), id="debrief"),
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
        folder = self.app.save_dir or saves_dir()
        if event.option.id == "new":
            self.app.push_screen(localized(NewSessionScreen, lang)())
        elif event.option.id == "resume":
            saves = list_saves(folder, unfinished=True)
            if not saves:
                self.notify(t("home.no_saves", lang, folder=str(folder)), markup=False)
                return
            self.app.push_screen(localized(SavePickerScreen, lang)(saves, "resume"))
        elif event.option.id == "debrief":
            saves = list_saves(folder, unfinished=False)
            if not saves:
                self.notify(t("home.no_debrief_saves", lang, folder=str(folder)), markup=False)
                return
            self.app.push_screen(localized(SavePickerScreen, lang)(saves, "debrief"))


class SavePickerScreen(GoedWerkScreen):
    BINDINGS = [Binding("escape", "back", "key.back"), *COMMON_BINDINGS]
    app: GoedWerkApp  # type: ignore[assignment]

    def __init__(self, saves: list[tuple[Path, str]], purpose: str) -> None:
        super().__init__()
        self.saves = dict((str(path), path) for path, _ in saves)
        self.labels = saves
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home"):
            title = "home.resume" if self.purpose == "resume" else "home.debrief"
            yield Static(Text(t(title, self.app.lang), style="bold"))
            yield OptionList(*(Option(label, id=str(path)) for path, label in self.labels))
        yield Footer()

    def on_mount(self) -> None:
        saves = self.query_one(OptionList)
        saves.highlighted = 0
        saves.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        path = self.saves[event.option.id]
        if self.purpose == "debrief":
            from goedwerk_tui.ui.screens.replay import open_replay

            open_replay(self.app, [path])
            return
        try:
            game = Game.resume(path)
        except SaveError as exc:
            self.notify(exc.message(self.app.lang), severity="error", markup=False)
            return
        self.app.start_game(game)

    def action_back(self) -> None:
        self.app.pop_screen()


class NewSessionScreen(GoedWerkScreen):
    BINDINGS = [Binding("escape", "back", "key.back"), *COMMON_BINDINGS]
    app: GoedWerkApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        decks = []
        self.deck_languages: dict[str, str] = {}
        for path in bundled_deck_paths():
            result = parse_deck_file(path)
            if result.deck is not None:
                decks.append((sanitize(result.deck.title.get(lang)), str(path)))
                self.deck_languages[str(path)] = result.deck.language
        default = next((p for _, p in decks if Path(p).stem == DEFAULT_DECK_ID), None)
        with VerticalScroll(id="new-session"):
            yield Static(Text(t("home.new", lang), style="bold"))
            yield Label(t("home.deck", lang))
            yield Select(decks, value=default or Select.BLANK, id="deck", allow_blank=True)
            yield Label(t("home.deck_path", lang))
            yield Input(id="deck-path")
            yield Label(t("home.teams", lang))
            yield Input(value="Team 1, Team 2", id="teams")
            yield Label(t("home.cards", lang))
            yield Input(id="cards", type="integer")
            yield Label(t("home.timer", lang))
            yield Input(id="timer", type="integer")
            yield Checkbox(t("home.shuffle", lang), id="shuffle")
            yield Label(t("home.language", lang))
            yield Select(
                [("Nederlands", "nl"), ("English", "en")],
                value=lang,
                allow_blank=False,
                id="language",
            )
            yield Button(t("home.start", lang), variant="primary", id="start")
        yield Footer()

    def on_select_changed(self, event: Select.Changed) -> None:
        """The deck's language is the default language of the screens."""
        if event.select.id == "deck" and str(event.value) in self.deck_languages:
            self.query_one("#language", Select).value = self.deck_languages[str(event.value)]

    def _number(self, widget_id: str, label_key: str) -> tuple[bool, int | None]:
        raw = self.query_one(f"#{widget_id}", Input).value.strip()
        if not raw:
            return True, None
        try:
            return True, int(raw)
        except ValueError:
            field = t(label_key, self.app.lang)
            self.notify(t("home.bad_number", self.app.lang, field=field), severity="error")
            return False, None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        from goedwerk_tui.deck_source import open_deck
        from goedwerk_tui.files import CommandError

        path = self.query_one("#deck-path", Input).value.strip()
        selected = self.query_one("#deck", Select).value
        ref = path or (str(selected) if selected is not Select.BLANK else DEFAULT_DECK_ID)
        ok_cards, cards = self._number("cards", "home.cards")
        ok_timer, timer = self._number("timer", "home.timer")
        if not (ok_cards and ok_timer):
            return
        teams = self.query_one("#teams", Input).value.split(",")
        language = str(self.query_one("#language", Select).value)
        try:
            deck = open_deck(ref)
            game = Game.new(
                deck,
                teams,
                save_dir=self.app.save_dir or saves_dir(),
                cards=cards,
                shuffle=self.query_one("#shuffle", Checkbox).value,
                timer=timer,
                language=language,
            )
        except (CommandError, RuleError, SaveError) as exc:
            self.notify(exc.message(self.app.lang), severity="error", markup=False)
            return
        self.app.start_game(game)

    def action_back(self) -> None:
        self.app.pop_screen()
