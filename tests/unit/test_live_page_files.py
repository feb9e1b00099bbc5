"""The live session's device page (``goedwerk_tui/live/static/``) as files: light,
self-contained, every text it shows in both languages, nothing that turns text into
markup.

The browser tests (tests/browser/test_live_page_*.py) show what it does; these hold
what a reader of the files can check without a browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import goedwerk_tui
from goedwerk_tui.i18n import CATALOGUES

STATIC = Path(goedwerk_tui.__file__).parent / "live" / "static"
MAX_WEIGHT = 100 * 1024  # bytes: the page weight
SCRIPTS = sorted(STATIC.glob("*.js"))
# keys the scripts build from a prefix: t(`measure.${n}`), stanceLabel's two, waiting(...)
BUILT = {
    "measure.1",
    "measure.2",
    "measure.3",
    "measure.4",
    "measure.5",
    "measure.title.before",
    "measure.title.after",
    "stance.full",
    "stance.lean",
    "waiting.start",
    "waiting.next",
}


def _script_text() -> str:
    return "\n".join(path.read_text("utf-8") for path in SCRIPTS)


def _keys_used() -> set[str]:
    return set(re.findall(r"""\bt\(\s*"([a-z0-9_.]+)"\s*[,)]""", _script_text()))


def test_the_page_weighs_less_than_100_kb() -> None:
    weight = sum(path.stat().st_size for path in STATIC.iterdir() if path.is_file())
    assert {"index.html", "app.js", "app.css"} <= {p.name for p in STATIC.iterdir()}
    assert 0 < weight < MAX_WEIGHT, weight


def test_every_text_the_page_shows_is_in_dutch_and_english() -> None:
    used = _keys_used() | BUILT
    assert len(used) > 60
    for lang in ("nl", "en"):
        page = {
            k.removeprefix("live.page.") for k in CATALOGUES[lang] if k.startswith("live.page.")
        }
        assert used - page == set(), lang
        assert page - used == set(), f"{lang}: keys no script shows"


def test_every_script_a_module_imports_is_there() -> None:
    imported = set(re.findall(r"""from "\./([a-z]+\.js)";""", _script_text()))
    assert imported and imported <= {path.name for path in SCRIPTS}
    html = (STATIC / "index.html").read_text("utf-8")
    assert '<script type="module" src="/static/app.js"></script>' in html


def test_no_text_is_ever_turned_into_markup() -> None:
    """A team named ``<script>`` shows literally: the scripts build the page with
    text nodes only (dom.js), and never evaluate a string."""
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
    for path in SCRIPTS:
        text = path.read_text("utf-8")
        assert [s for s in sinks if s in text] == [], path.name
        assert "new Function" not in text and 'setAttribute("style"' not in text
        # setTimeout with a string would be an eval too
        assert not re.search(r"setTimeout\(\s*[\"'`]", text), path.name


def test_nothing_inline_and_nothing_from_elsewhere() -> None:
    """The server's CSP allows only the page's own files: no inline script or style,
    no web font, no CDN, nothing kept on the device."""
    html = (STATIC / "index.html").read_text("utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert "<style" not in html and " style=" not in html and "javascript:" not in html
    assert re.search(r"""\son[a-z]+=""", html) is None  # no inline event handlers
    for path in STATIC.iterdir():
        text = path.read_text("utf-8")
        assert re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text) is None, path.name
        assert "@font-face" not in text and "@import" not in text, path.name
        assert "localStorage" not in text and "sessionStorage" not in text, path.name
        assert "indexedDB" not in text and "document.cookie" not in text, path.name


def test_files_stay_small_enough_to_read_at_once() -> None:
    for path in STATIC.iterdir():
        lines = path.read_text("utf-8").splitlines()
        assert len(lines) < 400, path.name
        assert max(len(line) for line in lines) <= 100, path.name
