"""One team's quick new stance under a "Maar wat als...?" variation, with a reason.

The variation's text stays in view above the two fields: the stance (the same five
steps between the card's poles, starting where the team stood) and a one-line reason
that may stay empty. Tab moves between them; Enter in the reason or ctrl+s records.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Label, Static

from goedwerk_tui.domain.deck import Card, TensionField
from goedwerk_tui.domain.rules import MAX_REASON
from goedwerk_tui.domain.session import Team
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import signed, stance_label
from goedwerk_tui.render.variation_play import variation_panel
from goedwerk_tui.ui.screens.base import QUIT_WHILE_TYPING
from goedwerk_tui.ui.screens.draft_dialog import DraftDialog
from goedwerk_tui.ui.widgets.stance_bar import StanceBar
from goedwerk_tui.ui.widgets.text_field import TextField


@dataclass(frozen=True)
class StanceDraft:
    team: str
    stance: int
    reason: str


class StanceDialog(DraftDialog[StanceDraft]):
    BINDINGS = [
        Binding("ctrl+s", "confirm", "key.confirm"),
        Binding("enter", "confirm", "", show=False),  # on the axis too: a quick answer
        Binding("escape", "cancel", "key.cancel"),
        QUIT_WHILE_TYPING,
    ]

    def __init__(
        self,
        card: Card,
        field: TensionField,
        variation: int,
        team: Team,
        lang: str,
        *,
        card_stance: int | None,
        stance: int,
        reason: str = "",
    ) -> None:
        super().__init__()
        self.card = card
        self.field = field
        self.variation = variation
        self.team = team
        self.lang = lang
        self.card_stance = card_stance
        self.initial: StanceDraft = StanceDraft(team.id, stance, reason)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="stance-dialog"):
            title = Text(t("variation.stance_title", lang, team=sanitize(self.team.name)))
            title.stylize("bold")
            title.append("  ·  " + sanitize(self.card.title.get(lang)), style="dim")
            yield Static(title, id="stance-title")
            with VerticalScroll(id="stance-body", can_focus=False):  # Tab stays on fields
                yield Static(variation_panel(self.card, self.variation, lang))
                yield Static(self.card_stance_text(), id="card-stance")
                yield Label(t("variation.stance", lang))
                yield StanceBar(self.field, lang, self.initial.stance, id="stance")
                yield Label(t("variation.reason", lang))
                yield TextField(self.initial.reason, lang=lang, max_length=MAX_REASON, id="reason")
        yield Footer()

    def card_stance_text(self) -> Text:
        if self.card_stance is None:
            return Text(t("variation.card_stance_none", self.lang), style="dim")
        label = stance_label(self.card_stance, self.field, self.lang)
        text = t("variation.card_stance", self.lang, stance=signed(self.card_stance), label=label)
        return Text(text, style="dim")

    def on_mount(self) -> None:
        self.query_one(StanceBar).focus()

    def draft(self) -> StanceDraft:
        return StanceDraft(
            self.team.id,
            self.query_one(StanceBar).stance,
            self.query_one("#reason", TextField).value,
        )

    def action_confirm(self) -> None:
        self.dismiss(self.draft())

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        event.stop()
        self.action_confirm()
