"""Accounts on the web: sign up, log in and out through the pages and the API; session cookie flags;
the log-in throttle; lumbar still usable without an account; a check saved into a new diary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from account_helpers import PASSWORD, browser, form_token, new_username, page_sign_up
from web_helpers import SELF_CARE_TEXT, hidden_field, make_settings, page_interview

from lumbar.web import create_app
from lumbar.web.accounts.sessions import COOKIE_NAME

if TYPE_CHECKING:
    from pathlib import Path

    from fastapi import FastAPI


def test_signing_up_on_the_page_signs_in_with_a_safe_cookie(app: FastAPI) -> None:
    with browser(app) as client:
        reply = page_sign_up(client)
        assert reply.status_code == 303 and reply.headers["location"] == "/diary"
        cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith(COOKIE_NAME))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=" in cookie
        assert "Secure" not in cookie  # served over plain http here
        assert client.get("/diary").status_code == 200


def test_the_session_cookie_is_secure_over_https(app: FastAPI) -> None:
    with browser(app) as client:
        client.base_url = client.base_url.copy_with(scheme="https")
        cookie = next(c for c in page_sign_up(client).headers.get_list("set-cookie") if COOKIE_NAME in c)
        assert "Secure" in cookie


def test_logging_out_ends_the_session(app: FastAPI) -> None:
    with browser(app) as client:
        page_sign_up(client)
        token = hidden_field(client.get("/diary").text, "csrf_token")
        assert client.post("/account/logout", data={"csrf_token": token}).headers["location"] == "/"
        assert client.get("/diary").headers["location"] == "/account/login"
        assert client.get("/api/account").status_code == 401


def test_logging_in_on_the_page_and_a_wrong_password(app: FastAPI) -> None:
    name = new_username()
    with browser(app) as client:
        page_sign_up(client, name)
    with browser(app) as client:
        fields = {"username": name, "password": "not the password", "csrf_token": form_token(client)}
        wrong = client.post("/account/login", data=fields)
        assert wrong.status_code == 401 and "do not match an account" in wrong.text
        assert 'value="' + name + '"' in wrong.text  # the username is kept, never the password
        assert "not the password" not in wrong.text
        fields["password"] = PASSWORD
        assert client.post("/account/login", data=fields).headers["location"] == "/diary"


def test_a_taken_username_and_a_short_password_say_what_to_change(app: FastAPI) -> None:
    name = new_username()
    with browser(app) as client:
        page_sign_up(client, name)
        taken = page_sign_up(client, name.upper())
        assert taken.status_code == 409 and "taken" in taken.text
        token = form_token(client, "/account/signup")
        short = client.post(
            "/account/signup", data={"username": new_username(), "password": "x", "csrf_token": token}
        )
        assert short.status_code == 422 and "at least 10 characters" in short.text


def test_the_api_signs_up_logs_in_and_out(app: FastAPI) -> None:
    name = new_username()
    with browser(app) as client:
        made = client.post("/api/account/signup", json={"username": name, "password": PASSWORD})
        assert made.status_code == 200 and made.json()["username"] == name
        assert "password_hash" not in made.text
        assert client.get("/api/account").json()["username"] == name
        assert client.post("/api/account/logout").json() == {"signed_in": False}
        assert client.get("/api/account").json()["error"]["code"] == "not_signed_in"
        wrong = client.post("/api/account/login", json={"username": name, "password": "wrong password"})
        assert wrong.status_code == 401
        assert (
            client.post("/api/account/login", json={"username": name, "password": PASSWORD}).status_code
            == 200
        )


def test_too_many_log_ins_are_refused_for_a_while(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, login_burst=3, login_per_minute=1))
    with browser(app) as client:
        body = {"username": "nobody-here", "password": "wrong password"}
        statuses = [client.post("/api/account/login", json=body).status_code for _ in range(4)]
        assert statuses == [401, 401, 401, 429]
        refused = client.post("/api/account/login", json={**body, "password": PASSWORD})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        assert "wait" in refused.json()["error"]["message"]


def test_lumbar_works_without_an_account(app: FastAPI) -> None:
    with browser(app) as client:
        client.follow_redirects = True
        result, _ = page_interview(client, SELF_CARE_TEXT)
        assert "Keep a diary of how it goes" in result
        assert COOKIE_NAME not in client.cookies


def test_a_result_is_saved_into_a_new_diary(app: FastAPI) -> None:
    with browser(app) as client:
        client.follow_redirects = True
        result, _ = page_interview(client, SELF_CARE_TEXT)
        key = hidden_field(result.split('action="/diary/keep"')[1], "key")
        client.follow_redirects = False
        asked = client.post(
            "/diary/keep", data={"key": key, "csrf_token": hidden_field(result, "csrf_token")}
        )
        assert asked.headers["location"] == f"/account/signup?keep={key}"
        signup = client.get(asked.headers["location"]).text
        assert hidden_field(signup, "keep") == key
        assert page_sign_up(client, keep=key).headers["location"] == "/diary"
        saved = client.get("/api/diary/assessments").json()["assessments"]
        assert len(saved) == 1 and saved[0]["level"] == "self_care"
        assert {"assessment", "plan"} <= set(saved[0]["assessment"])
        diary = client.get("/diary").text
        assert f'href="/diary/assessments/{saved[0]["id"]}">2 March 2026: ' in diary  # the clock passed in


def test_a_signed_in_person_saves_a_result_at_once(app: FastAPI) -> None:
    with browser(app) as client:
        page_sign_up(client)
        client.follow_redirects = True
        result, _ = page_interview(client, SELF_CARE_TEXT)
        key = hidden_field(result.split('action="/diary/keep"')[1], "key")
        kept = client.post("/diary/keep", data={"key": key, "csrf_token": hidden_field(result, "csrf_token")})
        assert kept.url.path == "/diary"
        assert len(client.get("/api/diary/assessments").json()["assessments"]) == 1


def test_a_result_that_expired_meanwhile_still_signs_up_and_says_so(app: FastAPI) -> None:
    with browser(app) as client:
        reply = page_sign_up(client, keep="A" * 22)  # the shape of a key, but no check kept under it
        assert reply.status_code == 303 and reply.headers["location"] == "/diary?not_kept=1"
        assert "could not be saved" in client.get(reply.headers["location"]).text
        assert client.get("/api/diary/assessments").json() == {"assessments": []}
