"""The live part of a session as the facilitator's screens show it: one compact line
under each phase screen (the card stays readable on the projector), its facts read
from a ``LiveView``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t


@dataclass(frozen=True)
class LiveTeam:
    """A team as the live panel shows it."""

    number: int  # its key, 1-6
    id: str
    name: str
    joined: bool  # a device holds the team's token
    answered: bool  # it has answered what is asked now (from a device or the keyboard)


class LiveView(Protocol):
    """What the screens read of the live part, and the one thing they do to it."""

    @property
    def join_url(self) -> str: ...

    @property
    def join_code(self) -> str: ...

    def teams(self) -> list[LiveTeam]: ...

    def release(self, team_id: str) -> None: ...


class LiveLink(LiveView, Protocol):
    """The live part as the app runs it: started on the app's loop, stopped on quitting
    (``LiveControl``; a test can give a stand-in)."""

    def start(self, on_change: Callable[[], None], on_failure: Callable[[str], None]) -> object: ...

    async def stop(self) -> None: ...


class LiveChanged(Message):
    """A device joined, was released or committed through the game: screens redraw
    what they show of the session (posted to every screen on the stack)."""


def status_line(view: LiveView, lang: str, key: str = "l") -> Text:
    """``l LIVE  http://…/j/CODE  ·  on a device: Rood, Blauw``, cut to the width; the
    key that opens the join screen comes first (the footer is full on the card)."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(key, style="bold")
    line.append(" ")
    line.append(f" {t('live.status.live', lang)} ", style="bold reverse")
    line.append("  ")
    line.append(view.join_url, style="bold")
    line.append("  ·  ")
    teams = view.teams()
    joined = [sanitize(team.name) for team in teams if team.joined]
    if not joined:
        line.append(t("live.status.no_device", lang), style="dim")
    elif len(joined) == len(teams):
        line.append(t("live.status.all_devices", lang))
    else:
        line.append(t("live.status.devices", lang, teams=", ".join(joined)))
    return line


class LiveStatus(Static):
    """The live line of a phase screen."""

    DEFAULT_CSS = """
    LiveStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, view: LiveView, lang: str, key: str) -> None:
        super().__init__(status_line(view, lang, key), id="live-status")
        self.view = view
        self.lang = lang
        self.key = key  # the key of the join screen here: l, or ctrl+l where letters type

    def show(self) -> None:
        self.update(status_line(self.view, self.lang, self.key))
