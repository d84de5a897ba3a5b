"""Questionnaires on the web: the REST API's answers and errors, and the pages a few questions at a time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from web_helpers import hidden_field

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from httpx import Response

MEDIUM = {
    "leg_pain": "agree",
    "shoulder_neck_pain": "agree",
    "walked_short_distances": "agree",
    "dressed_slowly": "agree",
    "not_safe_active": "agree",
    "worrying_thoughts": "disagree",
    "never_better": "agree",
    "not_enjoyed": "disagree",
    "bothersome": "extremely",
}


def test_the_list_names_each_questionnaire(client: TestClient) -> None:
    reply = client.get("/api/questionnaires")
    assert reply.status_code == 200
    assert [q["id"] for q in reply.json()] == ["start_back", "rmdq", "pain_nrs"]


def test_one_questionnaire_has_its_items_and_notice(client: TestClient) -> None:
    body = client.get("/api/questionnaires/start_back").json()
    assert len(body["items"]) == 9
    assert "Keele University" in body["licence"]["notice"]
    assert client.get("/api/questionnaires/oswestry").status_code == 404


def test_score_gives_the_group_the_plan_change_and_the_notice(client: TestClient) -> None:
    reply = client.post("/api/questionnaires/start_back/score", json={"answers": MEDIUM})
    body = reply.json()
    assert reply.status_code == 200
    assert (body["score"]["total"], body["score"]["band"]) == (7, "medium")
    assert body["advice"][0]["id"] == "physiotherapy_exercise"
    assert "nice_ng59" in body["sources"]
    assert body["notice"].startswith("The copyright (©2007)")


def test_score_with_before_says_whether_the_change_matters(client: TestClient) -> None:
    every = {f"{q}": True for q in ("stay_home", "walk_slowly", "handrail", "lie_down_more", "dress_slowly")}
    reply = client.post(
        "/api/questionnaires/rmdq/score", json={"answers": {"stay_home": True}, "before": every}
    )
    change = reply.json()["change"]
    assert (change["before"], change["after"], change["important"], change["direction"]) == (
        5,
        1,
        True,
        "better",
    )


def test_missing_answers_are_a_400_in_the_one_error_shape(client: TestClient) -> None:
    reply = client.post("/api/questionnaires/start_back/score", json={"answers": {"leg_pain": "agree"}})
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert error["code"] == "bad_answers"
    assert "2, 3, 4, 5, 6, 7, 8, 9" in error["message"]


def fields_of(html: str) -> dict[str, str]:
    """The hidden fields of a questionnaire page (earlier answers, page, token)."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def post(client: TestClient, page: Response, answers: dict[str, str], go: str = "next") -> Response:
    data = {**fields_of(page.text), **{f"a_{k}": v for k, v in answers.items()}, "go": go}
    data["csrf_token"] = hidden_field(page.text, "csrf_token")
    return client.post(page.url.path if page.url.path != "/" else "/", data=data)


def test_start_back_pages_three_questions_at_a_time_to_a_plain_result(client: TestClient) -> None:
    page = client.get("/questionnaires/start_back")
    assert page.status_code == 200
    assert page.text.count('type="radio"') == 2 + 2 + 2
    assert "Keele University" in page.text
    items = list(MEDIUM.items())
    for start in (0, 3, 6):
        page = post(client, page, dict(items[start : start + 3]))
        assert page.status_code == 200
    assert "Your group: medium risk" in page.text
    assert "7 out of 9" in page.text
    assert "Exercise programme with a physiotherapist" in page.text
    assert "nice_ng59" not in page.text and "physiotherapy_exercise" not in page.text
    assert "The copyright (©2007)" in page.text


def test_an_unanswered_question_keeps_the_same_page_and_says_which(client: TestClient) -> None:
    page = client.get("/questionnaires/start_back")
    again = post(client, page, {"leg_pain": "agree", "shoulder_neck_pain": "disagree"})
    assert "Please answer question(s) 3" in again.text
    assert 'name="page" value="0"' in again.text


def test_back_returns_to_the_last_page_with_the_answers_kept(client: TestClient) -> None:
    page = client.get("/questionnaires/start_back")
    second = post(client, page, dict(list(MEDIUM.items())[:3]))
    first = post(client, second, {}, go="back")
    assert 'name="page" value="0"' in first.text
    assert 'value="agree" required checked' in first.text


def test_roland_morris_uses_checkboxes_and_counts_the_ticks(client: TestClient) -> None:
    page = client.get("/questionnaires/rmdq")
    assert page.text.count('type="checkbox"') == 6
    page = post(client, page, {"stay_home": "ticked"})
    for _ in range(3):
        page = post(client, page, {})
    assert "1 out of 24" in page.text
    assert "23 sentence(s) left blank count as not ticked" in page.text


def test_a_post_without_the_form_token_is_refused(client: TestClient) -> None:
    reply = client.post("/questionnaires/start_back", data={"a_leg_pain": "agree"})
    assert reply.status_code == 403
