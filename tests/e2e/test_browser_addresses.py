"""Every step has its own address, in a real browser (Debian's Chromium via Playwright): Back and
reload mid-interview reach the same question with no form sent again, a result opened from its
address (a bookmark) is the same result, and the summary for the doctor prints on one or two A4 pages.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from test_browser import EMERGENCY_TEXT, SELF_CARE_TEXT, answer_all, answer_one, axe_violations, describe

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Request

pytestmark = pytest.mark.e2e

#: what the summary for the doctor may take on paper
MAX_PAGES = 2
#: a longer description: more findings, more answers, more to print
LONG_TEXT = (
    "My lower back went into spasm this morning when I bent to pick up my kid and I can barely move. "
    "The pain goes down my left leg to the knee. I am 52, I had a similar episode two years ago, "
    "I sit at a desk all day and I take ibuprofen but it does not help. The pain is 8/10."
)


def question_id(page: Page) -> str:
    return page.locator("form[data-question]").get_attribute("data-question") or ""


def open_summary(page: Page, base_url: str) -> None:
    """Follow the result page's link to the summary for the doctor."""
    link = page.get_by_role("link", name="A summary for your doctor")
    assert link.count() == 1, page.locator("main").inner_text()[:500]
    page.goto(base_url + (link.get_attribute("href") or ""))


def test_back_and_reload_mid_interview_reach_the_same_question_without_sending_a_form(
    page: Page, base_url: str
) -> None:
    describe(page, base_url, SELF_CARE_TEXT)
    first = question_id(page)
    answer_one(page)
    second, second_url = question_id(page), page.url
    assert second and second != first, "the case needs two questions"
    answer_one(page)
    assert page.url != second_url
    sent: list[Request] = []

    def record(request: Request) -> None:
        sent.append(request)

    page.on("request", record)
    page.go_back()
    assert page.url == second_url and question_id(page) == second
    page.reload()
    assert page.url == second_url and question_id(page) == second
    page.go_back()
    assert question_id(page) == first
    assert [r.method for r in sent if r.resource_type == "document"] == ["GET", "GET", "GET"]
    # and the interview goes on from there
    answer_one(page)
    assert question_id(page) == second


def test_a_result_opened_from_its_address_is_the_same_result(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    describe(page, base_url, SELF_CARE_TEXT)
    answer_all(page)
    result_url, result_text = page.url, page.locator("main").inner_text()
    assert re.fullmatch(re.escape(base_url) + r"/interview/[A-Za-z0-9_-]{22}", result_url)
    bookmark = context.new_page()
    bookmark.goto(result_url)
    assert bookmark.locator("main").inner_text() == result_text
    bookmark.reload()
    assert bookmark.locator("main").inner_text() == result_text


@pytest.mark.parametrize(
    "text", [SELF_CARE_TEXT, EMERGENCY_TEXT, LONG_TEXT], ids=["self-care", "emergency", "long"]
)
def test_the_summary_for_the_doctor_prints_on_at_most_two_a4_pages(
    page: Page, base_url: str, text: str
) -> None:
    describe(page, base_url, text)
    answer_all(page)
    open_summary(page, base_url)
    assert page.get_by_role("heading", name="Summary for your doctor").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible() and not page.locator("form").first.is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert 1 <= pages <= MAX_PAGES, f"the summary takes {pages} A4 pages"


def test_axe_finds_no_problem_on_the_summary_for_the_doctor(
    page: Page, base_url: str, axe_script: str
) -> None:
    describe(page, base_url, EMERGENCY_TEXT)
    answer_all(page)
    open_summary(page, base_url)
    found = [f"{v['id']} ({v['impact']}): {v['help']}" for v in axe_violations(page, axe_script)]
    assert found == []
