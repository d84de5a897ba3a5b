"""CSV of dated records and of scores."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from lumbar.errors import NotFoundError, QuestionnaireError
from lumbar.export.records import DatedScore, latest_band, score_in_order
from lumbar.export.table import SCORE_COLUMNS, records_csv, scores_csv
from lumbar.knowledge.loader import KnowledgeBase


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_any_dated_records_become_csv_with_blanks_for_missing_values() -> None:
    records = [{"date": date(2026, 12, 1), "pain": 6}, {"date": date(2026, 12, 2), "note": "walked, slowly"}]
    assert rows(records_csv(records)) == [
        {"date": "2026-12-01", "pain": "6", "note": ""},
        {"date": "2026-12-02", "pain": "", "note": "walked, slowly"},
    ]


def test_scores_csv_has_a_row_per_total_and_subscale_oldest_first(scores: list[DatedScore]) -> None:
    table = rows(scores_csv([scores[-1], *scores[:-1]]))
    assert list(table[0]) == list(SCORE_COLUMNS)
    assert [(r["date"], r["measure"], r["score"]) for r in table][:2] == [
        ("2026-12-01", "total", "7"),
        ("2026-12-01", "worry and low mood (questions 5 to 9)", "4"),
    ]
    assert table[0]["group"] == "high risk"
    assert table[-1] == {
        "date": "2026-12-05",
        "questionnaire": "Pain score (numeric rating scale, 0 to 10)",
        "measure": "total",
        "score": "3",
        "lowest": "0",
        "highest": "10",
        "group": "mild pain",
    }


def test_answers_in_question_order_are_scored(kb: KnowledgeBase) -> None:
    dated = score_in_order(kb, "start_back", "disagree," * 8 + "slightly", date(2026, 12, 1))
    assert (dated.score.total, dated.score.band) == (0, "low")
    assert latest_band([dated], "start_back") == "low"
    assert latest_band([dated], "rmdq") is None


def test_too_many_answers_or_an_unknown_form_are_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(QuestionnaireError, match="has 1 questions"):
        score_in_order(kb, "pain_nrs", "3,4", date(2026, 12, 1))
    with pytest.raises(NotFoundError, match="start_back"):
        score_in_order(kb, "oswestry", "1", date(2026, 12, 1))
    with pytest.raises(QuestionnaireError):
        score_in_order(kb, "start_back", "agree", date(2026, 12, 1))
