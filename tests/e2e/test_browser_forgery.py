"""Cross-site request forgery in a real browser (Debian's Chromium via Playwright): a form on
another site that posts to lumbar is refused by its Origin. (That lumbar's own forms pass, with
their token, is what every interview in test_browser.py shows.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

pytestmark = pytest.mark.e2e

OTHER_SITE = "http://other-site.example"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def _other_site(base_url: str, action: str, field: str) -> str:
    """A page on another site with a form that posts to lumbar as soon as it is opened."""
    return (
        f'<!doctype html><title>other</title><form id="f" method="post" action="{base_url}{action}">'
        f'<input name="{field}" value="back pain"></form><script>document.getElementById("f").submit()</script>'
    )


@pytest.mark.parametrize(("action", "field"), [("/interview", "text"), ("/api/assess", "text")])
def test_a_form_on_another_site_cannot_post_to_lumbar(
    context: BrowserContext, base_url: str, action: str, field: str
) -> None:
    page: Page = context.new_page()
    page.goto(base_url + "/")  # the browser has lumbar's cookie, as a person using it would

    def serve_other_site(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=_other_site(base_url, action, field))

    page.route(f"{OTHER_SITE}/**", serve_other_site)
    with page.expect_navigation(url=f"{base_url}{action}"):
        page.goto(f"{OTHER_SITE}/")
    assert "came from another site" in page.content()
