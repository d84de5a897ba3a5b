"""The summary for your doctor: linked from the result, in plain words (no ids, no raw numbers), with
the person's words, every answer, the level and why, the causes and the plan's first steps."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

import pytest
from web_helpers import EMERGENCY_TEXT, SELF_CARE_TEXT, page_interview, summary_address

from lumbar.export.summary import answer_words

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

#: an internal id: lower-case words joined by underscores
SNAKE_ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
#: a raw number with more decimals than a person would write
RAW_FLOAT = re.compile(r"\b\d+\.\d{2,}\b")
#: the words of the answer buttons
ANSWERS = ("Yes", "No", "Not sure")


def visible_text(html: str) -> str:
    """What a person reads in the page's main part: its text without tags, and without web addresses
    (whose random key may hold an underscore)."""
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r">https?://[^<]+<", "><", main)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


@pytest.fixture(scope="module", params=[SELF_CARE_TEXT, EMERGENCY_TEXT], ids=["self-care", "emergency"])
def summary(request: pytest.FixtureRequest, client: TestClient) -> tuple[str, str]:
    """(the result page, its summary for the doctor)."""
    result, _ = page_interview(client, request.param)
    page = client.get(summary_address(result))
    assert page.status_code == 200
    return result, page.text


def test_the_summary_has_each_part_in_plain_words(summary: tuple[str, str]) -> None:
    result, html = summary
    text = visible_text(html)
    for heading in ("In their own words", "How urgent:", "Warning signs asked about", "Likely causes"):
        assert heading in text, heading
    level = re.search(r'<h1 id="level-title">(.*?)</h1>', result)
    assert level is not None and f"How urgent: {level.group(1)}" in text


def test_the_summary_quotes_the_words_and_every_answer(client: TestClient) -> None:
    result, answered = page_interview(client, SELF_CARE_TEXT)
    html = client.get(summary_address(result)).text
    assert SELF_CARE_TEXT in visible_text(html)
    rows = re.findall(r"<tr><td>[^<]+</td><td>([^<]+)</td></tr>", html)
    assert len(rows) == answered
    assert all(row in ANSWERS or re.fullmatch(r"\d+(\.\d)? [a-z°]+|\d+/10", row) for row in rows)


def test_the_summary_shows_no_internal_ids_or_raw_numbers(summary: tuple[str, str]) -> None:
    _, html = summary
    text = visible_text(html)
    assert SNAKE_ID.findall(text) == []
    assert RAW_FLOAT.findall(text) == []


def test_the_checks_above_would_find_an_id_and_a_raw_number() -> None:
    text = visible_text('<main id="main"><p>muscle_strain at 0.8731</p></main>')
    assert SNAKE_ID.findall(text) == ["muscle_strain"] and RAW_FLOAT.findall(text) == ["0.8731"]


def test_the_summary_prints_without_navigation_and_with_its_address_as_text(summary: tuple[str, str]) -> None:
    _, html = summary
    address = re.search(r'Online for a day at <a href="(http[^"]+)">([^<]+)</a>', html)
    assert address is not None and address.group(1) == address.group(2)
    assert address.group(1).endswith("/summary")


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [("yes", None, "Yes"), ("no", None, "No"), ("unsure", None, "Not sure"), (35.0, "years", "35 years")],
)
def test_an_answer_in_words(value: str | float, unit: str | None, words: str) -> None:
    assert answer_words(value, unit) == words
