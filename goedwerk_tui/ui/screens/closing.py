"""The closing step (one action per team) and the session summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.measure import GOALS
from goedwerk_tui.domain.session import MAX_ACTION, Round, Session
from goedwerk_tui.domain.text import clean_input, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.measure_view import measure_table
from goedwerk_tui.render.reveal_view import signed, team_style
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import (
    COMMON_BINDINGS,
    CONTRAST,
    QUIT_WHILE_TYPING,
    GoedWerkScreen,
)
from goedwerk_tui.ui.screens.confirm import ConfirmScreen, ask_first
from goedwerk_tui.ui.screens.measure import (
    partly_rated,
    record_scores,
    recorded,
    scores_label,
    statements,
)
from goedwerk_tui.ui.widgets.score_picker import ScorePicker, TeamScores
from goedwerk_tui.ui.widgets.text_field import TextField

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.widgets.live_status import LiveChanged


class ClosingScreen(GoedWerkScreen):
    """One action per team. Letters type into the fields, so quitting is ctrl+q and
    going back to the cards is Esc; ctrl+s records every typed action and finishes.

    With the measure on, each team's three 1-5 scales (the after-measure) follow its
    action field, each with the team's score before the session beside it; Enter on a
    scale records the team's scores."""

    BINDINGS = [
        Binding("ctrl+s", "finish", "key.finish"),
        Binding("enter", "record_scores", "", show=False),  # on a scale; fields take Enter
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
            if session.settings.measure:
                yield Static(Text(t("measure.after.intro", lang)))
                yield Static(statements(session.deck, lang), classes="measure-statements")
            for index, team in enumerate(session.teams):
                yield Static(self.team_label(index), id=f"label-{team.id}", classes="team-label")
                yield TextField(
                    session.actions.get(team.id, ""),
                    lang=lang,
                    placeholder=t("closing.placeholder", lang),
                    max_length=MAX_ACTION,
                    id=f"action-{team.id}",
                )
                if session.settings.measure:
                    yield from self.measure_rows(index)
            yield Static(id="closing-status")
        yield Footer()

    def measure_rows(self, index: int) -> ComposeResult:
        """The team's after-measure: whether it is recorded, and its three scales."""
        lang = self.app.lang
        session = self.app.game.session
        team = session.teams[index]
        label = scores_label(session, "after", index, None)
        yield Static(label, id=f"scores-label-{team.id}", classes="scores-label")
        before = recorded(session, "before", team.id)
        notes = {}
        if before is not None:
            notes = {g: t("measure.before_was", lang, score=before.of(g)) for g in GOALS}
        yield TeamScores(team.id, lang, recorded(session, "after", team.id), notes)

    def on_mount(self) -> None:
        self._shown = dict(self.app.game.session.actions)  # the actions the fields were given
        if not self.focus_next_open(None):
            self._all_done()

    def focus_next_open(self, after: str | None) -> bool:
        """Focus the first team (after team ``after``) without its action, or, with the
        measure on, without its recorded after-measure; False when every team is done."""
        session = self.app.game.session
        ids = session.team_ids
        start = ids.index(after) + 1 if after is not None else 0
        for team_id in ids[start:] + ids[:start]:
            if team_id not in session.actions:
                self.field(team_id).focus()
                return True
            if session.settings.measure and recorded(session, "after", team_id) is None:
                block = self.scores_of(team_id)
                (block.first_unrated() or block.pickers[0]).focus()
                return True
        return False

    def scores_of(self, team_id: str) -> TeamScores:
        return next(b for b in self.query(TeamScores) if b.team_id == team_id)

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
        session = self.app.game.session
        for index, team in enumerate(session.teams):
            label = self.team_label(index, self.typed(team.id))
            self.query_one(f"#label-{team.id}", Static).update(label)
            if session.settings.measure:
                scores = scores_label(session, "after", index, self.scores_of(team.id))
                self.query_one(f"#scores-label-{team.id}", Static).update(scores)
        self.refresh_bindings()

    def on_score_picker_changed(self, event: ScorePicker.Changed) -> None:
        if self.is_mounted:
            self.refresh_labels()

    def action_record_scores(self) -> None:
        """Enter on a scale: record the team's after-measure, then on to the next."""
        from goedwerk_tui.ui.screens.measure import missing_text

        focused = self.focused
        if not isinstance(focused, ScorePicker) or not isinstance(focused.parent, TeamScores):
            return
        block = focused.parent
        if block.scores() is None:
            self.notify(missing_text(block, self.app.lang), severity="warning", markup=False)
            (block.first_unrated() or focused).focus()
            return
        if record_scores(self, "after", block):
            self.refresh_labels()
            if not self.focus_next_open(block.team_id):
                self._all_done()

    def on_live_changed(self, _message: LiveChanged) -> None:
        """A device recorded its team's action: shown in the team's field, unless the
        facilitator is typing another one there."""
        session = self.app.game.session
        for team in session.teams:
            field = self.field(team.id)
            saved = session.actions.get(team.id)
            typed = self.typed(team.id)
            if saved is not None and typed != saved:
                # what the field held was empty or the team's earlier recorded action
                if not typed or typed == self._shown.get(team.id):
                    field.value = saved
            if saved is not None:
                self._shown[team.id] = saved
        if session.settings.measure:  # a device's after-measure, unless one is rating here
            for block in self.query(TeamScores):
                block.follow(recorded(session, "after", block.team_id))
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
        """Record every typed, changed action (not only those confirmed with Enter) and
        every complete, changed after-measure."""
        session = self.app.game.session
        ok = all([self.record(team.id) for team in session.teams])
        if session.settings.measure:
            blocks = list(self.query(TeamScores))
            ok = all([record_scores(self, "after", block) for block in blocks]) and ok
        self.refresh_labels()
        return ok

    def quit_question(self) -> str | None:
        return partly_rated(self, list(self.query(TeamScores)))

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
        if session.settings.measure and recorded(session, "after", team_id) is None:
            block = self.scores_of(team_id)  # the team's own scales come next
            (block.first_unrated() or block.pickers[0]).focus()
            return
        if self.focus_next_open(team_id if session.settings.measure else None):
            return
        if changed:
            self._all_done()
        else:  # Enter again once every team has its action: on to the summary
            self.action_finish()

    def _all_done(self) -> None:
        status = self.query_one("#closing-status", Static)
        status.update(Text(t("closing.done", self.app.lang), style="bold green"))
        self.field(self.app.game.session.teams[-1].id).focus(scroll_visible=False)
        # in view: below the last team's scales when the measure is on
        self.call_after_refresh(status.scroll_visible, animate=False)

    def action_finish(self) -> None:
        if not self.record_all():
            return
        session = self.app.game.session
        missing = [team.name for team in session.teams if team.id not in session.actions]
        unrated = []
        if session.settings.measure:
            unrated = [
                team.name for team in session.teams if recorded(session, "after", team.id) is None
            ]
        if not missing and not unrated:
            self._end()
            return
        lang = self.app.lang
        lines = []
        if unrated:
            names = ", ".join(sanitize(name) for name in unrated)
            lines.append(t("measure.no_after", lang, teams=names))
        if missing:
            names = ", ".join(sanitize(name) for name in missing)
            lines.append(t("closing.confirm_missing", lang, teams=names))
        else:
            lines.append(t("measure.finish_anyway", lang))
        question = localized(ConfirmScreen, lang)(" ".join(lines), t("confirm.enter_esc", lang))
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
            return session.has_next_card and not session.actions and not session.measures["after"]
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
        parts += variation_lines(session, round_, lang)
    if session.settings.measure:
        parts += [Text(), Text(t("measure.summary", lang), style="bold")]
        measures = session.measures
        parts.append(measure_table(session.teams, measures["before"], measures["after"], lang))
    parts += [Text(), Text(t("summary.actions", lang), style="bold")]
    for index, team in enumerate(session.teams):
        line = Text(f"{sanitize(team.name)}: ", style=team_style(index))
        line.append(sanitize(session.actions.get(team.id, t("summary.no_action", lang))))
        parts.append(line)
    parts += [Text(), Text(t("summary.saved", lang, path=sanitize(path)), style="dim")]
    return Group(*parts)


def variation_lines(session: Session, round_: Round, lang: str) -> list[Text]:
    """ "Maar wat als...? 2: Rood -1 → +1  Blauw +2": each revealed variation's stances
    after the card's, for the teams that revised."""
    lines = []
    for variation in round_.variations:
        if not variation.revealed:
            continue
        line = Text("   " + t("summary.variation", lang, n=variation.number) + "  ", "italic")
        for index, team in enumerate(session.teams):
            revised = variation.stances.get(team.id)
            if revised is None:
                continue
            choice = round_.choices.get(team.id)
            before = signed(choice.stance) if choice else "-"
            line.append(f"{sanitize(team.name)} ", style=team_style(index))
            after = signed(revised.stance)
            line.append(f"{before} → {after}   " if before != after else f"{after}   ")
        lines.append(line)
    return lines


class SummaryScreen(GoedWerkScreen):
    BINDINGS = [*COMMON_BINDINGS]

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary-scroll"):
            yield Static(
                summary_renderable(self.app.game.session, self.app.lang, str(self.app.game.path))
            )
        yield Footer()
