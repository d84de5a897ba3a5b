"""Accounts and the diary in a real browser at phone width: a result saved into a new diary, days
written without JavaScript, a warning sign in a note shown first, and axe-core on every account and
diary page. Screenshots go to tests/e2e/screenshots/ (ignored by git)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from test_browser import EMERGENCY_TEXT, SELF_CARE_TEXT, answer_all, axe_violations, describe

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

PASSWORD = "a long and memorable password"
_numbers = itertools.count(1)


def sign_up(page: Page) -> str:
    """Fill in and send the sign-up form on the page; the username used."""
    name = f"browser-{next(_numbers)}"
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Make my account").click()
    return name


def write_day(page: Page, day: str, pain_now: int, pain_worst: int, notes: str = "") -> None:
    """Fill in and send the diary's form for one day."""
    page.get_by_label("Day", exact=True).fill(day)
    page.get_by_label("Pain now (0 to 10)").fill(str(pain_now))
    page.get_by_label("Pain at its worst today (0 to 10)").fill(str(pain_worst))
    page.get_by_label("Notes", exact=True).fill(notes)
    with page.expect_navigation():
        page.get_by_role("button", name="Save today").click()


def fits_the_phone(page: Page) -> bool:
    """True when nothing on the page is wider than the screen (no sideways scrolling)."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_result_goes_into_a_new_diary_and_days_are_written_without_javascript(
    browser: Browser, base_url: str, phone: dict[str, int], screenshots: Path
) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport=phone)
    try:
        page = ctx.new_page()
        describe(page, base_url, SELF_CARE_TEXT)
        answer_all(page)
        with page.expect_navigation():
            page.get_by_role("button", name="Save this in my diary").click()
        assert page.get_by_text("Your result will be saved in your new diary.").is_visible()
        sign_up(page)
        assert page.get_by_role("heading", name="My diary", exact=True).is_visible()
        assert page.get_by_role("link", name="You can look after this at home").count() == 1
        write_day(page, "2026-02-28", 6, 8, "Stiff after sitting.")
        assert page.get_by_role("heading", name="Your diary, 28 February 2026").is_visible()
        page.get_by_role("link", name="Back to my diary").click()
        write_day(page, "2026-03-01", 4, 6)
        page.get_by_role("link", name="Back to my diary").click()
        assert page.get_by_role("link", name="28 February 2026").is_visible()
        page.screenshot(path=str(screenshots / "diary-phone.png"), full_page=True)
    finally:
        ctx.close()


def test_a_warning_sign_in_a_note_is_shown_first(page: Page, base_url: str) -> None:
    page.goto(base_url + "/account/signup")
    sign_up(page)
    write_day(page, "2026-03-02", 7, 9, EMERGENCY_TEXT)
    assert page.locator("h1").inner_text() == "Go to an emergency department now"
    assert page.get_by_role("alert").is_visible()


def test_axe_finds_no_problem_on_the_account_and_diary_pages(
    page: Page, base_url: str, axe_script: str
) -> None:
    checked: dict[str, list[dict[str, Any]]] = {}
    too_wide: list[str] = []

    def check(name: str) -> None:
        checked[name] = axe_violations(page, axe_script)
        if not fits_the_phone(page):
            too_wide.append(name)

    page.goto(base_url + "/account/signup")
    check("sign up")
    page.goto(base_url + "/account/login")
    check("log in")
    page.goto(base_url + "/account/signup")
    sign_up(page)
    check("empty diary")
    write_day(page, "2026-03-01", 5, 7, "Walked for ten minutes.")
    check("a day")
    page.get_by_role("link", name="Back to my diary").click()
    check("diary with a day")
    page.get_by_role("button", name="Save today").click()  # the browser stops an empty form
    page.get_by_label("Pain now (0 to 10)").fill("4")
    page.get_by_label("Pain at its worst today (0 to 10)").fill("2")
    with page.expect_navigation():
        page.get_by_role("button", name="Save today").click()
    assert page.get_by_role("alert").inner_text().startswith("Please check these")
    check("diary form with a problem")
    page.goto(base_url + "/account/delete")
    check("delete my data")
    page.get_by_label("Type your password to confirm").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Delete everything").click()
    check("account deleted")
    found = {
        name: [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)" for v in violations]
        for name, violations in checked.items()
    }
    assert {name: problems for name, problems in found.items() if problems} == {}
    assert too_wide == []


def two_weeks(page: Page, pains: list[int]) -> None:
    """A new account's diary: one day a pain in ``pains``, the last day being the app's today (2 March)."""
    page.goto(page.url.split("/account")[0] + "/account/signup")
    sign_up(page)
    last = date(2026, 3, 2)
    for back, pain in zip(range(len(pains) - 1, -1, -1), pains, strict=True):
        write_day(page, (last - timedelta(days=back)).isoformat(), pain, min(pain + 2, 10))
        page.get_by_role("link", name="Back to my diary").click()


def test_two_weeks_without_improvement_prompt_a_visit_and_the_plot_shows_the_days(
    page: Page, base_url: str, screenshots: Path, axe_script: str
) -> None:
    page.goto(base_url + "/account/signup")
    two_weeks(page, [6, 6, 7, 6, 6, 5, 6, 6, 6, 5, 6, 6, 5, 5, 5])  # 6 -> 5: under 2 points and 30 %
    assert page.get_by_role("heading", name="Time to book a visit").is_visible()
    plot = page.locator("section svg")
    assert plot.count() == 1 and plot.bounding_box()["width"] <= page.viewport_size["width"]
    assert "6" in plot.inner_html() and fits_the_phone(page)
    assert not axe_violations(page, axe_script)
    page.screenshot(path=str(screenshots / "diary-two-weeks-not-better.png"), full_page=True)


def test_two_weeks_of_real_improvement_prompt_nothing(page: Page, base_url: str, screenshots: Path) -> None:
    page.goto(base_url + "/account/signup")
    two_weeks(page, [7, 7, 6, 6, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2])
    assert page.get_by_role("heading", name="Time to book a visit").count() == 0
    assert page.locator("section svg").count() == 1
    page.screenshot(path=str(screenshots / "diary-two-weeks-better.png"), full_page=True)
