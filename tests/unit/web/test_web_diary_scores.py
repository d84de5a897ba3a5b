"""Questionnaire scores kept in the diary: the result page's button (for a signed-in person only), the
diary page listing them with the change judged by the form's minimal important change, the plot's
scores panel, a kept score's page and deleting it, and the API (scored on the server, errors in the
one shape)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from account_helpers import api_sign_up, browser, page_sign_up
from web_helpers import TODAY, hidden_field, make_settings

from lumbar.web import create_app

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from httpx import Response

KEEP = "Keep this score in my diary"
#: Roland-Morris sentences ticked at the first filling (8) and two weeks later (3)
FIRST_TICKS = ["stay_home", "change_position", "walk_slowly", "no_house_jobs", "handrail", "lie_down_more"]
FIRST_TICKS += ["hold_on_chair", "others_do_things"]
LATER_TICKS = ["change_position", "walk_slowly", "stand_short"]


def fill_rmdq(client: TestClient, ticked: list[str]) -> Response:
    """Fill Roland-Morris through its pages, ticking ``ticked``; the result page."""
    page = client.get("/questionnaires/rmdq")
    while "your result" not in page.text:
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        here = set(re.findall(r'type="checkbox"[^>]*name="a_([a-z_]+)"', page.text))
        here |= set(re.findall(r'name="a_([a-z_]+)"[^>]*type="checkbox"', page.text))
        data = {**fields, **{f"a_{item}": "ticked" for item in ticked if item in here}, "go": "next"}
        page = client.post("/questionnaires/rmdq", data=data)
        assert page.status_code == 200, page.text
    return page


def keep(client: TestClient, result: Response) -> Response:
    """Press the result page's keep button."""
    form = result.text.split('action="/diary/scores"', 1)[1].split("</form>", 1)[0]
    data = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    return client.post("/diary/scores", data=data)


def test_the_keep_button_is_for_a_signed_in_person_only(app: FastAPI) -> None:
    with browser(app) as anonymous:
        assert KEEP not in fill_rmdq(anonymous, ["stay_home"]).text
    with browser(app) as client:
        page_sign_up(client)
        result = fill_rmdq(client, ["stay_home", "handrail"])
        assert KEEP in result.text and "2 out of 24" in result.text
        kept = keep(client, result)
        assert kept.status_code == 303 and kept.headers["location"] == "/diary#scores-title"
        [score] = client.get("/api/diary/scores").json()["scores"]
        assert (score["questionnaire"], score["total"], score["day"]) == ("rmdq", 2, TODAY.isoformat())
        assert score["answers"] == {"stay_home": "ticked", "handrail": "ticked"}


def test_the_total_is_scored_on_the_server_from_the_answers(app: FastAPI) -> None:
    with browser(app) as client:
        page_sign_up(client)
        token = hidden_field(client.get("/diary").text, "csrf_token")
        data = {"csrf_token": token, "questionnaire": "rmdq", "a_stay_home": "ticked", "total": "0"}
        assert client.post("/diary/scores", data=data).status_code == 303
        assert client.get("/api/diary/scores").json()["scores"][0]["total"] == 1
        refused = client.post("/diary/scores", data={**data, "a_stay_home": "perhaps"})
        assert refused.status_code == 400 and "not a tick" in refused.text


def test_two_fillings_on_different_days_are_listed_with_their_change_and_plotted(tmp_path: Path) -> None:
    today = [TODAY]
    app = create_app(make_settings(tmp_path, today=lambda: today[0]))
    with browser(app) as client:
        page_sign_up(client)
        keep(client, fill_rmdq(client, FIRST_TICKS))
        today[0] = TODAY + timedelta(days=14)
        keep(client, fill_rmdq(client, LATER_TICKS))
        diary = client.get("/diary").text
        scores = diary.split('id="scores-title"', 1)[1].split("</section>", 1)[0]
        assert ">2 March 2026: " in scores and ">16 March 2026: " in scores
        assert "3 out of 24" in scores and "8 out of 24" in scores
        assert "a change of 5 point(s), big enough to be a real improvement" in scores
        assert 'id="scores-rmdq"' in diary and "Roland-Morris went from 8 to 3 out of 24" in diary
        assert "rmdq" not in re.sub(r"<[^>]*>", "", scores)  # no ids shown, only names


def test_scores_alone_still_draw_the_plot_and_a_pain_score_alone_does_not(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        pain = client.post(
            "/api/diary/scores", json={"questionnaire": "pain_nrs", "answers": {"pain_now": 6}}
        )
        assert pain.status_code == 200, pain.text
        assert "<svg" not in client.get("/diary").text
        client.post("/api/diary/scores", json={"questionnaire": "rmdq", "answers": {"handrail": "ticked"}})
        assert 'id="scores-rmdq"' in client.get("/diary").text


def test_a_kept_scores_page_shows_the_answers_and_can_delete_it(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        kept = client.post(
            "/api/diary/scores", json={"questionnaire": "rmdq", "answers": {"handrail": "ticked"}}
        )
        page = client.get(f"/diary/scores/{kept.json()['id']}")
        assert "Your Roland-Morris score, 2 March 2026" in page.text
        assert "I use a handrail to get upstairs. <strong>Ticked</strong>" in page.text
        token = hidden_field(page.text, "csrf_token")
        gone = client.post(f"/diary/scores/{kept.json()['id']}/delete", data={"csrf_token": token})
        assert gone.status_code == 303 and client.get("/api/diary/scores").json() == {"scores": []}


def test_the_api_refuses_what_it_cannot_score_in_the_one_error_shape(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        unknown = client.post("/api/diary/scores", json={"questionnaire": "oswestry", "answers": {}})
        assert unknown.status_code == 404 and unknown.json()["error"]["code"]
        missing = client.post("/api/diary/scores", json={"questionnaire": "start_back", "answers": {}})
        assert missing.status_code == 400 and "1, 2, 3" in missing.json()["error"]["message"]
        later = (TODAY + timedelta(days=1)).isoformat()
        future = client.post("/api/diary/scores", json={"questionnaire": "rmdq", "answers": {}, "day": later})
        assert future.status_code in (400, 422) and "today" in future.text
        earlier = date(2026, 2, 1).isoformat()
        dated = client.post(
            "/api/diary/scores", json={"questionnaire": "rmdq", "answers": {}, "day": earlier}
        )
        assert dated.json()["day"] == earlier and dated.json()["total"] == 0
