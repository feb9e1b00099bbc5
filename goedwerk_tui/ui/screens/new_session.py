"""The new-session form: teams first, then the deck and the settings; Enter starts.

Reading decks and creating the save touch the disk (and an uncached or big deck is
parsed and validated, up to seconds), so both run in thread workers: the form stays
live and says what it is doing meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.session import MAX_NAME, MAX_TEAMS
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.locations import DEFAULT_DECK_ID, bundled_deck_paths, saves_dir
from goedwerk_tui.ui.screens.base import CONTRAST, QUIT_WHILE_TYPING, GoedWerkScreen
from goedwerk_tui.ui.widgets.check_box import ShapeCheckbox
from goedwerk_tui.ui.widgets.text_field import TextField

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp


# room for one team more than allowed (so "too many" is said, not cut) and the commas
TEAMS_FIELD_LIMIT = (MAX_TEAMS + 1) * (MAX_NAME + 2)


# where a live session started from the form listens: the default (all interfaces,
# port 8765) unless a test says otherwise
LIVE_BIND: str | None = None

SELECT_PROMPT = "Select"  # Textual's own, shown once the decks are read and none is picked


def bundled_decks() -> list[tuple[Path, Deck]]:
    """The bundled decks, from the deck cache when it is current (no YAML parsed then)."""
    from goedwerk_tui.deck_source import open_deck

    decks = []
    for path in bundled_deck_paths():
        try:
            decks.append((path, open_deck(str(path))))
        except GoedwerkError:
            continue  # a broken bundled deck is simply not offered
    return decks


@dataclass(frozen=True)
class SessionForm:
    """What the form says, read on the UI loop for the worker that starts the session."""

    deck: str  # a deck file or the id of a bundled deck
    teams: list[str]
    save_dir: Path
    cards: int | None
    timer: int | None
    shuffle: bool
    language: str
    measure: bool = True  # the before/after measure of the three goals
    live: bool = False  # teams answer on their own devices


class NewSessionScreen(GoedWerkScreen):
    """Letters type into the fields here, so the footer offers ctrl+q, not q or ?."""

    HELP_KEY = "home.form_help"
    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("f1", "app.help", "key.help"),
        CONTRAST,
        QUIT_WHILE_TYPING,
    ]
    app: GoedWerkApp

    def __init__(self) -> None:
        super().__init__()
        self.deck_languages: dict[str, str] = {}  # deck path -> its language, once read
        self._preselected: str | None = None
        self.starting = False  # a worker is opening the deck and creating the save

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll(id="new-session"):
            yield Static(Text(t("home.new", lang), style="bold"))
            # the Start button is below the fold at 80x24: say how to start from here
            yield Static(Text(t("home.form_hint", lang), style="dim"), id="form-hint")
            yield Static(id="form-error")  # at the top: seen without scrolling
            yield Label(t("home.teams", lang))
            yield TextField(  # empty, so typed names are not glued onto example names
                lang=lang,
                placeholder=t("home.teams_placeholder", lang),
                max_length=TEAMS_FIELD_LIMIT,
                id="team-names",
                select_on_focus=False,
            )
            yield Label(t("home.deck", lang))
            yield Select[str]([], prompt=t("home.reading_decks", lang), id="deck")
            yield Label(t("home.deck_path", lang))
            yield TextField(lang=lang, max_length=4096, id="deck-path")
            yield Label(t("home.cards", lang))
            yield Input(id="cards", type="integer")
            yield Label(t("home.timer", lang))
            yield Input(id="timer", type="integer")
            yield ShapeCheckbox(t("home.shuffle", lang), id="shuffle")
            yield ShapeCheckbox(t("home.measure", lang), value=True, id="measure")
            yield ShapeCheckbox(t("home.live", lang), id="live")
            yield Label(t("home.language", lang))
            yield Select(
                [("Nederlands", "nl"), ("English", "en")],
                value=lang,
                allow_blank=False,
                id="language",
            )
            yield Button(t("home.start", lang), variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        teams = self.query_one("#team-names", Input)
        teams.focus()
        teams.cursor_position = len(teams.value)
        self.read_decks()

    @work(thread=True, exclusive=True, group="decks")
    def read_decks(self) -> None:
        decks = bundled_decks()
        self.app.call_from_thread(self.show_decks, decks)

    def show_decks(self, decks: list[tuple[Path, Deck]]) -> None:
        lang = self.app.lang
        self.deck_languages = {str(path): deck.language for path, deck in decks}
        choices = [(Text(sanitize(deck.title.get(lang))), str(path)) for path, deck in decks]
        default = next((str(p) for p, _ in decks if p.stem == DEFAULT_DECK_ID), None)
        select = self.query_one("#deck", Select)
        select.set_options(choices)
        select.prompt = SELECT_PROMPT
        if default is not None:
            self._preselected = default
            select.value = default

    def on_select_changed(self, event: Select.Changed) -> None:
        """A deck someone picks sets its language as the screens' default.

        The deck that is preselected when the form opens does not: the form starts in
        the language the screens already speak (``goedwerk --lang en``).
        """
        if event.select.id != "deck" or str(event.value) not in self.deck_languages:
            return
        if self._preselected is not None and str(event.value) == self._preselected:
            self._preselected = None  # the Select's first Changed is the preselection
            return
        self._preselected = None
        self.query_one("#language", Select).value = self.deck_languages[str(event.value)]

    def refuse(self, message: str) -> None:
        """A form error: under the form (it stays) and as a toast (it is noticed)."""
        error = self.query_one("#form-error", Static)
        error.update(Text(message, style="bold red"))
        error.display = True
        self.notify(message, severity="error", markup=False)

    def _number(self, widget_id: str, label_key: str) -> tuple[bool, int | None]:
        raw = self.query_one(f"#{widget_id}", Input).value.strip()
        if not raw:
            return True, None
        try:
            return True, int(raw)
        except ValueError:
            field = t(label_key, self.app.lang)
            self.refuse(t("home.bad_number", self.app.lang, field=field))
            return False, None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.start()

    def start(self) -> None:
        if self.starting:
            return  # Enter pressed again while the session is being started
        form = self._form()
        if form is None:
            return
        self.starting = True
        self.query_one("#form-hint", Static).update(Text(t("home.starting", self.app.lang)))
        self.start_session(form)

    def _form(self) -> SessionForm | None:
        path = self.query_one("#deck-path", Input).value.strip()
        selected = self.query_one("#deck", Select).value
        ref = path or (str(selected) if selected is not Select.BLANK else DEFAULT_DECK_ID)
        ok_cards, cards = self._number("cards", "home.cards")
        ok_timer, timer = self._number("timer", "home.timer")
        if not (ok_cards and ok_timer):
            return None
        return SessionForm(
            deck=ref,
            teams=self.query_one("#team-names", Input).value.split(","),
            save_dir=self.app.save_dir or saves_dir(),
            cards=cards,
            timer=timer,
            shuffle=self.query_one("#shuffle", Checkbox).value,
            language=str(self.query_one("#language", Select).value),
            measure=self.query_one("#measure", Checkbox).value,
            live=self.query_one("#live", Checkbox).value,
        )

    @work(thread=True, exclusive=True, group="start")
    def start_session(self, form: SessionForm) -> None:
        """Open the deck (from the cache, or parsed and validated) and create the save."""
        from goedwerk_tui.deck_source import open_deck

        listener = None
        try:
            deck = open_deck(form.deck)
            if form.live:  # the port bound before the save exists, as for ``play --live``
                from goedwerk_tui.live.server import prepare

                listener = prepare(LIVE_BIND, None, None)
            game = Game.new(
                deck,
                form.teams,
                save_dir=form.save_dir,
                cards=form.cards,
                shuffle=form.shuffle,
                timer=form.timer,
                language=form.language,
                measure=form.measure,
            )
        except GoedwerkError as exc:
            if listener is not None:
                listener.close()
            self.app.call_from_thread(self._not_started, exc)
            return
        self.app.call_from_thread(self.app.start_game, game, listener)

    def _not_started(self, exc: GoedwerkError) -> None:
        self.starting = False
        hint = self.query_one("#form-hint", Static)
        hint.update(Text(t("home.form_hint", self.app.lang), style="dim"))
        self.refuse(exc.message(self.app.lang))

    def action_back(self) -> None:
        if not self.starting:  # the session is about to open: it cannot be taken back
            self.app.pop_screen()
