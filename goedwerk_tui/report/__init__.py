"""Debrief reports (``goedwerk report``): Markdown, HTML, CSV and JSON of a ``Debrief``.

This module holds the wording the formats share. ``Words`` gives every label of one
report in one language, sanitized (no control or bidirectional characters, one
line) and escaped for the format by the function it is given; it caches what
repeats (value and team names, stance words), because a report of a long session
asks for the same few hundred labels tens of thousands of times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, TableInfo, TeamRef
from goedwerk_tui.domain.deck import TensionField
from goedwerk_tui.domain.errors import GoedwerkError
from goedwerk_tui.domain.events import OPTION_LETTERS
from goedwerk_tui.domain.messages import Message, say
from goedwerk_tui.domain.session import Choice
from goedwerk_tui.domain.text import LANGUAGES, UNSAFE_CHARS, LocalText, sanitize
from goedwerk_tui.i18n import t, tn
from goedwerk_tui.render.labels import table_label, team_label, value_name

LETTERS = OPTION_LETTERS  # A is a card's first option
TOP_VALUES = 8  # values per team in the "invoked most" charts
FORMATS = ("md", "html", "csv", "xlsx", "json")
SHEETS = ("choices", "variations", "measures")  # the tables of the CSV report (--sheet)
_POLE = "\x00"  # where a pole's name goes in a message (no message holds this character)


def one_line(text: str) -> str:
    """Sanitized text on one line (newlines and runs of spaces folded)."""
    # The usual case, answered without a regex: every unsafe character and every
    # white space but " " is unprintable (a test checks each code point), so such
    # text is already safe and on one line, unless spaces need folding.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if UNSAFE_CHARS.search(text) is not None:
        text = sanitize(text)
    return " ".join(text.split())


def plain(text: str) -> str:
    """The escape function of formats without markup."""
    return text


def duration(seconds: float | None) -> str:
    """``0:42``, ``12:05``, ``1:02:03``; ``—`` when unknown."""
    if seconds is None:
        return "—"
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def signed(stance: int) -> str:
    return f"{stance:+d}" if stance else "0"


def _axis(stance: int) -> str:
    return "".join("●" if s == stance else "·" for s in range(-2, 3))


_AXES = {stance: _axis(stance) for stance in range(-2, 3)}


def stance_axis(stance: int) -> str:
    """Five positions from pole A to pole B, the stance marked: ``·●···``."""
    return _AXES.get(stance) or _axis(stance)


def when(ts: str, lang: str) -> str:
    """A saved UTC time stamp in the machine's local time: ``4 mrt 2025 10:00 CET``.

    The zone is the one of the machine that writes the report (``TZ``, else the
    system's), named by its abbreviation, or by its offset (``+0530``) when it has none.
    A time stamp that is not a UTC time stamp as goedwerk writes them is shown as is.
    """
    stamp = one_line(ts)
    if not stamp.endswith("Z"):
        return stamp or "—"
    try:
        moment = datetime.fromisoformat(stamp[:-1] + "+00:00").astimezone()
    except (ValueError, OverflowError, OSError):
        return stamp
    month = t("report.months", lang).split()[moment.month - 1]
    zone = moment.tzname() or moment.strftime("%z")
    return f"{moment.day} {month} {moment.year} {moment:%H:%M} {zone}"


def warning_text(warning: GoedwerkError | Message | str, lang: str) -> str:
    """A warning from reading the saves, in ``lang``, its time stamp in local time."""
    if isinstance(warning, str):
        return say(warning, lang)
    last = warning.params.get("last")
    if isinstance(last, str):
        return Message(warning.code, **{**warning.params, "last": when(last, lang)}).message(lang)
    return warning.message(lang)


def text_language(text: LocalText, lang: str) -> str:
    """The language of what ``text.get(lang)`` gives (``lang`` when it has a translation)."""
    given = text.by_lang
    for wanted in (lang, *LANGUAGES):
        if wanted in given:
            return wanted
    return next(iter(given), lang)


class Words:
    """The labels of one report: ``lang`` text, sanitized, escaped by ``escape``."""

    def __init__(self, debrief: Debrief, lang: str, escape: Callable[[str], str]) -> None:
        self.debrief = debrief
        self.lang = lang
        self.escape = escape
        self._values: dict[str, str] = {}
        self._lists: dict[tuple[str, tuple[str, ...]], str] = {}
        self._teams: dict[str, str] = {}
        self._stances: dict[tuple[str, int], str] = {}
        self._towards: dict[tuple[str, str], str] = {}
        self._options: dict[str, str] = {}
        self._durations: dict[float | None, str] = {None: "—"}
        # per tension field: "stance (words) · option X" by (stance, option), and
        # " · toward X: values" by the values toward pole A and toward pole B
        self._heads: dict[str, dict[tuple[int, str | None], str]] = {}
        self._pulls: dict[str, tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]] = {}
        self._messages: dict[str, str] = {}
        self._poles: dict[tuple[str, str], str] = {}
        self._option_word = self.t("report.option").lower()
        # "Maar wat als...?" variations or the measure: their parts are written
        # (report/moves.py and each format's *_moves.py), else not even imported
        self.moves = debrief.measures.taken or any(r.variations for r in debrief.rounds)

    def text(self, text: str) -> str:
        """Any save or deck text, on one line."""
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            return self.escape(text)  # one_line's quick case, without its call: 10,000s of these
        return self.escape(one_line(text))

    def t(self, key: str, **values: object) -> str:
        """A UI message (our own text, but values in it may come from a save)."""
        if values:
            return self.escape(t(key, self.lang, **values))
        message = self._messages.get(key)  # table heads and statuses repeat every round
        if message is None:
            message = self._messages[key] = self.escape(t(key, self.lang))
        return message

    def local(self, text: LocalText) -> str:
        """Deck text in the report language."""
        return self.text(text.get(self.lang))

    def value(self, value_id: str) -> str:
        name = self._values.get(value_id)
        if name is None:
            name = self._values[value_id] = self.text(
                value_name(self.debrief.deck, value_id, self.lang)
            )
        return name

    def values(self, ids: Iterable[str], sep: str = ", ") -> str:
        if not isinstance(ids, tuple):
            return sep.join([self.value(v) for v in ids])
        key = (sep, ids)  # the same few pairs of values come back in many choices
        names = self._lists.get(key)
        if names is None:
            names = self._lists[key] = sep.join([self.value(v) for v in ids])
        return names

    def team(self, team: TeamRef) -> str:
        label = self._teams.get(team.key)
        if label is None:
            label = self._teams[team.key] = self.text(team_label(self.debrief, team, self.lang))
        return label

    def table(self, number: int) -> str:
        return self.text(table_label(number, self.lang))

    def pole_a(self, tension: TensionField) -> str:
        key = (tension.id, "a")
        name = self._poles.get(key)
        if name is None:
            name = self._poles[key] = self.local(tension.pole_a)
        return name

    def pole_b(self, tension: TensionField) -> str:
        key = (tension.id, "b")
        name = self._poles.get(key)
        if name is None:
            name = self._poles[key] = self.local(tension.pole_b)
        return name

    def stance(self, stance: int, tension: TensionField) -> str:
        """``-2`` as "helemaal Inhoud", ``0`` as "in het midden": the words of the screens."""
        key = (tension.id, stance)
        words = self._stances.get(key)
        if words is None:
            if stance == 0:
                words = self.t("stance.middle")
            else:
                pole = self.pole_a(tension) if stance < 0 else self.pole_b(tension)
                full = "stance.full" if abs(stance) == 2 else "stance.lean"
                words = self.with_pole(full, pole)
            self._stances[key] = words
        return words

    def with_pole(self, key: str, pole: str, **values: object) -> str:
        """The message ``key`` around a pole's name as ``pole_a``/``pole_b`` give it.

        Escaping works character by character in every format, so the message is
        escaped around a placeholder, and the name (escaped, and in HTML perhaps
        marked with its language) goes in its place.
        """
        return self.escape(t(key, self.lang, pole=_POLE, **values)).replace(_POLE, pole)

    def option(self, letter: str | None) -> str:
        if not letter:
            return ""
        text = self._options.get(letter)
        if text is None:
            text = self._options[letter] = self.text(letter)
        return text

    def duration(self, seconds: float | None) -> str:
        """``duration``, remembered: durations are whole or tenth seconds that repeat."""
        text = self._durations.get(seconds)
        if text is None:
            text = self._durations[seconds] = duration(seconds)  # None is there from the start
        return text

    def table_summary(self, table: TableInfo) -> str:
        """One line about a table: when, how far it got, which teams."""
        teams = ", ".join(one_line(team.name) for team in table.teams)
        text = tn(
            "report.table_line",
            self.lang,
            table.cards_planned,
            when=when(table.started, self.lang),
            played=table.rounds_played,
            teams=teams,
        )
        if not table.finished:
            text += f" ({t('report.not_ended', self.lang)})"
        return self.escape(text)

    def places(self, rnd: DebriefRound) -> str:
        """Where the card was played: "revealed" or "Table 1: round 2, revealed; ..."."""
        lang = self.lang
        if not self.debrief.several_tables:
            return self.t(f"report.status.{rnd.table_rounds[0].status}")
        return self.escape(
            "; ".join(
                f"{table_label(p.table_number, lang)}: "
                f"{t('report.round', lang, n=p.round_number)}, "
                f"{t(f'report.status.{p.status}', lang)}"
                for p in rnd.table_rounds
            )
        )

    def disagreement(self, rnd: DebriefRound) -> str:
        """Why a card ranks among the furthest apart, in words."""
        parts = [self.t("report.spread", n=rnd.spread or 0)]
        if rnd.contested:
            names = one_line(
                ", ".join(value_name(self.debrief.deck, v, self.lang) for v in rnd.contested)
            )
            parts.append(self.t("report.contested", values=names))
        if rnd.different_options > 1:
            parts.append(self.escape(tn("report.options_count", self.lang, rnd.different_options)))
        if rnd.variations:
            from goedwerk_tui.report.moves import disagreement_extra  # imports this module

            parts += disagreement_extra(self, rnd)
        return "; ".join(parts)

    def toward(self, tension: TensionField, pole: str, key: str = "report.toward") -> str:
        """``Toward Content`` (``key`` report.toward) or ``toward Content`` (toward_inline)."""
        cache_key = (tension.id, pole + key)
        label = self._towards.get(cache_key)
        if label is None:
            name = self.pole_a(tension) if pole == "a" else self.pole_b(tension)
            label = self._towards[cache_key] = self.with_pole(key, name)
        return label

    def answer_columns(self, tension: TensionField) -> list[str]:
        """The headers of a round's table of answers, as the text and HTML reports show it."""
        return [
            self.t("report.team"),
            self.t("report.stance"),
            self.t("report.option"),
            self.toward(tension, "a"),
            self.toward(tension, "b"),
            self.t("report.rationale"),
            self.t("report.time"),
        ]

    def typed(self, table: int, text: str) -> str:
        """Text typed at ``table`` (a rationale, a note, an action), on one line."""
        del table  # formats with markup may say the session's language (HtmlWords)
        return self.text(text)

    def choice(self, rnd: DebriefRound, choice: Choice, table: int = 1) -> str:
        """A choice in one line: time, stance, option, values, rationale.

        ``0:42 · -1 (leans toward Content) · option B · toward Content: Integrity ·
        “rationale”``; the parts that repeat across choices are made once per field.
        """
        tension = rnd.field
        heads = self._heads.get(tension.id)
        if heads is None:
            heads = self._heads[tension.id] = {}
            self._pulls[tension.id] = ({}, {})
        key = (choice.stance, choice.option)
        head = heads.get(key) or self._head(heads, tension, key)
        seconds = choice.seconds
        line = f"{self._durations.get(seconds) or self.duration(seconds)} · {head}"
        if choice.values_a:
            toward_a = self._pulls[tension.id][0]
            line += toward_a.get(choice.values_a) or self._pull(tension, "a", choice.values_a)
        if choice.values_b:
            toward_b = self._pulls[tension.id][1]
            line += toward_b.get(choice.values_b) or self._pull(tension, "b", choice.values_b)
        if choice.rationale:
            rationale = self.typed(table, choice.rationale)
            if rationale:
                line += f" · “{rationale}”"
        return line

    def _head(
        self,
        heads: dict[tuple[int, str | None], str],
        tension: TensionField,
        key: tuple[int, str | None],
    ) -> str:
        """``-1 (leans toward Content) · option B``."""
        stance, option = key
        head = f"{signed(stance)} ({self.stance(stance, tension)})"
        if option:
            head += f" · {self._option_word} {self.option(option)}"
        heads[key] = head
        return head

    def _pull(self, tension: TensionField, pole: str, ids: tuple[str, ...]) -> str:
        """`` · toward Content: Integrity, Loyalty``."""
        toward = self.toward(tension, pole, "report.toward_inline")
        cache = self._pulls[tension.id][0 if pole == "a" else 1]
        text = cache[ids] = f" · {toward}: {self.values(ids)}"
        return text
