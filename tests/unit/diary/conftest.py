"""Fixtures for the diary tests: the packaged knowledge base and its engine, and a fixed start day."""

from __future__ import annotations

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.knowledge.loader import KnowledgeBase


@pytest.fixture(scope="session")
def engine() -> AssessmentEngine:
    return default_engine()


@pytest.fixture(scope="session")
def kb(engine: AssessmentEngine) -> KnowledgeBase:
    return engine.kb
