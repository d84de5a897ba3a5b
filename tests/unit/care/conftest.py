"""Fixtures for the care engine: the packaged knowledge base and hand-made assessments.

`lumbar.assess` is written elsewhere, so assessments here are built by hand. The knowledge base
is the packaged one; a data file that does not exist yet is read as empty, so these tests run
while other files are still being written (the safety-net tests then run over the real rules).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lumbar.assessment import Assessment, FoundFinding, LevelReason, Person, RankedCause
from lumbar.knowledge.loader import KnowledgeBase, data_root, parse_knowledge
from lumbar.knowledge.schema import Level

MakeAssessment = Callable[..., Assessment]


def packaged_kb() -> KnowledgeBase:
    """The packaged knowledge base, every valid item kept even if a file has problems."""
    kb, _ = parse_knowledge(data_root())
    return kb


@pytest.fixture(scope="session")
def base_kb() -> KnowledgeBase:
    return packaged_kb()


@pytest.fixture(scope="session")
def kb(base_kb: KnowledgeBase) -> KnowledgeBase:
    """The packaged knowledge base (every cause these tests rely on is in causes.yaml)."""
    return base_kb


@pytest.fixture
def make_assessment(kb: KnowledgeBase) -> MakeAssessment:
    """Build an Assessment by hand: level, present/absent finding ids, cause ids, fired rule ids, person."""

    def build(
        level: Level | str = Level.SELF_CARE,
        present: tuple[str, ...] = (),
        absent: tuple[str, ...] = (),
        causes: tuple[str, ...] = ("muscle_strain",),
        rules: tuple[str, ...] = (),
        fits_back_problem: bool = True,
        **person: Any,
    ) -> Assessment:
        findings = [FoundFinding(id=f, status="present", evidence=f"said: {f}") for f in present]
        findings += [FoundFinding(id=f, status="absent", evidence=f"said no {f}") for f in absent]
        ranked = [
            RankedCause(
                id=c, name=kb.causes[c].name if c in kb.causes else c, probability=round(0.6 / (i + 1), 2)
            )
            for i, c in enumerate(causes)
        ]
        reasons = [
            LevelReason(
                text=kb.rules[r].reason,
                findings=sorted(kb.rules[r].when.finding_ids()),
                sources=kb.rules[r].source_ids,
                rule=r,
            )
            for r in rules
        ]
        return Assessment(
            level=Level(level),
            level_reasons=reasons,
            causes=ranked,
            findings=findings,
            next_questions=[],
            specialists=[],
            tests=[],
            advice=[],
            sources={},
            person=Person(**person),
            fits_back_problem=fits_back_problem,
        )

    return build
