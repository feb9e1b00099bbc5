"""Reports of sessions with "Maar wat als...?" variations and the before/after measure.

Golden files in ``tests/golden/wat-als*`` (regenerate with ``GOEDWERK_UPDATE_GOLDEN=1
pytest tests/cli/test_report_variations.py`` and read the diff); the saves are played
through the real Game intents (``tests/golden/sessions.py``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.report.command import run_report
from tests.cli.run import goedwerk
from tests.golden.sessions import VARIATIONS_YAML

pytestmark = pytest.mark.usefixtures("amsterdam_time")

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("GOEDWERK_UPDATE_GOLDEN") == "1"
ONE, BOTH = ["wat-als-1.jsonl"], ["wat-als-1.jsonl", "wat-als-2.jsonl"]

GOLDEN_CASES = [
    ("wat-als.nl.md", ONE, "md", None, None),
    ("wat-als.nl.html", ONE, "html", None, None),
    ("wat-als.json", ONE, "json", None, None),
    ("wat-als.variations.nl.csv", ONE, "csv", None, "variations"),
    ("wat-als-two-tables.en.md", BOTH, "md", "en", None),
    ("wat-als-two-tables.en.html", BOTH, "html", "en", None),
    ("wat-als-two-tables.measures.en.csv", BOTH, "csv", "en", "measures"),
]


@pytest.mark.parametrize(("golden", "names", "fmt", "lang", "sheet"), GOLDEN_CASES)
def test_report_matches_its_golden_file(
    golden: str,
    names: list[str],
    fmt: str,
    lang: str | None,
    sheet: str | None,
    what_if: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(what_if[0].parent)
    assert run_report(names, fmt, None, lang, sheet=sheet) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(out, encoding="utf-8", newline="")
    assert out == path.read_bytes().decode("utf-8"), f"{golden} differs; see the docstring"


def test_markdown_shows_who_moved_how_far_and_the_values_that_decided(
    what_if: tuple[Path, Path],
) -> None:
    text = goedwerk("report", str(what_if[0])).stdout
    assert "### Wie schoof op bij een 'Maar wat als...?'" in text
    assert (
        "**Rood**: +2 naar Politieke haalbaarheid · Waarden die de doorslag gaven: Loyaliteit"
        in (text)
    )
    row = "| Rood | -1 | +1 neigt naar Politieke haalbaarheid | +2 naar Politieke haalbaarheid |"
    assert row in text
    assert (
        "| Blauw \\<i\\> | +1 | +1 neigt naar Politieke haalbaarheid | bleef staan | — | — |"
        in text
    )
    assert "gesloten zonder onthulling" in text  # the second variation was not revealed
    assert "Dan \\[klopt\\](x) het \\<niet\\>" in text  # a reason shown literally
    assert "1. **De cijfers** (1): spreiding 2; 2 verschillende opties; 2 teams schoven op" in text


def test_markdown_in_english_shows_before_after_and_the_distribution_of_two_tables(
    what_if: tuple[Path, Path],
) -> None:
    text = goedwerk("report", *map(str, what_if), "--lang", "en").stdout
    assert "### Before and after: ownership, meaningfulness and identification" in text
    assert "| Table 1 · Rood | 2 → 4 (+2) | 3 → 3 (0) | 4 → 4 (0) |" in text
    assert "| Table 2 · Groen | 1 → 3 (+2) | 2 → 2 (0) | 3 → 3 (0) |" in text
    assert "| Ownership | before | 1 | 1 | 1 | 0 | 0 | 2.0 | +1.3 (3 teams gave both) |" in text
    assert "|  | after | 0 | 0 | 2 | 1 | 0 | 3.3 |  |" in text
    assert "**Table 2 · Groen**: -4 toward Professional judgement" in text


def test_html_escapes_save_text_and_draws_the_measure_readable_without_colour(
    what_if: tuple[Path, Path],
) -> None:
    page = goedwerk("report", str(what_if[0]), "--format", "html").stdout
    for forbidden in ("<script", "src=", "href=", "url(", "<link", "<niet>", "<groot>"):
        assert forbidden not in page, forbidden
    assert "Dan [klopt](x) het &lt;niet&gt;" in page
    assert "Blauw &lt;i&gt;" in page
    chart = page[page.index('aria-label="Gemiddelde score vooraf en achteraf per doel"') :]
    chart = chart[: chart.index("</svg>")]
    # every bar has its moment and its value in words beside it
    assert chart.count(">vooraf</text>") == 3 and chart.count(">achteraf</text>") == 3
    assert ">2,5</text>" in chart and ">3,5</text>" in chart
    assert "<td>+2 naar Politieke haalbaarheid</td>" in page


def test_csv_sheets_of_variations_and_measures(what_if: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(what_if[0]), "--format", "csv", "--sheet", "variations")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5  # 2 + 1 teams under card 1's variations, 2 under card 2's
    rood = rows[0]
    assert (rood["variant"], rood["team"], rood["positie op de kaart"]) == ("1", "Rood", "-1")
    assert rood["beweging (stappen, + = naar pool rechts)"] == "2"
    assert rood["opgeschoven naar"] == "Politieke haalbaarheid"
    assert rood["waarden die de doorslag gaven"] == "Loyaliteit"
    assert rood["reden"] == "'=De Kamer beslist"  # a formula neutralised
    assert rood["eerdere nieuwe posities"] == "1"
    assert rows[2]["status"] == "gesloten zonder onthulling"
    result = goedwerk(
        "report", *map(str, what_if), "--format", "csv", "--sheet", "measures", "--lang", "en"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9  # three teams, three goals
    assert {k: rows[0][k] for k in ("team", "goal", "before", "after", "change")} == {
        "team": "Rood",
        "goal": "Ownership",
        "before": "2",
        "after": "4",
        "change": "2",
    }


def test_sheet_goes_with_csv_only(what_if: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(what_if[0]), "--format", "md", "--sheet", "measures")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "goedwerk: --sheet hoort bij --format csv\n"


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("nl", ["Sessie", "Maar wat als", "Voor en na"]),
        ("en", ["Session", "What if", "Before and after"]),
    ],
)
def test_xlsx_has_a_sheet_for_variations_and_one_for_the_measure(
    lang: str, names: list[str], what_if: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "nabespreking.xlsx"
    result = goedwerk("report", *map(str, what_if), "-o", str(target), "--lang", lang)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == names
    variations, measures = book[names[1]], book[names[2]]
    assert variations.max_row == 1 + 5 + 1  # the header, table 1's five, Groen's one
    assert variations.freeze_panes == "A2"
    header = [c.value for c in measures[1]]
    last = dict(zip(header, [c.value for c in measures[measures.max_row]], strict=True))
    assert (last[header[2]], last[header[5]], last[header[6]], last[header[7]]) == (
        "Groen",
        3,
        3,
        0,
    )


def test_json_keeps_the_old_keys_and_adds_variations_and_measures(
    what_if: tuple[Path, Path],
) -> None:
    data = json.loads(goedwerk("report", *map(str, what_if), "--format", "json").stdout)
    first = data["rounds"][0]
    assert {"spread", "contested_values", "different_options", "entries"} <= set(first)
    assert (first["span"], first["movers"]) == (4, 3)  # Groen at +2 moved to -2 as well
    move = first["variations"][0]["moves"][0]
    assert (move["team"], move["card_stance"], move["stance"], move["steps"]) == ("1.t1", -1, 1, 2)
    assert (move["toward"], move["decided"]) == ("b", ["loyaliteit"])
    goals = {g["goal"]: g for g in data["measures"]["goals"]}
    assert goals["ownership"]["before"] == [1, 1, 1, 0, 0]
    assert goals["ownership"]["mean_change"] == 1.33
    assert [t["team"] for t in data["measures"]["teams"]] == ["1.t1", "1.t2", "2.t1"]


def test_the_reports_quote_the_decks_own_statement(tmp_path: Path) -> None:
    """A deck's ``measure:`` wording, as the save's deck snapshot kept it."""
    text = VARIATIONS_YAML.replace(
        "cards:\n",
        "measure:\n  identification: {nl: 'We zijn trots op ons vak.', en: 'We are proud of our"
        " profession.'}\ncards:\n",
        1,
    )
    (tmp_path / "deck.yaml").write_text(text, "utf-8")
    game = Game.new(load_deck(tmp_path / "deck.yaml"), ["Een"], save_dir=tmp_path, measure=True)
    game.record_measure("before", "t1", Scores(ownership=3, meaningfulness=4, identification=2))
    game.close()
    report = goedwerk("report", str(game.path)).stdout
    assert "- **Identificatie**: We zijn trots op ons vak." in report
    assert "- **Eigenaarschap**: We kunnen invloed uitoefenen" in report  # the default
    assert "| Een | 3 → — | 4 → — | 2 → — |" in report  # no after: no change
    sheet = goedwerk(
        "report", str(game.path), "--format", "csv", "--sheet", "measures", "--lang", "en"
    )
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert rows[2]["statement"] == "We are proud of our profession."
    assert (rows[2]["before"], rows[2]["after"], rows[2]["change"]) == ("2", "", "")
