"""Every form that posts is refused without its form token (403, in plain words), and every form on
the account and diary pages carries one."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

import pytest
from account_helpers import all_routes, browser, page_sign_up
from web_helpers import hidden_field

if TYPE_CHECKING:
    from fastapi import FastAPI

#: every page route that takes a form, with fields that would otherwise be used
FORMS = {
    "/account/signup": {"username": "forged-person", "password": "a long and memorable password"},
    "/account/login": {"username": "forged-person", "password": "a long and memorable password"},
    "/account/logout": {},
    "/account/delete": {"password": "a long and memorable password"},
    "/diary/entries": {"pain_now": "3", "pain_worst": "4"},
    "/diary/entries/1/delete": {},
    "/diary/keep": {"key": "A" * 22},
    "/diary/scores": {"questionnaire": "rmdq", "a_stay_home": "ticked"},
    "/diary/scores/1/delete": {},
    "/interview": {"text": "My lower back hurts."},
    "/interview/" + "A" * 22 + "/answer": {"answer": "no"},
}


def page_post_routes(app: FastAPI) -> set[str]:
    """The paths of the pages' POST routes (not the JSON API's), with ``{…}`` parameters filled in."""
    return {path for path, methods in all_routes(app) if "POST" in methods and not path.startswith("/api/")}


def test_the_list_of_forms_covers_every_page_that_takes_one(app: FastAPI) -> None:
    listed = {re.sub(r"/(\d+|A{22})(?=/|$)", "/{}", path) for path in FORMS}
    routes = {re.sub(r"\{[^}]+\}", "{}", path) for path in page_post_routes(app)}
    assert len(routes) >= len(FORMS)
    assert routes - {"/questionnaires/{}"} <= listed, "add the new form to FORMS"


@pytest.mark.parametrize("path", sorted(FORMS))
def test_a_form_posted_without_its_token_is_refused(app: FastAPI, path: str) -> None:
    with browser(app) as client:
        page_sign_up(client)  # signed in, with a form cookie: only the token is missing
        reply = client.post(path, data=FORMS[path])
        assert reply.status_code == 403, reply.text
        assert "did not come from lumbar's own page" in unescape(reply.text)
        wrong = client.post(path, data={**FORMS[path], "csrf_token": "0" * 64})
        assert wrong.status_code == 403


@pytest.mark.parametrize("page", ["/account/signup", "/account/login", "/diary", "/account/delete"])
def test_every_form_on_the_account_and_diary_pages_carries_a_token(app: FastAPI, page: str) -> None:
    with browser(app) as client:
        if page in ("/diary", "/account/delete"):
            page_sign_up(client)
        html = client.get(page).text
        forms = re.findall(r'<form method="post".*?</form>', html, flags=re.S)
        assert forms and all(hidden_field(form, "csrf_token") for form in forms)
