"""The device page on its own, in a real browser, against a stand-in for the API
(``live_fake.FakeLive``): what the real server seldom does on cue. A submit whose
connection dropped is sent again with the same request_id; a refusal is said in the
server's words; team names of markup show literally everywhere; the search filters
the values; a value pulls toward one pole only; an English session is English.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.live_browser import skip_without_browser
from tests.browser.live_fake import NASTY, FakeLive, choosing_state, revealed_state
from tests.browser.test_report_page import AXE, CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    skip_without_browser()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Browser, fake: FakeLive, width: int = 360) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    setattr(page, "script_errors", errors)  # noqa: B010  # read by the tests
    fake.install(page)
    page.goto(fake.url())
    return page


def joined_page(browser: Browser, fake: FakeLive, width: int = 360) -> Page:
    from playwright.sync_api import expect

    fake.joined = True
    page = open_page(browser, fake, width)
    expect(page.locator("#card-title")).to_be_visible()
    return page


def fill_choice(page: Page) -> None:
    page.get_by_role("radio", name="in het midden").check()
    page.get_by_role("checkbox", name="Eerlijkheid: naar Professionele opvatting").check()
    page.get_by_label("Korte toelichting (mag leeg blijven)").fill("Zo is het.")


def serious(page: Page) -> list[str]:
    page.evaluate(AXE.read_text("utf-8"))  # through the debugger: the CSP allows no inline
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_a_submit_whose_connection_dropped_is_sent_again_with_the_same_request_id(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Rood", "Blauw"]))
    page = joined_page(browser, fake)
    fill_choice(page)
    fake.abort_next = 1
    submit = page.get_by_role("button", name="Keuze vastleggen")
    submit.click()
    outcome = page.locator(".choice-form .outcome")
    expect(outcome).to_have_text(
        "⚠ Niet vastgelegd: geen verbinding met de laptop. Probeer het zo opnieuw."
    )
    submit.click()
    expect(outcome).to_contain_text("✓ Jullie keuze is vastgelegd.")
    page.get_by_label("Korte toelichting (mag leeg blijven)").fill("Toch anders.")
    submit.click()
    expect(outcome).to_contain_text("✓ Jullie keuze is vastgelegd.")
    sent = [body for path, body in fake.posts if path == "/api/choice"]
    assert len(sent) == 3
    assert sent[0] == sent[1]  # the same answer, the same request_id: applied once
    assert sent[2]["request_id"] != sent[0]["request_id"]  # a change of mind is new
    assert len(sent[0]["request_id"]) == 32  # 128 random bits, also over plain http
    assert {k: v for k, v in sent[0].items() if k != "request_id"} == {
        "card": "cijfers-in-de-kamerbrief",
        "stance": 0,
        "option": None,
        "values": {"a": ["eerlijkheid"], "b": []},
        "rationale": "Zo is het.",
    }


def test_a_refusal_is_said_in_the_servers_words_and_nothing_is_sent_half_done(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Rood", "Blauw"]))
    page = joined_page(browser, fake)
    submit = page.get_by_role("button", name="Keuze vastleggen")
    outcome = page.locator(".choice-form .outcome")
    submit.click()
    expect(outcome).to_have_text("⚠ Kies eerst een positie op de as.")
    page.get_by_role("radio", name="neigt naar Politieke haalbaarheid").check()
    submit.click()
    expect(outcome).to_have_text("⚠ Kies minstens één waarde.")
    assert fake.posts == []
    expect(page.locator("#status")).to_have_text("Kies minstens één waarde.")

    fill_choice(page)
    fake.answers = [(400, {"error": "de toelichting is langer dan 500 tekens"})]
    submit.click()
    expect(outcome).to_have_text("⚠ Niet vastgelegd: de toelichting is langer dan 500 tekens")
    fake.answers = [(409, {"error": "deze kaart is al onthuld"})]
    submit.click()
    expect(outcome).to_have_text(
        "⚠ Niet vastgelegd: dit kan nu niet meer (de begeleider is verder gegaan)."
    )


def test_team_names_of_markup_show_literally_in_the_picker_the_card_and_the_reveal(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(NASTY))
    page = open_page(browser, fake)
    buttons = page.locator("button.pick")
    expect(buttons).to_have_count(len(NASTY))
    assert buttons.all_text_contents() == NASTY
    buttons.first.click()
    expect(page.locator("#me")).to_have_text(f"Jullie team: {NASTY[0]}")
    expect(page.locator(".progress li")).to_have_count(len(NASTY))
    choices = [
        {
            "team": f"t{i}",
            "stance": i - 3,
            "option": "A",
            "values": {"a": ["eerlijkheid"], "b": []},
            "rationale": f"<img src=x onerror=alert(1)> {name}",
        }
        for i, name in enumerate(NASTY, start=1)
    ]
    fake.state = revealed_state(fake.state, choices, "<b>[bold]niet vet[/bold]</b>")
    expect(page.get_by_role("heading", name="Onthulling")).to_be_visible()
    expect(page.locator(".reflection p")).to_have_text("<b>[bold]niet vet[/bold]</b>")
    for name in NASTY:
        expect(page.locator(".choices h4", has_text=name)).to_have_count(1)
    quotes = page.locator(".choices blockquote").all_text_contents()
    assert quotes == [f"<img src=x onerror=alert(1)> {name}" for name in NASTY]
    # nothing of it became an element, and no script ran
    assert (
        page.evaluate("() => document.querySelectorAll('main img, main b, main script').length")
        == 0
    )
    assert getattr(page, "script_errors") == []  # noqa: B009


def test_the_search_filters_the_values_and_a_value_pulls_toward_one_pole_only(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Rood", "Blauw"]))
    page = joined_page(browser, fake)
    toward_a = page.get_by_role("checkbox", name="Loyaliteit: naar Professionele opvatting")
    toward_b = page.get_by_role("checkbox", name="Loyaliteit: naar Politieke haalbaarheid")
    toward_a.check()
    toward_b.check()
    expect(toward_a).not_to_be_checked()
    expect(page.locator(".picked")).to_have_text(
        "Naar Professionele opvatting: nog geenNaar Politieke haalbaarheid: Loyaliteit"
    )
    search = page.get_by_role("searchbox", name="Zoek een waarde")
    search.fill("EFFICI")  # capitals and no accent: efficiëntie
    shown = page.locator("li.value:visible .name").all_text_contents()
    assert shown == ["Loyaliteit", "Efficiëntie"]  # a picked value stays in sight
    search.fill("xyzzy")
    expect(page.locator(".no-match")).to_be_hidden()  # Loyaliteit is still shown
    toward_b.uncheck()
    search.fill("xyzzy ")
    expect(page.locator(".no-match")).to_have_text("Geen waarde gevonden.")


@pytest.mark.parametrize("width", [320, 1280])  # 320: WCAG 2.1 reflow
def test_an_english_session_is_english_and_accessible_on_a_phone_and_a_laptop(
    browser: Browser, width: int
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Red", "Blue"], lang="en"), lang="en")
    page = joined_page(browser, fake, width)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    expect(page.locator("#card-title")).to_have_text("The figures in the letter to Parliament")
    expect(page.get_by_role("button", name="Record our choice")).to_be_visible()
    expect(page.get_by_role("group", name="Which choice do you make?")).to_be_visible()
    assert serious(page) == []
    fake.state = revealed_state(
        fake.state,
        [
            {
                "team": "t1",
                "stance": 2,
                "option": "B",
                "values": {"a": [], "b": ["loyaliteit"]},
                "rationale": "Because.",
            }
        ],
        "Loyalty and honesty do not clash head-on here.",
    )
    expect(page.get_by_role("heading", name="Reveal")).to_be_visible()
    expect(page.locator(".choices")).to_contain_text("Toward Political feasibility: Loyalty")
    assert serious(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


def test_a_wrong_code_says_so_and_a_team_taken_meanwhile_sends_back_to_the_picker(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Rood", "Blauw"]))
    page = open_page(browser, fake)
    expect(page.locator("button.pick")).to_have_count(2)
    fake.claimed.add("t1")  # another phone was quicker
    page.get_by_role("button", name="Rood").click()
    expect(page.locator("#pick-problem")).to_have_text(
        "Rood is net door een ander apparaat gekozen. Kies opnieuw."
    )
    assert page.locator("button.pick").all_text_contents() == ["Blauw"]
    # the session was resumed with a new join code: the old page's team is gone
    fake.code_ok = False
    page.reload()
    expect(page.get_by_role("alert").filter(has_text="Dit adres")).to_have_text(
        "Dit adres werkt niet (meer). Scan de QR-code opnieuw of vraag de begeleider om het adres."
    )


FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName, type: el.type || '', name: el.labels && el.labels[0]
    ? el.labels[0].textContent : el.textContent, outline: style.outlineStyle,
    width: parseFloat(style.outlineWidth)};
}"""


