"""A five-step scale between two poles, moved with the arrow keys."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive

from goedwerk_tui.domain.deck import TensionField
from goedwerk_tui.domain.session import STANCES
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.render.reveal_view import stance_label
from goedwerk_tui.ui.widgets.arrow_picker import ArrowPicker


class StanceBar(ArrowPicker):
    DEFAULT_CSS = """
    StanceBar { height: auto; }  /* the poles wrap on a narrow screen */
    """

    stance: reactive[int] = reactive(0)

    def __init__(self, field: TensionField, lang: str, stance: int = 0, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # the caller's Widget options
        self.field = field
        self.lang = lang
        self.set_reactive(StanceBar.stance, stance)

    def action_move(self, step: int) -> None:
        self.stance = max(STANCES[0], min(STANCES[-1], self.stance + step))

    def on_click(self, event: events.Click) -> None:
        """A click on one of the five circles picks that stance."""
        first = len(sanitize(self.field.pole_a.get(self.lang))) + 2  # after "Pole A  "
        slot = (event.x - self.styles.padding.left - first) // 3
        if event.y == 0 and 0 <= slot < len(STANCES):
            self.stance = STANCES[slot]

    def render(self) -> Text:
        text = Text()
        text.append(sanitize(self.field.pole_a.get(self.lang)) + "  ", style="bold cyan")
        for stance in STANCES:
            if stance == self.stance:
                text.append(" ● ", style="bold reverse")
            else:
                text.append(" ○ ", style="dim")
        text.append("  " + sanitize(self.field.pole_b.get(self.lang)), style="bold magenta")
        text.append(f"\n→ {stance_label(self.stance, self.field, self.lang)}", style="italic")
        return text
