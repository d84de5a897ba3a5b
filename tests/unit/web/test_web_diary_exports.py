"""The diary for a clinician: the summary for your doctor made from the diary (page and PDF) and the
FHIR Bundle of the diary, each with the newest saved check and every kept questionnaire score."""

from __future__ import annotations

import io
import json
import re
from html import unescape
from typing import TYPE_CHECKING

import pypdf
from account_helpers import browser, page_sign_up
from summary_text import internal_ids, numbers_without_unit
from web_helpers import SELF_CARE_TEXT, START_BACK_HIGH, hidden_field, page_interview

from lumbar.export.read import read_scores

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient


def diary_with_a_check_and_scores(client: TestClient) -> None:
    """A new person's diary: a saved check, two Roland-Morris scores and a STarT Back score."""
    page_sign_up(client)
    client.follow_redirects = True
    result, _ = page_interview(client, SELF_CARE_TEXT)
    key = hidden_field(result.split('action="/diary/keep"')[1], "key")
    client.post("/diary/keep", data={"key": key, "csrf_token": hidden_field(result, "csrf_token")})
    client.follow_redirects = False
    for day, ticks in (
        ("2026-02-01", ["stay_home", "walk_slowly", "handrail"]),
        ("2026-03-01", ["handrail"]),
    ):
        answers = dict.fromkeys(ticks, "ticked")
        kept = client.post(
            "/api/diary/scores", json={"questionnaire": "rmdq", "answers": answers, "day": day}
        )
        assert kept.status_code == 200, kept.text
    assert (
        client.post(
            "/api/diary/scores", json={"questionnaire": "start_back", "answers": START_BACK_HIGH}
        ).status_code
        == 200
    )


def test_the_summary_from_the_diary_quotes_the_check_and_lists_every_score(app: FastAPI) -> None:
    with browser(app) as client:
        diary_with_a_check_and_scores(client)
        assert 'href="/diary/summary"' in client.get("/diary").text
        page = client.get("/diary/summary")
        assert page.status_code == 200
        assert SELF_CARE_TEXT in page.text  # the words the check was made from
        assert "1 February 2026" in page.text and "1 March 2026" in page.text and "3 out of 24" in page.text
        assert "high risk" in page.text and 'href="/diary/summary.pdf"' in page.text
        article = page.text.split("<article", 1)[1].split("</article>", 1)[0]
        printed = re.sub(r'<p class="no-print">.*?</p>', " ", article.split(">", 1)[1], flags=re.S)
        shown = unescape(re.sub(r"<[^>]+>", " ", printed))  # the words on paper: no buttons
        assert internal_ids(shown) == [] and numbers_without_unit(shown) == []


def test_the_summary_from_the_diary_prints_on_one_page(app: FastAPI) -> None:
    with browser(app) as client:
        diary_with_a_check_and_scores(client)
        reply = client.get("/diary/summary.pdf?paper=letter")
        assert reply.headers["content-type"] == "application/pdf"
        pdf = pypdf.PdfReader(io.BytesIO(reply.content))
        assert len(pdf.pages) == 1 and "Roland-Morris" in pdf.pages[0].extract_text()


def test_the_fhir_bundle_of_the_diary_has_a_response_and_observations_per_kept_score(app: FastAPI) -> None:
    with browser(app) as client:
        diary_with_a_check_and_scores(client)
        reply = client.get("/api/diary/export/fhir")
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/fhir+json")
        bundle = json.loads(reply.text)
        kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
        assert kinds.count("QuestionnaireResponse") == 3 and "RiskAssessment" in kinds and "CarePlan" in kinds
        read = read_scores(reply.text)
        totals = sorted((score.effective, score.value) for score in read if score.value in (3, 1))
        assert ("2026-02-01", 3) in totals and ("2026-03-01", 1) in totals


def test_without_a_saved_check_the_diary_says_what_to_do(app: FastAPI) -> None:
    with browser(app) as client:
        page_sign_up(client)
        assert 'href="/diary/summary"' not in client.get("/diary").text
        page = client.get("/diary/summary")
        assert page.status_code == 404 and "save the result in your diary" in page.text
        assert client.get("/api/diary/export/fhir").status_code == 404
