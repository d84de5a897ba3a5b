"""A number that could not be right is named on the result page and on the question that asks again."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

from web_helpers import SELF_CARE_TEXT, answer_action, is_question_page, page_interview, post_form

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from httpx import Response


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def age_question_after_999(client: TestClient) -> Response:
    """The page reached from "I am 999 years old" by answering no until the age is asked."""
    page = post_form(
        client, "/interview", {"text": SELF_CARE_TEXT.replace("I am 35.", "I am 999 years old.")}
    )
    for _ in range(30):
        if 'data-question="age"' in page.text or not is_question_page(page.text):
            break
        page = post_form(client, answer_action(page.text), {"answer": "no"}, page.text)
    return page


def test_the_result_page_names_the_number_that_was_not_used(client: TestClient) -> None:
    html, _ = page_interview(client, SELF_CARE_TEXT + " The pain is 12/10.")
    text = _text(html)
    assert "Please check these numbers" in text
    assert "You wrote “12/10”, but a pain score goes from 0 to 10, so lumbar did not use that number." in text
    plain, _ = page_interview(client, SELF_CARE_TEXT)
    assert "Please check these numbers" not in _text(plain)


def test_the_question_asked_again_says_why(client: TestClient) -> None:
    page = age_question_after_999(client)
    assert 'data-question="age"' in page.text
    assert (
        "Why we ask: You wrote “I am 999 years old”, but an age has to be between 0 and 120 years"
        in _text(page.text)
    )


def test_an_impossible_typed_number_asks_the_same_question_again_saying_why(client: TestClient) -> None:
    page = age_question_after_999(client)
    fields = {"answer": "number", "number": "999"}
    action = answer_action(page.text)
    again = post_form(client, action, fields, page.text)
    assert again.status_code == 422
    assert 'data-question="age"' in again.text
    assert "an age has to be between 0 and 120 years" in _text(again.text)
    words = post_form(client, action, {**fields, "number": "old"}, again.text)
    assert 'data-question="age"' in words.text and "Please type a number" in _text(words.text)
    fine = post_form(client, action, {**fields, "number": "45"}, words.text)
    assert fine.status_code == 200 and 'data-question="age"' not in fine.text
