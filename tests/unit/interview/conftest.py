"""Fixtures for the interview tests: the packaged knowledge base and an interviewer over it."""

from __future__ import annotations

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.interview import Interviewer
from lumbar.knowledge.loader import KnowledgeBase


@pytest.fixture(scope="session")
def engine() -> AssessmentEngine:
    return default_engine()


@pytest.fixture(scope="session")
def kb(engine: AssessmentEngine) -> KnowledgeBase:
    return engine.kb


@pytest.fixture(scope="session")
def interviewer(engine: AssessmentEngine) -> Interviewer:
    return Interviewer(engine)
