"""Turn knowledge items (treatments, prevention tips) into plan items for one person."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from lumbar.care import wording
from lumbar.care.models import PlanItem
from lumbar.care.profile import Profile, finding_name
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Prevention, Treatment

#: plan items kept per knowledge base (a treatment with each set of cautions and suited causes met)
KEPT_ITEMS = 2048


def names(finding_ids: list[str], kb: KnowledgeBase) -> str:
    """Finding names joined for a sentence: "pregnant, takes a blood thinner"."""
    return ", ".join(finding_name(f, kb).lower() if f in kb.findings else f for f in finding_ids)


def treatment_item(
    treatment: Treatment, kb: KnowledgeBase, profile: Profile, suited_to: list[str] | None = None
) -> PlanItem | None:
    """The plan item for ``treatment``, personalised; None when it cites no source (never shown)."""
    if not treatment.sources:
        return None
    caution_ids = tuple(profile.has_any(treatment.cautions))
    said_if = tuple(i for i, sentence in enumerate(treatment.text_if) if profile.has_any(sentence.findings))
    suited = tuple(suited_to or ())
    if kb.treatments.get(treatment.id) is treatment:
        return _kept_items(kb)(treatment.id, caution_ids, suited, said_if)
    return _treatment_item(treatment, kb, caution_ids, suited, said_if)


@per_knowledge_base
def _kept_items(
    kb: KnowledgeBase,
) -> Callable[[str, tuple[str, ...], tuple[str, ...], tuple[int, ...]], PlanItem]:
    """The knowledge base's treatments as plan items, each written once per set of cautions, causes
    it suits and sentences said (a plan writes some twenty of them; a few hundred variants serve everyone)."""

    @lru_cache(maxsize=KEPT_ITEMS)
    def item(
        treatment_id: str, caution_ids: tuple[str, ...], suited_to: tuple[str, ...], said_if: tuple[int, ...]
    ) -> PlanItem:
        return _treatment_item(kb.treatments[treatment_id], kb, caution_ids, suited_to, said_if)

    return item


def _treatment_item(
    treatment: Treatment,
    kb: KnowledgeBase,
    caution_ids: tuple[str, ...],
    suited_to: tuple[str, ...],
    said_if: tuple[int, ...] = (),
) -> PlanItem:
    """The plan item, with the ``text_if`` sentences numbered in ``said_if`` added to its text."""
    grade = wording.GRADE_WORDS[treatment.evidence_grade]
    why = f"{wording.RECOMMENDATION_WORDS[treatment.recommendation]} ({grade})."
    if suited_to:
        why += " " + wording.SUITS.format(causes=", ".join(suited_to))
    cautions = [wording.CAUTION.format(names=names(list(caution_ids), kb))] if caution_ids else []
    notes = [
        wording.CONFLICT.format(topic=c.topic.rstrip("?"), follows=c.follows)
        for c in kb.conflicts.values()
        if treatment.id in c.affects
    ]
    return PlanItem(
        id=treatment.id,
        title=treatment.name,
        text=" ".join([treatment.text, *(treatment.text_if[i].text for i in said_if)]),
        why=why,
        sources=[str(c) for c in treatment.sources],
        evidence_grade=treatment.evidence_grade,
        recommendation=treatment.recommendation,
        how=treatment.how,
        duration=treatment.duration,
        frequency=treatment.frequency,
        dose_limits=treatment.dose_limits,
        stop_if=treatment.stop_if,
        cautions=cautions,
        notes=notes,
    )


def prevention_item(tip: Prevention, why: str) -> PlanItem | None:
    """The plan item for a prevention tip; None when it cites no source."""
    if not tip.sources:
        return None
    return PlanItem(id=tip.id, title=tip.name, text=tip.text, why=why, sources=[str(c) for c in tip.sources])
