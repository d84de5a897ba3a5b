"""Fixtures for the diary tests: the packaged knowledge base and its engine, and a fixed start day."""

from __future__ import annotations

from datetime import date

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.knowledge.loader import KnowledgeBase

#: the day of the first assessment in these tests (the clock is passed in, never read)
START = date(2026, 3, 2)


@pytest.fixture(scope="session")
def engine() -> AssessmentEngine:
    return default_engine()


@pytest.fixture(scope="session")
def kb(engine: AssessmentEngine) -> KnowledgeBase:
    return engine.kb
