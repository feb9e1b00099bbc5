"""A screen with the team bar under a card (the card's play, a "Maar wat als...?"):
a button per team, its number key and a click doing the same."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.render.reveal_view import team_style
from goedwerk_tui.ui.screens.base import GoedWerkScreen

# key 1 is bound once per possible team count, so that the footer says "1-N" for the
# real N: check_action shows only the binding whose N is the session's
TEAM_KEYS = [
    *(Binding("1", f"team_key(1,{n})", "key.team", key_display=f"1-{n}") for n in range(1, 7)),
    *(Binding(str(n), f"team({n})", "", show=False) for n in range(2, 7)),
]


def numbered_team(index: int, name: str) -> Text:
    """ " 1  Rood ": the team's key and its name, in the team's colour."""
    label = Text()
    label.append(f" {index + 1} ", style="reverse")
    label.append(" " + sanitize(name) + " ", style=team_style(index))
    return label


class TeamScreen(GoedWerkScreen):
    """Subclasses say what a team's button reads (``team_label``) and what its key
    does (``action_team``)."""

    def team_label(self, index: int) -> Text:
        raise NotImplementedError

    def action_team(self, number: int) -> None:
        raise NotImplementedError

    def team_bar(self) -> Horizontal:
        buttons = []
        for index in range(len(self.app.game.session.teams)):
            button = Button(self.team_label(index), id=f"team-{index + 1}", compact=True)
            button.can_focus = False  # keys 1-6 choose; a click does the same
            buttons.append(button)
        return Horizontal(*buttons, id="teams")

    def refresh_teams(self, *, layout: bool = False) -> None:
        """Each button's label again; ``layout`` when a label may have grown."""
        for index in range(len(self.app.game.session.teams)):
            button = self.query_one(f"#team-{index + 1}", Button)
            button.label = self.team_label(index)
            if layout:
                button.refresh(layout=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click on a team does what its number key does."""
        assert event.button.id is not None
        self.action_team(int(event.button.id.removeprefix("team-")))

    def action_team_key(self, number: int, _teams: int) -> None:
        self.action_team(number)
