"""Fixtures: one assessment with its plan, and dated scores of every questionnaire."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lumbar.assessment import Assessment
from lumbar.assessor import assess
from lumbar.care.models import CarePlan
from lumbar.care.plan import make_plan
from lumbar.export.records import DatedScore, score_in_order
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge

WHEN = datetime(2026, 12, 6, 10, 30, tzinfo=UTC)
HIGH_RISK = "agree,disagree,agree,agree,agree,agree,agree,disagree,very_much"


@pytest.fixture(scope="session")
def when() -> datetime:
    return WHEN


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def assessment() -> Assessment:
    return assess("My lower back keeps cramping since I lifted boxes 3 days ago. I take ibuprofen.")


@pytest.fixture(scope="session")
def scores(kb: KnowledgeBase) -> list[DatedScore]:
    return [
        score_in_order(kb, "start_back", HIGH_RISK, date(2026, 12, 1)),
        score_in_order(kb, "rmdq", "1,1,0,1,1", date(2026, 12, 1)),
        score_in_order(kb, "pain_nrs", "7", date(2026, 12, 1)),
        score_in_order(kb, "pain_nrs", "3", date(2026, 12, 5)),
    ]


@pytest.fixture(scope="session")
def plan(assessment: Assessment, kb: KnowledgeBase, scores: list[DatedScore]) -> CarePlan:
    group = kb.questionnaires["start_back"].band(scores[0].score.band or "")
    return make_plan(assessment, kb, today=WHEN.date(), risk_group=group)
