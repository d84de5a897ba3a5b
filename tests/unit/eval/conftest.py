"""Fixtures for the evaluation tests: the packaged knowledge base, its engine and reader."""

from __future__ import annotations

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.intake.reader import TextReader
from lumbar.interview.engine import Interviewer
from lumbar.knowledge.loader import KnowledgeBase


@pytest.fixture(scope="session")
def engine() -> AssessmentEngine:
    return default_engine()


@pytest.fixture(scope="session")
def kb(engine: AssessmentEngine) -> KnowledgeBase:
    return engine.kb


@pytest.fixture(scope="session")
def reader(kb: KnowledgeBase) -> TextReader:
    return TextReader(kb)


@pytest.fixture(scope="session")
def interviewer(engine: AssessmentEngine) -> Interviewer:
    return Interviewer(engine)
