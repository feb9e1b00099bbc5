"""A team's rating of the session's three goals: one 1-5 scale per goal.

Each scale is a focusable line moved with ← → or set with the keys 1-5; the chosen
step is marked by its number in reverse *and* by its words ("4 = eens"), so it reads
without colour. A scale starts empty (nothing is rated before a team says so); ← or →
on an empty scale starts in the middle.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from goedwerk_tui.domain.measure import GOALS, SCORES, Scores
from goedwerk_tui.i18n import t
from goedwerk_tui.render.measure_view import goal_name
from goedwerk_tui.ui.widgets.arrow_picker import ArrowPicker

MIDDLE = SCORES[len(SCORES) // 2]


def score_words(score: int, lang: str) -> str:
    """ "4 = eens": the step with its label."""
    return f"{score} = {t(f'measure.score.{score}', lang)}"


class ScorePicker(ArrowPicker):
    """One goal's 1-5 scale, labelled with the goal's name (``label_width`` wide)."""

    DEFAULT_CSS = """
    ScorePicker { height: 1; }
    """

    score: reactive[int | None] = reactive(None)

    class Changed(Message):
        """A score was set or moved."""

    def __init__(
        self,
        goal: str,
        lang: str,
        score: int | None = None,
        *,
        label_width: int = 0,
        note: str = "",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # the caller's Widget options
        self.goal = goal
        self.lang = lang
        self.label_width = label_width
        self.note = note  # shown after the scale, e.g. the score before the session
        self.set_reactive(ScorePicker.score, score)

    def action_move(self, step: int) -> None:
        if self.score is None:
            self.score = MIDDLE
        else:
            self.score = max(SCORES[0], min(SCORES[-1], self.score + step))

    def watch_score(self) -> None:
        self.post_message(self.Changed())

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and int(event.character) in SCORES:
            self.score = int(event.character)
            event.stop()
            event.prevent_default()

    def on_click(self, event: events.Click) -> None:
        """A click on one of the five numbers picks it."""
        slot = (event.x - self.styles.padding.left - self.label_width - 1) // 3
        if 0 <= slot < len(SCORES):
            self.score = SCORES[slot]

    def render(self) -> Text:
        name = goal_name(self.goal, self.lang)
        text = Text(name.ljust(self.label_width) + " ", style="bold")
        for score in SCORES:
            if score == self.score:
                text.append(f"[{score}]", style="bold reverse")
            else:
                text.append(f" {score} ", style="dim")
        if self.score is None:
            words = Text("  " + t("measure.not_rated", self.lang), style="italic dim")
        else:
            words = Text("  → " + score_words(self.score, self.lang), style="italic")
        if self.note:  # in a column of its own: the widest words first
            widest = max(len(score_words(s, self.lang)) + 4 for s in SCORES)
            words.pad_right(max(0, widest - len(words)))
            words.append("  " + self.note, style="dim")
        return text.append_text(words)


class TeamScores(Vertical):
    """The three scales of one team, in the order of ``GOALS``."""

    DEFAULT_CSS = """
    TeamScores { height: auto; }
    """

    def __init__(
        self,
        team_id: str,
        lang: str,
        scores: Scores | None = None,
        notes: dict[str, str] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # the caller's Widget options
        self.team_id = team_id
        self.lang = lang
        self.initial = scores
        self.notes = notes or {}

    def compose(self) -> ComposeResult:
        width = max(len(goal_name(goal, self.lang)) for goal in GOALS)
        for goal in GOALS:
            yield ScorePicker(
                goal,
                self.lang,
                self.initial.of(goal) if self.initial else None,
                label_width=width,
                note=self.notes.get(goal, ""),
                id=f"score-{self.team_id}-{goal}",
            )

    @property
    def pickers(self) -> list[ScorePicker]:
        return list(self.query(ScorePicker))

    def scores(self) -> Scores | None:
        """The team's scores, or None while a goal is not rated."""
        rated = {p.goal: p.score for p in self.pickers if p.score is not None}
        if len(rated) < len(GOALS):
            return None
        return Scores(**rated)

    @property
    def touched(self) -> bool:
        """Whether any goal is rated."""
        return any(picker.score is not None for picker in self.pickers)

    def follow(self, saved: Scores | None) -> None:
        """Scores recorded elsewhere (a team's device in a live session) are shown,
        unless the scales were changed here since they were last given."""
        if saved is None or saved == self.initial:
            return
        initial = self.initial
        given = {g: initial.of(g) if initial is not None else None for g in GOALS}
        if all(picker.score == given[picker.goal] for picker in self.pickers):
            for picker in self.pickers:
                picker.score = saved.of(picker.goal)
        self.initial = saved

    def first_unrated(self) -> ScorePicker | None:
        return next((p for p in self.pickers if p.score is None), None)
