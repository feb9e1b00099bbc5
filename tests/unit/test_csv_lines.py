"""The CSV report writes its lines itself; they are the lines of Python's csv module."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.report.csv_export import DELIMITERS, _lines, cell
from goedwerk_tui.report.rows import Row

CELLS = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
    st.sampled_from(["", " ", '"', ",", ";", "\t", "\r\n", "a\nb", '"x";y', "=1+2", "  -3"]),
)
ROWS = st.lists(st.tuples(*[CELLS] * 4), min_size=1, max_size=6)  # rows of 19 in the report


def by_csv_module(rows: list[Row], sep: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    for row in rows:
        if sep == ";":  # a decimal comma, as the report has always written it for ;
            row = tuple(str(v).replace(".", ",") if type(v) is float else v for v in row)
        writer.writerow(row)
    return buffer.getvalue()


@given(rows=ROWS, delimiter=st.sampled_from(sorted(DELIMITERS)))
def test_lines_are_what_csv_writer_writes(rows: list[Row], delimiter: str) -> None:
    sep = DELIMITERS[delimiter]
    lines = _lines(rows, sep)
    assert "".join(line + "\r\n" for line in lines) == by_csv_module(rows, sep)


def careful_cell(text: str) -> str:
    """``cell`` as first written, without the quick path for printable text."""
    text = sanitize(text)
    starts = ("=", "+", "-", "@", "\t", "\r")
    return "'" + text if text.startswith(starts) or text.lstrip().startswith(starts) else text


@given(text=st.text(max_size=12) | st.sampled_from(["'=1", " \t=", "\t", " ", "\u2003+1"]))
def test_a_cell_is_sanitized_and_never_a_formula(text: str) -> None:
    assert cell(text) == careful_cell(text)
