"""One team records its choice: stance, option, competing values, rationale."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from goedwerk_tui.domain.deck import Card, Deck
from goedwerk_tui.domain.session import Choice, Team
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.widgets.option_picker import OptionPicker
from goedwerk_tui.ui.widgets.stance_bar import StanceBar
from goedwerk_tui.ui.widgets.value_picker import ValuePicker


@dataclass(frozen=True)
class ChoiceDraft:
    team: str
    stance: int
    option: str | None
    values_a: list[str]
    values_b: list[str]
    rationale: str


class ChoiceScreen(ModalScreen[ChoiceDraft | None]):
    BINDINGS = [
        Binding("ctrl+s", "confirm", "key.confirm"),
        Binding("escape", "cancel", "key.cancel"),
    ]

    def __init__(
        self, deck: Deck, card: Card, team: Team, lang: str, previous: Choice | None
    ) -> None:
        super().__init__()
        self.deck = deck
        self.card = card
        self.team = team
        self.lang = lang
        self.previous = previous

    def compose(self) -> ComposeResult:
        lang = self.lang
        field = self.deck.field_of(self.card)
        previous = self.previous
        chosen = {}
        if previous is not None:
            chosen = {v: "a" for v in previous.values_a} | {v: "b" for v in previous.values_b}
        with VerticalScroll(id="choice-dialog"):
            title = Text(t("choice.title", lang, team=sanitize(self.team.name)), style="bold")
            title.append("  ·  " + sanitize(self.card.title.get(lang)), style="dim")
            yield Static(title, id="choice-title")
            yield Label(t("choice.stance", lang))
            yield StanceBar(field, lang, previous.stance if previous else 0, id="stance")
            if self.card.options:
                yield Label(t("choice.option", lang))
                yield OptionPicker(
                    len(self.card.options), lang, previous.option if previous else None, id="option"
                )
            yield Label(t("choice.values", lang))
            yield ValuePicker(
                self.deck.catalogue,
                self.card.values,
                lang,
                (sanitize(field.pole_a.get(lang)), sanitize(field.pole_b.get(lang))),
                chosen,
                id="value-picker",
            )
            yield Label(t("choice.rationale", lang))
            yield Input(
                value=previous.rationale if previous else "",
                max_length=500,
                id="rationale",
            )
            yield Static(id="choice-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StanceBar).focus()

    def draft(self) -> ChoiceDraft:
        picker = self.query_one(ValuePicker)
        option = self.query_one(OptionPicker).option if self.card.options else None
        return ChoiceDraft(
            team=self.team.id,
            stance=self.query_one(StanceBar).stance,
            option=option,
            values_a=picker.pole_values("a"),
            values_b=picker.pole_values("b"),
            rationale=self.query_one("#rationale", Input).value,
        )

    def action_confirm(self) -> None:
        draft = self.draft()
        if not draft.values_a and not draft.values_b:
            self.query_one("#choice-error", Static).update(
                Text(t("choice.need_value", self.lang), style="bold red")
            )
            self.query_one("#filter", Input).focus()
            return
        self.dismiss(draft)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "rationale":
            event.stop()
            self.action_confirm()

    def action_cancel(self) -> None:
        self.dismiss(None)
