"""Rank causes by naive Bayes: prior odds times the likelihood ratio of every finding known.

Probabilities are normalised over the causes still possible, so they sum to one. A cause whose
`requires` finding is not present, or whose `excludes` finding is present, is left out.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import ClassVar

from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Cause
from lumbar.triage.rules import FindingState, TriageResult, suspected_causes, triage


class CauseScore(Frozen):
    FIELDS: ClassVar[tuple[str, ...]] = ("cause", "probability", "log_odds", "for_", "against")

    cause: Cause
    probability: float
    log_odds: float
    for_: list[str]  # findings that raised it, strongest first
    against: list[str]  # findings that lowered it, strongest first

    def __init__(
        self, cause: Cause, probability: float, log_odds: float, for_: list[str], against: list[str]
    ) -> None:
        vars(self).update(cause=cause, probability=probability, log_odds=log_odds, for_=for_, against=against)


def possible(cause: Cause, state: FindingState) -> bool:
    """False when a required finding is missing or an excluding one is present."""
    return all(f in state.present for f in cause.requires) and not any(
        f in state.present for f in cause.excludes
    )


def log_posterior(cause: Cause, state: FindingState) -> tuple[float, list[tuple[float, str]]]:
    """Log prior odds plus the log LR of each known finding, and the contributions."""
    return _log_posterior(_terms(cause), state)


class _CauseTerms(Frozen):
    """A cause's log prior odds and, in the file's order, each finding's log LRs (None for an LR of 1)."""

    FIELDS: ClassVar[tuple[str, ...]] = ("log_prior_odds", "evidence")

    log_prior_odds: float
    evidence: tuple[tuple[str, float | None, float | None], ...]

    def __init__(
        self, log_prior_odds: float, evidence: tuple[tuple[str, float | None, float | None], ...]
    ) -> None:
        vars(self).update(log_prior_odds=log_prior_odds, evidence=evidence)


def _terms(cause: Cause) -> _CauseTerms:
    p = cause.prior
    return _CauseTerms(
        math.log(p / (1 - p)),
        tuple(
            (
                ev.finding,
                math.log(ev.lr_present) if ev.lr_present != 1.0 else None,
                math.log(ev.lr_absent) if ev.lr_absent != 1.0 else None,
            )
            for ev in cause.evidence
        ),
    )


def _log_posterior(terms: _CauseTerms, state: FindingState) -> tuple[float, list[tuple[float, str]]]:
    """Log prior odds plus the log LR of each known finding, and the contributions."""
    total = terms.log_prior_odds
    parts: list[tuple[float, str]] = []
    present, absent = state.present, state.absent
    for finding, log_present, log_absent in terms.evidence:
        if finding in present:
            contribution = log_present
        elif finding in absent:
            contribution = log_absent
        else:
            continue
        if contribution is not None:
            total += contribution
            parts.append((contribution, finding))
    return total, parts


@per_knowledge_base
def _cause_terms(kb: KnowledgeBase) -> list[tuple[Cause, _CauseTerms]]:
    """Each cause's terms, worked out once per knowledge base (in the file's order)."""
    return [(cause, _terms(cause)) for cause in kb.causes.values()]


#: finding -> each (place of the cause in :func:`_cause_terms`, place of the finding in its evidence, log
#: LR) where the log LR is not None, for the finding present and for it absent
_FindingTerms = tuple[
    dict[str, tuple[tuple[int, int, float], ...]], dict[str, tuple[tuple[int, int, float], ...]]
]


@per_knowledge_base
def _finding_terms(kb: KnowledgeBase) -> _FindingTerms:
    """The causes' terms by finding, so that a state's terms are found from the findings it knows."""
    when_present: dict[str, list[tuple[int, int, float]]] = {}
    when_absent: dict[str, list[tuple[int, int, float]]] = {}
    for index, (_, terms) in enumerate(_cause_terms(kb)):
        for position, (finding, log_present, log_absent) in enumerate(terms.evidence):
            if log_present is not None:
                when_present.setdefault(finding, []).append((index, position, log_present))
            if log_absent is not None:
                when_absent.setdefault(finding, []).append((index, position, log_absent))
    return (
        {finding: tuple(found) for finding, found in when_present.items()},
        {finding: tuple(found) for finding, found in when_absent.items()},
    )


