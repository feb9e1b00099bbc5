"""One team records its choice: stance, option, competing values, rationale.

The card's situation and options stay in view above the fields (the dialog
scrolls on a small screen), with the card's timer in the title line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Label, Static

from goedwerk_tui.domain.deck import Card, Deck
from goedwerk_tui.domain.session import MAX_RATIONALE, Choice, Team
from goedwerk_tui.domain.text import reflow, sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import hanging_list, option_letter
from goedwerk_tui.ui.screens.base import QUIT_WHILE_TYPING
from goedwerk_tui.ui.screens.draft_dialog import DraftDialog
from goedwerk_tui.ui.widgets.option_picker import OptionPicker
from goedwerk_tui.ui.widgets.stance_bar import StanceBar
from goedwerk_tui.ui.widgets.text_field import TextField
from goedwerk_tui.ui.widgets.timer import timer_text
from goedwerk_tui.ui.widgets.value_picker import ValuePicker


@dataclass(frozen=True)
class ChoiceDraft:
    team: str
    stance: int
    option: str | None
    values_a: list[str]
    values_b: list[str]
    rationale: str


def card_context(card: Card, lang: str) -> RenderableType:
    """What the team chooses about: the card's setting, situation and options."""
    parts: list[RenderableType] = []
    if card.setting is not None:
        parts.append(Text(sanitize(card.setting.get(lang)), style="italic"))
    parts.append(Text(sanitize(reflow(card.situation.get(lang)))))
    if card.options:
        items = [(f" {option_letter(i)} ", o.get(lang)) for i, o in enumerate(card.options)]
        parts.append(hanging_list(items))
    return Group(*parts)


class ChoiceScreen(DraftDialog[ChoiceDraft]):
    BINDINGS = [
        Binding("ctrl+s", "confirm", "key.confirm"),
        Binding("escape", "cancel", "key.cancel"),
        QUIT_WHILE_TYPING,
    ]

    def __init__(
        self,
        deck: Deck,
        card: Card,
        team: Team,
        lang: str,
        previous: Choice | None,
        seconds_left: Callable[[], float | None] | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.card = card
        self.team = team
        self.lang = lang
        self.previous = previous
        self.seconds_left = seconds_left

    def compose(self) -> ComposeResult:
        lang = self.lang
        field = self.deck.field_of(self.card)
        previous = self.previous
        chosen = {}
        if previous is not None:
            chosen = {v: "a" for v in previous.values_a} | {v: "b" for v in previous.values_b}
        poles = (sanitize(field.pole_a.get(lang)), sanitize(field.pole_b.get(lang)))
        with Vertical(id="choice-dialog"):
            yield Static(self.title_text(), id="choice-title")  # always in view, with the timer
            with VerticalScroll(id="choice-body", can_focus=False):  # Tab stays on fields
                yield Static(card_context(self.card, lang), id="choice-card")
                yield Label(t("choice.stance", lang))
                yield StanceBar(field, lang, previous.stance if previous else 0, id="stance")
                if self.card.options:
                    yield Label(t("choice.option", lang))
                    texts = [option.get(lang) for option in self.card.options]
                    yield OptionPicker(
                        texts, lang, previous.option if previous else None, id="option"
                    )
                yield Label(t("choice.values", lang, pole_a=poles[0], pole_b=poles[1]))
                yield ValuePicker(
                    self.deck.catalogue, self.card.values, lang, poles, chosen, id="value-picker"
                )
                yield Static(id="choice-error")
                yield Label(t("choice.rationale", lang))
                yield TextField(
                    previous.rationale if previous else "",
                    lang=lang,
                    max_length=MAX_RATIONALE,
                    id="rationale",
                )
        yield Footer()

    def title_text(self) -> Text:
        title = Text(t("choice.title", self.lang, team=sanitize(self.team.name)), style="bold")
        title.append("  ·  " + sanitize(self.card.title.get(self.lang)), style="dim")
        if self.seconds_left is not None:
            title.append("   ")
            title.append_text(timer_text(self.seconds_left(), self.lang))
        return title

    def on_mount(self) -> None:
        self.initial = self.draft()
        self.refresh_value_hint()
        self.query_one(StanceBar).focus()
        if self.seconds_left is not None:
            self.set_interval(1.0, self.refresh_timer)

    def refresh_timer(self) -> None:
        if self.is_current:
            self.query_one("#choice-title", Static).update(self.title_text())

    def refresh_value_hint(self, *, refused: bool = False) -> None:
        """'Kies minstens één waarde' while no value is picked: before saving, not after."""
        draft = self.draft()
        hint = Text()
        if not draft.values_a and not draft.values_b:
            style = "bold red" if refused else "yellow"
            hint = Text(t("choice.need_value", self.lang), style=style)
        self.query_one("#choice-error", Static).update(hint)

    def on_value_picker_changed(self, event: ValuePicker.Changed) -> None:
        self.refresh_value_hint()

    def draft(self) -> ChoiceDraft:
        picker = self.query_one(ValuePicker)
        option = self.query_one(OptionPicker).option if self.card.options else None
        return ChoiceDraft(
            team=self.team.id,
            stance=self.query_one(StanceBar).stance,
            option=option,
            values_a=picker.pole_values("a"),
            values_b=picker.pole_values("b"),
            rationale=self.query_one("#rationale", TextField).value,
        )

    def action_confirm(self) -> None:
        draft = self.draft()
        if not draft.values_a and not draft.values_b:
            self.refresh_value_hint(refused=True)
            self.query_one("#filter", TextField).focus()
            return
        self.dismiss(draft)

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        if event.input.id == "rationale":
            event.stop()
            self.action_confirm()
