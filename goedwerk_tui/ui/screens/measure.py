"""The before-measure: before the first card, each team rates the session's three goals.

One block per team (its name, whether its scores are recorded, three 1-5 scales);
Tab moves through the scales, 1-5 or ← → rate, Enter records the team's scores,
ctrl+s records every rated team and deals the first card, ``s`` skips the measure
(asks first). The closing step takes the after-measure with the same blocks
(``closing.py``), through ``record_scores`` here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.measure import GOALS, Moment, Scores
from goedwerk_tui.domain.session import Session
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.measure_view import goal_name
from goedwerk_tui.render.reveal_view import team_style
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen, ask_first
from goedwerk_tui.ui.widgets.score_picker import ScorePicker, TeamScores

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.widgets.live_status import LiveChanged


def statements(deck: Deck, lang: str) -> Group:
    """ "Eigenaarschap: Ik kan invloed..." for each goal."""
    lines = []
    for goal in GOALS:
        line = Text(goal_name(goal, lang) + ": ", style="bold")
        line.append(sanitize(deck.statement(goal).get(lang)), style="not bold")  # the deck's
        lines.append(line)
    return Group(*lines)


def recorded(session: Session, moment: Moment, team_id: str) -> Scores | None:
    measure = session.measures.get(moment, {}).get(team_id)
    return None if measure is None else measure.scores


def scores_label(session: Session, moment: Moment, index: int, block: TeamScores | None) -> Text:
    """The team's name (in the closing step: "Nameting van Rood") and whether its scores
    are recorded, rated but not yet, or not."""
    lang = session.language
    team = session.teams[index]
    name = sanitize(team.name)
    if moment == "after":
        name = t("measure.after_label", lang, team=name)
    label = Text(name, style=team_style(index))
    saved = recorded(session, moment, team.id)
    rated = block.scores() if block is not None else saved
    if saved is not None and rated == saved:
        label.append("  ✓ " + t("measure.recorded", lang), style="green")
    elif block is not None and block.touched:
        label.append("  ✎ " + t("measure.typed", lang), style="yellow")
    return label


def record_scores(screen: GoedWerkScreen, moment: Moment, block: TeamScores) -> bool:
    """Record a block's scores when complete and changed; False when refused."""
    app = screen.app
    session = app.game.session
    scores = block.scores()
    if scores is None or recorded(session, moment, block.team_id) == scores:
        return True
    event = app.act(app.game.record_measure, moment, block.team_id, scores)
    if event is None:
        return False
    name = sanitize(session.team(block.team_id).name)
    screen.notify(t(f"measure.saved.{moment}", app.lang, team=name), markup=False)
    return True


def partly_rated(screen: GoedWerkScreen, blocks: list[TeamScores]) -> str | None:
    """Before quitting: the question to ask when a team's scores are only partly chosen
    (those would be lost), or None."""
    session = screen.app.game.session
    teams = [
        sanitize(session.team(block.team_id).name)
        for block in blocks
        if block.touched and block.scores() is None
    ]
    if not teams:
        return None
    return t("measure.quit_partial", screen.app.lang, teams=", ".join(teams))


def missing_text(block: TeamScores, lang: str) -> str:
    goals = [goal_name(p.goal, lang) for p in block.pickers if p.score is None]
    return t("measure.missing", lang, goals=", ".join(goals))


