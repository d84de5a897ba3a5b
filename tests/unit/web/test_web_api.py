"""The REST API: the CONTRACT shapes, a whole interview, signed tokens, the plan, ask and knowledge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from web_helpers import EMERGENCY_TEXT, SELF_CARE_TEXT, TODAY, api_interview

import lumbar
from lumbar.knowledge.schema import Level

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CONTRACT_FIELDS = {
    "level",
    "level_reasons",
    "causes",
    "findings",
    "next_questions",
    "specialists",
    "tests",
    "advice",
    "sources",
}


def test_assess_returns_the_contract_json(client: TestClient) -> None:
    reply = client.post("/api/assess", json={"text": SELF_CARE_TEXT})
    assert reply.status_code == 200
    body = reply.json()
    assert set(body) >= CONTRACT_FIELDS
    assert body["level"] in {level.value for level in Level}
    cause = body["causes"][0]
    assert {"id", "name", "probability", "for", "against"} <= set(cause)
    cited = {s for reason in body["level_reasons"] for s in reason["sources"]}
    assert cited <= set(body["sources"])


def test_assess_gives_what_the_engine_gives(client: TestClient) -> None:
    for text in (SELF_CARE_TEXT, EMERGENCY_TEXT):
        body = client.post("/api/assess", json={"text": text}).json()
        assert body == lumbar.assess(text).to_json_dict()


def test_an_emergency_is_assessed_as_one(client: TestClient) -> None:
    body = client.post("/api/assess", json={"text": EMERGENCY_TEXT}).json()
    assert Level(body["level"]).rank >= Level.EMERGENCY.rank


def test_an_interview_runs_from_start_to_result(client: TestClient) -> None:
    result, asked = api_interview(client, SELF_CARE_TEXT)
    assert result["kind"] == "result" and result["token"]
    assert set(result["assessment"]) >= CONTRACT_FIELDS
    assert result["questions_asked"] == len(asked) >= 1
    for question in asked:
        assert question["text"] and question["why"]
        assert "state" not in question
        assert question["progress"]["asked"] >= 0


def test_an_emergency_interview_ends_at_an_emergency_level(client: TestClient) -> None:
    result, _ = api_interview(client, EMERGENCY_TEXT)
    assert Level(result["assessment"]["level"]).rank >= Level.EMERGENCY.rank


def test_back_returns_to_the_previous_question(client: TestClient) -> None:
    first = client.post("/api/interview/start", json={"text": SELF_CARE_TEXT}).json()
    assert first["kind"] == "question"
    answer = 35 if first["question"]["type"] in ("number", "duration") else "no"
    second = client.post("/api/interview/step", json={"token": first["token"], "answer": answer}).json()
    if second["kind"] == "result":
        return
    again = client.post("/api/interview/step", json={"token": second["token"], "answer": "back"}).json()
    assert again["kind"] == "question"
    assert again["question"]["id"] == first["question"]["id"]


def test_a_tampered_token_is_a_400(client: TestClient) -> None:
    first = client.post("/api/interview/start", json={"text": SELF_CARE_TEXT}).json()
    token = first["token"]
    tampered = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    reply = client.post("/api/interview/step", json={"token": tampered, "answer": "no"})
    assert reply.status_code == 400
    assert reply.json()["error"]["code"] == "bad_interview_state"


def test_plan_gives_the_care_plan(client: TestClient) -> None:
    reply = client.post("/api/plan", json={"text": SELF_CARE_TEXT})
    assert reply.status_code == 200
    plan = reply.json()
    assert plan["created"] == TODAY.isoformat()
    assert plan["urgent"] is None
    assert {"today", "48h", "2_weeks"} <= {section["id"] for section in plan["sections"]}
    assert plan["safety_net"]["groups"]


def test_an_emergency_plan_opens_with_what_to_do_now(client: TestClient) -> None:
    plan = client.post("/api/plan", json={"text": EMERGENCY_TEXT}).json()
    assert plan["urgent"]["actions"]


def test_ask_returns_the_contract_answer(client: TestClient) -> None:
    reply = client.post("/api/ask", json={"question": "Can I drive with back spasms?"})
    assert reply.status_code == 200
    body = reply.json()
    assert body["answer"]
    assert body["passages"] and {"text", "source", "score"} <= set(body["passages"][0])
    scores = [p["score"] for p in body["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert {p["source"] for p in body["passages"]} <= set(body["sources"])


def test_knowledge_lists_kinds_items_and_pages(client: TestClient) -> None:
    kinds = {k["kind"]: k for k in client.get("/api/knowledge").json()}
    assert kinds["causes"]["has_pages"] and kinds["causes"]["count"] >= 26
    causes = client.get("/api/knowledge/causes").json()
    assert {"id": "muscle_strain", "name": lumbar.load_knowledge().causes["muscle_strain"].name} in causes[
        "items"
    ]
    item = client.get("/api/knowledge/causes/muscle_strain").json()
    assert item["item"]["id"] == "muscle_strain"
    assert item["page"]["title"] and item["page"]["sections"]
    finding = client.get("/api/knowledge/findings/fever").json()
    assert finding["page"] is None and finding["item"]["name"]


def test_unknown_knowledge_is_a_404_with_a_hint(client: TestClient) -> None:
    reply = client.get("/api/knowledge/cause")
    assert reply.status_code == 404
    assert "causes" in reply.json()["error"]["message"]
    reply = client.get("/api/knowledge/causes/muscle_strian")
    assert reply.status_code == 404
    assert "muscle_strain" in reply.json()["error"]["message"]


def test_the_openapi_document_lists_every_operation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/assess",
        "/api/interview/start",
        "/api/interview/step",
        "/api/plan",
        "/api/ask",
        "/api/knowledge/{kind}",
        "/api/knowledge/{kind}/{item_id}",
    ):
        assert path in paths, path
    assert not any(path.startswith(("/learn", "/interview")) for path in paths)
    assert "ErrorResponse" in spec["components"]["schemas"]


def test_api_answers_are_not_cached_and_pages_carry_security_headers(client: TestClient) -> None:
    reply = client.post("/api/assess", json={"text": SELF_CARE_TEXT})
    assert reply.headers["cache-control"] == "no-store"
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("answer", ["unsure", "back", "yes", 0, -1, 1e300, 1e-300, 12345.678])
def test_any_valid_answer_to_any_first_question_is_not_a_server_error(
    client: TestClient, answer: object
) -> None:
    first = client.post("/api/interview/start", json={"text": SELF_CARE_TEXT}).json()
    token = first["token"]
    for _ in range(3):
        reply = client.post("/api/interview/step", json={"token": token, "answer": answer})
        assert reply.status_code < 500, reply.text
        if reply.status_code != 200 or reply.json()["kind"] == "result":
            break
        token = reply.json()["token"]


SCIATICA = "Pain is shooting down my leg from my lower back for a week, I am 41"


def _choice_step(client: TestClient) -> dict[str, Any]:
    """The reply that asks 'one leg or both legs', answering 'no' (or a number) before it."""
    body = client.post("/api/interview/start", json={"text": SCIATICA}).json()
    while body["kind"] == "question" and body["question"]["id"] != "leg_sides":
        question = body["question"]
        answer = 41 if question["type"] in ("number", "duration") else "no"
        body = client.post("/api/interview/step", json={"token": body["token"], "answer": answer}).json()
    assert body["kind"] == "question", "the interview ended before asking about one leg or both"
    return body


def test_the_api_schema_says_a_question_may_offer_choices(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    question = schemas["QuestionOut"]["properties"]
    assert "choice" in question["type"]["enum"]
    assert question["choices"]["items"] == {"$ref": "#/components/schemas/AnswerChoice"}
    assert set(schemas["AnswerChoice"]["properties"]) == {"id", "text"}


def test_a_choice_question_is_answered_by_the_id_of_a_choice(client: TestClient) -> None:
    body = _choice_step(client)
    assert body["question"]["type"] == "choice"
    assert body["question"]["choices"] == [
        {"id": "one_leg", "text": "In one leg only"},
        {"id": "both_legs", "text": "In both legs"},
    ]
    wrong = client.post("/api/interview/step", json={"token": body["token"], "answer": "three_legs"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "bad_input"
    assert "'one_leg' (In one leg only), 'both_legs' (In both legs)" in wrong.json()["error"]["message"]
    body = client.post("/api/interview/step", json={"token": body["token"], "answer": "both_legs"}).json()
    while body["kind"] == "question":
        answer = 41 if body["question"]["type"] in ("number", "duration") else "no"
        body = client.post("/api/interview/step", json={"token": body["token"], "answer": answer}).json()
    assert body["assessment"]["level"] == Level.EMERGENCY.value


def test_assess_takes_a_choice_among_its_answers(client: TestClient) -> None:
    both = client.post("/api/assess", json={"text": SCIATICA, "answers": {"leg_sides": "both_legs"}}).json()
    one = client.post("/api/assess", json={"text": SCIATICA, "answers": {"leg_sides": "one_leg"}}).json()
    assert both["level"] == Level.EMERGENCY.value and Level(one["level"]).rank < Level.EMERGENCY.rank
    old = client.post("/api/assess", json={"text": SCIATICA, "answers": {"bilateral_leg_symptoms": "yes"}})
    assert old.status_code == 400 and "asked by the question 'leg_sides'" in old.json()["error"]["message"]
