"""A "Maar wat als...?" round: the variation with the card, each team's quick new
stance, then its reveal (who moved, which way, how far, and why).

The screen shows the current round's latest variation: while it is open, teams press
their number (the team bar shows each team's stance on the card and whether it gave a
new one) and ``r`` reveals once all have; after the reveal ``v`` plays another
variation and Esc goes back to the card's reveal; ``n`` deals the next card (an open
variation closes without its reveal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.session import Session, VariationRound
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import card_panel
from goedwerk_tui.render.reveal_view import signed
from goedwerk_tui.render.variation_play import variation_panel, variation_reveal
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import AFTER_OWN, WAY_OUT, GoedWerkScreen
from goedwerk_tui.ui.screens.confirm import ask_first
from goedwerk_tui.ui.screens.note import NoteScreen
from goedwerk_tui.ui.screens.team_screen import TEAM_KEYS, TeamScreen, numbered_team

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.screens.stance_dialog import StanceDraft
    from goedwerk_tui.ui.widgets.live_status import LiveChanged


def variations_left(session: Session) -> list[int]:
    """The current card's variations (1-based) not played yet on it."""
    current, card = session.current, session.current_card
    if current is None or card is None:
        return []
    played = {v.number for v in current.variations}
    return [n for n in range(1, len(card.variations) + 1) if n not in played]


def pick_variation(screen: GoedWerkScreen) -> None:
    """``v`` on the card's reveal and after a variation's reveal: pick one, play it."""
    from goedwerk_tui.ui.screens.variation_pick import VariationPickScreen

    app = screen.app
    session = app.game.session
    card, current = session.current_card, session.current
    if card is None or current is None or not variations_left(session):
        return
    played = {v.number for v in current.variations}

    def picked(number: int | None) -> None:
        if number is not None and app.act(app.game.play_variation, number) is not None:
            app.route()

    app.push_screen(localized(VariationPickScreen, app.lang)(card, played, app.lang), picked)


