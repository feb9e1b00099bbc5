"""The debrief as CSV: every choice, earlier choice, note and action, one row each.

The rows and columns are those of ``report/rows.py`` (the XLSX report has the same).
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

import csv
import io

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.report.rows import SheetRows

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Text as a spreadsheet shows it literally: sanitized, formulas neutralised."""
    text = sanitize(text)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


def render_csv(debrief: Debrief, lang: str, delimiter: str = ",") -> str:
    """``delimiter`` is a key of ``DELIMITERS``."""
    sep = DELIMITERS[delimiter]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    rows = iter(SheetRows(debrief, lang, cell))
    writer.writerow(next(rows))
    if sep != ";":
        writer.writerows(rows)
        return buffer.getvalue()
    for row in rows:
        writer.writerow(
            [str(value).replace(".", ",") if type(value) is float else value for value in row]
        )
    return buffer.getvalue()
