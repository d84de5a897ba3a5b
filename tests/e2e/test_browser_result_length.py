"""A self-care result read on a phone (issue 13): its action, first steps and safety-net within the
first 3 screens, at most 6 screens before any disclosure is opened, every emergency sign in sight
(everyone's and the person's own in full, those for a group the person is in named on their fold)
and every less urgent sign one tap away, also without JavaScript.

Heights are ratios of the page's layout to the phone's screen (390×844), never timings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from test_browser import answer_all, describe

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

#: ordinary self-care stories in our own words (not the scored vignettes)
SELF_CARE_TEXTS = [
    "I pulled my back lifting a heavy box yesterday. It is a cramp in my lower back. I am 35.",
    "My lower back keeps cramping after sitting at my desk all day. I am 42.",
    "Back spasm since this morning after gardening, I'm 28, no other problems.",
    "I'm 70 and my lower back seized up after digging the garden yesterday. It is easing a little.",
]
OLDER = SELF_CARE_TEXTS[-1]
MAX_SCREENS = 6
NET_WITHIN_SCREENS = 3
SCREENS = """() => {
  const top = selector => (document.querySelector(selector).getBoundingClientRect().top + scrollY) / innerHeight;
  return {
    action: top('section.level'),
    first_steps: top('#now-title'),
    safety_net: top('section.safety-net'),
    whole: document.documentElement.scrollHeight / innerHeight,
    open: document.querySelectorAll('details[open]').length,
  };
}"""


@pytest.mark.parametrize("text", SELF_CARE_TEXTS)
def test_a_self_care_result_fits_a_few_phone_screens(page: Page, base_url: str, text: str) -> None:
    describe(page, base_url, text)
    answer_all(page)
    assert page.locator("h1").inner_text() == "You can look after this at home"
    screens = page.evaluate(SCREENS)
    assert screens["open"] == 0
    assert screens["action"] < screens["first_steps"] < screens["safety_net"] < NET_WITHIN_SCREENS, screens
    assert screens["whole"] <= MAX_SCREENS, screens


@pytest.mark.parametrize("text", [SELF_CARE_TEXTS[0], OLDER])
def test_every_emergency_sign_is_in_sight_and_the_others_open_without_javascript(
    browser: Browser, base_url: str, phone: dict[str, int], text: str
) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport=phone)
    try:
        page = ctx.new_page()
        describe(page, base_url, text)
        answer_all(page)
        net = page.locator("section.safety-net")
        headings = net.locator("h3").all_inner_texts()
        assert headings[:2] == [
            "Call an ambulance now if you get:",
            "Go to an emergency department now if you get:",
        ]
        # the lists in sight are not inside any disclosure, and every one of their lines is visible
        shown = net.locator(":scope > ul > li")
        assert shown.count() > 0
        assert all(line.is_visible() for line in shown.all())
        folded = net.locator("details.net-more")
        assert folded.count() >= 1
        # an emergency group's fold names its signs where they can be read without a tap
        ambulance = net.locator("h3:text-is('Call an ambulance now if you get:') + ul + details.net-more")
        if text == OLDER:
            summary = ambulance.locator("summary")
            assert summary.is_visible() and summary.inner_text().startswith("Also: ")
            assert "aortic aneurysm" in summary.inner_text()  # a sign of the over-50s, named
        for part in folded.all():
            assert not part.locator("li").first.is_visible()
            part.locator("summary").click()
            assert all(line.is_visible() for line in part.locator("li").all())
    finally:
        ctx.close()
