"""The pages: describe, answer one question at a time, see the result and the plan; learn; ask."""

from __future__ import annotations

import re
from html import escape as html_escape
from typing import TYPE_CHECKING

import pytest
from web_helpers import (
    EMERGENCY_TEXT,
    SELF_CARE_TEXT,
    answer_action,
    form_answer,
    hidden_field,
    is_question_page,
    page_interview,
    post_form,
    summary_address,
)

import lumbar

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

NOT_A_DIAGNOSIS = "lumbar gives information. It does not diagnose."


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_first_page_asks_for_the_description(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<form method="post" action="/interview">' in page.text
    assert '<label for="text">' in page.text and 'id="text"' in page.text


def test_a_question_page_has_why_answers_and_progress(client: TestClient) -> None:
    page = post_form(client, "/interview", {"text": SELF_CARE_TEXT})
    assert page.status_code == 200
    assert is_question_page(page.text)
    assert "Why we ask:" in page.text
    assert "<progress" in page.text and "Question 1 of about" in page.text
    if 'name="number"' not in page.text:
        for word in ("yes", "no", "unsure"):
            assert f'name="answer" value="{word}"' in page.text
    assert page.url.path.startswith("/interview/") and answer_action(page.text) == page.url.path + "/answer"


def test_back_on_a_page_shows_the_first_question_again(client: TestClient) -> None:
    first = post_form(client, "/interview", {"text": SELF_CARE_TEXT}).text
    title = re.search(r'class="question-text"[^>]*>(.*?)</h1>', first, re.S)
    answer = {"answer": "number", "number": "35"} if 'name="number"' in first else {"answer": "no"}
    second = post_form(client, answer_action(first), answer, page=first).text
    if not is_question_page(second):
        return
    assert 'value="back"' in second
    again = post_form(client, answer_action(second), {"answer": "back"}).text
    assert title is not None and title.group(1) in again


def test_a_self_care_interview_ends_with_the_result_and_plan(client: TestClient) -> None:
    html, answered = page_interview(client, SELF_CARE_TEXT)
    assert answered >= 1
    text = _text(html)
    assert "You can look after this at home" in text
    for heading in (
        "What to do now",
        "Your safety-net",
        "Why",
        "What may be causing it",
        "Who you might see",
        "Tests a doctor may suggest",
        "The next 48 hours",
        "The next two weeks",
        "Sources",
    ):
        assert heading in text, heading
    # the order a person in pain needs: the action, what to do now, when to get help, then why
    order = [
        "You can look after this at home",
        "What to do now",
        "Your safety-net",
        "Why",
        "What may be causing it",
    ]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    # background folds away: the later plan sections, who to see and tests are behind <details>
    for folded in ("More things you can do", "If you see a doctor", "Sources"):
        assert re.search(rf"<summary>{folded}</summary>", html), folded
    seeing = html.index("<summary>If you see a doctor</summary>")
    for inside in ("Who you might see", "Tests a doctor may suggest"):
        assert seeing < html.index(f"<h3>{inside}</h3>") < html.index("</details>", seeing), inside
    # the later plan sections are under "More things you can do", none of them before it
    more = html.index("<summary>More things you can do</summary>")
    for section in ("The next 48 hours", "The next two weeks"):
        assert html.index(f'<h3 class="section-title">{section}</h3>') > more, section


def test_causes_show_finding_names_not_ids(client: TestClient) -> None:
    html, _ = page_interview(client, SELF_CARE_TEXT)
    kb = lumbar.load_knowledge()
    assert kb.findings["lifting_injury"].name in html
    points = re.findall(r"<dt>Points for</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert points
    assert not any(re.search(r"\b[a-z]+_[a-z_]+\b", p) for p in points), points


def test_an_emergency_shows_what_to_do_now_before_anything_else(client: TestClient) -> None:
    html, _ = page_interview(client, EMERGENCY_TEXT)
    main = html[html.index("<main") :]
    assert 'class="level level-emergency' in main or 'class="level level-ambulance' in main
    kb = lumbar.load_knowledge()
    action = kb.rules["rule_ces_feature"].action
    first_h1 = main.index("<h1")
    # every sentence of the rule's action is said once, before anything else, in the box at the top
    for sentence in re.split(r"(?<=[.!?])\s+", action):
        assert main.count(html_escape(sentence)) >= 1, sentence
        assert first_h1 < main.index(html_escape(sentence)) < main.index("What may be causing it")
    assert re.search(
        r"<h1[^>]*>(Go to (an|the) emergency department now|Call an ambulance now)[^<]*</h1>", main
    )
    assert re.search(r'<a class="call" href="tel:\d+">Call \d+</a>', main)
    assert "Your safety-net" in main and "Sources" in main


def test_every_page_says_lumbar_does_not_diagnose(client: TestClient) -> None:
    pages = [
        client.get("/"),
        post_form(client, "/interview", {"text": SELF_CARE_TEXT}),
        client.get("/learn"),
        client.get("/learn/causes/muscle_strain"),
        client.get("/ask", params={"q": "How long do back spasms last?"}),
        client.get("/docs"),
        client.get("/no-such-page"),
    ]
    for page in pages:
        # said plainly, once
        assert _text(page.text).count(NOT_A_DIAGNOSIS) == 1, page.url
        assert "not a diagnosis" not in page.text, page.url


def test_pages_need_no_javascript(client: TestClient) -> None:
    for path in ("/", "/learn", "/ask", "/docs", "/learn/tests/mri_lumbar"):
        page = client.get(path)
        assert "<script" not in page.text, path
    assert "<script" not in page_interview(client, SELF_CARE_TEXT)[0]


def test_the_learn_pages_list_and_show_patient_pages(client: TestClient) -> None:
    kb = lumbar.load_knowledge()
    index = client.get("/learn").text
    for kind in ("causes", "specialists", "tests", "treatments"):
        some_id = next(iter(getattr(kb, kind)))
        assert f'href="/learn/{kind}/{some_id}"' in index
    page = client.get("/learn/causes/cauda_equina_syndrome")
    assert page.status_code == 200
    assert "When to worry" in page.text
    assert client.get("/learn/findings/fever").status_code == 404


def test_the_ask_page_answers_with_cited_passages(client: TestClient) -> None:
    empty = client.get("/ask")
    assert '<label for="q">' in empty.text and "Where this comes from" not in empty.text
    page = client.get("/ask", params={"q": "Can I drive with back spasms?"})
    assert page.status_code == 200
    assert "Where this comes from" in page.text
    assert re.search(r"\[1\]", page.text)


def test_the_docs_page_lists_the_api_without_outside_scripts(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/api/interview/step" in page.text and "/openapi.json" in page.text
    assert "cdn" not in page.text.lower()


def test_an_address_of_the_old_forms_goes_back_to_the_start(client: TestClient) -> None:
    reply = client.get("/interview/answer", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/"


def test_a_number_that_is_not_a_number_is_explained(client: TestClient) -> None:
    first = post_form(client, "/interview", {"text": SELF_CARE_TEXT}).text
    reply = post_form(client, answer_action(first), {"answer": "number", "number": "lots"})
    assert reply.status_code == 422  # the same question again, saying what to type
    assert "type a number" in reply.text and is_question_page(reply.text)


def test_what_people_type_is_escaped(client: TestClient) -> None:
    attack = '"><script>alert(1)</script>'
    page = client.get("/ask", params={"q": "back spasm " + attack})
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    html, _ = page_interview(client, SELF_CARE_TEXT + " " + attack)
    assert "<script>" not in html


def _first_step(client: TestClient) -> str:
    """The address the first form leads to (the POST is answered 303)."""
    token = hidden_field(client.get("/").text, "csrf_token")
    reply = client.post(
        "/interview", data={"text": SELF_CARE_TEXT, "csrf_token": token}, follow_redirects=False
    )
    assert reply.status_code == 303
    return str(reply.headers["location"])


def test_every_posted_form_is_answered_with_a_redirect_to_a_get_address(client: TestClient) -> None:
    first = _first_step(client)
    assert re.fullmatch(r"/interview/[A-Za-z0-9_-]{22}", first)
    page = client.get(first)
    assert page.status_code == 200 and is_question_page(page.text)
    assert page.headers["cache-control"] == "no-store"
    token = hidden_field(page.text, "csrf_token")
    fields = {**form_answer(page.text), "csrf_token": token}
    reply = client.post(answer_action(page.text), data=fields, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] != first
    assert client.get(reply.headers["location"]).status_code == 200


def test_reload_back_and_a_bookmark_show_the_same_step(client: TestClient) -> None:
    first = _first_step(client)
    question = client.get(first).text
    after = post_form(client, answer_action(question), form_answer(question), page=question)
    assert after.url.path != first
    # Back (the earlier address) and reload (the same one again) show the same question
    title = re.search(r'data-question="([^"]+)"', question)
    assert title is not None and title.group(0) in client.get(first).text
    assert client.get(after.url.path).text == after.text


def test_a_result_has_an_address_that_shows_the_same_result_again(client: TestClient) -> None:
    html, _ = page_interview(client, SELF_CARE_TEXT)
    address = summary_address(html).removesuffix("/summary")
    again = client.get(address)
    assert again.status_code == 200 and "You can look after this at home" in again.text
    assert _text(again.text) == _text(html)


@pytest.mark.parametrize("change", ["last", "first", "longer", "shorter"])
def test_a_changed_address_gives_a_clear_page_to_start_again(client: TestClient, change: str) -> None:
    key = _first_step(client).removeprefix("/interview/")
    changed = {
        "last": key[:-1] + ("A" if key[-1] != "A" else "B"),
        "first": ("A" if key[0] != "A" else "B") + key[1:],
        "longer": key + "A",
        "shorter": key[:-1],
    }[change]
    for path in (f"/interview/{changed}", f"/interview/{changed}/summary"):
        reply = client.get(path)
        assert reply.status_code == 404, path
        assert "not known here or has expired" in reply.text and 'href="/">Start again' in reply.text


def test_an_answer_without_the_form_token_is_refused(client: TestClient) -> None:
    first = _first_step(client)
    reply = client.post(first + "/answer", data={"answer": "no"}, follow_redirects=False)
    assert reply.status_code == 403 and "did not come from lumbar" in reply.text


def test_the_summary_of_an_unfinished_interview_sends_back_to_its_question(client: TestClient) -> None:
    first = _first_step(client)
    reply = client.get(first + "/summary", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == first


SCIATICA = "Pain is shooting down my leg from my lower back for a week, I am 41"


def _choice_page(client: TestClient) -> str:
    """The page of the one-of-several question 'one leg or both legs', answering 'no' (or a number) before it."""
    page = post_form(client, "/interview", {"text": SCIATICA}).text
    while 'data-question="leg_sides"' not in page:
        assert is_question_page(page), "the interview ended before asking about one leg or both"
        page = post_form(client, answer_action(page), form_answer(page), page=page).text
    return page


def test_a_choice_question_shows_radio_buttons_in_a_fieldset_with_the_question_as_legend(
    client: TestClient,
) -> None:
    page = _choice_page(client)
    question = lumbar.load_knowledge().findings["leg_sides"].question or ""
    assert re.search(
        rf'<fieldset class="one-of-several"[^>]*>\s*<legend><h1 class="question-text"[^>]*>{re.escape(question)}</h1></legend>',
        page,
    )
    radios = re.findall(
        r'<label class="choice"><input type="radio" name="choice" value="([a-z_]+)" required> ([^<]+)</label>',
        page,
    )
    assert radios == [("one_leg", "In one leg only"), ("both_legs", "In both legs")]
    assert 'name="answer" value="choice"' in page and 'name="answer" value="unsure"' in page
    assert 'name="answer" value="yes"' not in page
    assert "one_leg" not in _text(page) and "both_legs" not in _text(page)  # ids stay in the markup


@pytest.mark.parametrize("fields", [{"answer": "choice"}, {"answer": "choice", "choice": "three_legs"}])
def test_no_choice_or_a_made_up_one_asks_again_in_plain_words(
    client: TestClient, fields: dict[str, str]
) -> None:
    page = _choice_page(client)
    reply = post_form(client, answer_action(page), fields, page=page)
    assert reply.status_code == 422
    assert "Please pick one of the answers, or press &#39;Not sure&#39;." in reply.text
    assert 'data-question="leg_sides"' in reply.text and "three_legs" not in _text(reply.text)


def test_both_legs_on_the_page_leads_to_an_emergency_and_the_summary_shows_the_choice(
    client: TestClient,
) -> None:
    page = _choice_page(client)
    page = post_form(client, answer_action(page), {"answer": "choice", "choice": "both_legs"}, page=page).text
    while is_question_page(page):
        page = post_form(client, answer_action(page), form_answer(page), page=page).text
    assert "level-emergency" in page
    summary = _text(client.get(summary_address(page)).text)
    assert "In both legs" in summary
