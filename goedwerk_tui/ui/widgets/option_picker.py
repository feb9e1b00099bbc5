"""Pick one of a card's options (A-F) or none, with arrows or the letter; the chosen
option's text is shown under the letters, so nobody picks a letter blind."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.card_view import LETTERS
from goedwerk_tui.ui.widgets.arrow_picker import ArrowPicker


class OptionPicker(ArrowPicker):
    DEFAULT_CSS = """
    OptionPicker { height: auto; }
    """

    option: reactive[str | None] = reactive(None, layout=True)

    def __init__(
        self, texts: list[str], lang: str, option: str | None = None, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # the caller's Widget options
        self.letters: list[str | None] = [None, *LETTERS[: len(texts)]]
        self.texts = dict(zip(LETTERS, texts, strict=False))
        self.lang = lang
        self.set_reactive(OptionPicker.option, option)

    def action_move(self, step: int) -> None:
        index = self.letters.index(self.option)
        self.option = self.letters[(index + step) % len(self.letters)]

    def on_key(self, event: events.Key) -> None:
        letter = (event.character or "").upper()
        if letter and letter in self.letters:
            self.option = letter
            event.stop()

    def on_click(self, event: events.Click) -> None:
        """A click on a letter (or on 'none') picks it."""
        if event.y != 0:
            return
        x = event.x - self.styles.padding.left
        for letter in self.letters:
            width = len(letter or t("choice.no_option", self.lang)) + 3  # " X " and a space
            if x < width:
                self.option = letter
                return
            x -= width

    def chosen_text(self) -> str:
        """The chosen option's text, or what choosing none means."""
        if self.option is None:
            return t("choice.no_option_text", self.lang)
        return sanitize(self.texts[self.option])

    def render(self) -> Text:
        text = Text()
        for letter in self.letters:
            label = letter or t("choice.no_option", self.lang)
            style = "bold reverse" if letter == self.option else ""
            text.append(f" {label} ", style=style)
            text.append(" ")
        text.append("\n→ ", style="italic")
        text.append(self.chosen_text(), style="italic")
        return text
