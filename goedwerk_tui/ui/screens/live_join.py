"""The big join screen of a live session: the QR code, the address as text, and each
team with whether a device has joined and whether it has answered. A team's number
releases its device (after a confirmation), so another device can claim the team.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.render.reveal_view import team_style
from goedwerk_tui.ui.localize import localized
from goedwerk_tui.ui.screens.base import COMMON_BINDINGS, GoedWerkScreen
from goedwerk_tui.ui.screens.confirm import ConfirmScreen
from goedwerk_tui.ui.widgets.live_qr import QrCode
from goedwerk_tui.ui.widgets.live_status import LiveChanged, LiveTeam, LiveView

if TYPE_CHECKING:
    from goedwerk_tui.ui.app import GoedWerkApp

INFO_WIDTH = 27  # the columns the text beside the code needs at least


def team_line(team: LiveTeam, lang: str) -> Text:
    """``1 Rood  ● device  ✓ answered``: both facts in words, not only in colour."""
    line = Text()
    line.append(f" {team.number} ", style="reverse")
    line.append(" " + sanitize(team.name), style=team_style(team.number - 1))
    line.append("\n  ")
    if team.joined:
        line.append("● " + t("live.join.device", lang), style="bold")
    else:
        line.append("○ " + t("live.join.no_device", lang), style="dim")
    line.append(" ")
    if team.answered:
        line.append("✓ " + t("live.join.answered", lang), style="green")
    else:
        line.append("· " + t("live.join.not_answered", lang), style="dim")
    return line


class LiveJoinScreen(GoedWerkScreen):
    """Over the phase screen; Esc (or l again) goes back to the card."""

    CSS_PATH = "live_join.tcss"
    HELP_KEY = "live.join.help"
    LIVE_STATUS = False  # the whole screen is about it
    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("l", "back", "", show=False),
        # key 1 once per team count, so the footer says "1-N" for the session's N
        *(
            Binding("1", f"release_key(1,{n})", "key.release", key_display=f"1-{n}")
            for n in range(1, 7)
        ),
        *(Binding(str(n), f"release({n})", "", show=False) for n in range(2, 7)),
        *(binding for binding in COMMON_BINDINGS if binding.key != "l"),
    ]

    app: GoedWerkApp

    def __init__(self, view: LiveView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Horizontal(id="live-join"):
            yield QrCode(self.view.join_url, too_small=t("live.join.qr_too_small", lang))
            with VerticalScroll(id="live-info", can_focus=False):
                yield Static(Text(t("live.join.title", lang), style="bold"))
                yield Static(Text(t("live.join.scan", lang)))
                yield Static(Text(self.view.join_url, style="bold"), id="live-url")
                yield Static(Text(t("live.join.code", lang, code=self.view.join_code)))
                yield Static(self.teams_text(), id="live-teams")
        yield Footer()

    def on_mount(self) -> None:
        self.fit_code(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_code(event.size.width, event.size.height)

    def fit_code(self, width: int, height: int) -> None:
        """The code as big as the screen lets it be, beside the text, above the footer."""
        self.query_one(QrCode).fit(width - INFO_WIDTH, height - 1)

    def teams_text(self) -> Text:
        text = Text()
        for team in self.view.teams():
            text.append("\n")
            text.append_text(team_line(team, self.app.lang))
        return text

    def on_live_changed(self, _message: LiveChanged) -> None:
        self.query_one("#live-teams", Static).update(self.teams_text())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "release_key":
            return parameters[1] == len(self.view.teams())
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_release_key(self, number: int, _teams: int) -> None:
        self.action_release(number)

    def action_release(self, number: int) -> None:
        teams = self.view.teams()
        if number > len(teams):
            return
        team = teams[number - 1]
        lang = self.app.lang
        name = sanitize(team.name)
        if not team.joined:
            self.notify(t("live.release.no_device", lang, team=name), markup=False)
            return
        question = localized(ConfirmScreen, lang)(
            t("live.release.confirm", lang, team=name), t("live.release.detail", lang, team=name)
        )
        self.app.push_screen(question, lambda yes: self._release(team) if yes else None)

    def _release(self, team: LiveTeam) -> None:
        self.view.release(team.id)
        name = sanitize(team.name)
        self.notify(t("live.release.done", self.app.lang, team=name), markup=False)
        self.on_live_changed(LiveChanged())
