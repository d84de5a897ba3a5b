"""Fixtures: the packaged questionnaires and answer sets built item by item."""

from __future__ import annotations

import pytest

from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.questionnaires import Questionnaire


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def start_back(kb: KnowledgeBase) -> Questionnaire:
    return kb.questionnaires["start_back"]


@pytest.fixture(scope="session")
def rmdq(kb: KnowledgeBase) -> Questionnaire:
    return kb.questionnaires["rmdq"]


@pytest.fixture(scope="session")
def pain(kb: KnowledgeBase) -> Questionnaire:
    return kb.questionnaires["pain_nrs"]
