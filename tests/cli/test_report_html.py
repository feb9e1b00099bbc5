"""The HTML report read as a page (its SVG charts parsed), and the words of every report.

What a browser shows is checked in ``tests/browser/``; here the page's own markup:
the dots where the stances are, charts that fit a phone, colours that meet WCAG AA,
a ``main`` landmark, deck text marked with its language; and in every format the
screens' stance words, "begeleider", plurals and local time with its zone.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.report.command import run_report
from tests.golden.sessions import fixed_ids, local_zone, ticking_clock

pytestmark = pytest.mark.usefixtures("amsterdam_time")

PHONE_CONTENT = 390 - 2 * 16  # a 390 px screen less the page's padding (1rem each side)


def report(
    paths: list[Path], fmt: str, capsysbinary: pytest.CaptureFixture[bytes], lang: str | None = None
) -> str:
    assert run_report([str(p) for p in paths], fmt, None, lang) == 0
    return capsysbinary.readouterr().out.decode("utf-8")


def svgs(page: str) -> list[ET.Element]:
    """The page's charts, parsed (the report writes them as well-formed XML)."""
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", page, re.S)]


def stance_charts(page: str) -> list[ET.Element]:
    return [svg for svg in svgs(page) if svg.find("circle") is not None]


def test_every_dot_sits_on_the_tick_of_its_stance(
    saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    page = report(list(saves), "html", capsysbinary, "en")
    charts = stance_charts(page)
    assert len(charts) == 3  # one per card with answers
    for chart in charts:
        ticks = {
            int(t.get("data-stance", "")): t
            for t in chart.iter("line")
            if "tick" in (t.get("class") or "")
        }
        assert sorted(ticks) == [-2, -1, 0, 1, 2]
        xs = [float(ticks[s].get("x1", "")) for s in range(-2, 3)]
        assert xs == sorted(xs) and len(set(xs)) == 5  # left pole to right pole
        for dot in chart.iter("circle"):
            tick = ticks[int(dot.get("data-stance", ""))]
            assert (
                float(dot.get("cx", "")) == float(tick.get("x1", "")) == float(tick.get("x2", ""))
            )
    # card 1 at both tables: Beleid -2, Uitvoering +2, [x] +1, Noord +2, Zuid -1
    first = [int(d.get("data-stance", "")) for d in charts[0].iter("circle")]
    assert first == [-2, 2, 1, 2, -1]
    names = [t.text for t in charts[0].iter("text")][-5:]
    assert names == [
        "Table 1 · Beleid",
        "Table 1 · Uitvoering <b>&",
        "Table 1 · [x](javascript:alert(1))",
        "Table 2 · Noord",
        "Table 2 · Zuid",
    ]


def test_a_name_too_long_for_its_place_is_cut_with_the_whole_name_as_a_tooltip() -> None:
    from goedwerk_tui.report.html_charts import WIDTH, _text, text_width, tick_x

    name = "Afdeling Vergunningverlening en Handhaving"  # 42 characters
    label = ET.fromstring(_text(tick_x(0) + 10, 0, name))
    assert label.text is not None and label.text.endswith("…")
    assert tick_x(0) + 10 + text_width(label.text) <= WIDTH
    assert label.findtext("title") == name
    assert ET.fromstring(_text(0, 0, name)).text == name  # a line of its own: room enough


def test_charts_fit_a_phone_and_scale_with_the_page(
    saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    page = report([saves[0]], "html", capsysbinary)
    charts = svgs(page)
    assert len(charts) >= 5
    for chart in charts:
        _, _, width, _ = (float(n) for n in chart.get("viewBox", "").split())
        assert width <= PHONE_CONTENT  # drawn at its own size or larger: labels keep 13 px
        for text in chart.iter("text"):
            assert 0 <= float(text.get("x", "")) <= width
    css = re.search(r"<style>(.*?)</style>", page, re.S)
    assert css is not None
    assert re.search(r"svg\{[^}]*width:100%[^}]*max-width:", css.group(1))
    assert re.search(r"svg text\{[^}]*font-size:13px", css.group(1))
    assert (
        '<div class="scroll" role="region" tabindex="0" aria-label="Antwoorden bij kaart 1">'
        in page
    )


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, background: str = "#fff") -> float:
    light, dark = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_meet_wcag_aa_on_the_white_page(
    saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    page = report([saves[0]], "html", capsysbinary)

    def colour(rule: str) -> str:
        found = re.search(re.escape(rule) + r"\{(?:color|fill):(#[0-9a-f]{3,6})", page)
        assert found is not None, rule
        return found.group(1)

    assert contrast(colour(".muted")) >= 4.5  # text
    for text in (".tpa", ".tpn", ".tpb"):  # the counts of the lean charts
        assert contrast(colour(text)) >= 4.5
    for mark in (".pa", ".pn", ".pb", ".bar"):  # chart marks, the grey "middle" too
        assert contrast(colour(mark)) >= 3


def test_the_page_has_a_main_landmark(
    saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    page = report([saves[0]], "html", capsysbinary)
    body = page.split("<body>", 1)[1]
    assert body.startswith("\n<main>\n<h1>") and body.rstrip().endswith("</main>\n</body>\n</html>")


DUTCH_ONLY_DECK = """\
format: goedwerk-deck/1
id: alleen-nederlands
title: Alleen Nederlands
language: nl
catalogue: kernaghan-2003
cards:
  - id: de-brief
    title: De brief
    field: professie-politiek
    situation: De minister wil één cijfer in de brief. Wat doe je?
    options: [De bandbreedte geven, Eén getal geven]
    values: [eerlijkheid, loyaliteit]
"""


def test_dutch_deck_text_in_an_english_report_says_it_is_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fixed_ids(monkeypatch)
    (tmp_path / "deck.yaml").write_text(DUTCH_ONLY_DECK, "utf-8")
    game = Game.new(
        load_deck(tmp_path / "deck.yaml"),
        ["Rood", "Blauw"],
        save_dir=tmp_path,
        clock=ticking_clock(),
    )
    game.record_choice("t1", 0, "B", ["eerlijkheid"], [], "Eerst twijfel")
    game.record_choice("t1", -1, "A", ["eerlijkheid"], [], "Eerlijk blijven")
    game.record_choice("t2", 2, "B", [], ["loyaliteit"], "")
    game.reveal()
    game.add_note("Goed gesprek")
    game.close()
    page = report([game.path], "html", capsysbinary, "en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<h1>Debrief: <span lang="nl">Alleen Nederlands</span></h1>' in page
    assert '<h3>1. <span lang="nl">De brief</span></h3>' in page
    assert '<blockquote lang="nl"><p>De minister wil één cijfer' in page
    assert '<li><strong>A</strong>: <span lang="nl">De bandbreedte geven</span></li>' in page
    assert '<td><span lang="nl">Eerlijk blijven</span></td>' in page  # typed in a Dutch session
    assert '<li><span lang="nl">Goed gesprek</span></li>' in page
    assert '· “<span lang="nl">Eerst twijfel</span>”</li>' in page  # the change of mind
    assert "Professional judgement" in page and '<span lang="nl">Professional' not in page
    dutch = report([game.path], "html", capsysbinary, "nl")
    assert 'lang="nl"' not in dutch.split("\n", 2)[2]  # all of it is the page's language


def test_english_deck_text_in_a_dutch_report_says_it_is_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fixed_ids(monkeypatch)
    english_deck = (
        DUTCH_ONLY_DECK.replace("language: nl", "language: en")
        .replace("title: De brief", "title: The letter")
        .replace("title: Alleen Nederlands", "title: English only")
    )
    (tmp_path / "deck.yaml").write_text(english_deck, "utf-8")
    deck = load_deck(tmp_path / "deck.yaml")
    game = Game.new(deck, ["Red"], save_dir=tmp_path, clock=ticking_clock(), language="en")
    game.record_choice("t1", 1, "B", [], ["loyaliteit"], "Loyal first")
    game.reveal()
    game.close()
    page = report([game.path], "html", capsysbinary, "nl")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert '<h3>1. <span lang="en">The letter</span></h3>' in page
    assert '<td><span lang="en">Loyal first</span></td>' in page  # typed in an English session
    assert "Professionele opvatting" in page  # the tension field has Dutch words


# ----- words, the same in every report as on the screens --------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_reports_use_the_screens_stance_words_and_begeleider(
    fmt: str, saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    dutch = report([saves[0]], fmt, capsysbinary)
    assert (
        "helemaal Professionele opvatting" in dutch and "neigt naar Politieke haalbaarheid" in dutch
    )
    assert "sterk naar" not in dutch and "facilitator" not in dutch.lower()
    english = report([saves[0]], fmt, capsysbinary, "en")
    assert "fully Professional judgement" in english and "strongly" not in english
    assert "begeleider" not in english
    if fmt != "csv":
        assert "Notities van de begeleider" in dutch
        assert "Facilitator's notes" in html.unescape(english)


def test_counts_read_right_for_one_card_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fixed_ids(monkeypatch)
    (tmp_path / "deck.yaml").write_text(DUTCH_ONLY_DECK, "utf-8")
    game = Game.new(
        load_deck(tmp_path / "deck.yaml"), ["Rood"], save_dir=tmp_path, clock=ticking_clock()
    )
    game.record_choice("t1", 0, None, ["eerlijkheid"], [], "")
    game.reveal()
    game.close()
    assert "1 van 1 kaart gespeeld" in report([game.path], "md", capsysbinary)
    assert "1 of 1 card played" in report([game.path], "md", capsysbinary, "en")


def test_reports_show_local_time_with_its_zone(
    saves: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """The session started at 09:00:06 UTC on 4 March 2025."""
    assert "**Tafel 1**: 4 mrt 2025 10:00 CET;" in report([saves[0]], "md", capsysbinary)
    with local_zone("America/New_York"):
        assert "**Table 1**: 4 Mar 2025 04:00 EST;" in report([saves[0]], "md", capsysbinary, "en")
    with local_zone("Asia/Kolkata"):
        assert "4 Mar 2025 14:30 IST;" in report([saves[0]], "html", capsysbinary, "en")
    with local_zone("UTC"):
        assert "4 mrt 2025 09:00 UTC;" in report([saves[0]], "md", capsysbinary)
    both = report(list(saves), "md", capsysbinary, "en")  # the second session did not end
    assert "the session did not end (last saved 4 Mar 2025 11:01 CET)" in both
    data = json.loads(report([saves[0]], "json", capsysbinary))
    assert data["tables"][0]["started"] == "2025-03-04T09:00:06.000Z"  # raw, machine-readable
