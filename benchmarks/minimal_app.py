"""The baseline: the smallest Textual app that shows a text and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("MINIMAL-APP-READY")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
