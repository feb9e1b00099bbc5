"""The closing step (one action per team) and the session summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Label, Static

from goedwerk_tui.domain.session import Session
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import signed, team_style
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp


class ClosingScreen(GoedWerkScreen):
    BINDINGS = [Binding("ctrl+s", "finish", "key.finish"), *COMMON_BINDINGS]

    app: GoedWerkApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        session = self.app.game.session
        with VerticalScroll(id="closing"):
            yield Static(Text(t("closing.title", lang), style="bold"))
            yield Static(Text(t("closing.intro", lang)))
            for index, team in enumerate(session.teams):
                yield Label(Text(sanitize(team.name), style=team_style(index)))
                yield Input(
                    value=session.actions.get(team.id, ""),
                    placeholder=t("closing.placeholder", lang),
                    max_length=500,
                    id=f"action-{team.id}",
                )
            yield Static(id="closing-status")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.game.session
        for team in session.teams:
            if team.id not in session.actions:
                self.query_one(f"#action-{team.id}", Input).focus()
                return
        self._all_done()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        session = self.app.game.session
        assert event.input.id is not None
        team_id = event.input.id.removeprefix("action-")
        text = event.value.strip()
        changed = bool(text) and session.actions.get(team_id) != text
        if changed:
            if self.app.act(self.app.game.record_action, team_id, text) is None:
                return
            name = sanitize(session.team(team_id).name)
            self.notify(t("ui.action_saved", self.app.lang, team=name), markup=False)
        for team in session.teams:
            if team.id not in session.actions:
                self.query_one(f"#action-{team.id}", Input).focus()
                return
        if changed:
            self._all_done()
        else:  # Enter again once every team has its action: on to the summary
            self.action_finish()

    def _all_done(self) -> None:
        self.query_one("#closing-status", Static).update(
            Text(t("closing.done", self.app.lang), style="bold green")
        )
        self.query_one(f"#action-{self.app.game.session.teams[-1].id}", Input).focus()

    def action_finish(self) -> None:
        if self.app.act(self.app.game.end) is not None:
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
        card = session.deck.card(round_.card)
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

    app: GoedWerkApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary-scroll"):
            yield Static(
                summary_renderable(self.app.game.session, self.app.lang, str(self.app.game.path))
            )
        yield Footer()
