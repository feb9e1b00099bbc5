"""The closing step (one action per team) and the session summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.session import MAX_ACTION, Session
from goedwerk_tui.domain.text import clean_input, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import signed, team_style
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import (
    COMMON_BINDINGS,
    CONTRAST,
    QUIT_WHILE_TYPING,
    GoedWerkScreen,
)
from goedwerk_tui.ui.screens.confirm import ConfirmScreen, ask_first
from goedwerk_tui.ui.widgets.text_field import TextField

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.widgets.live_status import LiveChanged


class ClosingScreen(GoedWerkScreen):
    """One action per team. Letters type into the fields, so quitting is ctrl+q and
    going back to the cards is Esc; ctrl+s records every typed action and finishes."""

    BINDINGS = [
        Binding("ctrl+s", "finish", "key.finish"),
        Binding("escape", "back", "key.back_to_cards"),
        CONTRAST,
        QUIT_WHILE_TYPING,
    ]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        session = self.app.game.session
        with VerticalScroll(id="closing", can_focus=False):  # Tab stays on fields
            yield Static(Text(t("closing.title", lang), style="bold"))
            yield Static(Text(t("closing.intro", lang)))
            for index, team in enumerate(session.teams):
                yield Static(self.team_label(index), id=f"label-{team.id}", classes="team-label")
                yield TextField(
                    session.actions.get(team.id, ""),
                    lang=lang,
                    placeholder=t("closing.placeholder", lang),
                    max_length=MAX_ACTION,
                    id=f"action-{team.id}",
                )
            yield Static(id="closing-status")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.game.session
        self._shown = dict(session.actions)  # the recorded actions the fields were given
        for team in session.teams:
            if team.id not in session.actions:
                self.field(team.id).focus()
                return
        self._all_done()

    def field(self, team_id: str) -> TextField:
        return self.query_one(f"#action-{team_id}", TextField)

    def typed(self, team_id: str) -> str:
        """The action as it would be recorded (cleaned), or "" when nothing is typed."""
        return clean_input(self.field(team_id).value, MAX_ACTION)

    def team_label(self, index: int, typed: str | None = None) -> Text:
        """The team's name and whether its action is recorded, or typed but not yet."""
        lang = self.app.lang
        team = self.app.game.session.teams[index]
        recorded = self.app.game.session.actions.get(team.id)
        label = Text(sanitize(team.name), style=team_style(index))
        if typed is None:
            typed = recorded or ""
        if recorded is not None and typed == recorded:
            label.append("  ✓ " + t("closing.recorded", lang), style="green")
        elif typed:
            label.append("  ✎ " + t("closing.typed", lang), style="yellow")
        return label

    def refresh_labels(self) -> None:
        for index, team in enumerate(self.app.game.session.teams):
            label = self.team_label(index, self.typed(team.id))
            self.query_one(f"#label-{team.id}", Static).update(label)
        self.refresh_bindings()

    def on_live_changed(self, _message: LiveChanged) -> None:
        """A device recorded its team's action: shown in the team's field, unless the
        facilitator is typing another one there."""
        session = self.app.game.session
        for team in session.teams:
            field = self.field(team.id)
            recorded = session.actions.get(team.id)
            typed = self.typed(team.id)
            if recorded is not None and typed != recorded:
                # what the field held was empty or the team's earlier recorded action
                if not typed or typed == self._shown.get(team.id):
                    field.value = recorded
            if recorded is not None:
                self._shown[team.id] = recorded
        self.refresh_labels()

    def on_input_changed(self, event: TextField.Changed) -> None:
        self.refresh_labels()

    def record(self, team_id: str) -> bool:
        """Record the team's typed action if it changed; False when it was refused."""
        session = self.app.game.session
        text = self.typed(team_id)
        if not text or session.actions.get(team_id) == text:
            return True
        if self.app.act(self.app.game.record_action, team_id, text) is None:
            return False
        name = sanitize(session.team(team_id).name)
        self.notify(t("ui.action_saved", self.app.lang, team=name), markup=False)
        return True

    def record_all(self) -> bool:
        """Record every typed, changed action (not only those confirmed with Enter)."""
        ok = all([self.record(team.id) for team in self.app.game.session.teams])
        self.refresh_labels()
        return ok

    def before_quit(self) -> None:
        """Quitting keeps what was typed: every typed action is recorded first."""
        self.record_all()

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        session = self.app.game.session
        assert event.input.id is not None
        team_id = event.input.id.removeprefix("action-")
        changed = bool(self.typed(team_id)) and session.actions.get(team_id) != self.typed(team_id)
        if not self.record(team_id):
            return
        self.refresh_labels()
        for team in session.teams:
            if team.id not in session.actions:
                self.field(team.id).focus()
                return
        if changed:
            self._all_done()
        else:  # Enter again once every team has its action: on to the summary
            self.action_finish()

    def _all_done(self) -> None:
        self.query_one("#closing-status", Static).update(
            Text(t("closing.done", self.app.lang), style="bold green")
        )
        self.field(self.app.game.session.teams[-1].id).focus()

    def action_finish(self) -> None:
        if not self.record_all():
            return
        session = self.app.game.session
        missing = [team.name for team in session.teams if team.id not in session.actions]
        if not missing:
            self._end()
            return
        lang = self.app.lang
        names = ", ".join(sanitize(name) for name in missing)
        question = localized(ConfirmScreen, lang)(
            t("closing.confirm_missing", lang, teams=names), t("confirm.enter_esc", lang)
        )
        self.app.push_screen(question, self._finish_answered)

    def _finish_answered(self, yes: bool | None) -> None:
        if yes:
            self._end()

    def _end(self) -> None:
        if self.app.act(self.app.game.end) is not None:
            self.app.route()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":  # shown only while the cards can still be taken up again
            session = self.app.game.session
            return session.has_next_card and not session.actions
        return True

    def action_back(self) -> None:
        """Back to the cards; typed (unrecorded) actions would be lost, so that asks."""
        if any(self.typed(team.id) for team in self.app.game.session.teams):
            ask_first(self, self.app.lang, "confirm.back_discard", self._back)
        else:
            self._back()

    def _back(self) -> None:
        if self.app.act(self.app.game.back_to_dealing) is not None:
            self.app.route()


