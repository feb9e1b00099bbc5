"""``goedwerk report`` as a debrief leader runs it: golden reports, damaged and hostile saves.

Golden files live in ``tests/golden/``; after a deliberate change of a report,
regenerate them with ``GOEDWERK_UPDATE_GOLDEN=1 pytest tests/cli/test_report.py``
and read the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedwerk_tui.domain.text import UNSAFE_CHARS, sanitize
from goedwerk_tui.report import one_line
from goedwerk_tui.report.command import run_report
from tests.cli.run import goedwerk
from tests.golden.sessions import DECK_YAML

pytestmark = pytest.mark.usefixtures("amsterdam_time")

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("GOEDWERK_UPDATE_GOLDEN") == "1"


def events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def write_events(path: Path, items: list[dict[str, object]]) -> Path:
    lines = (json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in items)
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def assert_one_error_line(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("goedwerk: ")
    for part in parts:
        assert part in line


# ----- golden files ------------------------------------------------------------

GOLDEN_CASES = [
    ("tafel-1.nl.md", ["tafel-1.jsonl"], "md", None),
    ("tafel-1.nl.html", ["tafel-1.jsonl"], "html", None),
    ("tafel-1.nl.csv", ["tafel-1.jsonl"], "csv", None),
    ("tafel-1.json", ["tafel-1.jsonl"], "json", None),
    ("two-tables.en.md", ["tafel-1.jsonl", "tafel-2.jsonl"], "md", "en"),
    ("two-tables.en.html", ["tafel-1.jsonl", "tafel-2.jsonl"], "html", "en"),
]


@pytest.mark.parametrize(("golden", "names", "fmt", "lang"), GOLDEN_CASES)
def test_report_matches_its_golden_file(
    golden: str,
    names: list[str],
    fmt: str,
    lang: str | None,
    saves: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(saves[0].parent)
    assert run_report(names, fmt, None, lang) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(out, encoding="utf-8", newline="")
    expected = path.read_bytes().decode("utf-8")
    assert out == expected, f"{golden} differs; see the module docstring to regenerate"


def test_the_command_prints_the_same_report_as_the_golden_file(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", "tafel-1.jsonl", cwd=saves[0].parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "tafel-1.nl.md").read_bytes().decode("utf-8")


# ----- what the formats promise ----------------------------------------------------


def test_markdown_shows_team_names_literally_not_as_links_or_html(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]))
    assert "\\[x\\](javascript:alert(1))" in result.stdout
    assert "](javascript:" not in result.stdout.replace("\\](javascript:", "")
    assert "<b>" not in result.stdout and "\\<b\\>\\&" in result.stdout
    assert "<script>" not in result.stdout
    assert "De cijfers \\| kloppen" in result.stdout  # a | would split the table row


def test_html_is_self_contained_and_escapes_all_text(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), "--format", "html")
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for forbidden in ("<script", "src=", "href=", "url(", "@import", "<link"):
        assert forbidden not in page, forbidden
    assert "&lt;script&gt;alert(&#x27;actie&#x27;)&lt;/script&gt;" in page
    assert "Uitvoering &lt;b&gt;&amp;" in page
    assert page.count("<svg") >= 5  # lean and value charts, a stance axis per card


def test_json_is_the_documented_debrief(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[0]), str(saves[1]), "--format", "json")
    data = json.loads(result.stdout)
    assert data["format"] == "goedwerk-debrief/1"
    assert [t["number"] for t in data["tables"]] == [1, 2]
    assert data["rounds"][0]["entries"][0]["changes"][0]["stance"] == -1
    assert "de sessie is niet afgesloten" in data["warnings"][0]  # the report's language
    english = goedwerk("report", str(saves[1]), "--format", "json", "--lang", "en").stdout
    assert "the session did not end" in json.loads(english)["warnings"][0]


def test_lang_chooses_the_report_language(saves: tuple[Path, Path]) -> None:
    dutch = goedwerk("report", str(saves[0])).stdout
    english = goedwerk("report", str(saves[0]), "--lang", "en").stdout
    assert "## Kaarten" in dutch and "### 1. De cijfers" in dutch
    assert "## Cards" in english and "### 1. The figures" in english


# ----- writing to a file -------------------------------------------------------------


def test_output_file_is_written_whole_and_nothing_is_left_behind(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "debrief.md"
    target.parent.mkdir()
    result = goedwerk("report", str(saves[0]), "-o", str(target))
    assert (result.returncode, result.stdout) == (0, "")
    assert target.read_bytes() == (GOLDEN / "tafel-1.nl.md").read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["debrief.md"]


def test_output_file_says_in_one_line_where_it_wrote(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    """A relative -o is named absolutely, in the report language."""
    dutch = goedwerk("report", str(saves[0]), "-o", "nabespreking.md", cwd=tmp_path)
    assert dutch.returncode == 0
    target = tmp_path.resolve() / "nabespreking.md"
    assert dutch.stderr == f"goedwerk: nabespreking geschreven naar {target}\n"
    english = goedwerk("report", str(saves[0]), "--lang", "en", "-o", "r.html", cwd=tmp_path)
    assert english.stderr == f"goedwerk: debrief written to {tmp_path.resolve() / 'r.html'}\n"
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_a_failed_report_leaves_the_previous_report_alone(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "debrief.md"
    target.write_text("the report of yesterday\n", "utf-8")
    result = goedwerk("report", str(tmp_path / "missing.jsonl"), "-o", str(target))
    assert_one_error_line(result, "bestand bestaat niet")
    assert target.read_text("utf-8") == "the report of yesterday\n"


def test_the_report_never_replaces_a_save(saves: tuple[Path, Path]) -> None:
    before = saves[0].read_bytes()
    result = goedwerk("report", str(saves[0]), "-o", str(saves[0]), "--lang", "en")
    assert_one_error_line(result, "is one of the saves")
    assert saves[0].read_bytes() == before


def test_output_into_a_missing_folder_is_one_error_line(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    result = goedwerk("report", str(saves[0]), "-o", str(tmp_path / "nope" / "r.md"))
    assert_one_error_line(result, "deze map bestaat niet")


# ----- damaged saves ----------------------------------------------------------------


def test_a_torn_last_line_is_ignored_with_a_warning(saves: tuple[Path, Path]) -> None:
    data = saves[0].read_bytes()
    saves[0].write_bytes(data[: data.rstrip(b"\n").rfind(b"\n") + 1] + b'{"seq":99,"ts":"20')
    result = goedwerk("report", str(saves[0]), "--lang", "en")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert all(line.startswith("goedwerk: warning: ") for line in lines)
    assert any("the last line was cut off" in line for line in lines)
    assert any("the session did not end" in line for line in lines)  # session_ended was torn
    assert "We leggen cijferafspraken vast met de directie." in result.stdout
    dutch = goedwerk("report", str(saves[0])).stderr.splitlines()
    assert all(line.startswith("goedwerk: waarschuwing: ") for line in dutch)
    assert any("de laatste regel is afgebroken" in line for line in dutch)


def test_an_unfinished_session_shows_what_was_recorded(saves: tuple[Path, Path]) -> None:
    result = goedwerk("report", str(saves[1]))
    assert result.returncode == 0
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"goedwerk: waarschuwing: {saves[1]}: de sessie is niet afgesloten")
    assert "ronde 2 is niet onthuld" in warning
    assert "niet onthuld: de sessie stopte" in result.stdout
    assert "Inhoud voorop" in result.stdout  # the answer on the unrevealed card
    assert "(niet afgesloten)" in result.stdout


def test_a_garbage_line_in_the_middle_is_skipped_with_a_warning(
    saves: tuple[Path, Path],
) -> None:
    lines = saves[0].read_text("utf-8").splitlines(keepends=True)
    lines.insert(4, "}{ not json at all\n")
    saves[0].write_text("".join(lines), "utf-8")
    result = goedwerk("report", str(saves[0]))
    assert result.returncode == 0
    assert result.stderr == f"goedwerk: waarschuwing: {saves[0]}:5: onleesbare regel overgeslagen\n"
    assert result.stdout.count("Toch het midden") == 1  # the choices around it are kept


def test_many_damaged_lines_do_not_bury_the_report(saves: tuple[Path, Path]) -> None:
    lines = saves[0].read_text("utf-8").splitlines(keepends=True)
    saves[0].write_text("".join(lines[:3] + ["garbage\n"] * 50 + lines[3:]), "utf-8")
    result = goedwerk("report", str(saves[0]))
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 21
    assert warnings[-1] == "goedwerk: waarschuwing: ... en nog 30 waarschuwingen zoals deze"


def test_an_empty_file_is_one_error_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    result = goedwerk("report", str(empty))
    assert_one_error_line(result, str(empty), "het bestand is leeg; er staat geen sessie in")
    english = goedwerk("report", str(empty), "--lang", "en")
    assert_one_error_line(english, str(empty), "the file is empty")


def test_a_file_of_another_format_is_one_error_line(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK_YAML, "utf-8")
    assert_one_error_line(goedwerk("report", str(deck)), "geen goedwerk-sessie")
    other = write_events(tmp_path / "other.jsonl", [{"format": "something-else/1"}])
    assert_one_error_line(goedwerk("report", str(other), "--lang", "en"), "not a goedwerk save")


def test_a_save_of_a_newer_format_is_one_error_line(saves: tuple[Path, Path]) -> None:
    items = events(saves[0])
    items[0]["format"] = "goedwerk-save/2"
    write_events(saves[0], items)
    result = goedwerk("report", str(saves[0]))
    assert_one_error_line(result, "gemaakt door een nieuwere goedwerk", "werk goedwerk bij")


def test_a_missing_file_is_one_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jsonl"
    assert_one_error_line(goedwerk("report", str(missing)), f"{missing}: bestand bestaat niet")


def test_saves_of_different_decks_are_one_error_line(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    items = events(saves[1])
    deck = items[0]["deck"]
    assert isinstance(deck, dict)
    deck["id"] = "een-ander-deck"
    other = write_events(tmp_path / "other.jsonl", items)
    result = goedwerk("report", str(saves[0]), str(other), "--lang", "en")
    assert_one_error_line(result, "'een-ander-deck'", "a debrief combines saves of one deck")


# ----- hostile text -------------------------------------------------------------------

HOSTILE_NAME = "\x1b[31mRood\x1b[0m\u202eteam"
HOSTILE_NOTE = "<img src=x onerror=alert(1)> \x1b]8;;https://evil.example\x07link"


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_escape_sequences_in_a_save_never_reach_the_report(
    fmt: str, saves: tuple[Path, Path]
) -> None:
    items = events(saves[0])
    header = items[0]
    header["teams"][0]["name"] = HOSTILE_NAME
    for event in items:
        if event["event"] == "note_added":
            event["text"] = HOSTILE_NOTE
        if event["event"] == "choice_recorded" and event["team"] == "t1":
            event["rationale"] = "=cmd|' /C calc'!A0 \x9b2J"
    write_events(saves[0], items)
    result = goedwerk("report", str(saves[0]), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for char in ("\x1b", "\u202e", "\x07", "\x9b"):
        assert char not in out, (fmt, repr(char))
    # shown as visible escapes (Markdown backslash-escapes the backslash and bracket)
    shown = "\\\\u001b\\[31mRood" if fmt == "md" else "\\u001b[31mRood"
    assert shown in out and "u202eteam" in out
    if fmt == "html":
        assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    if fmt == "md":
        assert "<img" not in out.replace("\\<img", "")
        assert "\\<img src=x onerror=alert(1)\\>" in out
    if fmt == "json":  # the data itself holds the visible escapes, not the characters
        [team, *_] = json.loads(out)["tables"][0]["teams"]
        assert team["name"] == "\\u001b[31mRood\\u001b[0m\\u202eteam"
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert any(cell.startswith("'=cmd|") for row in rows for cell in row)


def test_report_loads_no_ui_library(saves: tuple[Path, Path]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from goedwerk_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['report', {str(saves[0])!r}, '--format', 'html'])\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_json_cleans_latin1_control_characters_too(saves: tuple[Path, Path]) -> None:
    """Text that is all Latin-1 takes the quick check of the JSON report; it must still hold."""
    items = events(saves[0])
    for event in items:
        if event["event"] == "note_added":
            event["text"] = "bel \x07 en \x9b2J café"
    write_events(saves[0], items)
    result = goedwerk("report", str(saves[0]), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "\x07" not in result.stdout and "\x9b" not in result.stdout
    [note] = json.loads(result.stdout)["rounds"][0]["plays"][0]["notes"]
    assert note == "bel \\u0007 en \\u009b2J café"


def test_reports_import_only_the_format_they_write(saves: tuple[Path, Path]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from goedwerk_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['report', {str(saves[0])!r}, '--format', 'md'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('goedwerk_tui.report.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['goedwerk_tui.report.command', 'goedwerk_tui.report.markdown']"


# ----- the quick paths of the report text give what the plain code gives ----------------


def test_every_unsafe_or_white_space_character_is_unprintable() -> None:
    """``one_line`` passes printable text without a regex; that holds only while this does."""
    printable = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable())
    assert UNSAFE_CHARS.search(printable) is None
    others = printable.replace(" ", "")
    assert others.split() == [others]  # " " is the only white space among them


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(),
            st.sampled_from(" \t\n\r\x0b\x0c\x1b\x85\xa0\u2028\u202e\u3000*_[]<>|&é"),
        ),
        max_size=30,
    )
)
def test_one_line_gives_what_sanitize_split_and_join_give(text: str) -> None:
    assert one_line(text) == " ".join(sanitize(text).split())
