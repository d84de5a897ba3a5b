"""Questionnaire scores in the diary, in a real browser at phone width: a signed-in person fills in
Roland-Morris on two days two weeks apart (the server's clock is moved between them) and keeps both;
the diary page lists both with the change, and its plot has the Roland-Morris panel; axe-core finds no
problem, and the plot is drawn under the site's own Content-Security-Policy. The screenshot goes to
tests/e2e/screenshots/ (ignored by git)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_server import TODAY, served
from PIL import Image
from test_browser import axe_violations
from test_browser_diary import fits_the_phone, sign_up, write_day

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

LATER = TODAY + timedelta(days=14)
#: the Roland-Morris sentences ticked on the first day (6) and two weeks later (2)
FIRST_TICKS = (1, 2, 3, 6, 9, 13)
LATER_TICKS = (2, 13)


@pytest.fixture(scope="module")
def clock() -> list[date]:
    """The server's today, which a test may move on."""
    return [TODAY]


@pytest.fixture(scope="module")
def clocked_url(tmp_path_factory: pytest.TempPathFactory, clock: list[date]) -> Iterator[str]:
    """A server of its own whose clock is ``clock``."""
    with served(tmp_path_factory.mktemp("lumbar-e2e-scores-home"), lambda: clock[0]) as url:
        yield url


def fill_rmdq(page: Page, base_url: str, ticks: tuple[int, ...]) -> None:
    """Fill in Roland-Morris page by page, ticking the sentences numbered ``ticks``; ends on the result."""
    page.goto(base_url + "/questionnaires/rmdq")
    while page.get_by_role("heading", name="Your Roland-Morris result").count() == 0:
        for box in page.locator('input[type="checkbox"]').all():
            label = page.locator(f'label[for="{box.get_attribute("id")}"] .item-number').inner_text()
            if int(label.rstrip(".")) in ticks:
                box.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Next").or_(
                page.get_by_role("button", name="See my result")
            ).click()


def test_two_roland_morris_scores_are_kept_listed_and_plotted(
    browser: Browser,
    page: Page,
    phone: dict[str, int],
    clocked_url: str,
    clock: list[date],
    axe_script: str,
    screenshots: Path,
) -> None:
    page.goto(clocked_url + "/account/signup")
    sign_up(page)
    write_day(page, TODAY.isoformat(), 7, 8)
    fill_rmdq(page, clocked_url, FIRST_TICKS)
    assert page.get_by_text("6 out of 24").first.is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Keep this score in my diary").click()
    clock[0] = LATER
    page.goto(clocked_url + "/diary")
    write_day(page, LATER.isoformat(), 3, 4)
    fill_rmdq(page, clocked_url, LATER_TICKS)
    with page.expect_navigation():
        page.get_by_role("button", name="Keep this score in my diary").click()

    scores = page.locator("section", has=page.get_by_role("heading", name="Questionnaire scores"))
    assert scores.get_by_role(
        "link", name="2 March 2026: Roland-Morris Disability Questionnaire"
    ).is_visible()
    assert scores.get_by_role(
        "link", name="16 March 2026: Roland-Morris Disability Questionnaire"
    ).is_visible()
    assert "big enough to be a real improvement" in scores.inner_text()
    plot = page.locator("section svg")
    assert plot.count() == 1 and plot.locator("#scores-rmdq").count() == 1
    assert "Roland-Morris went from 6 to 2 out of 24" in (plot.locator("desc").text_content() or "")
    assert plot.bounding_box()["width"] <= page.viewport_size["width"] and fits_the_phone(page)
    assert axe_violations(page, axe_script) == []
    page.screenshot(path=str(screenshots / "diary-scores-phone.png"), full_page=True)
    # the page fixture bypasses the site's Content-Security-Policy (to inject axe); under it, the plot
    # must still be drawn, not a black box
    strict = browser.new_context(viewport=phone, storage_state=page.context.storage_state())
    try:
        shown = strict.new_page()
        shown.goto(clocked_url + "/diary")
        drawn = Image.open(io.BytesIO(shown.locator("section svg").screenshot())).convert("RGB")
        assert drawn.getpixel((3, 3)) == (255, 255, 255)
    finally:
        strict.close()
