"""The REST exports: /api/export/fhir (application/fhir+json, a valid R4B Bundle), /api/export/csv, and
/api/plan with a STarT Back group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fhir.resources.R4B.bundle import Bundle
from web_helpers import SELF_CARE_TEXT, START_BACK_HIGH

from lumbar.export.read import read_scores

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

BODY = {
    "text": SELF_CARE_TEXT,
    "questionnaires": [
        {"questionnaire": "start_back", "date": "2026-02-20", "answers": START_BACK_HIGH},
        {"questionnaire": "pain_nrs", "date": "2026-02-20", "answers": {"pain_now": 7}},
        {"questionnaire": "pain_nrs", "date": "2026-03-01", "answers": {"pain_now": 4}},
    ],
}


def test_fhir_export_is_fhir_json_and_every_score_reads_back(client: TestClient) -> None:
    reply = client.post("/api/export/fhir", json=BODY)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("application/fhir+json")
    Bundle.model_validate_json(reply.content)
    read = {(r.code, r.effective, r.value) for r in read_scores(reply.text)}
    assert {
        ("91351-7", "2026-02-20", 7),
        ("91350-9", "2026-02-20", 4),
        ("91352-5", "2026-02-20", "LA9193-9"),
        ("72514-3", "2026-02-20", 7),
        ("72514-3", "2026-03-01", 4),
    } <= read


def test_csv_export_has_a_row_per_score(client: TestClient) -> None:
    reply = client.post("/api/export/csv", json=BODY)
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert reply.text.count("\n") == 1 + 2 + 2


def test_bad_answers_are_a_400_in_the_one_error_shape(client: TestClient) -> None:
    body = {
        "text": SELF_CARE_TEXT,
        "questionnaires": [{"questionnaire": "pain_nrs", "date": "2026-03-01", "answers": {}}],
    }
    reply = client.post("/api/export/fhir", json=body)
    assert reply.status_code == 400
    assert reply.json()["error"]["code"] == "bad_answers"
    assert "Please answer question(s) 1" in reply.json()["error"]["message"]


def test_plan_with_a_start_back_group_brings_its_care_first(client: TestClient) -> None:
    plain = client.post("/api/plan", json={"text": SELF_CARE_TEXT}).json()
    high = client.post("/api/plan", json={"text": SELF_CARE_TEXT, "start_back": "high"}).json()
    reasons = [item["why"] for section in high["sections"] for item in section["items"]]
    assert any("high-risk group" in why for why in reasons)
    assert not any("high-risk group" in item["why"] for s in plain["sections"] for item in s["items"])


def test_plan_with_an_unknown_group_is_a_400(client: TestClient) -> None:
    reply = client.post("/api/plan", json={"text": SELF_CARE_TEXT, "start_back": "purple"})
    assert reply.status_code == 400
    assert "use one of: high, medium, low" in reply.json()["error"]["message"]
