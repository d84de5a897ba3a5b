"""From the result to STarT Back and Roland-Morris and back, and the summary for your doctor as a PDF:
the group changes the plan, the scores are on the summary, and the PDF is one page on A4 and Letter
with no internal id and no number without its unit."""

from __future__ import annotations

import io
import re
from html import unescape
from typing import TYPE_CHECKING

import pypdf
import pytest
from summary_text import internal_ids, numbers_without_unit
from test_web_questionnaires import post
from web_helpers import SELF_CARE_TEXT, page_interview

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from httpx import Response

HIGH = ["agree", "disagree", "agree", "agree", "agree", "agree", "agree", "disagree", "very_much"]
START_BACK_LINK = "Answer 9 questions about how your back affects you (STarT Back)"
#: A4 and US Letter in PDF points (1/72 inch)
PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}


def link(html: str, words: str) -> str:
    found = re.search(rf'<a[^>]* href="([^"]+)"[^>]*>{re.escape(words)}', html)
    assert found, f"no link '{words}'"
    return unescape(found.group(1))


def fill(client: TestClient, address: str, answers: list[str]) -> Response:
    """Fill a questionnaire from ``address`` a page at a time, as a person would; its result page."""
    page = client.get(address)
    given = 0
    while given < len(answers):
        shown = list(
            dict.fromkeys(re.findall(r'type="(?:radio|checkbox)"[^>]* name="a_([a-z_]+)"', page.text))
        )
        step = dict(zip(shown, answers[given : given + len(shown)], strict=True))
        given += len(shown)
        page = post(client, page, {k: v for k, v in step.items() if v != "not_ticked"})
        assert page.status_code == 200, page.text
    assert given == len(answers)
    return page


@pytest.fixture(scope="module")
def journey(client: TestClient) -> dict[str, str]:
    """The result page, then STarT Back (high risk) and Roland-Morris filled from it, then back."""
    result, _ = page_interview(client, SELF_CARE_TEXT)
    start_back = fill(client, link(result, START_BACK_LINK), HIGH)
    rmdq_address = link(start_back.text, "Roland-Morris Disability Questionnaire")
    rmdq = fill(client, rmdq_address, ["ticked"] * 6 + ["not_ticked"] * 18)
    back = client.get(link(rmdq.text, "Back to your result: see your plan with this score"))
    assert back.status_code == 200
    return {"before": result, "start_back": start_back.text, "after": back.text}


def test_the_result_offers_start_back_and_a_filled_one_changes_the_plan(journey: dict[str, str]) -> None:
    assert "STarT Back group" not in journey["before"]
    after = journey["after"]
    assert "Your plan above uses your STarT Back group: <strong>high risk</strong>" in after
    # the group's care comes first, with its reason (questionnaires.yaml, NICE NG59 1.1.3)
    assert "Your answers put you in the high-risk group" in after
    assert "Your answers put you in the high-risk group" not in journey["before"]


def test_the_summary_shows_both_questionnaires(client: TestClient, journey: dict[str, str]) -> None:
    summary = client.get(link(journey["after"], "A summary for your doctor"))
    text = re.sub(r"<[^>]+>", " ", summary.text)
    assert "Keele STarT Back Screening Tool" in text and "7 out of 9" in text and "high risk" in text
    assert "Roland-Morris Disability Questionnaire" in text and "6 out of 24" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_is_one_page_in_plain_words(client: TestClient, journey: dict[str, str], paper: str) -> None:
    summary = client.get(link(journey["after"], "A summary for your doctor"))
    address = link(summary.text, "Download as PDF (A4)")
    reply = client.get(address + ("&paper=letter" if paper == "letter" else ""))
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/pdf"
    assert "attachment" in reply.headers["content-disposition"]
    pdf = pypdf.PdfReader(io.BytesIO(reply.content))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == PAPER_POINTS[paper]
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Keele STarT Back Screening Tool" in text and "Roland-Morris" in text
    own_words = " ".join(SELF_CARE_TEXT.split())
    assert own_words in text
    rest = text.replace(own_words, " ")
    assert internal_ids(rest) == []
    assert numbers_without_unit(rest) == []
