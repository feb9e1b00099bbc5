"""What the live page's browser tests share: Debian's Chromium under Playwright's async
API (on the test's asyncio loop, where the live server runs too), phone-sized
contexts, and axe-core.

Without the playwright package or /usr/bin/chromium the tests skip, saying why,
except under ``CI=true``, where they fail (as the report's browser tests do).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from goedwerk_tui.domain.game import Game
from goedwerk_tui.live.hub import LiveHub
from goedwerk_tui.live.server import Listener, LiveServer, prepare
from tests.browser.test_report_page import AXE, CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:  # imported when the tests run, so that they can skip without it
    from playwright.async_api import Browser, BrowserContext, Page

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
# Playwright waits this long for what a page should show (a busy 2-core machine)
WAIT_MS = 20_000


def missing() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


def skip_without_browser() -> None:
    problem = missing()
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {problem}")
        pytest.skip(problem)


async def launch() -> AsyncIterator[Browser]:
    """Chromium for one test (the ``chromium`` fixture of conftest.py)."""
    skip_without_browser()
    from playwright.async_api import async_playwright, expect

    expect.set_options(timeout=WAIT_MS)
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        await chromium.close()


async def phone(browser: Browser, size: dict[str, int] = PHONE) -> tuple[BrowserContext, Page]:
    """A device of its own (its own cookies), with a record of script errors."""
    context = await browser.new_context(viewport=size)  # type: ignore[arg-type]  # ViewportSize
    context.set_default_timeout(WAIT_MS)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    setattr(page, "script_errors", errors)  # noqa: B010  # read by script_errors()
    return context, page


def script_errors(page: Page) -> list[str]:
    errors: list[str] = getattr(page, "script_errors", [])
    return errors


async def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not await page.evaluate("() => typeof axe !== 'undefined'"):
        # the page's CSP allows only its own scripts: axe goes in through the debugger
        await page.evaluate(AXE.read_text("utf-8"))
    result: dict[str, Any] = await page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


async def no_sideways_scroll(page: Page) -> bool:
    widths: list[int] = await page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
    )
    return max(widths[:2]) <= widths[2]


@dataclass
class LiveSession:
    game: Game
    hub: LiveHub
    server: LiveServer
    url: str


async def start_live(
    game: Game, listener: Listener | None = None
) -> tuple[LiveSession, asyncio.Task[None]]:
    """The live server for ``game`` (by default on a free loopback port, plain http),
    serving on this loop."""
    hub = LiveHub(game)
    listener = listener or prepare("127.0.0.1:0", None, None)
    server = LiveServer(listener, hub)
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    assert server.started
    return LiveSession(game, hub, server, listener.join_url(hub.join_code)), task


def save_lines(path: Path) -> list[dict[str, Any]]:
    import json

    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