class VariationScreen(TeamScreen):
    HELP_KEY = "help.variation"
    BINDINGS = [
        *WAY_OUT,
        *TEAM_KEYS,
        Binding("r", "reveal_variation", "key.reveal"),
        Binding("v", "variation", "key.variation"),
        Binding("n", "next", "key.next"),
        Binding("escape", "card_reveal", "key.card_reveal"),
        Binding("e", "stop_dealing", "key.stop_dealing"),
        Binding("o", "note", "key.note", show=False),  # in the help: keeps q in the footer
        *AFTER_OWN,
    ]
    PALETTE = (
        ("palette.reveal_variation", "action_reveal_variation"),
        ("palette.variation", "action_variation"),
        ("palette.next", "action_next"),
        ("palette.card_reveal", "action_card_reveal"),
        ("palette.note", "action_note"),
        ("palette.stop_dealing", "action_stop_dealing"),
    )

    app: GoedWerkApp

    @property
    def lang(self) -> str:
        return self.app.lang

    @property
    def variation(self) -> VariationRound:
        current = self.app.game.session.current
        assert current is not None and current.variations
        return current.variations[-1]

    def compose(self) -> ComposeResult:
        session = self.app.game.session
        card = session.current_card
        assert card is not None
        yield Static(self.status_text(), id="status")
        with VerticalScroll(id="variation-scroll"):
            yield Static(variation_panel(card, self.variation.number, self.lang), id="variation")
            yield Static(id="variation-reveal")
            yield Static(card_panel(session.deck, card, self.lang), id="card")
        yield self.team_bar()
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_reveal()

    def on_resize(self) -> None:
        self.refresh_reveal()

    def status_text(self) -> Text:
        session = self.app.game.session
        assert session.current is not None
        status = Text(
            t("ui.status.round", self.lang, n=session.current.number, total=len(session.cards))
        )
        key = "variation.status_revealed" if self.variation.revealed else "variation.status_open"
        status.append("  ·  " + t(key, self.lang))
        return status

    def team_label(self, index: int) -> Text:
        """ " 1  Rood  -1 ✓ nieuwe positie": the team's stance on the card, and whether
        it gave one under the variation (which stays hidden until the reveal)."""
        session = self.app.game.session
        assert session.current is not None
        team = session.teams[index]
        label = numbered_team(index, team.name)
        choice = session.current.choices.get(team.id)
        label.append(f"{signed(choice.stance) if choice else '-'} ", style="dim")
        if team.id in self.variation.stances:
            label.append("✓ " + t("variation.revised", self.lang), style="green")
        else:
            label.append("· " + t("ui.status.waiting", self.lang), style="dim")
        return label

    def refresh_reveal(self) -> None:
        """The variation's reveal once it is revealed; the team bar while it is open."""
        session = self.app.game.session
        assert session.current is not None
        variation = self.variation
        self.query_one("#status", Static).update(self.status_text())
        self.query_one("#teams").display = not variation.revealed
        reveal = self.query_one("#variation-reveal", Static)
        if variation.revealed:
            field = session.current_field
            assert field is not None
            width = max(40, self.size.width - 4) if self.size.width else 76
            teams = [(team.id, team.name) for team in session.teams]
            reveal.update(
                variation_reveal(
                    field, teams, session.current.choices, variation.stances, self.lang, width
                )
            )
        reveal.display = variation.revealed
        self.refresh_teams(layout=True)  # a label grew ("✓ nieuwe positie")
        self.refresh_bindings()

    def on_live_changed(self, _message: LiveChanged) -> None:
        """A device gave its team's new stance: the team bar says so (the base class
        redraws the live line)."""
        current = self.app.game.session.current
        if current is not None and current.variations:  # not yet another card's
            self.refresh_reveal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.app.game.session
        revealed = self.variation.revealed
        if action == "team_key":
            return parameters[1] == len(session.teams) and not revealed
        if action in ("team", "reveal_variation"):
            return not revealed
        if action == "card_reveal":
            return revealed
        if action == "variation":  # after this one's reveal (the rules allow it before)
            return revealed and bool(variations_left(session))
        return True

    def action_team(self, number: int) -> None:
        from goedwerk_tui.ui.screens.stance_dialog import StanceDialog

        session = self.app.game.session
        variation = self.variation
        if number > len(session.teams) or variation.revealed or session.current is None:
            return
        team = session.teams[number - 1]
        card, field = session.current_card, session.current_field
        assert card is not None and field is not None
        choice = session.current.choices.get(team.id)
        revised = variation.stances.get(team.id)
        card_stance = choice.stance if choice is not None else None
        start = revised.stance if revised is not None else (card_stance or 0)
        dialog = localized(StanceDialog, self.lang)(
            card,
            field,
            variation.number,
            team,
            self.lang,
            card_stance=card_stance,
            stance=start,
            reason=revised.reason if revised is not None else "",
        )
        self.app.push_screen(dialog, self._revised)

    def _revised(self, draft: StanceDraft | None) -> None:
        if draft is None:
            return
        session = self.app.game.session
        event = self.app.act(self.app.game.revise_stance, draft.team, draft.stance, draft.reason)
        if event is None:
            return
        message = t("variation.saved", self.lang, team=sanitize(session.team(draft.team).name))
        if not self.waiting():
            message += "\n" + t("variation.all_revised", self.lang)
        self.notify(message, markup=False)
        self.refresh_reveal()

    def waiting(self) -> list[str]:
        """Names of the teams without a new stance under the variation yet."""
        session = self.app.game.session
        stances = self.variation.stances
        return [sanitize(team.name) for team in session.teams if team.id not in stances]

    def action_reveal_variation(self) -> None:
        waiting = self.waiting()
        if waiting:
            message = t("variation.waiting_for", self.lang, teams=", ".join(waiting))
            self.notify(message, severity="warning", markup=False)
            return
        if self.app.act(self.app.game.reveal_variation) is not None:
            self.app.clear_notifications()  # the confirmations would cover the reveal
            self.refresh_reveal()
            self.query_one("#variation-scroll", VerticalScroll).scroll_home(animate=False)

    def action_variation(self) -> None:
        pick_variation(self)

    def action_next(self) -> None:
        if self.app.act(self.app.game.next) is not None:
            self.app.route()

    def action_card_reveal(self) -> None:
        """Back to the card's own reveal (every team's choice on the card)."""
        from goedwerk_tui.ui.screens.reveal import RevealScreen

        self.app.switch_screen(localized(RevealScreen, self.lang)())

    def action_stop_dealing(self) -> None:
        ask_first(self, self.lang, "confirm.stop_dealing", self._stop_dealing)

    def _stop_dealing(self) -> None:
        if self.app.act(self.app.game.stop_dealing) is not None:
            self.app.route()

    def action_note(self) -> None:
        self.app.push_screen(localized(NoteScreen, self.lang)(self.lang), self._noted)

    def _noted(self, text: str | None) -> None:
        if text and self.app.act(self.app.game.add_note, text) is not None:
            self.notify(t("ui.note_saved", self.lang))
