"""The inline SVG charts of the HTML report, and the words they show.

Every chart is ``WIDTH`` user units wide and scales with the page (``width:100%``
up to a ``max-width`` in the page's CSS), so at a phone's 390 px it is drawn at
its own size and its 13 px labels stay 13 px; nothing in a chart needs more than
``WIDTH``. Labels are one per line where they could collide (the poles, the
legend), and team names are cut to fit with the whole name as a tooltip.

Stance charts: five ticks from -2 (the left pole) to +2 (the right pole); each
team is a row with its dot exactly on the tick of its stance (``cx`` is the tick's
``x``; both carry ``data-stance``), its name beside the dot on the side with room.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from html import escape, unescape

from goedwerk_tui.domain.debrief import Debrief, DebriefRound, Lean
from goedwerk_tui.domain.text import LocalText
from goedwerk_tui.report import Words, one_line, signed, text_language

WIDTH = 340
MARGIN = 20  # from the chart's edge to the outer ticks
STEP = (WIDTH - 2 * MARGIN) // 4  # between two ticks
FONT = 13  # the labels' font size (px, in the page's CSS)
# Widths of characters in em, as wide as in DejaVu Sans (Debian's default sans-serif,
# wider than most system fonts), so a label cut to fit here fits everywhere.
_NARROW, _SEMI, _WIDE = set(" .,:;'!|iljI"), set('frt()[]{}-"/'), set("MWmw@%…")


def _em(char: str) -> float:
    if char in _NARROW:
        return 0.32
    if char in _SEMI:
        return 0.42
    if char in _WIDE:
        return 1.0
    if char.isupper():
        return 0.8
    if char < "\x80":
        return 0.64
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.8


def text_width(text: str) -> float:
    """About how many user units ``text`` (not escaped) takes at the labels' size."""
    return FONT * sum(_em(char) for char in text)


def h(text: str) -> str:
    """Sanitized one-line text escaped for HTML (also inside attribute values)."""
    return escape(text, quote=True)


def tick_x(stance: int) -> int:
    """Where the tick of ``stance`` (-2..2) is."""
    return MARGIN + (stance + 2) * STEP


class HtmlWords(Words):
    """``Words`` for HTML: text that is not in the report language says which it is in."""

    def __init__(self, debrief: Debrief, lang: str) -> None:
        super().__init__(debrief, lang, h)
        self.table_languages = [table.language for table in debrief.tables]
        self._value_langs: dict[str, str] = {}

    def mark(self, text: str, code: str) -> str:
        return text if code == self.lang or not text else f'<span lang="{h(code)}">{text}</span>'

    def local(self, text: LocalText) -> str:
        """Deck text, in a ``<span lang>`` when it has no translation to the report language."""
        return self.mark(super().local(text), text_language(text, self.lang))

    def svg_local(self, text: LocalText) -> tuple[str, str]:
        """Deck text and its language, for an SVG ``<text>`` (no ``<span>`` there)."""
        return super().local(text), text_language(text, self.lang)

    def value(self, value_id: str) -> str:
        name = self._values.get(value_id)
        if name is None:
            text, code = self.svg_value(value_id)
            name = self._values[value_id] = self.mark(text, code)
        return name

    def svg_value(self, value_id: str) -> tuple[str, str]:
        value = self.debrief.deck.catalogue.value(value_id)
        if value is None:
            return self.text(value_id), self.lang
        return super().local(value.name), text_language(value.name, self.lang)

    def typed(self, table: int, text: str) -> str:
        """Text typed in a session, marked with that session's language."""
        return self.mark(self.text(text), self.table_languages[table - 1])


@lru_cache(maxsize=4096)  # team names and poles come back in every round's chart
def _label(text: str, room: float) -> str:
    """An escaped label cut to fit ``room`` user units, the whole of it as a tooltip."""
    raw = unescape(text)
    if text_width(raw) <= room:
        return text
    room -= FONT * _em("…")
    kept = 0
    for char in raw:
        room -= FONT * _em(char)
        if room < 0:
            break
        kept += 1
    return f"{h(raw[:kept])}…<title>{text}</title>"


def _text(x: int, y: int, text: str, anchor: str = "start", lang: str = "", room: float = 0) -> str:
    """A label at ``x``, cut to ``room`` units (default: what is left of the line)."""
    attrs = f' text-anchor="{anchor}"' if anchor != "start" else ""
    if lang:
        attrs += f' lang="{h(lang)}"'
    if not room:
        room = x if anchor == "end" else WIDTH - x
    return f'<text x="{x}" y="{y}"{attrs}>{_label(text, room)}</text>'


def _svg(height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{label}">' + "".join(body) + "</svg>"
    )