def test_a_team_chooses_with_the_keyboard_alone_and_always_sees_the_focus(
    browser: Browser,
) -> None:
    from playwright.sync_api import expect

    fake = FakeLive(choosing_state(["Rood", "Blauw"]))
    page = joined_page(browser, fake)
    seen = []
    for _ in range(40):  # Tab from the top of the page to the first step of the axis
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if focused["type"] == "radio":
            break
    assert all(f["outline"] != "none" and f["width"] >= 2 for f in seen), seen
    assert seen[-1]["name"] == "helemaal Professionele opvatting"
    page.keyboard.press("ArrowDown")  # the next step, as in any radio group
    page.keyboard.press("Tab")  # the options
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the search box
    assert page.evaluate(FOCUSED)["type"] == "search"
    page.keyboard.type("open")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["name"] == "◀ Openheid: naar Professionele opvatting"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the box toward the other pole, to the rationale
    page.keyboard.type("Met het toetsenbord.")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert (focused["tag"], focused["name"]) == ("BUTTON", "Keuze vastleggen")
    assert focused["outline"] == "solid" and focused["width"] >= 2
    page.keyboard.press("Enter")
    expect(page.locator(".choice-form .outcome")).to_contain_text("✓ Jullie keuze is vastgelegd.")
    [(_, body)] = fake.posts
    assert (body["stance"], body["option"], body["values"]) == (
        -1,
        "A",
        {"a": ["openheid"], "b": []},
    )
    assert body["rationale"] == "Met het toetsenbord."