def summary_renderable(session: Session, lang: str, path: str) -> RenderableType:
    played = session.played_rounds
    skipped = len(session.rounds) - len(played)
    parts: list[RenderableType] = [
        Text(t("summary.title", lang), style="bold"),
        Text(t("summary.rounds", lang, played=len(played), skipped=skipped)),
        Text(),
    ]
    for round_ in played:
        card = session.deck.card(round_.card_id)
        field = session.deck.field_of(card)
        line = Text(f"{round_.number}. ", style="bold")
        line.append(sanitize(card.title.get(lang)), style="bold")
        line.append(
            f"  ({sanitize(field.pole_a.get(lang))} ↔ {sanitize(field.pole_b.get(lang))})", "dim"
        )
        parts.append(line)
        stances = Text("   ")
        for index, team in enumerate(session.teams):
            choice = round_.choices.get(team.id)
            shown = signed(choice.stance) if choice else "-"
            stances.append(f"{sanitize(team.name)} ", style=team_style(index))
            stances.append(f"{shown}   ")
        parts.append(stances)
    parts += [Text(), Text(t("summary.actions", lang), style="bold")]
    for index, team in enumerate(session.teams):
        line = Text(f"{sanitize(team.name)}: ", style=team_style(index))
        line.append(sanitize(session.actions.get(team.id, t("summary.no_action", lang))))
        parts.append(line)
    parts += [Text(), Text(t("summary.saved", lang, path=sanitize(path)), style="dim")]
    return Group(*parts)


class SummaryScreen(GoedWerkScreen):
    BINDINGS = [*COMMON_BINDINGS]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary-scroll"):
            yield Static(
                summary_renderable(self.app.game.session, self.app.lang, str(self.app.game.path))
            )
        yield Footer()
