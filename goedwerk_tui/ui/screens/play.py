"""The card on the table: teams record their choices one after the other, hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import card_panel
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import AFTER_OWN, WAY_OUT
from goedwerk_tui.ui.screens.confirm import ask_first
from goedwerk_tui.ui.screens.team_screen import TEAM_KEYS, TeamScreen, numbered_team
from goedwerk_tui.ui.widgets.timer import timer_text

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.screens.choice import ChoiceDraft
    from goedwerk_tui.ui.widgets.live_status import LiveChanged


class PlayScreen(TeamScreen):
    BINDINGS = [
        *WAY_OUT,
        *TEAM_KEYS,
        Binding("r", "reveal", "key.reveal"),
        Binding("s", "skip", "key.skip"),
        Binding("e", "stop_dealing", "key.stop_dealing"),
        *AFTER_OWN,
    ]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        # drawn with their content here, so the first frame already shows the card
        session = self.app.game.session
        assert session.current is not None and session.current_card is not None
        yield Static(self.status_text(), id="status")
        with VerticalScroll(id="card-scroll"):
            yield Static(
                card_panel(session.deck, session.current_card, self.lang),  # "kaart n van N"
                id="card",  # is in the status line above: said once
            )
        yield self.team_bar()
        # the busiest footer: its own keys and q first; ctrl+p is in the help
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        if self.app.game.session.settings.timer:
            self.set_interval(1.0, self.refresh_status)

    @property
    def lang(self) -> str:
        return self.app.lang

    def status_text(self) -> Text:
        game = self.app.game
        session = game.session
        assert session.current is not None
        status = Text(
            t("ui.status.round", self.lang, n=session.current.number, total=len(session.cards))
        )
        left = game.seconds_left()
        if left is not None:
            status.append("   ")
            status.append_text(timer_text(left, self.lang))
        return status

    def refresh_status(self) -> None:
        if not self.is_current:
            return  # a card already played, left below on the screen stack
        self.query_one("#status", Static).update(self.status_text())

    def team_label(self, index: int) -> Text:
        session = self.app.game.session
        assert session.current is not None
        team = session.teams[index]
        label = numbered_team(index, team.name)
        if team.id in session.current.choices:
            label.append("✓ " + t("ui.status.chosen", self.lang), style="green")
        else:
            label.append("· " + t("ui.status.waiting", self.lang), style="dim")
        return label

    def on_live_changed(self, _message: LiveChanged) -> None:
        """A device recorded a choice: the team bar says so (the base class redraws the
        live line)."""
        self.refresh_teams()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "team_key":
            return parameters[1] == len(self.app.game.session.teams)
        return True

    def action_team(self, number: int) -> None:
        # imported when a team first chooses, not before the first card is drawn (5 ms)
        from goedwerk_tui.ui.screens.choice import ChoiceScreen

        session = self.app.game.session
        if number > len(session.teams) or session.current is None:
            return
        team = session.teams[number - 1]
        card = session.current_card
        assert card is not None
        screen = localized(ChoiceScreen, self.lang)(
            session.deck,
            card,
            team,
            self.lang,
            session.current.choices.get(team.id),
            self.app.game.seconds_left if session.settings.timer else None,
        )
        self.app.push_screen(screen, self._choice_made)

    def _choice_made(self, draft: ChoiceDraft | None) -> None:
        if draft is None:
            return
        session = self.app.game.session
        assert session.current is not None
        changed = draft.team in session.current.choices
        event = self.app.act(
            self.app.game.record_choice,
            draft.team,
            draft.stance,
            draft.option,
            draft.values_a,
            draft.values_b,
            draft.rationale,
        )
        if event is None:
            return
        name = sanitize(session.team(draft.team).name)
        key = "ui.choice_changed" if changed else "ui.choice_saved"
        message = t(key, self.lang, team=name)
        if not session.waiting_for():
            message += "\n" + t("ui.all_chosen", self.lang)
        self.notify(message, markup=False)
        self.refresh_teams()

    def action_reveal(self) -> None:
        session = self.app.game.session
        waiting = session.waiting_for()
        if waiting:
            names = ", ".join(sanitize(session.team(w).name) for w in waiting)
            self.notify(
                t("ui.waiting_for", self.lang, teams=names), severity="warning", markup=False
            )
            return
        if self.app.act(self.app.game.reveal) is not None:
            self.app.route()

    def action_skip(self) -> None:
        ask_first(self, self.lang, "confirm.skip", self._skip)

    def _skip(self) -> None:
        if self.app.act(self.app.game.skip) is None:
            return
        if self.app.act(self.app.game.next) is not None:
            self.app.route()
            self.app.notify(t("ui.skipped", self.lang))

    def action_stop_dealing(self) -> None:
        ask_first(self, self.lang, "confirm.stop_dealing", self._stop_dealing)

    def _stop_dealing(self) -> None:
        if self.app.act(self.app.game.stop_dealing) is not None:
            self.app.route()
