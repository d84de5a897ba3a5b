"""Questionnaires in a real browser at phone width, without JavaScript: a person fills STarT Back and
Roland-Morris screen by screen and reads the result; axe-core finds no problem on these pages.

Screenshots go to tests/e2e/screenshots/ (ignored by git).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader
from test_browser import AXE_TAGS, SELF_CARE_TEXT, answer_all, describe

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.e2e

#: STarT Back answers, screen by screen, that put someone in the high-risk group (total 7, subscale 5)
HIGH = [
    ["Agree", "Disagree", "Agree"],
    ["Disagree", "Agree", "Agree"],
    ["Agree", "Agree", "Very much"],
]


@pytest.fixture
def no_js(browser: Browser, phone: dict[str, int]) -> Any:
    ctx: BrowserContext = browser.new_context(java_script_enabled=False, viewport=phone)
    yield ctx.new_page()
    ctx.close()


def axe_violations(page: Page, axe_script: str) -> list[str]:
    page.add_script_tag(content=axe_script)
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in found["violations"]]


def next_screen(page: Page) -> None:
    button = page.get_by_role("button", name="Next").or_(page.get_by_role("button", name="See my result"))
    with page.expect_navigation():
        button.click()


def fill_start_back(page: Page, base_url: str) -> None:
    page.goto(base_url + "/questionnaires/start_back")
    for screen in HIGH:
        groups = page.locator("fieldset.item")
        assert groups.count() == len(screen)
        for index, answer in enumerate(screen):
            groups.nth(index).get_by_label(answer, exact=True).check()
        next_screen(page)


def test_start_back_by_phone_without_javascript(no_js: Page, base_url: str, screenshots: Path) -> None:
    fill_start_back(no_js, base_url)
    assert no_js.get_by_text("Your group: high risk.").is_visible()
    assert no_js.get_by_text("7 out of 9").is_visible()
    assert no_js.get_by_role("heading", name="What this changes in your plan").is_visible()
    assert no_js.evaluate("document.documentElement.scrollWidth") <= 390
    no_js.screenshot(path=str(screenshots / "start_back_result.png"), full_page=True)


def test_roland_morris_by_phone_without_javascript(no_js: Page, base_url: str, screenshots: Path) -> None:
    no_js.goto(base_url + "/questionnaires/rmdq")
    no_js.get_by_label("I stay at home most of the time because of my back.").check()
    no_js.get_by_label("I change position frequently to try and get my back comfortable.").check()
    for _ in range(4):
        next_screen(no_js)
    assert no_js.get_by_text("2 out of 24").is_visible()
    no_js.screenshot(path=str(screenshots / "rmdq_result.png"), full_page=True)


def test_axe_finds_no_problem_on_the_questionnaire_pages(page: Page, base_url: str, axe_script: str) -> None:
    checked: dict[str, list[str]] = {}
    for path in (
        "/questionnaires",
        "/questionnaires/start_back",
        "/questionnaires/rmdq",
        "/questionnaires/pain_nrs",
    ):
        page.goto(base_url + path)
        checked[path] = axe_violations(page, axe_script)
    fill_start_back(page, base_url)
    checked["start_back result"] = axe_violations(page, axe_script)
    assert {name: found for name, found in checked.items() if found} == {}


def test_a_result_with_start_back_and_roland_morris_goes_to_the_doctor_as_a_one_page_pdf(
    no_js: Page, base_url: str, screenshots: Path
) -> None:
    describe(no_js, base_url, SELF_CARE_TEXT)
    answer_all(no_js)
    no_js.get_by_role("link", name="Answer 9 questions about how your back affects you (STarT Back)").click()
    for screen in HIGH:
        groups = no_js.locator("fieldset.item")
        for index, answer in enumerate(screen):
            groups.nth(index).get_by_label(answer, exact=True).check()
        next_screen(no_js)
    no_js.get_by_role("link", name="Roland-Morris Disability Questionnaire").click()
    no_js.get_by_label("I stay at home most of the time because of my back.").check()
    for _ in range(4):
        next_screen(no_js)
    assert no_js.get_by_text("1 out of 24").is_visible()
    no_js.get_by_role("link", name="Back to your result: see your plan with this score").click()
    assert no_js.get_by_text("Your plan above uses your STarT Back group").is_visible()
    no_js.get_by_role("link", name="A summary for your doctor", exact=False).first.click()
    summary = no_js.locator("main").inner_text()
    assert "STarT Back" in summary and "Roland-Morris" in summary
    with no_js.expect_download() as download:
        no_js.get_by_role("link", name="Download as PDF (A4)").click()
    pdf = Path(download.value.path())
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = PdfReader(pdf).pages
    assert len(pages) == 1 and "STarT Back" in pages[0].extract_text()
    no_js.screenshot(path=str(screenshots / "summary_with_scores.png"), full_page=True)