def _known_parts(kb: KnowledgeBase, state: FindingState) -> dict[int, list[tuple[float, str]]]:
    """Each cause's contributions from the findings known, in the order of its evidence (what
    :func:`_log_posterior` adds up), by the cause's place; causes with none are left out."""
    found: dict[int, list[tuple[int, float, str]]] = {}
    when_present, when_absent = _finding_terms(kb)
    present = state.present
    for finding in present:
        for index, position, contribution in when_present.get(finding, ()):
            found.setdefault(index, []).append((position, contribution, finding))
    for finding in state.absent - present:  # a finding both present and absent counts as present
        for index, position, contribution in when_absent.get(finding, ()):
            found.setdefault(index, []).append((position, contribution, finding))
    out: dict[int, list[tuple[float, str]]] = {}
    for index, parts in found.items():
        if len(parts) > 1:
            parts.sort()  # each finding has its own place in the evidence: the places decide
        out[index] = [(contribution, finding) for _, contribution, finding in parts]
    return out


#: a warning-sign rule that fired multiplies the odds of each cause it suspects by this likelihood
#: ratio (log scale). A rule is a combination of findings ("fever" with "injects drugs") that says more
#: than its findings one by one, which naive Bayes cannot see; 10 is the order of a strong red flag's
#: ratio in causes.yaml. Chosen on the labelled sets (top-3 and top-1 rose on most, fell on none, for
#: ratios of 5 to 20; the levels do not depend on it).
SUSPECT_LOG_LR = math.log(10.0)


def rank_causes(kb: KnowledgeBase, state: FindingState, suspected: Collection[str] = ()) -> list[CauseScore]:
    """Every possible cause, most likely first, with probabilities summing to one; the causes in
    ``suspected`` (those the warning-sign rules that fired suspect) with their odds raised."""
    scored = []
    known = _known_parts(kb, state)
    for index, (cause, terms) in enumerate(_cause_terms(kb)):
        if (cause.requires or cause.excludes) and not possible(cause, state):
            continue
        parts = known.get(index)
        total = terms.log_prior_odds
        if cause.id in suspected:
            total += SUSPECT_LOG_LR
        if parts:
            for contribution, _ in parts:
                total += contribution
        scored.append((cause, total, parts))
    if not scored:
        return []
    # odds -> probability per cause, then share of the total (a softmax over causes)
    top = max(s[1] for s in scored)
    weights = [math.exp(s[1] - top) for s in scored]
    norm = sum(weights)
    out = []
    present = state.present
    for (cause, total, parts), weight in zip(scored, weights, strict=True):
        # most causes have no known finding: nothing to sort
        raised, lowered = _explaining(parts, present) if parts else ([], [])
        out.append(CauseScore(cause, weight / norm, total, raised, lowered))
    out.sort(key=lambda s: -s.probability)
    return out


def triage_and_rank(kb: KnowledgeBase, state: FindingState) -> tuple[TriageResult, list[CauseScore]]:
    """The level the warning-sign rules set for ``state``, and the causes ranked with the odds of
    those the fired rules suspect raised: the one way the assessment and the interview judge."""
    result = triage(kb, state)
    return result, rank_causes(kb, state, suspected_causes(result))


#: a finding explains a cause when it moves its odds by at least this much (log scale, about 15%).
MIN_EXPLAINING = math.log(1.15)


def _explaining(parts: list[tuple[float, str]], present: frozenset[str]) -> tuple[list[str], list[str]]:
    """Findings that raised the odds and findings that lowered them, present findings first, strongest
    first."""
    raised = [(c, f) for c, f in parts if c >= MIN_EXPLAINING]
    lowered = [(c, f) for c, f in parts if -c >= MIN_EXPLAINING]
    for chosen in (raised, lowered):
        if len(chosen) > 1:
            chosen.sort(key=lambda cf: (cf[1] not in present, -abs(cf[0])))
    return [f for _, f in raised], [f for _, f in lowered]
