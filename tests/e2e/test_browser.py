"""The web page in a real browser (Debian's Chromium via Playwright): whole interviews for a
self-care case and an emergency, keyboard use, no JavaScript, and axe-core on every kind of page.

Screenshots go to tests/e2e/screenshots/ (ignored by git).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

SELF_CARE_TEXT = "I pulled my back lifting a heavy box yesterday. It is a cramp in my lower back. I am 35."
EMERGENCY_TEXT = (
    "My lower back went into spasm after lifting. Since this morning I cannot feel the toilet paper when "
    "I wipe and I am numb between my legs."
)
NUMBERS = {"age": 35, "pain_score": 5, "duration_days": 1, "temperature_c": 36.8, "pregnancy_weeks": 20}
MAX_STEPS = 40
#: axe-core rule sets: WCAG 2.1 A and AA, and best practice
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def describe(page: Page, base_url: str, text: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("What is happening with your back?").fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name="Start").click()


def on_question(page: Page) -> bool:
    return page.locator("form[data-question]").count() > 0


def answer_one(page: Page, answer: str = "No") -> None:
    """Answer the question on the page: ``answer``, an ordinary number, or the first choice."""
    number = page.locator("input[name=number]")
    choices = page.get_by_role("radio")
    with page.expect_navigation():
        if number.count():
            question = page.locator("form[data-question]").get_attribute("data-question") or ""
            number.fill(str(NUMBERS.get(question, 1)))
            page.get_by_role("button", name="Next").click()
        elif choices.count():
            choices.first.check()
            page.get_by_role("button", name="Next").click()
        else:
            page.get_by_role("button", name=answer, exact=True).click()


def answer_all(page: Page, answer: str = "No") -> int:
    """Answer every question ('No', or an ordinary number) until the result page; how many were asked."""
    for asked in range(MAX_STEPS):
        if not on_question(page):
            return asked
        assert page.get_by_text("Why we ask:").is_visible()
        answer_one(page, answer)
    raise AssertionError(f"the interview did not end within {MAX_STEPS} answers")


def axe_violations(page: Page, axe_script: str) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now."""
    page.add_script_tag(content=axe_script)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return list(result["violations"])


def test_a_self_care_interview_from_start_to_plan(page: Page, base_url: str, screenshots: Path) -> None:
    describe(page, base_url, SELF_CARE_TEXT)
    assert on_question(page)
    assert page.locator("progress").is_visible()
    asked = answer_all(page)
    assert asked >= 1
    assert page.locator("h1").inner_text() == "You can look after this at home"
    for heading in ("What to do now", "Your safety-net: when to get help", "Why", "What may be causing it"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    # the rest folds away and opens without a script: the later plan sections under one disclosure
    for section in ("More things you can do", "If you see a doctor", "Sources"):
        assert page.locator(f"summary:text-is('{section}')").count() == 1, section
    later = page.locator("details", has=page.locator("summary:text-is('More things you can do')"))
    within = later.get_by_role("heading", name="The next 48 hours")
    assert not within.is_visible()
    later.locator("summary:text-is('More things you can do')").click()
    assert within.is_visible() and later.get_by_role("heading", name="The next two weeks").is_visible()
    page.screenshot(path=str(screenshots / "self_care_result.png"), full_page=True)
    page.screenshot(path=str(screenshots / "self_care_result_top.png"))


def test_an_emergency_shows_what_to_do_first_by_keyboard_alone(
    page: Page, base_url: str, screenshots: Path, phone: dict[str, int]
) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    while page.evaluate("document.activeElement.id") != "text":
        page.keyboard.press("Tab")
    page.keyboard.type(EMERGENCY_TEXT)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Start"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(MAX_STEPS):
        if not on_question(page):
            break
        page.get_by_role("button", name="No", exact=True).focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    title = page.locator("h1").inner_text()
    assert title.startswith(
        ("Go to an emergency department now", "Go to the emergency department now", "Call an ambulance now")
    )
    alarm = page.locator("section.level")
    box = alarm.bounding_box()
    assert box is not None and box["y"] < phone["height"] / 2, "the alarm is not at the top of the page"
    # the action, said once in the title, with a tap-to-call link, before anything else
    assert "now" in title.lower()
    call = alarm.locator("a.call")
    assert call.is_visible() and (call.get_attribute("href") or "").startswith("tel:")
    causes = page.get_by_role("heading", name="What may be causing it").bounding_box()
    assert causes is not None and causes["y"] > box["y"] + box["height"]
    page.screenshot(path=str(screenshots / "emergency_result.png"))


def test_the_interview_works_without_javascript(
    browser: Browser, base_url: str, phone: dict[str, int]
) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport=phone)
    try:
        page = ctx.new_page()
        describe(page, base_url, SELF_CARE_TEXT)
        first = page.locator("h1").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Not sure").click()
        if on_question(page):
            with page.expect_navigation():
                page.get_by_role("button", name="Back to the last question").click()
            assert page.locator("h1").inner_text() == first
        answer_all(page)
        assert page.get_by_role("heading", name="What to do now").is_visible()
    finally:
        ctx.close()


def test_a_changed_interview_address_gives_a_clear_error_page(page: Page, base_url: str) -> None:
    describe(page, base_url, SELF_CARE_TEXT)
    page.goto(page.url[:-2] + ("AB" if not page.url.endswith("AB") else "BA"))
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.get_by_role("alert").inner_text().startswith("This interview address is not known here")
    page.get_by_role("link", name="Start again").click()
    assert page.get_by_label("What is happening with your back?").is_visible()


def test_axe_finds_no_problem_on_any_page(page: Page, base_url: str, axe_script: str) -> None:
    checked: dict[str, list[dict[str, Any]]] = {}

    def check(name: str) -> None:
        checked[name] = axe_violations(page, axe_script)

    page.goto(base_url + "/")
    check("start")
    describe(page, base_url, SELF_CARE_TEXT)
    check("question")
    answer_all(page)
    check("self-care result")
    for summary in page.locator("details > summary").all():
        summary.click()
    check("self-care result, every part opened")
    describe(page, base_url, EMERGENCY_TEXT)
    answer_all(page)
    check("emergency result")
    for path in (
        "/learn",
        "/learn/causes/herniated_disc",
        "/learn/tests/mri_lumbar",
        "/ask?q=How+long+do+back+spasms+last%3F",
        "/docs",
        "/nowhere",
    ):
        page.goto(base_url + path)
        check(path)
    found = {
        name: [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)" for v in violations]
        for name, violations in checked.items()
    }
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_axe_catches_a_planted_problem(page: Page, base_url: str, axe_script: str) -> None:
    page.goto(base_url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input name=\"planted\">')"
    )
    found = {v["id"]: v["impact"] for v in axe_violations(page, axe_script)}
    assert found.get("label") == "critical"
