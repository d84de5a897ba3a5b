"""Every account and diary address, tried with another person's ids or with no session: another
person's row is "not found" (404), never shown, changed or deleted; without a session the API says
401 and the pages send the browser to log in."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from account_helpers import all_routes, api_entry, api_sign_up, browser, form_token
from sqlalchemy import select

from lumbar.store.models import DiaryEntry, KeptScore, SavedAssessment

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

#: (method, path) of every address that reads or changes a person's rows; {entry}, {saved} and {score}
#: are filled with the ids of someone else's entry, saved assessment and kept questionnaire score
OWNED = [
    ("GET", "/api/account"),
    ("GET", "/api/account/export"),
    ("POST", "/api/account/delete"),
    ("GET", "/api/diary/entries"),
    ("POST", "/api/diary/entries"),
    ("GET", "/api/diary/entries/{entry}"),
    ("DELETE", "/api/diary/entries/{entry}"),
    ("GET", "/api/diary/assessments"),
    ("GET", "/api/diary/assessments/{saved}"),
    ("GET", "/api/diary/scores"),
    ("POST", "/api/diary/scores"),
    ("GET", "/api/diary/scores/{score}"),
    ("DELETE", "/api/diary/scores/{score}"),
    ("GET", "/api/diary/export/fhir"),
    ("GET", "/diary"),
    ("POST", "/diary/entries"),
    ("GET", "/diary/entries/{entry}"),
    ("POST", "/diary/entries/{entry}/delete"),
    ("GET", "/diary/assessments/{saved}"),
    ("POST", "/diary/scores"),
    ("GET", "/diary/scores/{score}"),
    ("POST", "/diary/scores/{score}/delete"),
    ("GET", "/diary/summary"),
    ("GET", "/diary/summary.pdf"),
    ("GET", "/account/export.json"),
    ("GET", "/account/export.csv"),
    ("GET", "/account/delete"),
    ("POST", "/account/delete"),
]
#: the addresses that take another person's id
WITH_IDS = [(method, path) for method, path in OWNED if "{" in path]
#: account and diary addresses anyone may use: the forms to sign up and log in, logging out, and
#: keeping a check (which asks to sign up first)
OPEN = {"/account/signup", "/account/login", "/api/account/signup", "/api/account/login"}
OPEN |= {"/api/account/logout", "/account/logout", "/diary/keep"}


def call(client: TestClient, method: str, path: str, ids: dict[str, int]) -> object:
    """Call ``path`` as its page or script would: JSON for the API, a form with its token for a page."""
    address = path.format(**ids)
    if path.startswith("/api/"):
        body = {"password": "a long and memorable password"} if path.endswith("/delete") else None
        if path == "/api/diary/entries" and method == "POST":
            body = {"pain_now": 1, "pain_worst": 1}
        if path == "/api/diary/scores" and method == "POST":
            body = {"questionnaire": "rmdq", "answers": {"stay_home": "ticked"}}
        return client.request(method, address, json=body)
    if method == "POST":
        fields = {"csrf_token": form_token(client, "/account/login"), "pain_now": "1", "pain_worst": "1"}
        return client.post(address, data={**fields, "password": "a long and memorable password"})
    return client.get(address)


@pytest.fixture
def owner_ids(app: FastAPI) -> dict[str, int]:
    """The ids of an entry, a saved assessment and a kept score of someone else."""
    with browser(app) as owner:
        person = app.state.store.people.by_username(api_sign_up(owner))
        entry = api_entry(owner, notes="Mine and nobody else's.")
        kept = {"assessment": {"level_reasons": [{"text": "Mine and nobody else's."}]}}
        saved = app.state.store.assessments.add(person.id, "self_care", kept, datetime.now(UTC))
        score = owner.post(
            "/api/diary/scores", json={"questionnaire": "rmdq", "answers": {"handrail": "ticked"}}
        )
        return {"entry": int(str(entry["id"])), "saved": saved.id, "score": int(score.json()["id"])}


def test_the_matrix_lists_every_account_and_diary_address(app: FastAPI) -> None:
    found = set()
    for path, methods in all_routes(app):
        if re.match(r"^(/api)?/(account|diary)", path):
            found |= {(method, re.sub(r"\{[^}]+\}", "{}", path)) for method in methods - {"HEAD"}}
    listed = {(method, re.sub(r"\{[^}]+\}", "{}", path)) for method, path in OWNED}
    listed |= {(method, path) for method, path in found if path in OPEN}
    assert len(found) > len(OWNED)
    assert found == listed, f"add to OWNED or OPEN: {sorted(found - listed)}"


@pytest.mark.parametrize(("method", "path"), WITH_IDS)
def test_another_persons_ids_are_not_found(
    app: FastAPI, owner_ids: dict[str, int], method: str, path: str
) -> None:
    with browser(app) as other:
        api_sign_up(other)
        reply = call(other, method, path, owner_ids)
        assert reply.status_code == 404, f"{method} {path}: {reply.status_code}"
        assert "Mine and nobody else" not in reply.text and "handrail" not in reply.text
    # the rows are still there for their owner
    with app.state.store.engine.connect() as connection:
        assert connection.execute(select(DiaryEntry.id).where(DiaryEntry.id == owner_ids["entry"])).one()
        assert connection.execute(
            select(SavedAssessment.id).where(SavedAssessment.id == owner_ids["saved"])
        ).one()
        assert connection.execute(select(KeptScore.id).where(KeptScore.id == owner_ids["score"])).one()


@pytest.mark.parametrize(("method", "path"), OWNED)
def test_without_a_session_the_api_says_401_and_a_page_asks_to_log_in(
    app: FastAPI, owner_ids: dict[str, int], method: str, path: str
) -> None:
    with browser(app) as nobody:
        reply = call(nobody, method, path, owner_ids)
        if path.startswith("/api/"):
            assert reply.status_code == 401 and reply.json()["error"]["code"] == "not_signed_in"
        else:
            assert reply.status_code == 303 and reply.headers["location"] == "/account/login"
        assert "Mine and nobody else" not in reply.text


def test_lists_and_exports_hold_only_ones_own_rows(app: FastAPI, owner_ids: dict[str, int]) -> None:
    with browser(app) as other:
        api_sign_up(other)
        assert other.get("/api/diary/entries").json() == {"entries": []}
        assert other.get("/api/diary/assessments").json() == {"assessments": []}
        assert other.get("/api/diary/scores").json() == {"scores": []}
        assert other.get("/api/diary/export/fhir").status_code == 404  # no saved check of their own
        assert "Mine and nobody else" not in other.get("/diary/summary").text
        assert "Mine and nobody else" not in other.get("/account/export.csv").text
        exported = other.get("/api/account/export").json()
        assert exported["diary"] == [] and exported["assessments"] == [] and exported["scores"] == []
