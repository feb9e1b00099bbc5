"""The debrief as CSV: every choice, earlier choice, note and action, one row each.

The rows and columns are those of ``report/rows.py`` (the XLSX report has the same);
``--sheet variations`` and ``--sheet measures`` give the tables of
``report/rows_moves.py`` instead (the workbook's other sheets).
``delimiter`` is ``,`` (the default), ``;`` (what a Dutch Excel expects; numbers then
get a decimal comma, ``54,0``, as that Excel reads them) or a tab. Lines end in CRLF
(RFC 4180); ``goedwerk report -o`` puts a byte order mark first, so spreadsheet
programs read the file as UTF-8.

Every text cell is sanitized; a cell that a spreadsheet could read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also after
leading spaces) gets a leading ``'``. The numbers we write ourselves (table, round,
stance, seconds, changes) stay numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.report.rows import Row
from goedwerk_tui.report.rows_moves import sheet_rows

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Text as a spreadsheet shows it literally: sanitized, formulas neutralised."""
    if not text.isprintable():  # printable text has nothing to sanitize (test_text_safety)
        text = sanitize(text)
    first = text[:1]
    if first in _FORMULA_START or (first.isspace() and text.lstrip()[:1] in _FORMULA_START):
        return "'" + text
    return text


def _lines(rows: Iterable[Row], sep: str) -> list[str]:
    """The rows as ``csv.writer(delimiter=sep)`` writes them (minimal quoting).

    Written here because the csv module's writer took twice the time of this loop for
    a long session's 12,500 rows: most cells repeat (card, field, poles, team, stance
    words, values), so each text is quoted once and looked up after. A test checks
    that the lines are the csv module's, for hostile text too.
    """
    needs_quotes = re.compile("[" + re.escape(sep) + '"\r\n]').search
    quoted: dict[str, str] = {}
    decimal_comma = sep == ";"  # what a Dutch Excel expects with ; (54,0)
    lines = []
    for row in rows:
        parts = []
        for value in row:
            if isinstance(value, str):
                text = quoted.get(value)
                if text is None:
                    text = value
                    if needs_quotes(text) is not None:
                        text = '"' + text.replace('"', '""') + '"'
                    quoted[value] = text
                parts.append(text)
            elif value is None:
                parts.append("")
            elif decimal_comma and isinstance(value, float):
                parts.append(str(value).replace(".", ","))
            else:
                parts.append(str(value))
        lines.append(sep.join(parts))
    return lines


def render_csv(debrief: Debrief, lang: str, delimiter: str = ",", sheet: str = "choices") -> str:
    """``delimiter`` is a key of ``DELIMITERS``, ``sheet`` one of ``rows_moves.SHEETS``
    (the choices, the variations or the measure); lines end in CRLF."""
    lines = _lines(sheet_rows(debrief, lang, cell, sheet), DELIMITERS[delimiter])
    lines.append("")
    return "\r\n".join(lines)
