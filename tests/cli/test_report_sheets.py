"""The spreadsheet reports (``--format csv`` and ``xlsx``) as a facilitator opens them.

Nothing of the session is missing (choices, earlier choices, notes, actions, each
row's ``kind``), the headers name the poles, a Dutch Excel gets its semicolons, and
the xlsx holds the same rows with a bold, frozen header (read back with openpyxl).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from goedwerk_tui.report.command import run_report
from tests.cli.run import goedwerk

pytestmark = pytest.mark.usefixtures("amsterdam_time")


def csv_rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_csv_holds_every_choice_note_and_action_with_its_kind(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    kinds = [row["soort"] for row in rows]
    # 7 last choices (3 + 3 + 1 on the skipped card), Beleid's 2 earlier choices, 1 note,
    # 2 actions (the second team recorded none)
    assert kinds.count("keuze") == 7 and kinds.count("eerdere keuze") == 2
    assert kinds.count("notitie") == 1 and kinds.count("actie") == 2
    [note] = [row for row in rows if row["soort"] == "notitie"]
    assert note["toelichting, notitie of actie"] == "Bespreek: wie is eigenaar van de cijfers?"
    assert (note["ronde"], note["kaart"]) == ("1", "De cijfers")
    actions = {r["team"]: r["toelichting, notitie of actie"] for r in rows if r["soort"] == "actie"}
    assert actions == {
        "Beleid": "We leggen cijferafspraken vast met de directie.",
        "[x](javascript:alert(1))": "<script>alert('actie')</script>",
    }
    earlier = [r["positie (-2 = pool links, +2 = pool rechts)"] for r in rows[:3]]
    assert [r["soort"] for r in rows[:3]] == ["eerdere keuze", "eerdere keuze", "keuze"]
    assert earlier == ["-1", "0", "-2"]  # oldest first, the last choice after them


def test_csv_headers_and_rows_name_the_poles_in_the_screens_words(
    saves: tuple[Path, Path],
) -> None:
    rows = csv_rows(goedwerk("report", str(saves[0]), "--format", "csv").stdout)
    beleid = next(r for r in rows if r["soort"] == "keuze" and r["team"] == "Beleid")
    assert beleid["pool links (-2)"] == "Professionele opvatting"
    assert beleid["pool rechts (+2)"] == "Politieke haalbaarheid"
    assert beleid["positie (-2 = pool links, +2 = pool rechts)"] == "-2"
    assert beleid["positie in woorden"] == "helemaal Professionele opvatting"
    assert (beleid["optie"], beleid["optie (tekst)"]) == ("A", "De hele bandbreedte geven")
    assert beleid["waarden naar pool links"] == "Eerlijkheid; Deskundigheid"
    assert (beleid["seconden"], beleid["keren van gedachten veranderd"]) == ("54.0", "2")
    english = goedwerk("report", str(saves[0]), "--format", "csv", "--lang", "en").stdout
    header = english.splitlines()[0]
    assert header.startswith("kind,session,table,round,card,tension field,left pole (-2),")
    assert '"stance (-2 = left pole, +2 = right pole)",stance in words' in header
    kinds = {row["kind"] for row in csv_rows(english)}
    assert kinds == {"choice", "earlier choice", "note", "action"}


def test_csv_neutralises_formulas_in_text_but_keeps_numbers(saves: tuple[Path, Path]) -> None:
    rows = csv_rows(goedwerk("report", str(saves[0]), "--format", "csv").stdout)
    text = {(r["ronde"], r["team"]): r["toelichting, notitie of actie"] for r in rows}
    assert text[("1", "Uitvoering <b>&")] == "'=SUM(A1:A9)"
    assert text[("2", "Uitvoering <b>&")] == "'-1 voor doorzetten"
    assert text[("2", "[x](javascript:alert(1))")] == "'@iedereen"
    stances = {r["positie (-2 = pool links, +2 = pool rechts)"] for r in rows}
    assert {"-2", "-1", "0", "1", "2"} <= stances  # numbers stay numbers, no leading '


def test_semicolons_for_a_dutch_excel_with_decimal_commas(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), "--format", "csv", "--delimiter", ";")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("soort;sessie;tafel;ronde;kaart;")
    rows = csv_rows(result.stdout, ";")
    assert len(rows) == 12 and rows[2]["seconden"] == "54,0"
    assert rows[2]["toelichting, notitie of actie"] == "De cijfers | kloppen"


def test_tab_separated_on_request(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), "--format", "csv", "--delimiter", "tab")
    rows = csv_rows(result.stdout, "\t")
    assert result.stdout.startswith("soort\tsessie\t") and rows[2]["seconden"] == "54.0"


def test_a_delimiter_for_another_format_is_one_error_line(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), "--format", "md", "--delimiter", ";")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "goedwerk: --delimiter hoort bij --format csv\n"


def test_csv_file_starts_with_a_byte_order_mark_for_spreadsheets(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "debrief.csv"
    assert goedwerk("report", str(saves[0]), "--format", "csv", "-o", str(target)).returncode == 0
    assert target.read_bytes().startswith("\ufeffsoort,sessie,tafel,".encode())


# ----- xlsx -------------------------------------------------------------------------


def test_xlsx_has_the_csv_rows_typed_with_a_bold_frozen_header(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    pytest.importorskip("openpyxl", reason="openpyxl is in the test extra")
    from openpyxl import load_workbook

    target = tmp_path / "nabespreking.xlsx"
    result = goedwerk("report", str(saves[0]), "--format", "xlsx", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"goedwerk: nabespreking geschreven naar {target}\n"
    book = load_workbook(target)
    [sheet] = book.worksheets
    assert sheet.freeze_panes == "A2"
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert all(cell.font.bold for cell in sheet[1])
    expected = list(
        csv.reader(io.StringIO(goedwerk("report", str(saves[0]), "--format", "csv").stdout))
    )
    assert cells[0] == expected[0]
    assert len(cells) == len(expected) == 13
    for got, want in zip(cells[1:], expected[1:], strict=True):
        # the same cells; only the CSV's formula guard (a leading ') is not needed
        unguarded = [w[1:] if w.startswith("'") else w for w in want]
        assert [_shown(c, w) for c, w in zip(got, want, strict=True)] == unguarded
    beleid = cells[3]
    assert beleid[9] == -2 and beleid[16] == 54.0 and isinstance(beleid[2], int)
    assert cells[4][15] == "=SUM(A1:A9)"  # a string cell, never a formula
    assert sheet.cell(row=5, column=16).data_type == "s"


def _shown(cell: object, want: str) -> str:
    """A cell as the CSV writes it: numbers compared as numbers (Excel keeps 54.0 as 54)."""
    if cell is None:
        return ""
    if isinstance(cell, (int, float)):
        return want if float(cell) == float(want) else str(cell)
    return str(cell)


def test_xlsx_is_not_written_into_a_terminal(
    saves: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run_report([str(saves[0])], "xlsx", None, "en") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "goedwerk: an xlsx file is not for reading in a terminal; write it with -o FILE\n"
    )


def test_xlsx_can_go_through_a_pipe(saves: tuple[Path, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", "report", str(saves[0]), "--format", "xlsx"],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith(b"PK\x03\x04")


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx", "json"])
def test_a_lone_surrogate_in_a_save_is_shown_not_a_traceback(
    fmt: str, saves: tuple[Path, Path], tmp_path: Path
) -> None:
    """JSON can spell half a character (``"\\ud800"``); a report then still gets written."""
    lines = saves[0].read_text("utf-8").splitlines()
    lines = [
        line.replace('"rationale":"Eerst praten"', '"rationale":"half \\ud800 en \\uffff"')
        for line in lines
    ]
    assert any("\\ud800" in line for line in lines)
    saves[0].write_text("\n".join(lines) + "\n", "utf-8")
    target = tmp_path / f"r.{fmt}"
    result = goedwerk("report", str(saves[0]), "-o", str(target))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    if fmt == "xlsx":
        pytest.importorskip("openpyxl", reason="openpyxl is in the test extra")
        from openpyxl import load_workbook

        [sheet] = load_workbook(target).worksheets
        cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
        assert "half \\ud800 en \\uffff" in cells
    else:  # a visible escape: a backslash, then "ud800"; Markdown and JSON escape the backslash
        shown = "half \\\\ud800 en" if fmt in ("md", "json") else "half \\ud800 en"
        assert shown in target.read_text("utf-8")


def test_xlsx_shows_text_that_looks_like_its_own_xml_as_text(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    """XlsxWriter writes a string from ``<r>`` to ``</r>`` into the file unescaped."""
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the test extra")
    typed = "<r></t></si><si><t>erin</r>"
    text = (
        saves[0].read_text("utf-8").replace('"rationale":"Eerst praten"', f'"rationale":"{typed}"')
    )
    assert typed in text
    saves[0].write_text(text, "utf-8")
    target = tmp_path / "r.xlsx"
    result = goedwerk("report", str(saves[0]), "-o", str(target))
    assert result.returncode == 0, result.stderr
    cells = [
        c for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True) for c in row
    ]
    assert typed in cells
