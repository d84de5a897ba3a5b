"""A one-of-several question in a real browser at phone width: radio buttons in a fieldset whose legend
is the question, picked and sent by keyboard alone and without JavaScript, with no axe-core problem.

The screenshot goes to tests/e2e/screenshots/ (ignored by git).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_browser import MAX_STEPS, answer_one, axe_violations, describe, on_question

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

SCIATICA = "Pain is shooting down my leg from my lower back for a week, I am 41"
QUESTION = "Do you feel the pain, tingling, numbness or weakness in one leg or in both legs?"


def reach_the_choice(page: Page, base_url: str) -> None:
    """Describe sciatica and answer 'No' (or a number) until the one-leg-or-both question."""
    describe(page, base_url, SCIATICA)
    for _ in range(MAX_STEPS):
        assert on_question(page), "the interview ended before asking about one leg or both"
        if page.locator("form[data-question=leg_sides]").count():
            return
        answer_one(page)
    raise AssertionError("the one-leg-or-both question was not asked")


def test_the_choice_question_at_phone_width_is_a_group_of_radio_buttons_with_no_axe_problem(
    page: Page, base_url: str, axe_script: str, screenshots: Path, phone: dict[str, int]
) -> None:
    reach_the_choice(page, base_url)
    group = page.get_by_role("group", name=QUESTION)
    assert group.is_visible()
    assert [r.inner_text().strip() for r in group.locator("label.choice").all()] == [
        "In one leg only",
        "In both legs",
    ]
    for name in ("In one leg only", "In both legs"):
        radio = page.get_by_role("radio", name=name)
        box = radio.locator("xpath=..").bounding_box()  # the whole label is the tap target
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= phone["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= phone["width"]
    assert axe_violations(page, axe_script) == []
    page.get_by_role("radio", name="In both legs").check()
    page.screenshot(path=str(screenshots / "choice_question.png"))
    page.screenshot(path=str(screenshots / "choice_question_full.png"), full_page=True)


def test_a_choice_is_picked_and_sent_by_keyboard_alone(page: Page, base_url: str) -> None:
    reach_the_choice(page, base_url)
    page.get_by_role("radio", name="In one leg only").focus()
    page.keyboard.press("ArrowDown")  # the arrow keys move through the group
    assert page.get_by_role("radio", name="In both legs").is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a radio group sends the form with its first button, Next
    for _ in range(MAX_STEPS):
        if not on_question(page):
            break
        answer_one(page)
    assert (
        page.locator("h1")
        .inner_text()
        .startswith(("Go to an emergency department now", "Go to the emergency department now"))
    )


def test_a_choice_is_sent_without_javascript_and_nothing_picked_is_explained(
    browser: Browser, base_url: str, phone: dict[str, int]
) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport=phone)
    try:
        page = ctx.new_page()
        reach_the_choice(page, base_url)
        page.get_by_role("radio", name="In one leg only").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Next").click()
        assert not page.locator("form[data-question=leg_sides]").count()
        with page.expect_navigation():
            page.get_by_role("button", name="Back to the last question").click()
        assert page.locator("form[data-question=leg_sides]").count()
        # the browser itself refuses Next with nothing picked (required); Not sure needs no pick
        page.get_by_role("button", name="Next").click()
        assert page.locator("form[data-question=leg_sides]").count()
        with page.expect_navigation():
            page.get_by_role("button", name="Not sure").click()
        assert page.get_by_text("We are asking this again in other words").is_visible()
        assert page.get_by_role("radio").count() == 2
    finally:
        ctx.close()
