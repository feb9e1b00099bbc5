"""The time left on a card, as the card screen and the choice dialog show it."""

from __future__ import annotations

from rich.text import Text

from goedwerk_tui.i18n import t

WARN_SECONDS = 30


def clock_text(seconds: float) -> str:
    seconds = int(abs(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def timer_text(left: float | None, lang: str) -> Text:
    """ "Tijd: 1:30", "Nog 0:20!" or "Tijd is om: 0:08 over de limiet"; empty without a limit."""
    if left is None:
        return Text()
    if left < 0:
        return Text(t("ui.timer.over", lang, time=clock_text(left)), "bold red")
    if left <= WARN_SECONDS:
        return Text(t("ui.timer.warning", lang, time=clock_text(left)), "bold yellow")
    return Text(t("ui.timer", lang, time=clock_text(left)))
