"""The terms the question ranking works with: each cause's log odds and LRs, what a question could
do, the picture a ranking starts from, and the small information-theory helpers."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import Any, ClassVar

from lumbar.knowledge.frozen import FACTORY, Frozen, Record
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding, Level
from lumbar.triage.rules import Compiled, FindingState, TriageResult

#: how often a finding comes without a cause that raises it, when no LR pair tells.
DEFAULT_RATE = 0.05


class CauseTerms(Record):
    """One cause's log prior odds, its findings' log LRs, and the findings it requires or excludes."""

    FIELDS: ClassVar[tuple[str, ...]] = ("log_prior_odds", "log_lr", "requires", "excludes")

    def __init__(
        self,
        log_prior_odds: float,
        log_lr: dict[str, tuple[float, float]],  # finding -> (log LR present, log LR absent)
        requires: frozenset[str],
        excludes: frozenset[str],
    ) -> None:
        self.log_prior_odds = log_prior_odds
        self.log_lr = log_lr
        self.requires = requires
        self.excludes = excludes


class Look(Record):
    """What one question could do: what would be known after each answer and by how many levels it
    would raise the plan, the rules it reaches, the signs it opens; once weighed (only the
    information block needs it), each answer's chance and the expected level change."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "tried", "answers", "plan", "weighed", "reach", "screened", "relevance", "opened"
    )  # fmt: skip

    def __init__(self, reach: Level = Level.SELF_CARE) -> None:
        # in the answers' order; a plain "no" as (None, None) until weighed
        self.tried: list[tuple[FindingState | None, int | None]] = []
        self.answers: list[tuple[float, FindingState]] = []
        self.plan = 0.0
        self.weighed = False
        self.reach = reach
        self.screened = False
        self.relevance = 0.0
        self.opened: dict[str, Finding] = {}


class Now(Frozen):
    """The picture the ranking starts from: what is known, the level, the causes and their odds."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "state",
        "triage",
        "probs",
        "logs",
        "lrs",
        "possible",
        "uncertainty",
        "shares",
        "p_cache",
        "relevance",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {"shares": (), "p_cache": {}, "relevance": {}}

    state: FindingState
    triage: TriageResult
    probs: dict[str, float]  # cause -> probability, causes still possible
    logs: dict[str, float]  # cause -> log posterior odds, every cause
    lrs: dict[str, float]  # cause -> product of the LRs of what is known
    possible: frozenset[str]  # ids of the rules that could still raise the level
    uncertainty: float  # entropy of probs, in bits
    shares: tuple[tuple[int, float], ...]  # probs as (the cause's index in the ranker's table, p)
    p_cache: dict[str, float]  # finding -> predicted chance of "yes"
    relevance: dict[str, float]  # rule id -> how much the picture points to it

    def __init__(
        self,
        state: FindingState,
        triage: TriageResult,
        probs: dict[str, float],
        logs: dict[str, float],
        lrs: dict[str, float],
        possible: frozenset[str],
        uncertainty: float,
        shares: tuple[tuple[int, float], ...] = (),
        p_cache: dict[str, float] = FACTORY,
        relevance: dict[str, float] = FACTORY,
    ) -> None:
        vars(self).update(
            state=state,
            triage=triage,
            probs=probs,
            logs=logs,
            lrs=lrs,
            possible=possible,
            uncertainty=uncertainty,
            shares=shares,
            p_cache={} if p_cache is FACTORY else p_cache,
            relevance={} if relevance is FACTORY else relevance,
        )


def reference_rate(kb: KnowledgeBase, finding_id: str) -> float:
    """How often a finding comes without a cause that raises it, solved from LR pairs where both exist.

    With LR+ = sens / a and LR- = (1 - sens) / (1 - a), a = (1 - LR-) / (LR+ - LR-).
    """
    rates = []
    for cause in kb.causes.values():
        for ev in cause.evidence:
            if ev.finding != finding_id or ev.lr_present == ev.lr_absent:
                continue
            if (ev.lr_present - 1) * (1 - ev.lr_absent) <= 0:
                continue
            rate = (1 - ev.lr_absent) / (ev.lr_present - ev.lr_absent)
            if 0 < rate < 1 and ev.lr_present * rate <= 1:
                rates.append(rate)
    return sum(rates) / len(rates) if rates else DEFAULT_RATE


def sample_values(thresholds: Iterable[float]) -> list[float]:
    """One value inside each band the thresholds cut a number into."""
    cuts = sorted(set(thresholds))
    if not cuts:
        return []
    if len(cuts) == 1:
        return [cuts[0] * 0.5, cuts[0] * 1.25]
    low = max(cuts[0] - (cuts[1] - cuts[0]) / 2, 0.0)
    high = cuts[-1] + (cuts[-1] - cuts[-2]) / 2
    return [low, *((a + b) / 2 for a, b in itertools.pairwise(cuts)), high]


def contribution(lr_yes: float, lr_no: float, finding_id: str, state: FindingState) -> float:
    """The log LR a finding adds to a cause in ``state``: of "yes", of "no", or none while unknown."""
    return lr_yes if finding_id in state.present else lr_no if finding_id in state.absent else 0.0


def fires(check: Compiled, present: frozenset[str]) -> bool:
    """``check.evaluate(present, absent) is True`` for any ``absent``: a condition is true on the findings
    present alone (what is absent only decides between false and not yet known), so a rule that needs
    a finding not present is dismissed at once."""
    if not check.all_ids <= present or not check.none.isdisjoint(present):
        return False
    for term in check.all_nested:
        if not fires(term, present):
            return False
    if not check.min_any:
        return True
    if check.any_set is not None:
        true = len(check.any_set & present)
    else:
        true = sum(t in present for t in check.any_ids)
    for term in check.any_nested:
        if true >= check.min_any:
            break
        true += fires(term, present)
    return true >= check.min_any


def entropy(probs: Iterable[float]) -> float:
    return -sum(p * math.log2(p) for p in probs if p > 0)
