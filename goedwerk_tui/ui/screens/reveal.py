"""All teams side by side on the axis, the card's reflection and the facilitator's notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.session import Round, Session
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import option_letter
from goedwerk_tui.render.reveal_view import reveal_renderable, team_style
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import AFTER_OWN, WAY_OUT, GoedWerkScreen
from goedwerk_tui.ui.screens.confirm import ask_first
from goedwerk_tui.ui.screens.note import NoteScreen

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp


def round_reveal(session: Session, round_: Round, lang: str, width: int) -> RenderableType:
    """The reveal of one round: also used by the replay screen."""
    deck = session.deck
    card = deck.card(round_.card_id)
    field = deck.field_of(card)
    title = Text(f"{t('reveal.title', lang)}: ", style="bold")
    title.append(sanitize(card.title.get(lang)), style="bold underline")
    parts: list[RenderableType] = [title, Text()]
    if round_.skipped:
        parts.append(Text(t("reveal.skipped", lang), style="italic"))
        return Group(*parts)
    teams = [(team.id, team.name) for team in session.teams]
    parts.append(reveal_renderable(deck, field, teams, round_.choices, lang, width))
    options = chosen_options(session, round_, lang)
    if options is not None:
        parts += [Text(), Text(t("reveal.options_chosen", lang), style="bold"), options]
    if card.reflection is not None:
        parts += [Text(), Text(t("card.reflection", lang), style="bold")]
        parts.append(Text(sanitize(reflow(card.reflection.get(lang)))))
    if card.variations:
        parts += [Text(), Text(t("card.variations", lang), style="bold")]
        parts += [Text("• " + sanitize(v.get(lang))) for v in card.variations]
    if round_.notes:
        parts += [Text(), Text(t("reveal.notes", lang), style="bold")]
        parts += [Text("• " + sanitize(note)) for note in round_.notes]
    return Group(*parts)


def chosen_options(session: Session, round_: Round, lang: str) -> Table | None:
    """Each option some team chose, with its text and the teams that chose it."""
    card = session.deck.card(round_.card_id)
    if not card.options:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for index, option in enumerate(card.options):
        letter = option_letter(index)
        teams = Text()
        for number, team in enumerate(session.teams):
            choice = round_.choices.get(team.id)
            if choice is not None and choice.option == letter:
                teams.append(("  " if teams else "  ← ") + sanitize(team.name), team_style(number))
        if teams:
            line = Text(sanitize(option.get(lang)))
            line.append_text(teams)
            grid.add_row(Text(f" {letter} "), line)
    return grid if grid.row_count else None


class RevealScreen(GoedWerkScreen):
    HELP_MORE = ("help.variations",)  # after the keys of every play screen (help.text)
    BINDINGS = [
        *WAY_OUT,
        Binding("n", "next", "key.next"),
        Binding("v", "variation", "key.variation"),
        Binding("o", "note", "key.note"),
        Binding("e", "stop_dealing", "key.stop_dealing"),
        *AFTER_OWN,
    ]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reveal-scroll"):
            yield Static(id="reveal")
        # the busiest footer: its own keys and q first; ctrl+p is in the help
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_reveal()

    def refresh_reveal(self) -> None:
        session = self.app.game.session
        assert session.current is not None
        width = max(40, self.size.width - 4) if self.size.width else 76
        self.query_one("#reveal", Static).update(
            round_reveal(session, session.current, self.app.lang, width)
        )

    def on_resize(self) -> None:
        self.refresh_reveal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "variation":  # shown while the card has a variation not played yet
            from goedwerk_tui.ui.screens.variation import variations_left

            session = self.app.game.session
            return (
                session.current is not None
                and not session.current.skipped
                and bool(variations_left(session))
            )
        return True

    def action_variation(self) -> None:
        from goedwerk_tui.ui.screens.variation import pick_variation

        pick_variation(self)

    def action_next(self) -> None:
        if self.app.act(self.app.game.next) is not None:
            self.app.route()

    def action_stop_dealing(self) -> None:
        ask_first(self, self.app.lang, "confirm.stop_dealing", self._stop_dealing)

    def _stop_dealing(self) -> None:
        if self.app.act(self.app.game.stop_dealing) is not None:
            self.app.route()

    def action_note(self) -> None:
        self.app.push_screen(localized(NoteScreen, self.app.lang)(self.app.lang), self._noted)

    def _noted(self, text: str | None) -> None:
        if text and self.app.act(self.app.game.add_note, text) is not None:
            self.notify(t("ui.note_saved", self.app.lang))
            self.refresh_reveal()
