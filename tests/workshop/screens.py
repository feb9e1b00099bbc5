"""What a facilitator does on each screen, through the keys, in a real terminal.

Each step waits for the screen to answer before the next key, as a person who reads
the screen would. Texts are taken from the message catalogue, so the same steps play
a Dutch and an English workshop.
"""

from __future__ import annotations

from goedwerk_tui.i18n import t
from tests.workshop.terminal import (
    DOWN,
    ENTER,
    LEFT,
    RIGHT,
    SHIFT_TAB,
    START_TIMEOUT,
    TAB,
    Terminal,
)

CTRL_U = "\x15"  # delete everything left of the cursor


def clear_field(term: Terminal) -> None:
    """Empty the focused text field, whether it holds text (selected or not) or not.

    One character typed first, so that ctrl+u always has something to delete and the
    screen always answers it.
    """
    term.type("x")
    term.press(CTRL_U)


def focused_field(term: Terminal, colour: str | None = None) -> tuple[str, str] | None:
    """(label, border colour) of the focused field: the one whose tall border is coloured.

    An unfocused field's border has the colour of the background (or, once checked,
    the error colour of an invalid number); the focused one has the accent colour,
    ``colour`` when it is known.
    """
    screen = term.screen
    for y in range(1, screen.lines):
        row = screen.buffer[y]
        for x in range(screen.columns - 1):
            cell = row[x]
            if cell.data != "▊" or row[x + 1].data != "▔" or cell.fg == cell.bg:
                continue
            if colour is None or cell.fg == colour:
                return screen.display[y - 1].strip(), cell.fg
    return None


def tab_to(term: Terminal, label: str, colour: str, max_tabs: int = 10, key: str = TAB) -> None:
    """Press Tab (or ``key``) until the field under ``label`` has the focus (``colour``)."""
    for _ in range(max_tabs):
        term.quiet()  # the whole frame of the last Tab is drawn
        found = focused_field(term, colour)
        if found is not None and found[0].startswith(label):
            return
        term.press(key)
    raise AssertionError(f"Tab never reached the field {label!r}\n{term.dump()}")


def checkbox_mark(term: Terminal, label: str) -> tuple[str, str, str]:
    """The inside of the checkbox labelled ``label`` ("X" on, blank off) and its colours."""
    for y, line in enumerate(term.screen.display):
        x = line.find("▌ " + label)
        if x >= 1:
            cell = term.screen.buffer[y][x - 1]
            return cell.data, cell.fg, cell.bg
    raise AssertionError(f"no checkbox {label!r} on the screen\n{term.dump()}")


def toggle_checkbox(term: Terminal, label: str) -> None:
    """Space on the focused checkbox: its inside changes (X on, blank off)."""
    term.quiet()
    before = checkbox_mark(term, label)
    term.send(" ")
    # the shape itself changes, as a projector that washes out the colours shows it
    term.wait_until(lambda: checkbox_mark(term, label)[0] != before[0], f"{label!r} toggled")


def new_session_from_home(
    term: Terminal,
    lang: str,
    typed_names: str,
    pasted_name: str,
    cards: int,
    language: str | None = None,
) -> None:
    """Home screen → new-session form → the first card."""
    term.wait_for(t("home.new", lang), timeout=START_TIMEOUT)
    term.press(ENTER)
    term.wait_for(t("home.teams", lang))
    term.quiet()  # the form's whole first frame, not the home screen half drawn over
    # ux.md: the Teams field is the first field and has the focus when the form opens
    # when the form opens, no field has been checked yet: the one coloured border is
    # the focused field's, and its colour is the focus colour
    label, colour = term.wait_until(lambda: focused_field(term), "a focused field")
    assert label.startswith(t("home.teams", lang)), f"focus on {label!r}\n{term.dump()}"
    clear_field(term)
    term.type(typed_names)
    term.paste(pasted_name)
    tab_to(term, t("home.cards", lang), colour)
    term.type(str(cards))
    # the before/after measure is on by default: this workshop turns it off in the form
    # (the timer field, then Tab past "Geschud" to the measure's checkbox, space)
    tab_to(term, t("home.timer", lang), colour)
    term.press(TAB, TAB)
    toggle_checkbox(term, t("home.measure", lang))
    if language is not None:  # the language list: open it, type to find, Enter
        tab_to(term, t("home.language", lang), colour)
        term.press(ENTER)
        term.type(language)
        term.press(ENTER)
    # back to a text field (a field left empty shows the error colour, not the focus
    # colour, so the cards field, which holds a number, is the one to go back to)
    tab_to(term, t("home.cards", lang), colour, key=SHIFT_TAB)
    term.press(ENTER)  # ux.md: Enter in any text field of the form starts the session
    term.wait_for(t("ui.status.round", lang, n=1, total=cards), timeout=START_TIMEOUT)


def choose(
    term: Terminal,
    lang: str,
    team_number: int,
    team_name: str,
    *,
    steps: int,
    option: str,
    pole_a: int = 0,
    pole_b: int = 0,
    rationale: str | None = None,
) -> None:
    """One team records (or changes) its choice in the choice dialog (ux.md flow)."""
    term.press(str(team_number))
    term.wait_for(t("choice.stance", lang))  # the dialog is open
    term.quiet()
    title = t("choice.title", lang, team=team_name)
    assert title in term.flat(), f"the dialog is not titled {title!r}\n{term.dump()}"
    term.press(*([LEFT if steps < 0 else RIGHT] * abs(steps)))
    term.press(TAB, option.lower())  # the option picker takes a letter
    term.press(TAB)  # the value search box
    term.press(TAB)  # the value list
    for _ in range(pole_a):
        term.press(LEFT, DOWN)
    for _ in range(pole_b):
        term.press(RIGHT, DOWN)
    term.press(TAB)  # the rationale
    if rationale is not None:
        clear_field(term)
        term.type(rationale)
    term.press(ENTER)
    term.wait_gone(t("choice.title", lang, team=team_name))
