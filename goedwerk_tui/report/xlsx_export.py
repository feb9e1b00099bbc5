"""The debrief as an Excel workbook (``.xlsx``): the rows of the CSV report, typed.

The first sheet has the same rows and columns as the CSV (``report/rows.py``); a
debrief with "Maar wat als...?" variations or the measure gets a sheet for each
(``report/rows_moves.py``, the CSV's ``--sheet variations`` and ``--sheet measures``).
Each header row is bold and frozen, so it stays in view while scrolling. Text cells are written
as strings (never read as a formula or a link, so they need no leading ``'``),
numbers as numbers. Written by XlsxWriter, in memory, and returned as bytes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import xlsxwriter
from xlsxwriter.format import Format

from goedwerk_tui.domain.debrief import Debrief
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.files import CommandError
from goedwerk_tui.i18n import t
from goedwerk_tui.report import one_line
from goedwerk_tui.report.rows import Row, SheetRows
from goedwerk_tui.report.rows_moves import MeasureRows, VariationRows

MAX_ROWS = 1_048_576  # Excel's limit
_WIDTHS = {0: 14, 4: 28, 5: 22, 6: 18, 7: 18, 8: 18, 10: 22, 12: 28, 13: 28, 14: 28, 15: 48}
_VARIATION_WIDTHS = {3: 28, 4: 22, 5: 18, 6: 18, 8: 40, 9: 18, 10: 18, 13: 22, 16: 40, 17: 28}
_MEASURE_WIDTHS = {2: 18, 3: 18, 4: 60}
_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)
# What sanitize keeps but XML 1.0 (and so a workbook) cannot hold: lone surrogates (a
# save's JSON may spell them) and the two noncharacters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def cell(text: str) -> str:
    """Save or deck text for a cell: sanitized, what XML cannot hold as ``\\uXXXX``."""
    text = sanitize(text)
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _created(debrief: Debrief) -> datetime:
    """When the first session started (so the same saves give the same file)."""
    stamp = debrief.tables[0].started if debrief.tables else ""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return _EPOCH.replace(tzinfo=None)


def render_xlsx(debrief: Debrief, lang: str) -> bytes:
    rows = list(SheetRows(debrief, lang, cell))
    if len(rows) > MAX_ROWS:
        raise CommandError("report.too_many_rows", rows=len(rows), limit=MAX_ROWS)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    title = cell(one_line(t("report.title", lang, deck=debrief.deck.title.get(lang))))
    book.set_properties({"title": title, "created": _created(debrief)})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    _sheet(book, t("report.session", lang), rows, bold, _WIDTHS)
    if any(rnd.variations for rnd in debrief.rounds):
        found = list(VariationRows(debrief, lang, cell))
        _sheet(book, t("report.sheet.variations", lang), found, bold, _VARIATION_WIDTHS)
    if debrief.measures.taken:
        found = list(MeasureRows(debrief, lang, cell))
        _sheet(book, t("report.sheet.measures", lang), found, bold, _MEASURE_WIDTHS)
    book.close()
    return buffer.getvalue()


def _sheet(
    book: xlsxwriter.Workbook,
    name: str,
    rows: list[Row],
    bold: Format,
    widths: dict[int, int],
) -> None:
    """One sheet: the header row bold, frozen and with a filter, then typed cells."""
    sheet = book.add_worksheet(name)
    for column, width in widths.items():
        sheet.set_column(column, column, width)
    sheet.write_row(0, 0, rows[0], bold)
    sheet.freeze_panes(1, 0)
    write_string, write_number = sheet.write_string, sheet.write_number
    for number, row in enumerate(rows[1:], start=1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if not isinstance(value, str):
                write_number(number, column, value)
            elif value.startswith("<r>") and value.endswith("</r>"):
                # XlsxWriter writes such a string into the file as XML (it takes it for
                # a rich string it made): typed text like that would break the file.
                # In three plain pieces it is escaped like any other text.
                sheet.write_rich_string(number, column, value[:1], value[1:-1], value[-1:])
            else:
                write_string(number, column, value)
    sheet.autofilter(0, 0, len(rows) - 1, len(rows[0]) - 1)
