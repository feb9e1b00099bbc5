"""The live page's browser tests: Chromium under Playwright's async API, per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.live_browser import launch

if TYPE_CHECKING:
    from playwright.async_api import Browser


@pytest.fixture
async def chromium() -> AsyncIterator[Browser]:
    async for browser in launch():
        yield browser