class MeasureScreen(GoedWerkScreen):
    """Phase STARTING: the before-measure, then the first card."""

    HELP_KEY = "help.measure"
    MOMENT: Moment = "before"
    BINDINGS = [
        Binding("enter", "record_team", "key.measure_record"),
        Binding("ctrl+s", "start", "key.measure_start"),
        Binding("s", "skip_measure", "key.measure_skip"),
        *COMMON_BINDINGS,
    ]
    PALETTE = (
        ("palette.measure_start", "action_start"),
        ("palette.measure_skip", "action_skip_measure"),
    )

    app: GoedWerkApp

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        session = self.app.game.session
        with VerticalScroll(id="measure-scroll", can_focus=False):  # Tab stays on the scales
            yield Static(Text(t("measure.before.title", lang), style="bold"))
            yield Static(Text(t("measure.intro", lang)), classes="measure-intro")
            yield Static(statements(session.deck, lang), classes="measure-statements")
            for index, team in enumerate(session.teams):
                yield Static(
                    scores_label(session, self.MOMENT, index, None),
                    id=f"label-{team.id}",
                    classes="team-label",
                )
                yield TeamScores(team.id, lang, recorded(session, self.MOMENT, team.id))
            yield Static(id="measure-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.focus_next_team(None)

    @property
    def blocks(self) -> list[TeamScores]:
        return list(self.query(TeamScores))

    def block_of(self, team_id: str) -> TeamScores:
        return next(b for b in self.blocks if b.team_id == team_id)

    def focused_block(self) -> TeamScores | None:
        focused = self.focused
        if isinstance(focused, ScorePicker) and isinstance(focused.parent, TeamScores):
            return focused.parent
        return None

    def refresh_labels(self) -> None:
        session = self.app.game.session
        for index, block in enumerate(self.blocks):
            label = scores_label(session, self.MOMENT, index, block)
            self.query_one(f"#label-{block.team_id}", Static).update(label)

    def on_live_changed(self, _message: LiveChanged) -> None:
        """A device recorded its team's scores: shown, unless they are being rated here
        (the base class redraws the live line)."""
        session = self.app.game.session
        for block in self.blocks:
            block.follow(recorded(session, self.MOMENT, block.team_id))
        self.refresh_labels()

    def on_score_picker_changed(self, event: ScorePicker.Changed) -> None:
        if self.is_mounted:
            self.refresh_labels()

    def focus_next_team(self, after: TeamScores | None) -> None:
        """The first scale still unrated after ``after``'s block (or from the top);
        when every team is recorded, the status says how to go on."""
        session = self.app.game.session
        blocks = self.blocks
        start = blocks.index(after) + 1 if after is not None else 0
        for block in blocks[start:] + blocks[:start]:
            if recorded(session, self.MOMENT, block.team_id) is None:
                (block.first_unrated() or block.pickers[0]).focus()
                return
        status = Text(t("measure.all_recorded", self.app.lang), style="bold green")
        self.query_one("#measure-status", Static).update(status)
        if after is None:
            blocks[0].pickers[0].focus()

    def action_record_team(self) -> None:
        block = self.focused_block()
        if block is None:
            return
        if block.scores() is None:
            self.notify(missing_text(block, self.app.lang), severity="warning", markup=False)
            picker = block.first_unrated()
            if picker is not None:
                picker.focus()
            return
        if record_scores(self, self.MOMENT, block):
            self.refresh_labels()
            self.focus_next_team(block)

    def record_all(self) -> bool:
        ok = all([record_scores(self, self.MOMENT, block) for block in self.blocks])
        self.refresh_labels()
        return ok

    def quit_question(self) -> str | None:
        return partly_rated(self, self.blocks)

    def before_quit(self) -> None:
        """Quitting keeps what was rated: every complete block is recorded first."""
        self.record_all()

    def action_start(self) -> None:
        """Record every rated team, then deal the first card (asking when a team has
        no scores recorded)."""
        if not self.record_all():
            return
        session = self.app.game.session
        missing = [
            sanitize(team.name)
            for team in session.teams
            if recorded(session, self.MOMENT, team.id) is None
        ]
        if not missing:
            self._deal()
            return
        lang = self.app.lang
        question = localized(ConfirmScreen, lang)(
            t("measure.confirm_missing", lang, teams=", ".join(missing)),
            t("confirm.enter_esc", lang),
        )
        self.app.push_screen(question, lambda yes: self._deal() if yes else None)

    def action_skip_measure(self) -> None:
        ask_first(self, self.app.lang, "confirm.skip_measure", self._deal)

    def _deal(self) -> None:
        if self.app.act(self.app.game.next) is not None:
            self.app.route()
