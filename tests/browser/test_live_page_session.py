"""Two phones in a live session, in a real browser against the real live server.

Debian's Chromium (Playwright's async API) and the server share the test's asyncio
loop, as the server shares the TUI's. Two phone-sized contexts (360x740, each its
own cookies) join as two teams, answer, change their minds and see nothing of each
other until the facilitator reveals (``game.reveal()`` stands in for the keyboard);
then both show the reveal and the card's reflection, and in the closing step each
records its action. axe-core finds no serious or critical violation on the join,
card and reveal pages; the save says which lines came from a device.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from tests.browser.live_browser import (
    LiveSession,
    no_sideways_scroll,
    phone,
    save_lines,
    script_errors,
    serious_violations,
    start_live,
)
from tests.browser.live_fake import DECK

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

# a team named like markup must show literally, and run nothing
TEAMS = ["<script>alert(1)</script>", "[/]"]
SECRET = "Onze geheime reden: de Kamer moet het weten"


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[LiveSession]:
    game = Game.new(load_deck(DECK), TEAMS, save_dir=tmp_path, cards=2)
    session, task = await start_live(game)
    yield session
    await session.server.stop()
    await task
    game.close()


async def join(chromium: Browser, live: LiveSession, team: str) -> Page:
    from playwright.async_api import expect

    _, page = await phone(chromium)
    await page.goto(live.url)
    await expect(page.get_by_role("heading", name="Kies je team")).to_be_visible()
    await page.get_by_role("button", name=team, exact=True).click()
    await expect(page.locator("#card-title")).to_have_text("De cijfers in de Kamerbrief")
    await expect(page.locator("#me")).to_have_text(f"Jullie team: {team}")
    return page


async def choose(page: Page, stance: str, option: str, value: str, rationale: str) -> None:
    from playwright.async_api import expect

    await page.get_by_role("radio", name=stance, exact=True).check()
    await page.get_by_role("radio", name=option).check()
    await page.get_by_role("checkbox", name=value, exact=True).check()
    await page.get_by_label("Korte toelichting (mag leeg blijven)").fill(rationale)
    await page.get_by_role("button", name="Keuze vastleggen").click()
    await expect(page.locator(".choice-form .outcome")).to_have_text(
        "✓ Jullie keuze is vastgelegd. Je kunt hem wijzigen tot de onthulling."
    )


async def test_two_phones_answer_change_their_minds_and_see_the_reveal(
    chromium: Browser, live: LiveSession
) -> None:
    from playwright.async_api import expect

    _, first = await phone(chromium)
    await first.goto(live.url)
    await expect(first.get_by_role("button", name=TEAMS[0], exact=True)).to_be_visible()
    assert await serious_violations(first) == []  # the join page
    await first.get_by_role("button", name=TEAMS[0], exact=True).click()
    await expect(first.locator("#card-title")).to_have_text("De cijfers in de Kamerbrief")
    second = await join(chromium, live, TEAMS[1])
    assert await serious_violations(second) == []  # the card page
    assert await no_sideways_scroll(second)

    await choose(
        first,
        "neigt naar Professionele opvatting",
        "B. ",
        "Eerlijkheid: naar Professionele opvatting",
        SECRET,
    )
    # the other phone learns only that the team answered
    progress = second.locator(".progress li", has_text=TEAMS[0])
    await expect(progress).to_contain_text("heeft geantwoord")
    await expect(second.locator("body")).not_to_contain_text(SECRET)
    state = await second.context.request.get(live.url.split("/j/")[0] + "/api/state")
    body = await state.text()
    assert state.status == 200 and SECRET not in body
    assert json.loads(body)["reveal"] is None and json.loads(body)["mine"] is None

    # a change of mind: the new choice is recorded, the first stays in the save
    await first.get_by_role("radio", name="helemaal Professionele opvatting").check()
    await expect(first.locator(".choice-form .outcome")).to_have_text(
        "✎ Gewijzigd, nog niet vastgelegd."
    )
    await first.get_by_role("button", name="Keuze vastleggen").click()
    await expect(first.locator(".choice-form .outcome")).to_contain_text("✓ Jullie keuze is")
    await choose(
        second, "in het midden", "geen van deze", "Loyaliteit: naar Politieke haalbaarheid", ""
    )

    live.game.reveal()  # the facilitator presses r on the laptop
    for page in (first, second):
        await expect(page.get_by_role("heading", name="Onthulling")).to_be_visible()
        axis = page.locator(".axis li", has_text="helemaal Professionele opvatting")
        await expect(axis).to_contain_text(TEAMS[0])
        await expect(page.locator(".axis li", has_text="in het midden")).to_contain_text(TEAMS[1])
        await expect(page.locator(".choices")).to_contain_text(SECRET)
        await expect(page.get_by_role("heading", name="Reflectie")).to_be_visible()
    assert await serious_violations(second) == []  # the reveal page
    assert await no_sideways_scroll(second)

    live.game.stop_dealing()
    for page, action in (
        (first, "Wij vragen elk kwartaal de cijfers op."),
        (second, "[b]Wij[/b] <i>praten</i>"),
    ):
        await expect(
            page.get_by_role("heading", name="Afsluiting: wat gaan jullie doen?")
        ).to_be_visible()
        await page.get_by_label("Jullie actie").fill(action)
        await page.get_by_role("button", name="Actie vastleggen").click()
        await expect(page.locator(".action-form .outcome")).to_contain_text("✓ Jullie actie is")
    assert live.game.session.actions == {
        "t1": "Wij vragen elk kwartaal de cijfers op.",
        "t2": "[b]Wij[/b] <i>praten</i>",
    }
    for page in (first, second):
        assert script_errors(page) == []

    lines = save_lines(live.game.path)
    choices = [line for line in lines if line["event"] == "choice_recorded"]
    assert [(c["team"], c["stance"], c["option"], c["via"]) for c in choices] == [
        ("t1", -1, "B", "device"),
        ("t1", -2, "B", "device"),
        ("t2", 0, None, "device"),
    ]
    assert choices[0]["values"] == {"a": ["eerlijkheid"], "b": []}
    assert choices[0]["rationale"] == SECRET
    actions = [line for line in lines if line["event"] == "action_recorded"]
    assert [a["via"] for a in actions] == ["device", "device"]
