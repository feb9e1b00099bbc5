"""The HTML report in a real browser: Debian's Chromium driven by Playwright, with axe-core.

At a phone's 390 px and a laptop's 1200 px: no serious or critical accessibility
violation (axe-core, vendored in ``vendor/``), no sideways scrolling, every team's
dot drawn on the tick of its stance, chart labels at least 12 px and inside their
chart.

Needs the ``playwright`` package (the ``test`` extra) and Chromium at
``/usr/bin/chromium`` (``apt-get install -y chromium``); Playwright's own browser
download is never used. Without them the tests skip, saying why, except under
``CI=true``, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from goedwerk_tui.domain.game import Game
from goedwerk_tui.report.command import run_report
from tests.golden.sessions import (
    debrief_deck,
    golden_saves,
    local_zone,
    ticking_clock,
    variation_saves,
)

if TYPE_CHECKING:  # imported when the tests run, so that they can skip without it
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WIDTHS = (390, 1200)
REPORTS = ("one-table.nl", "two-tables.en", "six-long-names.en", "what-if.nl")
# Six teams with names of the longest kind (40 characters, wide letters), on every
# stance of a card: the labels beside the dots must still fit in the chart.
LONG_NAMES = [
    f"{word} {'W' * (39 - len(word))}"
    for word in ("Rood", "Oranje", "Geel", "Groen", "Blauw", "Paars")
]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The golden sessions as HTML: one table in Dutch, both tables in English, and
    both tables with variations and the measure in Dutch."""
    folder = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as monkeypatch, local_zone("Europe/Amsterdam"):
        one, two = golden_saves(folder, monkeypatch)
        pages = {name: folder / f"{name}.html" for name in REPORTS}
        six = _six_long_names(folder)
        what_if = list(variation_saves(folder / "what-if", monkeypatch))
        for name, saves, lang in (
            ("one-table.nl", [one], "nl"),
            ("two-tables.en", [one, two], "en"),
            ("six-long-names.en", [six], "en"),
            ("what-if.nl", what_if, "nl"),
        ):
            assert run_report([str(s) for s in saves], "html", str(pages[name]), lang) == 0
    return pages


def _six_long_names(folder: Path) -> Path:
    deck = debrief_deck(folder)
    game = Game.new(deck, LONG_NAMES, save_dir=folder / "six", clock=ticking_clock())
    for number, stance in enumerate((-2, -1, 0, 1, 2, 0), start=1):
        game.record_choice(f"t{number}", stance, "A", ["eerlijkheid"], [], "W" * 200)
    game.reveal()
    game.close()
    return game.path


@pytest.fixture(params=[(r, w) for r in REPORTS for w in WIDTHS], ids=lambda p: f"{p[0]}-{p[1]}px")
def page(
    request: pytest.FixtureRequest, browser: Browser, reports: dict[str, Path]
) -> Iterator[Page]:
    name, width = request.param
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(reports[name].as_uri())
    yield tab
    tab.close()


def test_no_serious_accessibility_violation(page: Page) -> None:
    page.add_script_tag(content=AXE.read_text("utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert result["testEngine"]["version"] == "4.14.1"


def test_the_page_does_not_scroll_sideways(page: Page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
    )
    assert max(widths[:2]) <= widths[2]


DOTS = """() => [...document.querySelectorAll('svg')].filter(s => s.querySelector('circle'))
  .map(svg => [...svg.querySelectorAll('circle.dot')].map(dot => {
    const tick = svg.querySelector(`line.tick[data-stance="${dot.dataset.stance}"]`);
    const d = dot.getBoundingClientRect(), t = tick.getBoundingClientRect();
    return [Number(dot.dataset.stance), d.left + d.width / 2, t.left + t.width / 2];
  }))"""


def test_every_dot_is_drawn_on_the_tick_of_its_stance(page: Page) -> None:
    charts = page.evaluate(DOTS)
    assert charts and all(charts)
    for dots in charts:
        for stance, dot_x, tick_x in dots:
            assert abs(dot_x - tick_x) < 0.5, (stance, dot_x, tick_x)
        # further right for a higher stance: the chart reads from pole to pole
        by_stance = {stance: x for stance, x, _ in dots}
        xs = [by_stance[s] for s in sorted(by_stance)]
        assert xs == sorted(xs)


LABELS = """() => [...document.querySelectorAll('svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(text => {
    const r = text.getBoundingClientRect();
    return [text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale,
            r.left - box.left, box.right - r.right];
  });
})"""


def test_chart_labels_are_at_least_12px_and_inside_their_chart(page: Page) -> None:
    labels = page.evaluate(LABELS)
    assert len(labels) > 20
    for text, size, left_room, right_room in labels:
        assert size >= 12, (text, size)
        assert left_room >= -1 and right_room >= -1, (text, left_room, right_room)
