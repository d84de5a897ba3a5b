"""Which questions are still worth asking: warning signs that could raise the level first, then the
questions that best separate the likely causes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding
from lumbar.triage.differential import CauseScore
from lumbar.triage.rules import FindingState, TriageResult, unknown_findings

#: how many top causes the information score looks at.
TOP_CAUSES = 6


@dataclass(frozen=True)
class Candidate:
    finding: Finding
    warning: bool  # could raise the urgency level
    score: float
    why: str


def askable(finding: Finding, state: FindingState) -> bool:
    """A finding that has a question, is unknown, and whose gates allow asking it now."""
    if finding.question is None or state.value(finding.id) is not None:
        return False
    if finding.derived_from is not None:
        return False
    if any(f in state.present for f in finding.ask_unless):
        return False
    return not finding.ask_when or any(f in state.present for f in finding.ask_when)


def rank_questions(
    kb: KnowledgeBase, state: FindingState, triage: TriageResult, causes: list[CauseScore]
) -> list[Candidate]:
    """Every question worth asking, best first: warning signs (most urgent rule first), then information."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for rule in triage.possible:
        for finding_id in unknown_findings(rule.when, state):
            finding = kb.findings[finding_id]
            if finding_id in seen or not askable(finding, state):
                continue
            seen.add(finding_id)
            why = finding.rationale or f"It could mean: {rule.name.lower()}."
            out.append(Candidate(finding, True, 100.0 + rule.level.rank, why))
    top = causes[:TOP_CAUSES]
    mass = sum(c.probability for c in top) or 1.0
    for finding in kb.findings.values():
        if finding.id in seen or not askable(finding, state):
            continue
        score = _separation(finding.id, top, mass)
        if score > 0.05:
            why = finding.rationale or "It helps tell the likely causes apart."
            out.append(Candidate(finding, False, score, why))
    warnings = [c for c in out if c.warning]
    rest = sorted((c for c in out if not c.warning), key=lambda c: -c.score)
    return warnings + rest


def _separation(finding_id: str, top: list[CauseScore], mass: float) -> float:
    """How differently the answer would move the top causes: weighted spread of their log LRs."""
    pos: list[tuple[float, float]] = []
    neg: list[tuple[float, float]] = []
    for score in top:
        weight = score.probability / mass
        ev = next((e for e in score.cause.evidence if e.finding == finding_id), None)
        pos.append((weight, math.log(ev.lr_present) if ev else 0.0))
        neg.append((weight, math.log(ev.lr_absent) if ev else 0.0))
    return _spread(pos) + _spread(neg)


def _spread(points: list[tuple[float, float]]) -> float:
    mean = sum(w * x for w, x in points)
    return math.sqrt(sum(w * (x - mean) ** 2 for w, x in points))
