"""End to end as a workshop plays it: the facilitator's Textual app under Pilot,
started with ``play ... --live --bind 127.0.0.1:0`` as the command line does, and two
phones in Chromium (Playwright's async API, on the app's own asyncio loop). The
phones join from the address the app shows, answer, and see the reveal only when
the facilitator presses r on the laptop; the closing step's actions come from the
phones; when the facilitator finishes the session (ctrl+s) both phones say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser.live_browser import phone, script_errors
from tests.tui.helpers import save_lines, screen_text
from tests.tui.live_helpers import live_app, until

if TYPE_CHECKING:
    from playwright.async_api import Browser

PLAY = ["play", "goed-werk-openbaar-bestuur", "--cards", "1", "--team", "Rood", "--team", "Blauw"]
SECRET = "Rood wil de tabel in de brief"


async def test_the_reveal_pressed_on_the_laptop_reaches_both_phones(
    chromium: Browser, tmp_path: Path
) -> None:
    from playwright.async_api import expect

    saves = tmp_path / "saves"
    app, live = live_app(PLAY, saves)
    async with app.run_test(size=(80, 24)) as pilot:
        assert live.join_url.startswith("http://127.0.0.1:")
        pages = []
        for team in ("Rood", "Blauw"):
            _, page = await phone(chromium)
            await page.goto(live.join_url)  # the address the facilitator's screen shows
            await page.get_by_role("button", name=team, exact=True).click()
            await expect(page.locator("#card-title")).to_have_text("De cijfers in de Kamerbrief")
            pages.append(page)
        red, blue = pages
        await until(lambda: live.hub.joined("t1") and live.hub.joined("t2"), "both joined", pilot)

        for page, stance, rationale in (
            (red, "helemaal Professionele opvatting", SECRET),
            (blue, "neigt naar Politieke haalbaarheid", "Blauw kiest de minister"),
        ):
            await page.get_by_role("radio", name=stance).check()
            await page.get_by_role(
                "checkbox", name="Eerlijkheid: naar Professionele opvatting"
            ).check()
            await page.get_by_label("Korte toelichting (mag leeg blijven)").fill(rationale)
            await page.get_by_role("button", name="Keuze vastleggen").click()
            await expect(page.locator(".choice-form .outcome")).to_contain_text("✓")
        await expect(blue.locator("body")).not_to_contain_text(SECRET)
        await until(lambda: not app.game.session.waiting_for(), "both chosen", pilot)
        await until(lambda: screen_text(app).count("✓ gekozen") == 2, "on screen", pilot)

        await pilot.press("r")  # the facilitator reveals on the laptop
        for page in (red, blue):
            await expect(page.get_by_role("heading", name="Onthulling")).to_be_visible()
            await expect(page.locator(".choices")).to_contain_text(SECRET)
            await expect(
                page.locator(".axis li", has_text="helemaal Professionele")
            ).to_contain_text("Rood")

        await pilot.press("n")  # the only card: the closing step
        for page, action in ((red, "Wij zetten de tabel erin."), (blue, "Wij bellen de DG.")):
            await page.get_by_label("Jullie actie").fill(action)
            await page.get_by_role("button", name="Actie vastleggen").click()
            await expect(page.locator(".action-form .outcome")).to_contain_text("✓")
        await until(lambda: len(app.game.session.actions) == 2, "two actions", pilot)

        await pilot.press("ctrl+s")  # the facilitator finishes: the session ends
        for page in (red, blue):
            await expect(page.get_by_role("heading", name="De sessie is afgelopen")).to_be_visible()
            assert script_errors(page) == []
        await pilot.press("ctrl+q")
    lines = save_lines(saves)
    assert [
        (line["team"], line["via"]) for line in lines if line["event"] == "choice_recorded"
    ] == [
        ("t1", "device"),
        ("t2", "device"),
    ]
    assert [line["via"] for line in lines if line["event"] == "action_recorded"] == [
        "device",
        "device",
    ]
