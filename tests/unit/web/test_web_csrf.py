"""Cross-site request forgery: unsafe requests from another site are refused by their Origin (or
Referer), every form that posts carries a token bound to the browser's cookie, and scripts that
send no Origin still use the JSON API."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from web_helpers import SELF_CARE_TEXT, client_class, hidden_field, page_interview, post_form

from lumbar.web.csrf import COOKIE_NAME, FormTokens, host_authority, new_cookie, origin_authority

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

TEXT = {"text": SELF_CARE_TEXT}


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A client with a cookie jar of its own, like a new browser."""
    with client_class()(app) as client:
        yield client


# --- the Origin check ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "authority"),
    [
        ("http://testserver", "testserver"),
        ("https://Clinic.Local:443", "clinic.local"),
        ("http://127.0.0.1:8000/interview?x=1", "127.0.0.1:8000"),
        ("http://[::1]:8000", "::1:8000"),
        ("null", None),
        ("file:///tmp/x.html", None),
        ("http://x:notaport", None),
    ],
)
def test_the_place_an_origin_names(url: str, authority: str | None) -> None:
    assert origin_authority(url) == authority


def test_the_place_a_host_header_names() -> None:
    assert host_authority("testserver:80") == host_authority("testserver") == "testserver"
    assert host_authority("[::1]:8000") == origin_authority("http://[::1]:8000")


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://testserver:8080"},
        {"origin": "https://testserver.evil.example"},
        {"referer": "http://evil.example/page.html"},
    ],
)
def test_a_post_from_another_site_is_a_403(client: TestClient, headers: dict[str, str]) -> None:
    reply = client.post("/api/assess", json=TEXT, headers=headers)
    assert reply.status_code == 403
    error = reply.json()["error"]
    assert error["code"] == "cross_origin" and "another site" in error["message"]
    assert ("Origin" if "origin" in headers else "Referer") in error["message"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/assess", "/api/knowledge", "/interview", "/"])
def test_every_unsafe_method_on_any_route_is_checked(client: TestClient, method: str, path: str) -> None:
    reply = client.request(method, path, headers={"origin": "http://evil.example"})
    assert reply.status_code == 403


def test_a_cross_site_form_post_gets_a_page(client: TestClient) -> None:
    reply = post_form(client, "/interview", TEXT)
    assert reply.status_code == 200
    reply = client.post("/interview", data=TEXT, headers={"origin": "http://evil.example"})
    assert reply.status_code == 403 and reply.headers["content-type"].startswith("text/html")
    assert "another site" in reply.text


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a script: no Origin, no Referer
        {"origin": "http://testserver"},
        {"origin": "http://TESTSERVER:80"},
        {"referer": "http://testserver/ask?q=x"},
        {"origin": "http://testserver", "referer": "http://evil.example/"},  # Origin decides
    ],
)
def test_a_post_from_this_site_or_a_script_is_served(client: TestClient, headers: dict[str, str]) -> None:
    assert client.post("/api/assess", json=TEXT, headers=headers).status_code == 200


def test_safe_methods_are_not_checked(client: TestClient) -> None:
    assert client.get("/api/knowledge", headers={"origin": "http://evil.example"}).status_code == 200


def test_the_referrer_policy_lets_the_pages_own_posts_carry_their_origin(client: TestClient) -> None:
    # Under "no-referrer" a browser sends "Origin: null" with a page's own form posts.
    page = client.get("/")
    assert page.headers["referrer-policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in page.text


# --- form tokens ---------------------------------------------------------------------------------


def test_the_first_page_sets_the_cookie_and_carries_its_token(browser: TestClient, app: FastAPI) -> None:
    page = browser.get("/")
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain http on a clinic network: a Secure cookie would not come back
    token = hidden_field(page.text, "csrf_token")
    assert app.state.form_tokens.is_valid(browser.cookies[COOKIE_NAME], token)
    again = browser.get("/")
    assert "set-cookie" not in again.headers and hidden_field(again.text, "csrf_token") == token


def test_over_https_the_cookie_is_secure(app: FastAPI) -> None:
    with client_class()(app, base_url="https://testserver") as client:
        assert "Secure" in client.get("/").headers["set-cookie"]


def test_a_form_without_its_token_is_a_403_page(browser: TestClient) -> None:
    browser.get("/")
    reply = browser.post("/interview", data=TEXT)
    assert reply.status_code == 403 and reply.headers["content-type"].startswith("text/html")
    assert "form has expired or did not come from lumbar" in reply.text


def test_a_token_made_for_another_browsers_cookie_is_refused(browser: TestClient, client: TestClient) -> None:
    browser.get("/")
    others = hidden_field(client.get("/").text, "csrf_token")
    assert browser.post("/interview", data={**TEXT, "csrf_token": others}).status_code == 403


def test_a_token_without_its_cookie_is_refused(browser: TestClient) -> None:
    token = hidden_field(browser.get("/").text, "csrf_token")
    browser.cookies.clear()
    assert browser.post("/interview", data={**TEXT, "csrf_token": token}).status_code == 403


def test_a_form_with_its_token_is_served_through_a_whole_interview(browser: TestClient) -> None:
    html, answered = page_interview(browser, SELF_CARE_TEXT)
    assert answered >= 1 and "Your safety-net" in html


def test_tokens_are_bound_to_the_secret() -> None:
    cookie = new_cookie()
    one, two = FormTokens("a" * 32), FormTokens("b" * 32)
    assert one.is_valid(cookie, one.token_for(cookie))
    assert not two.is_valid(cookie, one.token_for(cookie))
    assert not one.is_valid("not a cookie we made", one.token_for("not a cookie we made"))


def test_every_form_that_posts_carries_the_token() -> None:
    templates = resources.files("lumbar.web") / "templates"
    posting = 0
    for template in templates.iterdir():
        if not template.name.endswith(".html"):
            continue
        for form in re.findall(r"<form\b[^>]*>.*?</form>", template.read_text(encoding="utf-8"), re.S):
            if re.search(r'method="post"', form, re.I):
                posting += 1
                assert 'name="csrf_token" value="{{ csrf_token }}"' in form, template.name
    assert posting >= 3


def test_every_rendered_form_that_posts_has_a_token(browser: TestClient) -> None:
    pages = [browser.get("/").text, post_form(browser, "/interview", TEXT).text]
    pages.append(page_interview(browser, SELF_CARE_TEXT)[0])
    for html in pages:
        forms = re.findall(r'<form method="post".*?</form>', html, re.S)
        assert forms
        for form in forms:
            assert re.search(r'name="csrf_token" value="[0-9a-f]{64}"', form)
