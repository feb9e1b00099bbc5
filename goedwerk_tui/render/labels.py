"""The labels of a debrief for people: "Tafel 1", "Tafel 1 · Beleid", a value's name.

The domain numbers tables and keys teams; these say them in a language (messages
``debrief.table`` and ``debrief.team_at_table``). Plain strings, not sanitized:
each presentation makes them safe for its format. No Rich or Textual import, so the
reports use them without loading a UI library.
"""

from __future__ import annotations

from goedwerk_tui.domain.debrief import Debrief, TeamRef
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.i18n import t


def table_label(number: int, lang: str) -> str:
    """``Tafel 2`` / ``Table 2``: a table as the debrief numbers it."""
    return t("debrief.table", lang, number=number)


def team_label(debrief: Debrief, team: TeamRef, lang: str) -> str:
    """The team's name, after its table's label when the debrief has several tables."""
    if not debrief.several_tables:
        return team.name
    table = table_label(team.table_number, lang)
    return t("debrief.team_at_table", lang, table=table, team=team.name)


def value_name(deck: Deck, value_id: str, lang: str) -> str:
    """A value's name in ``lang``; its id when the catalogue does not have it."""
    value = deck.catalogue.value(value_id)
    return value.name.get(lang) if value is not None else value_id
