"""The rest of a live session on a phone, in a real browser against the real server:
the measure before the first card and after the last, a "Maar wat als...?" variation
with its quick stance and its reveal, a reload that brings back the team's own
choice, and the facilitator's release, pause and end.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from goedwerk_tui.domain.deck_loader import load_deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.live.server import prepare
from tests.browser.live_browser import (
    LAPTOP,
    PHONE,
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

TEAMS = ["Rood", "Blauw"]


@pytest.fixture
async def measured(tmp_path: Path) -> AsyncIterator[LiveSession]:
    game = Game.new(load_deck(DECK), TEAMS, save_dir=tmp_path, cards=1, measure=True)
    session, task = await start_live(game)
    yield session
    await session.server.stop()
    await task
    game.close()


async def joined(
    chromium: Browser, live: LiveSession, team: str, size: dict[str, int] = PHONE
) -> Page:
    from playwright.async_api import expect

    _, page = await phone(chromium, size)
    await page.goto(live.url)
    await page.get_by_role("button", name=team, exact=True).click()
    await expect(page.locator("#me")).to_have_text(f"Jullie team: {team}")
    return page


async def rate(
    page: Page, scores: tuple[int, int, int], button: str | None = "Scores vastleggen"
) -> None:
    from playwright.async_api import expect

    labels = ["1: helemaal oneens", "2: oneens", "3: neutraal", "4: eens", "5: helemaal eens"]
    groups = page.locator(".measure-form fieldset")
    await expect(groups).to_have_count(3)
    for index, score in enumerate(scores):
        group = groups.nth(index)
        await group.get_by_role("radio", name=labels[score - 1]).check()
    if button is None:
        return
    await page.get_by_role("button", name=button).click()
    await expect(page.locator(".measure-form .outcome")).to_contain_text("✓ Jullie scores")


async def test_measure_variation_and_measure_after_on_a_phone_and_a_laptop(
    chromium: Browser, measured: LiveSession
) -> None:
    from playwright.async_api import expect

    game = measured.game
    ownership = game.session.deck.statement("ownership").get("nl")  # the deck's own words
    red = await joined(chromium, measured, "Rood")
    blue = await joined(chromium, measured, "Blauw", LAPTOP)
    for page in (red, blue):
        await expect(
            page.get_by_role("heading", name="Vooraf: hoe staan jullie erin?")
        ).to_be_visible()
        await expect(page.get_by_role("group", name=ownership)).to_be_visible()
        await expect(page.locator(".waiting")).to_have_text(
            "Wachten op de begeleider: de eerste kaart komt zo."
        )
        assert await serious_violations(page) == []
    await rate(red, (4, 3, 2))
    await rate(blue, (5, 5, 1))
    assert game.session.measures["before"]["t1"].scores == Scores(
        ownership=4, meaningfulness=3, identification=2
    )

    game.next()  # the facilitator deals the first card
    for page, stance in ((red, "in het midden"), (blue, "helemaal Politieke haalbaarheid")):
        await expect(page.locator("#card-title")).to_have_text("De cijfers in de Kamerbrief")
        await page.get_by_role("radio", name=stance).check()
        await page.get_by_role("checkbox", name="Openheid: naar Professionele opvatting").check()
        await page.get_by_role("button", name="Keuze vastleggen").click()
        await expect(page.locator(".choice-form .outcome")).to_contain_text("✓")
    game.reveal()
    game.play_variation(1)
    for page in (red, blue):
        await expect(page.get_by_role("heading", name="Maar wat als...?")).to_be_visible()
        await expect(page.locator(".variation-text")).to_contain_text("in een eerdere motie")
        assert await serious_violations(page) == []
        assert await no_sideways_scroll(page)
    # each form starts where the team stood on the card, as the terminal's dialog does
    await expect(red.get_by_role("radio", name="in het midden")).to_be_checked()
    await expect(blue.get_by_role("radio", name="helemaal Politieke haalbaarheid")).to_be_checked()
    await red.get_by_role("radio", name="helemaal Professionele opvatting").check()
    await red.get_by_label("Waarom? (één zin, mag leeg blijven)").fill("De Kamer vroeg erom.")
    await red.get_by_role("button", name="Nieuwe positie vastleggen").click()
    await expect(red.locator(".variation-form .outcome")).to_contain_text("✓ Jullie nieuwe")
    await expect(blue.locator(".progress li", has_text="Rood")).to_contain_text("heeft geantwoord")
    await expect(blue.locator("body")).not_to_contain_text("De Kamer vroeg erom.")
    await blue.get_by_role("button", name="Nieuwe positie vastleggen").click()  # stays: one tap
    await expect(blue.locator(".variation-form .outcome")).to_contain_text("✓")

    game.reveal_variation()
    for page in (red, blue):
        await expect(page.get_by_role("heading", name="Wie schoof er op?")).to_be_visible()
        moved = page.locator(".moved li", has_text="Rood")
        await expect(moved).to_have_text(
            "Rood: in het midden → helemaal Professionele opvatting"
            " (2 stappen naar Professionele opvatting) (De Kamer vroeg erom.)"
        )
        await expect(page.locator(".moved li", has_text="Blauw")).to_have_text(
            "Blauw: helemaal Politieke haalbaarheid → helemaal Politieke haalbaarheid (bleef staan)"
        )

    game.next()  # no cards left: the closing step, with the measure after
    await expect(
        red.get_by_role("heading", name="Achteraf: hoe staan jullie er nu in?")
    ).to_be_visible()
    # what the tester did: type the action, pick three scores, press the one button
    await expect(red.locator(".action-form .outcome")).to_have_text("✎ Actie: nog niet vastgelegd.")
    await expect(red.get_by_role("button", name="Scores vastleggen", exact=True)).to_have_count(0)
    await red.get_by_label("Jullie actie").fill("Elke maand een casus bespreken.")
    await rate(red, (5, 4, 3), button=None)
    await red.get_by_role("button", name="Actie en scores vastleggen").click()
    await expect(red.locator(".action-form .outcome")).to_contain_text("✓ Jullie actie is")
    await expect(red.locator(".measure-form .outcome")).to_contain_text("✓ Jullie scores")
    assert game.session.measures["after"]["t1"].scores.ownership == 5
    assert game.session.actions["t1"] == "Elke maand een casus bespreken."
    # a team that forgot its action is told so, and its scores still go in
    await rate(blue, (3, 3, 3), button=None)
    await blue.get_by_role("button", name="Actie en scores vastleggen").click()
    await expect(blue.locator(".action-form .outcome")).to_have_text(
        "⚠ Schrijf eerst jullie actie."
    )
    await expect(blue.locator(".measure-form .outcome")).to_contain_text("✓ Jullie scores")
    await expect(blue.locator("#status")).to_have_text(
        "⚠ Schrijf eerst jullie actie. ✓ Jullie scores zijn vastgelegd. Je kunt ze nog wijzigen."
    )
    assert await serious_violations(red) == []
    assert await no_sideways_scroll(red)
    for page in (red, blue):
        assert script_errors(page) == []
    kinds = [(line["event"], line.get("via")) for line in save_lines(game.path)]
    assert ("stance_revised", "device") in kinds
    assert kinds.count(("measure_recorded", "device")) == 4
    assert ("action_recorded", "device") in kinds


async def test_a_reload_brings_back_the_teams_choice_then_release_pause_and_end(
    chromium: Browser, measured: LiveSession
) -> None:
    from playwright.async_api import expect

    live = measured
    live.game.next()
    red = await joined(chromium, live, "Rood")
    await red.get_by_role("radio", name="neigt naar Politieke haalbaarheid").check()
    await red.get_by_role("radio", name="C. ", exact=False).check()
    await red.get_by_role("checkbox", name="Loyaliteit: naar Politieke haalbaarheid").check()
    await red.get_by_label("Korte toelichting (mag leeg blijven)").fill("Eerst praten.")
    await red.get_by_role("button", name="Keuze vastleggen").click()
    await expect(red.locator(".choice-form .outcome")).to_contain_text("✓")

    await red.reload()  # a phone that slept, or a reload: the team's own choice is back
    await expect(red.locator(".choice-form .outcome")).to_have_text(
        "✓ Jullie keuze is vastgelegd. Je kunt hem wijzigen tot de onthulling."
    )
    await expect(red.get_by_role("radio", name="neigt naar Politieke haalbaarheid")).to_be_checked()
    await expect(
        red.get_by_role("checkbox", name="Loyaliteit: naar Politieke haalbaarheid")
    ).to_be_checked()
    await expect(red.get_by_label("Korte toelichting (mag leeg blijven)")).to_have_value(
        "Eerst praten."
    )

    live.hub.pause()
    await expect(red.locator("#notice")).to_have_text(
        "De begeleider heeft de sessie gepauzeerd. "
        "Deze pagina gaat vanzelf verder zodra de sessie weer loopt."
    )
    await expect(red.get_by_role("button", name="Keuze vastleggen")).to_be_disabled()
    live.hub.live = "open"  # the hub has no resume of its own; a test sets it back
    live.hub.changed()
    await expect(red.locator("#notice")).to_be_hidden()

    live.hub.release("t1")  # a lost phone: the facilitator frees the team
    await expect(red.get_by_role("heading", name="Kies je team")).to_be_visible()
    await expect(red.locator("#pick-problem")).to_have_text(
        "De begeleider heeft dit apparaat losgekoppeld van jullie team. Kies opnieuw een team."
    )
    live.hub.pause()
    await red.get_by_role("button", name="Blauw", exact=True).click()
    await expect(red.locator("#pick-problem")).to_have_text("De sessie is gepauzeerd")
    live.hub.live = "open"
    await red.get_by_role("button", name="Blauw", exact=True).click()
    await expect(red.locator("#me")).to_have_text("Jullie team: Blauw")

    live.hub.end()
    await expect(red.get_by_role("heading", name="Het live-deel is gestopt")).to_be_visible()
    assert await serious_violations(red) == []
    assert script_errors(red) == []


async def test_a_phone_says_when_the_laptop_is_gone_and_keeps_trying(
    chromium: Browser, measured: LiveSession
) -> None:
    from playwright.async_api import expect

    live = measured
    live.game.next()
    red = await joined(chromium, live, "Rood")
    live.hub.pause()  # the hub's pause: the phones say so, then the server goes
    await expect(red.locator("#notice")).to_contain_text("gepauzeerd")
    await live.server.stop()  # the laptop's server is gone (quit, or the wifi dropped)
    await expect(red.locator("#notice")).to_have_text(
        "De verbinding met de laptop van de begeleider is verbroken. "
        "We proberen het steeds opnieuw; jullie hoeven niets te doen."
    )
    await expect(red.locator("#status")).to_contain_text("verbroken")
    assert script_errors(red) == []


async def test_a_choice_typed_at_the_keyboard_for_a_team_shows_on_its_phone(
    chromium: Browser, measured: LiveSession
) -> None:
    """Mixed play: the facilitator records for a team whose phone is in a pocket; the
    phone shows that choice as the team's own, ready to change until the reveal."""
    from playwright.async_api import expect

    live = measured
    live.game.next()
    red = await joined(chromium, live, "Rood")
    live.game.record_choice("t1", 2, "D", [], ["loyaliteit"], "Aan het toetsenbord.")
    outcome = red.locator(".choice-form .outcome")
    await expect(outcome).to_contain_text("✓ Jullie keuze is vastgelegd.")
    await expect(red.get_by_role("radio", name="helemaal Politieke haalbaarheid")).to_be_checked()
    await expect(red.get_by_role("radio", name="D. ", exact=False)).to_be_checked()
    await expect(red.get_by_label("Korte toelichting (mag leeg blijven)")).to_have_value(
        "Aan het toetsenbord."
    )
    await red.get_by_role("radio", name="in het midden").check()
    await red.get_by_role("button", name="Keuze vastleggen").click()
    await expect(outcome).to_contain_text("✓")
    latest = live.game.session.rounds[-1].choices["t1"]
    assert (latest.stance, latest.option, latest.via) == (0, "D", "device")
    assert latest.values.b == ("loyaliteit",)