def _lang(w: HtmlWords, code: str) -> str:
    return code if code != w.lang else ""


def bar_chart(w: HtmlWords, bars: list[tuple[str, int]], label: str) -> str:
    """Per value its name, and under it a bar and the count."""
    top = max(count for _, count in bars) or 1
    row, room = 36, WIDTH - 40
    body = []
    for i, (value_id, count) in enumerate(bars):
        y = i * row
        name, code = w.svg_value(value_id)
        width = max(2, round(room * count / top))
        body.append(
            _text(0, y + 13, name, lang=_lang(w, code))
            + f'<rect class="bar" x="0" y="{y + 18}" width="{width}" height="12"/>'
            f'<text x="{width + 6}" y="{y + 29}">{count}</text>'
        )
    return _svg(row * len(bars), label, body)


def lean_chart(w: HtmlWords, rows: list[tuple[str, Lean]], lean: Lean) -> str:
    """A legend (one line each), then per team its counts and a bar split three ways."""
    tension = lean.field
    (pole_a, lang_a), (pole_b, lang_b) = w.svg_local(tension.pole_a), w.svg_local(tension.pole_b)
    legend = [
        ("pa", f"← {pole_a}", _lang(w, lang_a)),
        ("pn", w.t("report.neutral"), ""),
        ("pb", f"{pole_b} →", _lang(w, lang_b)),
    ]
    body = []
    for i, (css, text, code) in enumerate(legend):
        y = i * 18
        body.append(
            f'<rect class="{css}" x="0" y="{y + 3}" width="12" height="12"/>'
            + _text(18, y + 14, text, lang=code)
        )
    row, room, top_y = 36, WIDTH, len(legend) * 18 + 8
    top = max((r.total for _, r in rows), default=0) or 1
    for i, (name, counts) in enumerate(rows):
        y = top_y + i * row
        numbers = (
            f'<tspan class="tpa">{counts.a}</tspan> · <tspan class="tpn">{counts.neutral}</tspan>'
            f' · <tspan class="tpb">{counts.b}</tspan>'
        )
        body.append(
            _text(
                0,
                y + 13,
                name,
                room=WIDTH - 12 - text_width(f"{counts.a} · {counts.neutral} · {counts.b}"),
            )
            + f'<text x="{WIDTH}" y="{y + 13}" text-anchor="end">{numbers}</text>'
        )
        x = 0
        for css, count in (("pa", counts.a), ("pn", counts.neutral), ("pb", counts.b)):
            if count:
                width = round(room * count / top)
                body.append(
                    f'<rect class="{css}" x="{x}" y="{y + 18}" width="{width}" height="12"/>'
                )
                x += width
    label = w.t("report.chart.lean", field=one_line(tension.name.get(w.lang)))
    return _svg(top_y + row * len(rows), label, body)


def stance_chart(w: HtmlWords, rnd: DebriefRound) -> str:
    """The poles, the axis with its five ticks, and per team a dot on its stance's tick."""
    pole_a, lang_a = w.svg_local(rnd.field.pole_a)
    pole_b, lang_b = w.svg_local(rnd.field.pole_b)
    axis_y, first = 62, 84
    bottom = first + 20 * (len(rnd.answers) - 1) + 8
    body = [
        _text(0, 14, f"← {pole_a}", lang=_lang(w, lang_a)),
        _text(WIDTH, 32, f"{pole_b} →", "end", _lang(w, lang_b)),
        f'<line class="axis" x1="{tick_x(-2)}" y1="{axis_y}" x2="{tick_x(2)}" y2="{axis_y}"/>',
    ]
    for stance in range(-2, 3):
        x = tick_x(stance)
        body.append(
            f'<line class="grid" x1="{x}" y1="{axis_y}" x2="{x}" y2="{bottom}"/>'
            f'<line class="axis tick" data-stance="{stance}" x1="{x}" y1="{axis_y - 5}" '
            f'x2="{x}" y2="{axis_y + 5}"/>'
            f'<text x="{x}" y="{axis_y - 10}" text-anchor="middle">{signed(stance)}</text>'
        )
    for j, answer in enumerate(rnd.answers):
        stance, y = answer.stance, first + 20 * j
        x = tick_x(stance)
        css = "pa" if stance < 0 else "pb" if stance > 0 else "pn"
        name = w.team(answer.team)
        if stance > 0:  # the name to the left of the dot, where there is more room
            label = _text(x - 10, y + 4, name, "end")
        else:
            label = _text(x + 10, y + 4, name)
        body.append(
            f'<circle class="dot {css}" data-stance="{stance}" cx="{x}" cy="{y}" r="5"/>' + label
        )
    return _svg(bottom + 4, w.t("report.chart.axis"), body)
