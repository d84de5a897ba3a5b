"""The HTML report: self-contained (no script, nothing from the network), plain words, both charts,
the emergencies first, and the ids people sent escaped."""

from __future__ import annotations

import re
from datetime import date

from lumbar.batch.report import days, html_report
from lumbar.batch.summary import InboxSummary
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Level

TITLES = {level: load_knowledge().levels[level].title for level in Level}


def summary() -> InboxSummary:
    out = InboxSummary()
    out.add("<b>m1</b>", Level.EMERGENCY, "Go now.", "2026-11-01")
    out.add("m2", Level.EMERGENCY_AMBULANCE, "Call now.", "2026-11-03T10:00:00")
    out.add("m3", Level.SELF_CARE, "Rest.", None)
    out.errors["missing text"] += 2
    return out


def test_the_report_is_self_contained_and_lists_the_emergencies_first() -> None:
    page = html_report(summary(), TITLES, "inbox.jsonl")
    assert "<script" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert page.count("<svg") == 2
    assert "&lt;b&gt;m1&lt;/b&gt;" in page and "<b>m1</b>" not in page
    emergencies = page.index("Emergencies")
    assert page.index("m2", emergencies) < page.index("&lt;b&gt;m1", emergencies)
    assert "missing text" in page
    assert "did not say when they came in" in page
    # the levels by their plain titles, never their ids (those that cannot be plain words)
    assert [level for level in Level if "_" in level.value and level.value in page] == []


def test_without_dates_there_is_no_chart_by_day_but_a_sentence_saying_why() -> None:
    out = InboxSummary()
    out.add("m1", Level.SELF_CARE, "Rest.", None)
    page = html_report(out, TITLES, "inbox.csv")
    assert page.count("<svg") == 1
    assert "received_at" in page


def test_every_day_between_the_first_and_the_last_is_drawn() -> None:
    assert days(summary()) == [date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)]