async def test_a_new_stance_starts_where_the_team_stands_and_one_step_is_said_so(
    chromium: Browser, measured: LiveSession
) -> None:
    """The variation form starts at the team's stance on the card, after a reload at its
    latest new stance; the reveal says a one-step move in words."""
    from playwright.async_api import expect

    game = measured.game
    game.next()
    game.record_choice("t1", 1, "A", [], ["loyaliteit"])
    game.record_choice("t2", -2, "B", ["openheid"], [])
    game.reveal()
    game.play_variation(1)
    red = await joined(chromium, measured, "Rood")
    await expect(red.get_by_role("radio", name="neigt naar Politieke haalbaarheid")).to_be_checked()
    await red.get_by_role("radio", name="in het midden").check()
    await red.get_by_role("button", name="Nieuwe positie vastleggen").click()
    await expect(red.locator(".variation-form .outcome")).to_contain_text("✓ Jullie nieuwe")
    await red.reload()
    await expect(red.get_by_role("radio", name="in het midden")).to_be_checked()
    game.revise_stance("t2", -2)
    game.reveal_variation()
    await expect(red.locator(".moved li", has_text="Rood")).to_have_text(
        "Rood: neigt naar Politieke haalbaarheid → in het midden"
        " (1 stap naar Professionele opvatting)"
    )
    assert script_errors(red) == []


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
async def test_the_page_works_over_tls_with_a_secure_cookie(
    chromium: Browser, tmp_path: Path
) -> None:
    """BIO: on a network the facilitator does not control, the page runs over https
    with the given certificate; the team's cookie is Secure (sent over https only)."""
    from playwright.async_api import expect

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    game = Game.new(load_deck(DECK), TEAMS, save_dir=tmp_path / "saves", cards=1)
    live, task = await start_live(game, prepare("127.0.0.1:0", cert, key))
    try:
        assert live.url.startswith("https://127.0.0.1:")
        # a self-made certificate: this browser is told to accept it, as a facilitator
        # tells the teams to accept theirs (or installs a trusted one)
        context = await chromium.new_context(viewport=PHONE, ignore_https_errors=True)  # type: ignore[arg-type]  # ViewportSize
        page = await context.new_page()
        await page.goto(live.url)
        await page.get_by_role("button", name="Rood", exact=True).click()
        await expect(page.locator("#card-title")).to_have_text("De cijfers in de Kamerbrief")
        [cookie] = await context.cookies()
        assert (cookie["name"], cookie["secure"], cookie["httpOnly"]) == (
            "goedwerk_token",
            True,
            True,
        )
        assert cookie["sameSite"] == "Strict"
        await page.get_by_role("radio", name="in het midden").check()
        await page.get_by_role("checkbox", name="Openheid: naar Professionele opvatting").check()
        await page.get_by_role("button", name="Keuze vastleggen").click()
        await expect(page.locator(".choice-form .outcome")).to_contain_text("✓")
        assert game.session.rounds[-1].choices["t1"].via == "device"
    finally:
        await live.server.stop()
        await task
        game.close()
